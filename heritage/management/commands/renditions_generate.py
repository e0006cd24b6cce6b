"""Make the public renditions of every image, e.g. after seeding or restoring content."""

import sys

from django.core.management.base import BaseCommand

from wagtail.images import get_image_model

from tqdm import tqdm

from heritage.images.tasks import renditions_generate, renditions_make


class Command(BaseCommand):
    help = "Queue (or with --sync, make now) every missing public rendition of every image."

    def add_arguments(self, parser):
        parser.add_argument(
            "--sync", action="store_true", help="Make the renditions here instead of queueing tasks."
        )

    def handle(self, *args, sync=False, verbosity=1, **options):
        images = get_image_model().objects.order_by("pk")
        made = 0
        for image in tqdm(
            images.iterator(chunk_size=100),
            total=images.count(),
            unit="image",
            desc="Renditions",
            disable=verbosity < 1,
            file=options.get("stderr") or sys.stderr,
        ):
            if sync:
                made += renditions_make(image)
            else:
                renditions_generate.enqueue(image.pk)
        if sync:
            self.stdout.write(f"{made} renditions made.")
        else:
            self.stdout.write(f"{images.count()} images queued.")
