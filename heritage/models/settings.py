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

    panels = [FieldPanel("contact_email"), FieldPanel("default_commission_percent")]

    class Meta:
        verbose_name = _("site settings")
