from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FinanceAuditEntry(models.Model):
    """One change of one finance field: who, when, on what, and the value before and after,
    both masked when the field is a secret (bank details, account ids).

    Rows are written only by `heritage.finance.audit` and never edited. The model also carries
    the site's finance permission, `heritage.manage_finance`: its holders edit payout
    destinations, commissions, the payment instructions, prices and shipping fees, read this
    log, and must use two-step sign-in.
    """

    created_at = models.DateTimeField(_("changed at"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user_label = models.CharField(_("changed by (email at the time)"), max_length=254, blank=True)
    object_type = models.ForeignKey(
        ContentType, verbose_name=_("type"), on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.CharField(_("record id"), max_length=64)
    object_label = models.CharField(_("record"), max_length=255)
    field_name = models.CharField(_("field name"), max_length=64)
    field_label = models.CharField(_("field"), max_length=120)
    old_value = models.CharField(_("before"), max_length=255, blank=True)
    new_value = models.CharField(_("after"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("finance log entry")
        verbose_name_plural = _("finance log")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="financeaudit_object")]
        default_permissions = ()
        permissions = [
            (
                "manage_finance",
                _("Can edit payout details, commissions, payment instructions, prices and shipping fees"),
            )
        ]

    def __str__(self):
        return f"{self.object_label}: {self.field_label}"
