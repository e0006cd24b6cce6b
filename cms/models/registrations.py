import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EventRegistration(models.Model):
    """A place at an event (or on its waitlist). Registrations belong to the event in its
    source language, so a Russian and a Tajik visitor share the same places."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey("cms.EventPage", on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("your name"), max_length=120)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone (optional)"), max_length=32, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, db_index=True)
    language = models.CharField(max_length=8, default="en")
    token = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe, editable=False)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~models.Q(status="cancelled"),
                name="event_registration_one_per_email",
            ),
        ]

    def __str__(self):
        return f"{self.name} — {self.event}"
