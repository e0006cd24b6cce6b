"""The artist index page in every language, the demo artists with their works, and the
applications waiting for an editor.

Artists are found again by slug, works by artist and slug, images by title and
applicants by email, so a second run adds only what is missing.

Profiles and works are written directly rather than through `artists.services` and
`gallery.services`: those tell editors and artists about each application and decision by
email, and demo records must not send any.
"""

import zlib
from datetime import datetime, timedelta
from functools import cache
from io import BytesIO

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from artists.models import ArtistProfile, ArtistSample, Discipline
from demo.content import CREDIT
from demo.content.artists import ARTIST_INDEX, DemoArtist, DemoWork
from demo.content.looks import LOOKS, alt_text
from demo.content.portfolios import APPLICANTS, ARTISTS, PENDING_REVIEW
from demo.context import SeedContext
from demo.patterns.colour import detail
from gallery.models import Artwork, ArtworkImage, Medium
from heritage.images.sanitize import CleanImage, SanitizedFile, sanitize_image
from heritage.models import CustomImage

from .pages import menu_page_create

# The long side of a demo photograph: big enough for every rendition the site asks for
# (640 px cards, 1200×630 social images), small enough to keep the seed quick.
LONG_SIDE = 960
BATCHES = 3


def artist_index_create(ctx: SeedContext) -> None:
    """The artist index under each language's home, published; browsing the artists is what
    most visitors come for, so it goes first after "Home"."""
    menu_page_create(ctx, ARTIST_INDEX, place=lambda page, home, language: page.move(home, pos="first-child"))


def artists_create(ctx: SeedContext, *, batch: int) -> None:
    """One of `BATCHES` parts of the approved artists with their published works (the
    seed's longest work, split so that its progress shows)."""
    for spec in ARTISTS[batch::BATCHES]:
        artist = _artist_get_or_create(ctx, spec, status="approved")
        for n, work in enumerate(spec.works):
            _artwork_get_or_create(ctx, artist, spec, work, n, status="published")


def review_queue_create(ctx: SeedContext) -> None:
    """A newly approved artist whose first works wait for an editor's review."""
    spec = PENDING_REVIEW
    artist = _artist_get_or_create(ctx, spec, status="approved")
    for n, work in enumerate(spec.submitted):
        _artwork_get_or_create(ctx, artist, spec, work, n, status="submitted")


def applications_create(ctx: SeedContext) -> None:
    """Applicants with verified email addresses, each with one or two sample images.

    Their accounts have no usable password: they exist so that editors have applications
    to review, not to be signed in to.
    """
    users = get_user_model()
    for applicant in APPLICANTS:
        spec = applicant.artist
        user = users.objects.filter(email=applicant.email).first()
        if user is None:
            first_name, _, last_name = spec.display_name.partition(" ")
            user = users.objects.create_user(
                applicant.email,
                first_name=first_name,
                last_name=last_name,
                language=spec.language,
                email_verified_at=timezone.now(),
            )
            ctx.made["users"] += 1
        if ArtistProfile.objects.filter(slug=spec.slug).exists():
            continue
        artist = _artist_get_or_create(ctx, spec, status="applied", user=user, count_as="applications")
        for order, (look, title) in enumerate(applicant.samples):
            [picture] = _pictures(look, _size((4, 5) if order else (5, 4)), _seed(spec.slug, title), False)
            image = _image_get_or_create(
                ctx,
                title=f"{spec.display_name}: {title}",
                alt=alt_text(look, spec.language, title),
                picture=picture,
                filename=f"{spec.slug}-sample-{order + 1}.jpg",
            )
            ArtistSample.objects.create(artist=artist, image=image, sort_order=order)


def _artist_get_or_create(ctx: SeedContext, spec: DemoArtist, *, status: str, user=None, count_as="artists"):
    artist = ArtistProfile.objects.filter(slug=spec.slug).first()
    if artist is not None:
        return artist
    artist = ArtistProfile(
        user=user,
        display_name=spec.display_name,
        slug=spec.slug,
        bio=spec.bio,
        statement=spec.statement,
        region=spec.region,
        show_location=spec.show_location,
        website=spec.website,
        instagram=spec.instagram,
        telegram=spec.telegram,
        status=status,
        reviewed_at=timezone.now() if status == "approved" else None,
    )
    # A parental many-to-many relation is written together with the profile.
    artist.disciplines.set(Discipline.objects.filter(slug__in=spec.disciplines))
    artist.save()
    ctx.made[count_as] += 1
    ctx.report(f"Added {spec.display_name} ({status}).")
    return artist


