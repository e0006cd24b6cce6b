from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable

from heritage.blocks import BaseStreamBlock
from heritage.caching import layout_cached
from heritage.models import BasePage, optional_image

from ..selectors_home import home_sections

HOME_SECTIONS_SECONDS = 300


class HomePage(BasePage):
    """The front door, one per language: a hero, featured works (chosen, or the newest
    featured ones), current exhibitions, the latest stories, upcoming events and an
    editor-built body."""

    hero_heading = models.CharField(_("hero heading"), max_length=160)
    hero_text = models.TextField(_("hero text"), blank=True, max_length=500)
    hero_image = optional_image(_("hero image"))
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero link"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_label = models.CharField(_("hero link label"), max_length=60, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_link"),
                FieldPanel("hero_link_label"),
            ],
            heading=_("Hero"),
        ),
        InlinePanel(
            "featured_artworks",
            label=_("Featured artworks"),
            help_text=_("Leave empty to show the newest featured works automatically."),
        ),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        """The curated sections under the hero, each with its automatic fallback."""
        context = super().get_context(request, *args, **kwargs)
        # The same for every visitor until the content changes; events and exhibitions also
        # move from "upcoming" to "now" with the clock, hence the few minutes at most.
        context.update(
            layout_cached(
                "home-sections",
                (request.get_host(), self.pk),
                lambda: home_sections(page=self, request=request),
                seconds=HOME_SECTIONS_SECONDS,
            )
        )
        return context


class HomeFeaturedArtwork(Orderable):
    """An artwork an editor put on the home page; unpublished ones are skipped when shown."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_artworks")
    artwork = models.ForeignKey(
        "gallery.Artwork", verbose_name=_("artwork"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("artwork")]


class StandardPage(BasePage):
    """A plain page of text and images: about us, contact, terms, privacy."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
