from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search import index

from heritage.caching import layout_cached, page_translations
from heritage.search import search_fields_folded
from heritage.seo import hreflang_alternates


def optional_image(verbose_name, **options) -> models.ForeignKey:
    """A picture a page or profile may have: emptied, not deleted, when the image is deleted."""
    return models.ForeignKey(
        "heritage.CustomImage",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **options,
    )


class BasePage(Page):
    """What every page of ours shares: search-engine and social-sharing fields.

    Wagtail's own `seo_title` and `search_description` serve search engines; the social
    fields decide how a link to the page looks when shared in Telegram, WhatsApp or Facebook.
    """

    social_image = optional_image(
        _("social image"), help_text=_("Shown when the page is shared; 1200×630 pixels works best.")
    )
    social_text = models.CharField(
        _("social text"),
        max_length=255,
        blank=True,
        help_text=_("Shown under the title when the page is shared. Defaults to the search description."),
    )

    # Every page is found by its title and search description in any script (`heritage.search`).
    search_fields = search_fields_folded([*Page.search_fields, index.SearchField("search_description")])

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("social_text")],
            heading=_("Social sharing"),
        ),
    ]

    class Meta:
        abstract = True

    @classmethod
    def for_active_locale(cls):
        """The live page of this type in the current language, else any live one; kept with
        the layout until the content changes, so pages linking to it pay no query."""

        def build():
            pages = cls.objects.live()
            return pages.filter(locale=Locale.get_active()).first() or pages.first()

        return layout_cached("page-for-language", (cls._meta.label, translation.get_language()), build)

    def get_view_restrictions(self):
        """Wagtail asks this on every page view. While no page of the site is restricted (the
        usual case) the answer comes from the cache; restrictions are public content, so
        adding one renews the cache at once."""
        if not layout_cached("any-view-restriction", (), PageViewRestriction.objects.exists):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def alternates(self, request, suffix: str = "") -> list[tuple[str, str]]:
        """(language, absolute address + `suffix`) of every live translation, and the
        `x-default`, for `hreflang`."""
        return hreflang_alternates(page_translations(self, request)["full_urls"], suffix)

    def get_social_text(self) -> str:
        return self.social_text or self.search_description or ""
