from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseGenericSetting):
    """Site-wide values editors can change without a deployment."""

    contact_email = models.EmailField(_("contact email"), default="hello@tajikheritage.org")
    default_commission_percent = models.PositiveSmallIntegerField(
        _("default commission (%)"),
        default=20,
        validators=[MaxValueValidator(100)],
        help_text=_("The platform's share of a sale, unless an artist has her own rate."),
    )

    bank_transfer_instructions = models.TextField(
        _("bank transfer instructions"),
        blank=True,
        default="Bank: Amonatbonk, Dushanbe\nAccount: TJ00 0000 0000 0000 0000\nRecipient: TajikHeritage",
        help_text=_("Shown to buyers who choose to pay by bank transfer, with their order number."),
    )
    cash_instructions = models.TextField(
        _("cash on delivery instructions"),
        blank=True,
        default="Pay the courier in somoni when the parcel arrives (Tajikistan only).",
        help_text=_("Shown to buyers who choose to pay cash on delivery."),
    )
    manual_payment_days = models.PositiveSmallIntegerField(
        _("days to pay by bank transfer"),
        default=7,
        help_text=_("An unpaid bank-transfer order gives its works back after this many days."),
    )

    panels = [
        FieldPanel("contact_email"),
        FieldPanel("default_commission_percent"),
        FieldPanel("bank_transfer_instructions"),
        FieldPanel("cash_instructions"),
        FieldPanel("manual_payment_days"),
    ]

    class Meta:
        verbose_name = _("site settings")
