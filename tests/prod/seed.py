"""The small site the production smoke drives: `python -m tests.prod.seed` with the
production environment, on a freshly migrated database. Prints what it made as JSON.

Three languages with an artist index and a gallery, an artist with her account and three
works on sale (one for the bank transfer, one for the card, one to sell twice over), a draft
work for her studio upload, an editor (superuser, no authenticator yet: she sets one up), and
an "About the weavers" page scheduled to go live a few seconds from now.
"""

import json
import sys
from datetime import timedelta

import django

django.setup()

from django.utils import timezone  # noqa: E402

from cms.models import StandardPage  # noqa: E402
from gallery.models import Artwork  # noqa: E402
from heritage.models import User  # noqa: E402
from tests.factories import OfferFactory, UserFactory  # noqa: E402
from tests.gallery.gallery_fixtures import gallery_pages_build, work_make  # noqa: E402
from tests.gallery.portfolio_fixtures import artist_make, artwork_make  # noqa: E402
from tests.prod.people import ARTIST, EDITOR  # noqa: E402

WORKS = {"bank": "pomegranate-suzani", "card": "mountain-ikat", "shared": "silk-road-rug"}
SCHEDULED_IN_SECONDS = 3


def seed() -> dict:
    gallery = gallery_pages_build()["en"]
    user = UserFactory(email=ARTIST["email"], password=ARTIST["password"], email_verified_at=timezone.now())
    artist = artist_make(display_name="Nigora", slug="nigora", user=user)
    works = {}
    for name, slug in WORKS.items():
        work = work_make(artist, title=slug.replace("-", " ").capitalize(), slug=slug)
        OfferFactory(artwork=work, price_amount=180_000)
        works[name] = gallery.artwork_url(work)
    draft = artwork_make(
        artist, title="Evening in Khujand", slug="evening", status=Artwork.Status.DRAFT, images=0
    )
    User.objects.create_superuser(email=EDITOR["email"], password=EDITOR["password"])

    home = gallery.get_parent()
    scheduled = StandardPage(title="About the weavers", slug="weavers", live=False)
    home.add_child(instance=scheduled)
    scheduled.go_live_at = timezone.now() + timedelta(seconds=SCHEDULED_IN_SECONDS)
    scheduled.save_revision().publish()
    return {
        "works": works,
        "draft_edit_url": f"/en/studio/artworks/{draft.pk}/",
        "scheduled_url": "/en/weavers/",
        "scheduled_in": SCHEDULED_IN_SECONDS,
    }


def original_on_disk() -> dict:
    """An original owned by the artist, stored on this machine's disk (run with the bucket
    variables unset): its stored name and bytes' length."""
    from tests.factories import ImageFactory

    owner = User.objects.get(email=ARTIST["email"])
    image = ImageFactory(title="Khujand sketch", uploaded_by_user=owner, pixel_size=(120, 90))
    return {"name": image.file.name, "size": image.file.size}


if __name__ == "__main__":
    json.dump(original_on_disk() if sys.argv[1:] == ["original"] else seed(), sys.stdout)
