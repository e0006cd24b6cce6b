"""What brings a buyer back: her saved gallery searches, and the weekly digest of new works
(of the artists she follows and of those searches) with what each digest sent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SavedSearch(models.Model):
    """A gallery search a signed-in buyer keeps: `query` is the gallery's query string in one
    canonical form (known filters only, sorted, no sort or page), so the same search typed
    twice is one row, and running it again is asking the gallery page the same question."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    query = models.CharField(_("search"), max_length=400)
    emails = models.BooleanField(_("weekly email"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name, verbose_name_plural = _("saved search"), _("saved searches")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "query"], name="saved_search_once")]

    def __str__(self):
        return f"{self.user} → {self.query}"


class DigestOptOut(models.Model):
    """She asked for no weekly digest at all (the "all" unsubscribe link)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_opt_out"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name, verbose_name_plural = _("digest opt-out"), _("digest opt-outs")

    def __str__(self):
        return str(self.user)


class DigestSent(models.Model):
    """One weekly digest to one person: at most one per ISO week (`week` is its Monday), so
    running the weekly command twice sends nothing twice. `until` is the moment it looked up
    to: the next digest starts there. `artworks` are the works it showed, never shown again."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests_sent")
    week = models.DateField(_("week"))
    until = models.DateTimeField(_("new works up to"))
    sent_at = models.DateTimeField(auto_now_add=True)
    artworks = models.ManyToManyField("gallery.Artwork", related_name="digests_sent", blank=True)

    class Meta:
        verbose_name, verbose_name_plural = _("digest sent"), _("digests sent")
        ordering = ["-week", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "week"], name="digest_once_a_week")]

    def __str__(self):
        return f"{self.user} {self.week}"
