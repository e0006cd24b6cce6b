from functools import cache
from io import BytesIO

from django.core.files.images import ImageFile

from demo.content import CREDIT, IMAGES, DemoImage
from demo.context import SeedContext
from heritage.models import CustomImage


@cache
def _jpeg(spec: DemoImage) -> bytes:
    # Drawing is the slow part of the seed, and the same spec always draws the same pixels,
    # so a process that seeds more than one database (the test suite) draws each once.
    buffer = BytesIO()
    spec.render().save(buffer, format="JPEG", quality=95)
    return buffer.getvalue()


def images_create(ctx: SeedContext) -> None:
    """Draw the demo pictures and store them as images, each found again by its title.

    They are saved through the image model like any upload, so they pass the same
    sanitising step and are stored without metadata.
    """
    for spec in IMAGES:
        image = CustomImage.objects.filter(title=spec.title).order_by("pk").first()
        if image is None:
            image = CustomImage(
                title=spec.title,
                alt_text=spec.alt_text,
                credit=CREDIT,
                file=ImageFile(BytesIO(_jpeg(spec)), name=spec.filename),
            )
            image.save()
            ctx.made["images"] += 1
            ctx.report(f"Drew “{spec.title}” ({image.width}×{image.height}).")
        ctx.images[spec.key] = image
