from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.snippets.blocks import SnippetChooserBlock

from gallery.selectors import exhibitions as selectors
from gallery.selectors.jsonld import exhibition_jsonld
from heritage.blocks import BaseStreamBlock
from heritage.models import BasePage, optional_image

PAST_PER_PAGE = 12


class ExhibitionIndexPage(BasePage):
    """Exhibitions in one language: current, upcoming and past, from their dates."""

    intro = models.TextField(_("introduction"), blank=True, max_length=800)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["gallery.ExhibitionPage"]

    class Meta:
        verbose_name = _("exhibition index page")

    def exhibitions(self):
        """Its live exhibitions in its own language."""
        return ExhibitionPage.objects.child_of(self).live().filter(locale_id=self.locale_id)

    def get_context(self, request, *args, **kwargs):
        """Its live exhibitions (in its language) as current, upcoming and past; the past
        ones, which only accumulate, are paged."""
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        past = Paginator(selectors.exhibition_list_past(index=self, today=today), PAST_PER_PAGE).get_page(
            request.GET.get("page")
        )
        current = list(selectors.exhibition_list_current(index=self, today=today))
        upcoming = list(selectors.exhibition_list_upcoming(index=self, today=today))
        context.update(
            current=current,
            upcoming=upcoming,
            past=past,
            groups=[
                ("current", _("Now on"), current),
                ("upcoming", _("Coming soon"), upcoming),
                ("past", _("Past exhibitions"), past.object_list),
            ],
        )
        return context


class ExhibitionPage(BasePage):
    """A curated exhibition, in a venue or online, walked through section by section.

    Sections hold chosen artworks; a work that is not (or no longer) published is left out
    when the exhibition is shown, whatever was chosen earlier.
    """

    start_date = models.DateField(_("opens"))
    end_date = models.DateField(_("closes"))
    venue = models.CharField(
        _("venue"), max_length=200, blank=True, help_text=_("Leave empty for an online exhibition.")
    )
    is_online = models.BooleanField(_("online exhibition"), default=False)
    hero_image = optional_image(_("hero image"))
    curator_text = StreamField(BaseStreamBlock(), verbose_name=_("curator's text"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("venue"), FieldPanel("is_online")],
            heading=_("When and where"),
        ),
        FieldPanel("hero_image"),
        FieldPanel("curator_text"),
        InlinePanel("sections", label=_("Sections")),
    ]
    parent_page_types = ["gallery.ExhibitionIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")

    def get_context(self, request, *args, **kwargs):
        """The hero, the online viewing room (every section with its public works) and the
        exhibition's structured data."""
        context = super().get_context(request, *args, **kwargs)
        rooms = selectors.exhibition_rooms(page=self)
        context.update(
            hero=selectors.exhibition_hero_get(page=self),
            rooms=rooms,
            jsonld=exhibition_jsonld(self, rooms=rooms, request=request),
        )
        return context

    @property
    def phase(self) -> str:
        """ "current", "upcoming" or "past", from today's date in Dushanbe."""
        today = timezone.localdate()
        if self.start_date > today:
            return "upcoming"
        if self.end_date < today:
            return "past"
        return "current"


class ExhibitionSection(TranslatableMixin, Orderable):
    """One room of an exhibition: a title, the curator's words and the works shown in it.
    Translatable, so a translation of the exhibition carries its rooms' words into the
    other language (wagtail-localize translates only child objects that are)."""

    page = ParentalKey(ExhibitionPage, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(_("title"), max_length=160)
    text = models.TextField(_("text"), blank=True, max_length=3000)
    artworks = StreamField(
        [("artwork", SnippetChooserBlock("gallery.Artwork", label=_("Artwork")))],
        verbose_name=_("artworks"),
        blank=True,
    )

    panels = [FieldPanel("title"), FieldPanel("text"), FieldPanel("artworks")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def artwork_ids(self) -> list[int]:
        """The chosen works' ids in the curator's order (published or not: callers filter).
        Read from the raw stream, so listing ids costs no query per section."""
        return [item["value"] for item in self.artworks.raw_data if item.get("value")]