def _artwork_get_or_create(ctx, artist, spec: DemoArtist, work: DemoWork, n: int, *, status: str) -> None:
    slug = slugify(work.title, allow_unicode=True)[:170]
    if Artwork.objects.filter(artist=artist, slug=slug).exists():
        return
    width, height, depth = (*work.size_cm, None)[:3]
    made_at = _made_at(spec.slug, work.year, n)
    medium = Medium.objects.filter(slug=work.medium).first()
    artwork = Artwork.objects.create(
        artist=artist,
        title=work.title,
        slug=slug,
        year=work.year,
        medium=medium,
        materials=work.materials,
        width_cm=width,
        height_cm=height,
        depth_cm=depth,
        description=work.description,
        status=status,
        featured=work.featured,
        created_at=made_at,
        submitted_at=made_at,
        published_at=made_at if status == "published" else None,
    )
    pictures = _pictures(work.look, _size(work.size_cm), _seed(spec.slug, work.title), work.close_up)
    for order, picture in enumerate(pictures):
        close_up = order > 0
        image = _image_get_or_create(
            ctx,
            title=f"{spec.display_name}: {work.title}{' (detail)' if close_up else ''}",
            alt=alt_text(work.look, spec.language, work.title, close_up=close_up),
            picture=picture,
            filename=f"{spec.slug}-{n + 1}{'-detail' if close_up else ''}.jpg",
        )
        # Through the model: the cluster's own manager would only add it in memory.
        ArtworkImage.objects.create(artwork=artwork, image=image, sort_order=order)
    ctx.made["artworks"] += 1


def _image_get_or_create(ctx, *, title: str, alt: str, picture: CleanImage, filename: str) -> CustomImage:
    """The image titled `title`, stored from `picture` if missing. The picture has been
    sanitised already (see `_pictures`), so it is handed over as such, as the upload form
    does, with its size and hash recorded the same way."""
    image = CustomImage.objects.filter(title=title).order_by("pk").first()
    if image is not None:
        return image
    clean = picture
    image = CustomImage(
        title=title,
        alt_text=alt,
        credit=CREDIT,
        file=SanitizedFile(clean.content, name=filename),
        width=clean.width,
        height=clean.height,
    )
    image._set_image_file_metadata()
    image.save()
    ctx.made["images"] += 1
    return image


@cache
def _pictures(look: str, size: tuple[int, int], seed: int, close_up: bool) -> tuple[CleanImage, ...]:
    """A work's photograph (and a close-up of it), drawn and passed through the upload
    pipeline's sanitising step as any upload is.

    Cached: the same arguments always give the same pixels, so a process that seeds more
    than one database (the test suite) draws and cleans each picture once.
    """
    image = LOOKS[look].draw(size, seed)
    images = (image, detail(image)) if close_up else (image,)
    return tuple(_sanitized(picture) for picture in images)


def _sanitized(image) -> CleanImage:
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=90)
    return sanitize_image(buffer.getvalue(), "picture.jpg")


def _size(size_cm: tuple) -> tuple[int, int]:
    """Pixels in the work's proportions (long bolts of cloth and tall doors photographed
    at no more than 2:1), the long side `LONG_SIDE`."""
    width, height = size_cm[0], size_cm[1]
    ratio = min(2.0, max(0.5, width / height))
    if ratio >= 1:
        return LONG_SIDE, round(LONG_SIDE / ratio)
    return round(LONG_SIDE * ratio), LONG_SIDE


def _seed(*parts: str) -> int:
    return zlib.crc32("/".join(parts).encode())


def _made_at(slug: str, year: int, n: int) -> datetime:
    """A fixed moment in the work's year, so the demo's newest-first order never changes
    (none later than 1 November 2026, when the demo was written)."""
    moment = timezone.make_aware(datetime(year, 1, 15)) + timedelta(days=(_seed(slug) + 41 * n) % 300)
    return min(moment, timezone.make_aware(datetime(2026, 11, 1)))
