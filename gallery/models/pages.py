from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from gallery.selectors.browse import (
    artwork_get_public,
    artwork_list_more_by,
    artwork_listing,
    artwork_urls_public,
)
from gallery.selectors.jsonld import artist_jsonld, artwork_jsonld
from gallery.selectors.portfolios import (
    artist_cards,
    artist_get_public,
    artist_list_public,
    artist_slugs_public,
    artwork_list_for_portfolio,
    discipline_choices,
    region_choices,
)
from gallery.selectors.search import search_suggestions
from heritage.models import BasePage

ARTISTS_PER_PAGE = 24
DESCRIPTION_LENGTH = 160


class ArtistIndexPage(RoutablePageMixin, BasePage):
    """Public portfolios: approved artists (filter by region and discipline) at the page's
    URL, and each artist's portfolio at `<page url>/<artist slug>/`."""

    intro = models.TextField(_("introduction"), blank=True, max_length=800)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("artist index page")

    def artist_url(self, artist, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("artist", kwargs={"slug": artist.slug})

    def get_sitemap_urls(self, request=None):
        """The index, then every public portfolio under it."""
        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        base = self.get_full_url(request)
        for slug, updated_at in artist_slugs_public():
            urls.append(
                {
                    "location": base + self.reverse_subpage("artist", kwargs={"slug": slug}),
                    "lastmod": updated_at,
                }
            )
        return urls

    @path("")
    def index(self, request):
        regions = region_choices()
        disciplines = discipline_choices()
        # Unknown values (an old link, a hand-edited URL) are ignored rather than answered
        # with an empty list.
        region = _known(request.GET.get("region"), {value for value, _label in regions})
        discipline = _known(request.GET.get("discipline"), {d.slug for d in disciplines})
        paginator = Paginator(artist_list_public(region=region, discipline=discipline), ARTISTS_PER_PAGE)
        artists = paginator.get_page(request.GET.get("page"))
        base_url = self.get_url(request)
        artists.object_list = artist_cards(
            artists.object_list,
            url_for=lambda slug: base_url + self.reverse_subpage("artist", kwargs={"slug": slug}),
        )
        return self.render(
            request,
            context_overrides={
                "artists": artists,
                "page_range": list(
                    paginator.get_elided_page_range(artists.number, on_each_side=1, on_ends=1)
                ),
                "regions": regions,
                "disciplines": disciplines,
                "selected": {"region": region, "discipline": discipline},
                "filtered": bool(region or discipline),
            },
        )

    @path("<str:slug>/", name="artist")
    def artist(self, request, slug):
        artist = artist_get_public(slug=slug)
        if artist is None:
            raise Http404
        artworks = artwork_list_for_portfolio(artist_pk=artist.pk)
        if artist.image is None and artworks:
            artist.image = artworks[0].primary_image
        subpage = self.reverse_subpage("artist", kwargs={"slug": artist.slug})
        artist.url = self.get_url(request) + subpage
        return self.render(
            request,
            template="gallery/artist_detail.html",
            context_overrides={
                "artist": artist,
                "artworks": artworks,
                "meta_description": _artist_description(artist),
                "canonical_url": self.get_full_url(request) + subpage,
                "alternates": self.alternates(request, subpage),
                "jsonld": artist_jsonld(artist, url=self.get_full_url(request) + subpage),
            },
        )


def _known(value: str | None, allowed: set[str]) -> str:
    return value if value in allowed else ""


def _artist_description(artist) -> str:
    """Her bio (else her statement) shortened for search results and link previews."""
    text = " ".join((artist.bio or artist.statement).split())
    if not text:
        text = gettext("Portfolio of %(name)s on TajikHeritage.") % {"name": artist.display_name}
    return Truncator(text).chars(DESCRIPTION_LENGTH)


class GalleryPage(RoutablePageMixin, BasePage):
    """All published works: filters, search, sort and pagination at the page's URL, and each
    work's own page at `<page url>/<artist slug>/<work slug>/`."""

    intro = models.TextField(_("introduction"), blank=True, max_length=800)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("gallery page")

    def artwork_url(self, artwork, request=None) -> str:
        return self.get_url(request) + self._artwork_path(artwork.artist.slug, artwork.slug)

    def _artwork_path(self, artist_slug: str, slug: str) -> str:
        return self.reverse_subpage("artwork", kwargs={"artist_slug": artist_slug, "slug": slug})

    def get_sitemap_urls(self, request=None):
        """The gallery, then every published work under it."""
        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        base = self.get_full_url(request)
        for artist_slug, slug, updated_at in artwork_urls_public():
            urls.append({"location": base + self._artwork_path(artist_slug, slug), "lastmod": updated_at})
        return urls

    @path("")
    def index(self, request):
        base_url = self.get_url(request)
        listing = artwork_listing(
            request.GET, url_for=lambda work: base_url + self._artwork_path(work.artist.slug, work.slug)
        )
        # A search that found nothing offers the nearest terms and known words instead.
        suggestions = search_suggestions(listing.filters.q) if listing.filters.q and not listing.total else []
        context = {"listing": listing, "artworks": listing.page, "suggestions": suggestions}
        return self.render(request, context_overrides=context)

    @path("<str:artist_slug>/<str:slug>/", name="artwork")
    def artwork(self, request, artist_slug, slug):
        artwork = artwork_get_public(artist_slug=artist_slug, slug=slug)
        if artwork is None:
            raise Http404
        subpage = self._artwork_path(artist_slug, slug)
        canonical_url = self.get_full_url(request) + subpage
        artists_page = ArtistIndexPage.for_active_locale()
        artist_url = artists_page.artist_url(artwork.artist, request) if artists_page else ""
        base_url = self.get_url(request)
        more = artwork_list_more_by(artwork)
        for work in more:
            work.url = base_url + self._artwork_path(work.artist.slug, work.slug)
        return self.render(
            request,
            template="gallery/artwork_page.html",
            context_overrides={
                "artwork": artwork,
                "images": [item.image for item in artwork.images.all()],
                "more_by_artist": more,
                "artist_url": artist_url,
                "meta_description": _artwork_description(artwork),
                "canonical_url": canonical_url,
                "jsonld": artwork_jsonld(
                    artwork,
                    url=canonical_url,
                    artist_url=request.build_absolute_uri(artist_url) if artist_url else "",
                ),
                "alternates": self.alternates(request, subpage),
            },
        )


def _artwork_description(artwork) -> str:
    """The work's description shortened for search results and link previews."""
    text = " ".join(artwork.description.split())
    if not text:
        text = gettext("%(title)s by %(name)s on TajikHeritage.") % {
            "title": artwork.title,
            "name": artwork.artist.display_name,
        }
    return Truncator(text).chars(DESCRIPTION_LENGTH)
