import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from artists.models import ArtistProfile
from gallery.models import Artwork


class Inquiry(models.Model):
    """A buyer's question or commission request about a work, relayed through the site: the
    artist answers in her studio, the buyer by a secret link; neither sees the other's email."""

    class Kind(models.TextChoices):
        QUESTION = "question", _("A question")
        COMMISSION = "commission", _("A commission request")

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for the artist")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    artwork = models.ForeignKey(Artwork, null=True, on_delete=models.SET_NULL, related_name="inquiries")
    artist = models.ForeignKey(ArtistProfile, on_delete=models.CASCADE, related_name="inquiries")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="inquiries"
    )
    name = models.CharField(_("your name"), max_length=120)
    email = models.EmailField(_("your email"), help_text=_("The artist never sees it."))
    kind = models.CharField(_("about"), max_length=12, choices=Kind.choices, default=Kind.QUESTION)
    language = models.CharField(max_length=8, default="en")
    token = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["-updated_at"]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.artwork or self.artist}"


class InquiryMessage(models.Model):
    class Sender(models.TextChoices):
        BUYER = "buyer", _("Buyer")
        ARTIST = "artist", _("Artist")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="messages")
    sender = models.CharField(max_length=8, choices=Sender.choices)
    body = models.TextField(_("message"), max_length=4000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_sender_display()}: {self.body[:40]}"
