from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Locale

from heritage.models import BasePage

ARTISTS_PER_PAGE = 24


class ArtistIndexPage(RoutablePageMixin, BasePage):
    """Public portfolios: approved artists (filter by region and discipline) at the page's
    URL, and each artist's portfolio at `<page url>/<artist slug>/`."""

    intro = models.TextField(_("introduction"), blank=True, max_length=800)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("artist index page")

    @classmethod
    def for_active_locale(cls):
        """The index in the current language, else any live one."""
        pages = cls.objects.live()
        return pages.filter(locale=Locale.get_active()).first() or pages.first()

    def artist_url(self, artist, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("artist", kwargs={"slug": artist.slug})

    @path("")
    def index(self, request):
        from artists.selectors import artist_list_public

        artists = artist_list_public(
            region=request.GET.get("region", ""), discipline=request.GET.get("discipline", "")
        )
        page_obj = Paginator(artists, ARTISTS_PER_PAGE).get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={"artists": page_obj, "filters": request.GET},
        )

    @path("<str:slug>/", name="artist")
    def artist(self, request, slug):
        from artists.selectors import artist_get_public
        from gallery.selectors import artwork_list_public

        artist = artist_get_public(slug=slug)
        if artist is None:
            raise Http404
        return self.render(
            request,
            template="gallery/artist_detail.html",
            context_overrides={
                "artist": artist,
                "artworks": artwork_list_public(artist=artist),
            },
        )
