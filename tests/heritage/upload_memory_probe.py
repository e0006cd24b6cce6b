"""Measures the memory one image upload costs, in a process of its own.

Run as `python -m tests.heritage.upload_memory_probe PATH`: it builds a throw-away SQLite
database, signs an editor in, uploads a small photo (so every module is loaded), then uploads
the file at PATH through the admin's upload form and prints, as JSON, the response's status,
the stored image's size, and how far the process's peak resident memory rose above what it
used just before (the kernel's high-water mark, reset first: Pillow's pixel buffers are not
Python objects, so tracemalloc would not see them).
"""

import json
import os
import re
import sys
import tempfile
from pathlib import Path


def _status(field: str) -> int:
    """A /proc/self/status figure in KiB."""
    return int(re.search(rf"^{field}:\s+(\d+)", Path("/proc/self/status").read_text(), re.M).group(1))


def main(path: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "heritage.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/probe.sqlite3"
    import django

    django.setup()
    from django.apps import apps
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from wagtail.images import get_image_model
    from wagtail.models import Collection

    from tests.heritage.images import jpeg_with_gps
    from tests.two_factor import staff_login

    # Tables straight from the models, as pytest-django's --no-migrations does: seconds, not a
    # full migrate.
    settings.MIGRATION_MODULES = {config.label: None for config in apps.get_app_configs()}
    call_command("migrate", run_syncdb=True, verbosity=0)
    root = Collection.add_root(name="Root")
    editor = get_user_model().objects.create_superuser(email="editor@example.org", password="x")
    client = Client()
    staff_login(client, editor)

    def upload(data: bytes, name: str):
        return client.post(
            reverse("wagtailimages:add"),
            {
                "title": name,
                "alt_text": "A suzani photographed flat on the floor",
                "collection": root.pk,
                "file": SimpleUploadedFile(name, data, content_type="image/jpeg"),
            },
        )

    assert upload(jpeg_with_gps(), "warm-up.jpg").status_code == 302
    data = Path(path).read_bytes()
    Path("/proc/self/clear_refs").write_text("5")  # the peak starts again from here
    before = _status("VmRSS")
    response = upload(data, "IMG_4821.jpg")
    peak = _status("VmHWM")
    image = get_image_model().objects.order_by("-pk").first()
    print(
        json.dumps(
            {
                "status": response.status_code,
                "added_mb": (peak - before) / 1024,
                "stored": [image.width, image.height],
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
