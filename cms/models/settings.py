"""Navigation and footer, edited by the NGO in the Wagtail admin for every language at once."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField

LANGUAGE_CODES = ("en", "ru", "tg")


class NavigationLinkBlock(blocks.StructBlock):
    """A link to one of our pages (shown in the reader's language, through its translation)
    or to an address elsewhere, with an optional label per language."""

    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an address elsewhere"), required=False)
    label_en = blocks.CharBlock(label=_("Label in English"), required=False, max_length=60)
    label_ru = blocks.CharBlock(label=_("Label in Russian"), required=False, max_length=60)
    label_tg = blocks.CharBlock(label=_("Label in Tajik"), required=False, max_length=60)

    class Meta:
        icon = "link"
        label = _("Link")
        help_text = _("Leave the labels empty to use the page's title in each language.")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise ValidationError(_("Choose a page or give an address."))
        if not value.get("page") and not value.get("label_en"):
            raise ValidationError(_("A link to an address elsewhere needs at least an English label."))
        return value


def _link_stream(verbose_name):
    return StreamField([("link", NavigationLinkBlock())], verbose_name=verbose_name, blank=True)


@register_setting(icon="list-ul")
class NavigationSettings(BaseGenericSetting):
    """The main menu and the footer. An empty main menu falls back to the pages marked
    "show in menus" under each language's home page, so the site is never without one."""

    main_menu = _link_stream(_("main menu"))
    footer_links = _link_stream(_("footer links"))
    footer_text_en = models.TextField(_("footer text in English"), blank=True, max_length=400)
    footer_text_ru = models.TextField(_("footer text in Russian"), blank=True, max_length=400)
    footer_text_tg = models.TextField(_("footer text in Tajik"), blank=True, max_length=400)

    panels = [
        FieldPanel(
            "main_menu",
            help_text=_("Leave empty to list the pages marked “show in menus” under the home page."),
        ),
        FieldPanel("footer_links"),
        MultiFieldPanel(
            [FieldPanel("footer_text_en"), FieldPanel("footer_text_ru"), FieldPanel("footer_text_tg")],
            heading=_("Footer text"),
        ),
    ]

    class Meta:
        verbose_name = _("navigation and footer")

    def footer_text(self, language: str | None = None) -> str:
        """The footer text in `language` (the active one by default), else in English."""
        language = (language or translation.get_language() or "en")[:2]
        own = getattr(self, f"footer_text_{language}", "") if language in LANGUAGE_CODES else ""
        return own or self.footer_text_en
