"""`seed_demo --scale large`: a catalogue the size the site must serve well, for `bench/`.

After the ordinary demo steps, these steps add about 200 approved artists with 5,000
published works (each with its own image rows), offers on most works, and — when their
index pages exist — 40 exhibitions, 100 stories and 60 events. Rows go in with
`bulk_create` so the whole catalogue takes a minute or two rather than an hour.

The pictures are not redrawn: each work's `ArtworkImage` rows point at a small pool of the
demo's own photographs, so the renditions made for the pool serve the whole catalogue.
Everything is found again by slug (artists by their `scale-` slugs, works by artist and
slug, pages by slug under their index), so a second run adds nothing.

"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from artists.models import ArtistProfile, Discipline
from cms.models import EventIndexPage, EventPage, StoryIndexPage, StoryPage
from demo.context import SeedContext
from gallery.models import (
    Artwork,
    ArtworkImage,
    ExhibitionIndexPage,
    ExhibitionPage,
    ExhibitionSection,
    Medium,
)
from shop.models import Offer, ShippingProfile

from .words import (
    ARTIST_BATCHES,
    ARTISTS,
    EVENTS,
    EXHIBITIONS,
    FIRST_NAMES,
    IMAGE_POOL,
    MEDIA,
    MOTIFS,
    REGIONS,
    ROOM_SIZE,
    SLUG_PREFIX,
    SOMONI_PER_DOLLAR,
    STORIES,
    WORKS_PER_ARTIST,
    artist_name,
    artist_number,
    artist_slug,
    paragraph,
    text_hash,
    work_fields,
)


@dataclass
class LargeCatalogue:
    """The steps of a large catalogue, and what they had to leave out (`notes`), which the
    command prints after its summary."""

    notes: list[str] = field(default_factory=list)
    # How many works in all (`seed_demo --scale large --works N`): 25 to an artist, so the
    # number of artists follows; the default is the bench's 5,000.
    works: int = ARTISTS * WORKS_PER_ARTIST

    @property
    def artists(self) -> int:
        return max(1, -(-self.works // WORKS_PER_ARTIST))

    @property
    def batches(self) -> int:
        """Works go in batches of about 500 artists' worth at most (12,500 works), so a
        100,000-work catalogue never holds more than one batch in memory."""
        return max(ARTIST_BATCHES, -(-self.artists // 500))

    def steps(self) -> list[tuple[str, object]]:
        """(label, run) pairs in the order they must run."""
        batches = [
            (f"Large: works {n + 1}/{self.batches}", lambda ctx, n=n: self.artworks_create(ctx, batch=n))
            for n in range(self.batches)
        ]
        return [
            ("Large: artists", self.artists_create),
            *batches,
            ("Large: offers", self.offers_create),
            ("Large: exhibitions", self.exhibitions_create),
            ("Large: stories", self.stories_create),
            ("Large: events", self.events_create),
        ]

    # Artists and works

    def artists_create(self, ctx: SeedContext) -> None:
        """One approved artist per 25 works (200 for 5,000) with a discipline each and, for
        half, a public region."""
        existing = set(
            ArtistProfile.objects.filter(slug__startswith=SLUG_PREFIX).values_list("slug", flat=True)
        )
        media = list(MEDIA)
        now = timezone.now()
        new = []
        for n in range(self.artists):
            slug = artist_slug(n)
            if slug in existing:
                continue
            name = artist_name(n)
            medium = media[n % len(media)]
            new.append(
                ArtistProfile(
                    display_name=name,
                    slug=slug,
                    bio=f"{name} works in {MEDIA[medium][1].lower()} and teaches young women in her town.",
                    statement="Я продолжаю узоры моей бабушки и рассказываю в них о сегодняшнем дне.",
                    region=REGIONS[n % len(REGIONS)],
                    show_location=n % 2 == 0,
                    status="approved",
                    reviewed_at=now,
                    payout_method="bank",
                    payout_details="Amonatbonk, Korti Milli card •••• 4242",
                )
            )
        ArtistProfile.objects.bulk_create(new, batch_size=500)
        disciplines = {d.slug: d for d in Discipline.objects.all()}
        created = ArtistProfile.objects.filter(slug__in=[p.slug for p in new])
        through = ArtistProfile.disciplines.through
        links = []
        for artist in created:
            discipline = disciplines.get(MEDIA[media[artist_number(artist.slug) % len(media)]][0])
            if discipline is not None:
                links.append(through(artistprofile_id=artist.pk, discipline_id=discipline.pk))
        through.objects.bulk_create(links, ignore_conflicts=True)
        if new:
            get_search_backend().add_bulk(ArtistProfile, list(created))
        _count(ctx, "large-scale artists", len(new))

    def artworks_create(self, ctx: SeedContext, *, batch: int) -> None:
        """One tenth of the artists' works: published, dated over the last eight years, each
        with one or two image rows from the pool, put in the search index in bulk."""
        media = {m.slug: m for m in Medium.objects.all()}
        slugs = [artist_slug(n) for n in range(batch, self.artists, self.batches)]
        artists = list(ArtistProfile.objects.filter(slug__in=slugs).order_by("pk"))
        pool = _image_pool()
        if not pool:
            self._note("Large works skipped: the demo has no artwork images to reuse.")
            return
        have = set(Artwork.objects.filter(artist__in=artists).values_list("artist_id", "slug"))
        new = []
        for artist in artists:
            n = artist_number(artist.slug)
            for k in range(min(WORKS_PER_ARTIST, self.works - n * WORKS_PER_ARTIST)):
                work = work_fields(n, k, media)
                if (artist.pk, work["slug"]) in have:
                    continue
                artwork = Artwork(artist=artist, status="published", **work)
                artwork.orientation = artwork.derive_orientation()
                new.append(artwork)
        Artwork.objects.bulk_create(new, batch_size=500)
        made = list(
            Artwork.objects.filter(artist__in=artists, images=None)
            .select_related("artist", "medium")
            .prefetch_related("tags")
        )
        rows = []
        for artwork in made:
            h = text_hash(f"{artwork.artist_id}/{artwork.slug}")
            pictures = [pool[h % len(pool)]] + ([pool[(h + 5) % len(pool)]] if h % 3 == 0 else [])
            rows += [
                ArtworkImage(artwork=artwork, image_id=image_id, sort_order=order)
                for order, image_id in enumerate(pictures)
            ]
        ArtworkImage.objects.bulk_create(rows, batch_size=500)
        if made:
            get_search_backend().add_bulk(Artwork, made)
        _count(ctx, "large-scale artworks", len(new))

    def offers_create(self, ctx: SeedContext) -> None:
        """Originals on six works in seven (400 to 6,300 TJS, half with a dollar price),
        a print edition on every fourth as well; works that already have offers are left."""
        profiles = list(ShippingProfile.objects.order_by("sort_order", "pk"))
        if not profiles:
            self._note("Large offers skipped: no shipping profiles (run the migrations).")
            return
        works = Artwork.objects.filter(artist__slug__startswith=SLUG_PREFIX, offers=None).values_list(
            "pk", "artist_id", "slug"
        )
        new = []
        for pk, artist_id, slug in works:
            # The same rule as the demo's own offers step (demo.steps.shop), which sees these works
            # on the next run: a work it would leave unsold stays unsold here too.
            h = text_hash(f"{artist_id}/{slug}")
            if h % 7 == 0:
                continue
            price = (400 + (h % 60) * 100) * 100
            new.append(
                Offer(
                    artwork_id=pk,
                    kind="original",
                    stock=0 if h % 11 == 0 else 1,
                    price_amount=price,
                    price_usd_amount=(price // SOMONI_PER_DOLLAR // 100) * 100 if h % 2 else None,
                    shipping_profile=profiles[h % len(profiles)],
                )
            )
            if h % 4 == 0:
                new.append(
                    Offer(
                        artwork_id=pk,
                        kind="print",
                        edition_size=25,
                        stock=25 - h % 5,
                        price_amount=(250 + (h % 4) * 50) * 100,
                        shipping_profile=profiles[0],
                    )
                )
        Offer.objects.bulk_create(new, batch_size=500)
        _count(ctx, "large-scale offers", len(new))

    # Pages

    def exhibitions_create(self, ctx: SeedContext) -> None:
        """Exhibitions in English under the exhibition index: past, current and to come,
        each with two rooms of large-catalogue works."""
        index = self._index(ExhibitionIndexPage, "exhibitions")
        if index is None:
            return
        works = _scale_work_ids()
        if not works:
            self._note("Large exhibitions skipped: there are no large-catalogue works to show.")
            return
        pool = _image_pool()
        today = timezone.localdate()

        def build(n: int, slug: str):
            rooms = [works[(n * 2 + r) * ROOM_SIZE % len(works) :][:ROOM_SIZE] for r in range(2)]
            opens = today + timedelta(days=(n % 10) * 30 - 240)
            return ExhibitionPage(
                title=f"{MOTIFS[n % len(MOTIFS)]}: works from {REGIONS[n % len(REGIONS)].title()}",
                slug=slug,
                start_date=opens,
                end_date=opens + timedelta(days=60),
                venue="" if n % 3 == 0 else "Kamoliddin Behzod National Museum, Dushanbe",
                is_online=n % 3 == 0,
                hero_image_id=pool[n % len(pool)] if pool else None,
                search_description="An exhibition of women artists of Tajikistan.",
                curator_text=[{"type": "paragraph", "value": f"<p>{paragraph(n)}</p>"}],
                sections=[
                    ExhibitionSection(
                        title=f"Room {r + 1}",
                        text=paragraph(n + r),
                        artworks=[{"type": "artwork", "value": pk} for pk in ids],
                        sort_order=r,
                    )
                    for r, ids in enumerate(rooms)
                ],
            )

        self._pages_add(ctx, index, "exhibitions", EXHIBITIONS, "exhibition", build)

    def stories_create(self, ctx: SeedContext) -> None:
        """Stories in English under the story index, each with a paragraph or two and a
        large-catalogue work as a card."""
        index = self._index(StoryIndexPage, "stories")
        if index is None:
            return
        works = _scale_work_ids()
        if not works:
            self._note("Large stories skipped: there are no large-catalogue works to show.")
            return
        pool = _image_pool()
        today = timezone.localdate()

        def build(n: int, slug: str):
            return StoryPage(
                title=f"{FIRST_NAMES[n % len(FIRST_NAMES)]}'s {MOTIFS[n % len(MOTIFS)].lower()}",
                slug=slug,
                date=today - timedelta(days=n * 5),
                intro=paragraph(n)[:300],
                hero_image_id=pool[n % len(pool)] if pool else None,
                body=[
                    {"type": "paragraph", "value": f"<p>{paragraph(n)}</p>"},
                    {"type": "artwork", "value": {"artwork": works[n * 7 % len(works)], "note": ""}},
                    {"type": "paragraph", "value": f"<p>{paragraph(n + 1)}</p>"},
                ],
            )

        self._pages_add(ctx, index, "stories", STORIES, "story", build)

    def events_create(self, ctx: SeedContext) -> None:
        """Events in English under the event index: two thirds over, a third to come;
        workshops in three cities and online sessions."""
        index = self._index(EventIndexPage, "events")
        if index is None:
            return
        types = [choice for choice, _label in EventPage.Type.choices]
        cities = ["Dushanbe", "Khujand", "Khorog"]
        now = timezone.now().replace(minute=0, second=0, microsecond=0)

        def build(n: int, slug: str):
            start = now + timedelta(days=(n - 40) * 4, hours=n % 5)
            online = n % 4 == 0
            return EventPage(
                title=f"{types[n % len(types)].replace('_', ' ').capitalize()}: {MOTIFS[n % len(MOTIFS)]}",
                slug=slug,
                event_type=types[n % len(types)],
                start=start,
                end=start + timedelta(hours=2),
                is_online=online,
                online_url="https://meet.example.org/heritage" if online else "",
                venue="" if online else "TajikHeritage studio",
                city="" if online else cities[n % len(cities)],
                event_language=["tg", "ru", "en"][n % 3],
                capacity=20 + n % 3 * 10,
                intro=paragraph(n)[:300],
            )

        self._pages_add(ctx, index, "events", EVENTS, "event", build)

    def _index(self, model, what: str):
        """The live English index page of `model`, or None (with a note) when it does not
        exist yet."""
        index = model.objects.live().filter(locale=Locale.get_default()).order_by("path").first()
        if index is None:
            self._note(
                f"Large {what} skipped: no live {model._meta.label} in the default language "
                "(seed the demo's index page first)."
            )
        return index

    def _pages_add(self, ctx: SeedContext, index, what: str, count: int, stem: str, build) -> None:
        """`count` pages built by `build(n, slug)`, added live under `index` unless a page
        with that slug is there already. Added without revisions: for reading, that is all
        a page needs, and it keeps two hundred pages to seconds."""
        have = set(index.get_children().values_list("slug", flat=True))
        now = timezone.now()
        added = 0
        for n in range(count):
            slug = f"{SLUG_PREFIX}{stem}-{n + 1:03d}"
            if slug in have:
                continue
            page = build(n, slug)
            page.live = True
            page.first_published_at = page.last_published_at = now
            index.add_child(instance=page)
            added += 1
        _count(ctx, f"large-scale {what}", added)

    def _note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)


def _count(ctx: SeedContext, what: str, n: int) -> None:
    if n:
        ctx.made[what] += n


def _image_pool() -> list[int]:
    """Ids of up to `IMAGE_POOL` primary images of the demo's own published works."""
    rows = ArtworkImage.objects.filter(sort_order=0, artwork__status="published").exclude(
        artwork__artist__slug__startswith=SLUG_PREFIX
    )
    return list(rows.order_by("image_id").values_list("image_id", flat=True).distinct()[:IMAGE_POOL])


def _scale_work_ids() -> list[int]:
    return list(
        Artwork.objects.filter(artist__slug__startswith=SLUG_PREFIX, status="published")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
