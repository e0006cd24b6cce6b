from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from heritage.finance.fields import finance_fields, finance_panel


@register_setting(icon="cog")
@finance_fields(
    "default_commission_percent",
    "bank_transfer_instructions",
    "cash_instructions",
    secret=("bank_transfer_instructions", "cash_instructions"),
)
class SiteSettings(BaseGenericSetting):
    """Site-wide values editors can change without a deployment. The commission and the
    instructions buyers pay by are finance data (see `heritage.finance`)."""

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
        finance_panel("default_commission_percent"),
        finance_panel("bank_transfer_instructions"),
        finance_panel("cash_instructions"),
        FieldPanel("manual_payment_days"),
    ]

    class Meta:
        verbose_name = _("site settings")
