"""Every kind of page is valid HTML: the Nu HTML Checker (`vnu-jar` from npm, `make node`;
Java from Debian) reads each page listed in `html_pages.txt`, in English and Tajik, from the
seeded demo site, and reports no error. All pages go to one run of the checker: its Java
machine takes seconds to start."""

import json
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Locale

import pytest

from artists.models import ArtistProfile
from gallery.models import Artwork
from gallery.sales import Availability, artworks_with_sale
from tests.factories import UserFactory, _tree_root, root_collection

pytestmark = pytest.mark.e2e

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGES = Path(__file__).with_name("html_pages.txt")
LANGUAGES = ("en", "tg")


def listed_pages() -> list[tuple[str, str, bool]]:
    """(kind, path with `{lang}`, signed in as a demo artist) from html_pages.txt."""
    pages = []
    for line in PAGES.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            kind, path, *flags = line.split()
            pages.append((kind, path, "artist" in flags))
    return pages


def vnu_errors(files: list[Path]) -> list[dict]:
    """The checker's error messages for `files`, read in one run."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is missing: `apt-get install -y default-jre-headless`.", pytrace=False)
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run `make node` (npm ci).", pytrace=False)
    result = subprocess.run(  # noqa: S603 - our own files, fixed arguments
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--stdout", "--exit-zero-always"]
        + [str(file) for file in files],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    messages = json.loads(result.stdout)["messages"]
    return [m for m in messages if m.get("type") in ("error", "non-document-error")]


def test_every_kind_of_page_is_valid_html_in_english_and_tajik(client, transactional_db, tmp_path, settings):
    settings.PAGE_CACHE_SECONDS = 0
    cache.clear()
    # Journeys before this one may have flushed the rows migrations made.
    root_collection()
    _tree_root(Locale.objects.get_or_create(language_code="en")[0])
    call_command("seed_demo", quiet=True, verbosity=0)
    cache.clear()
    # A demo artist signs in: an account for one of the profiles the editors listed.
    profile = ArtistProfile.objects.filter(status=ArtistProfile.Status.APPROVED, user=None).first()
    profile.user = artist = UserFactory(email_verified_at=timezone.now())
    profile.save()
    work = (
        artworks_with_sale(Artwork.objects.published())
        .filter(availability=Availability.FOR_SALE)
        .select_related("artist")
        .first()
    )
    artwork = f"{work.artist.slug}/{work.slug}"
    pages = listed_pages()
    assert len({kind for kind, _path, _signed_in in pages}) >= 20

    files, names = [], {}
    for signed_in in (False, True):
        if signed_in:
            client.force_login(artist)
        for kind, template, needs_artist in pages:
            if needs_artist != signed_in:
                continue
            for language in LANGUAGES:
                path = template.format(lang=language, artwork=artwork)
                response = client.get(path)
                expected = 404 if kind == "not-found" else 200
                assert response.status_code == expected, f"{kind}: {path} answered {response.status_code}"
                assert response["Content-Type"].startswith("text/html"), path
                file = tmp_path / f"{len(files):03d}-{kind}-{language}.html"
                file.write_bytes(response.content)
                files.append(file)
                names[file.name] = path

    errors = vnu_errors(files)

    described = []
    for error in errors:
        path = names.get(str(error.get("url", "")).rsplit("/", 1)[-1])
        where = f"{path} line {error.get('lastLine')}"
        described.append(f"{where}: {error.get('message')}\n    {error.get('extract')!r}")
    assert not errors, f"The Nu HTML Checker found {len(errors)} errors:\n" + "\n".join(described)
