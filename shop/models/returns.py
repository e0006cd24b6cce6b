"""A buyer's request to send back what she bought, from delivery until the returns window
(`SHOP_RETURN_DAYS`) closes. One per order: the whole order goes back and is refunded in
full. It moves only through `shop.services.returns` (requested → accepted or declined;
accepted → received, when the refund is made)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .orders import Order
from .payments import Refund


class ReturnRequest(models.Model):
    """Her reason and photos, the editor's answer (with the return-shipping instructions when
    accepted), and on receipt the refund and whether the works can be sold again."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Return requested")
        ACCEPTED = "accepted", _("Return accepted")
        DECLINED = "declined", _("Return declined")
        RECEIVED = "received", _("Returned and refunded")

    order = models.OneToOneField(Order, on_delete=models.PROTECT, related_name="return_request")
    reason = models.TextField(_("reason"), max_length=2000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    message = models.TextField(
        _("message to the buyer"),
        max_length=2000,
        blank=True,
        help_text=_("The editor's answer; for an accepted return, where and how to send the works back."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    received_at = models.DateTimeField(_("received at"), null=True, blank=True)
    resaleable = models.BooleanField(_("can be sold again"), default=False)
    refund = models.OneToOneField(
        Refund, null=True, blank=True, on_delete=models.PROTECT, related_name="return_request"
    )
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)

    class Meta:
        verbose_name = _("return")
        verbose_name_plural = _("returns")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.order} · {self.get_status_display()}"


class ReturnPhoto(models.Model):
    """A photo she sent with her request (damage, the parcel), cleaned by the upload pipeline."""

    return_request = models.ForeignKey(ReturnRequest, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(settings.WAGTAILIMAGES_IMAGE_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.return_request} · photo {self.image_id}"
