from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from heritage.models import BasePage, optional_image
from heritage.search import search_fields_folded

from ..blocks import StoryStreamBlock
from ..selectors_jsonld import story_jsonld
from ..selectors_stories import campaign_detail, story_detail, story_index_listing

WORDS_PER_MINUTE = 200


class Cause(models.TextChoices):
    EARLY_MARRIAGE = "early_marriage", _("Early marriage")
    DOMESTIC_VIOLENCE = "domestic_violence", _("Domestic violence")
    DISCRIMINATION = "discrimination", _("Discrimination")
    CAREERS = "careers", _("Careers in art and tech")


class StoryIndexPage(BasePage):
    """Stories and campaigns, newest first."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.StoryPage", "cms.CampaignPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story index page")

    def get_context(self, request, *args, **kwargs):
        """One page of stories, newest first, filtered by campaign, cause or tag."""
        context = super().get_context(request, *args, **kwargs)
        context.update(
            story_index_listing(
                index=self,
                params=request.GET,
                stories=StoryPage.objects,
                campaigns=CampaignPage.objects,
                causes=Cause.choices,
            )
        )
        return context


class CampaignPage(BasePage):
    """A cause the NGO speaks for, with its stories and the artworks that carry it."""

    cause = models.CharField(_("cause"), max_length=20, choices=Cause.choices)
    intro = models.TextField(_("introduction"), max_length=600)
    hero_image = optional_image(_("hero image"))
    body = StreamField(StoryStreamBlock(), verbose_name=_("body"), blank=True)

    search_fields = search_fields_folded(
        [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    )
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("cause"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        InlinePanel("related_artworks", label=_("Artworks for this campaign")),
    ]
    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("campaign page")

    def get_context(self, request, *args, **kwargs):
        """Its newest stories and the public works chosen for it."""
        context = super().get_context(request, *args, **kwargs)
        context.update(campaign_detail(page=self, stories=StoryPage.objects, request=request))
        return context


class CampaignArtwork(Orderable):
    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="related_artworks")
    artwork = models.ForeignKey(
        "gallery.Artwork", verbose_name=_("artwork"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("artwork")]


class StoryTag(TaggedItemBase):
    content_object = ParentalKey("cms.StoryPage", on_delete=models.CASCADE, related_name="tagged_items")


class StoryPage(BasePage):
    """One woman's story (told with her consent), an interview or a report, optionally part
    of a campaign."""

    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), max_length=600)
    hero_image = optional_image(_("hero image"))
    campaign = models.ForeignKey(
        CampaignPage,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    body = StreamField(StoryStreamBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=StoryTag, blank=True, verbose_name=_("tags"))

    search_fields = search_fields_folded(
        [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    )
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("campaign"),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel(
            "consents",
            label=_("Consent of the people in this story"),
            help_text=_(
                "Who agreed to appear, when and how. Revoking a consent takes the story offline at once."
            ),
        ),
    ]
    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("story page")

    def get_context(self, request, *args, **kwargs):
        """Its content warnings (shown first), tags, campaign and the public cards of its
        blocks."""
        context = super().get_context(request, *args, **kwargs)
        detail = story_detail(page=self, request=request)
        context.update(detail, jsonld=story_jsonld(self, hero=detail["hero"], request=request))
        return context

    @property
    def reading_minutes(self) -> int:
        """Minutes to read the intro and the text blocks, at 200 words a minute (at least 1)."""
        words = len(self.intro.split())
        for block in self.body:
            if block.block_type in {"paragraph"}:
                words += len(strip_tags(str(block.value)).split())
            elif block.block_type in {"heading", "quote"}:
                value = block.value
                words += len(str(value.get("text", "")).split())
        return max(1, round(words / WORDS_PER_MINUTE))


class StoryConsent(Orderable):
    """A person who appears in a story agreed to it: who, when, how, recorded by whom. A
    revoked consent (`revoked_at`) takes the story offline at once, in every language, and
    keeps it offline (see cms.services_stories)."""

    class Method(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        WRITTEN = "written", _("In writing")
        PHONE = "phone", _("By phone")
        MESSENGER = "messenger", _("By message (Telegram, WhatsApp)")

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="consents")
    person_name = models.CharField(_("person"), max_length=120, help_text=_("As she agreed to be named."))
    artist = models.ForeignKey(
        "artists.ArtistProfile",
        verbose_name=_("artist"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    given_at = models.DateField(_("consent given on"))
    method = models.CharField(_("consent given"), max_length=12, choices=Method.choices)
    note = models.CharField(_("note"), max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(_("consent revoked at"), null=True, blank=True)

    panels = [
        FieldPanel("person_name"),
        FieldPanel("artist"),
        MultiFieldPanel([FieldPanel("given_at"), FieldPanel("method"), FieldPanel("note")]),
        FieldPanel("revoked_at"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self):
        return self.person_name
