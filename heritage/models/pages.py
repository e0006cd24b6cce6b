from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


class BasePage(Page):
    """What every page of ours shares: search-engine and social-sharing fields.

    Wagtail's own `seo_title` and `search_description` serve search engines; the social
    fields decide how a link to the page looks when shared in Telegram, WhatsApp or Facebook.
    """

    social_image = models.ForeignKey(
        "heritage.CustomImage",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared; 1200×630 pixels works best."),
    )
    social_text = models.CharField(
        _("social text"),
        max_length=255,
        blank=True,
        help_text=_("Shown under the title when the page is shared. Defaults to the search description."),
    )

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("social_text")],
            heading=_("Social sharing"),
        ),
    ]

    class Meta:
        abstract = True

    def get_social_text(self) -> str:
        return self.social_text or self.search_description or ""
