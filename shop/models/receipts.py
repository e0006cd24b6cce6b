"""What the organisation prints on every receipt: who issues it and the tax note, the note
in each language of the site."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="doc-full")
class ReceiptSettings(BaseGenericSetting):
    """The issuer's details (name, registration number, address) and the tax note editors set
    for the receipts buyers download (`shop.receipts`)."""

    issuer_details = models.TextField(
        _("issued by"),
        blank=True,
        default="TajikHeritage, public organisation\nRudaki Avenue 1, Dushanbe, Tajikistan",
        help_text=_("The organisation's name, registration number and address, as printed on receipts."),
    )
    tax_note_en = models.TextField(_("tax note (English)"), blank=True)
    tax_note_ru = models.TextField(_("tax note (Russian)"), blank=True)
    tax_note_tg = models.TextField(_("tax note (Tajik)"), blank=True)

    class Meta:
        verbose_name = _("receipts")

    def tax_note(self, language: str) -> str:
        """The tax note in `language`, else in English."""
        return getattr(self, f"tax_note_{language}", "") or self.tax_note_en
