from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class _Kept(models.Model):
    """Something a signed-in buyer chose to keep: `target` names what she chose."""

    target = ""
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.user} → {getattr(self, self.target)}"


class Favourite(_Kept):
    """A work a signed-in buyer saved to come back to."""

    target = "artwork"
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="favourites")
    artwork = models.ForeignKey("gallery.Artwork", on_delete=models.CASCADE, related_name="favourites")

    class Meta:
        verbose_name, verbose_name_plural = _("saved work"), _("saved works")
        constraints = [models.UniqueConstraint(fields=["user", "artwork"], name="favourite_once")]


class Follow(_Kept):
    """An artist a signed-in buyer follows; her new works come in the weekly digest."""

    target = "artist"
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    artist = models.ForeignKey("artists.ArtistProfile", on_delete=models.CASCADE, related_name="followers")
    # Her new works in the weekly digest; off after a one-click unsubscribe, the follow kept.
    emails = models.BooleanField(_("weekly email"), default=True)

    class Meta:
        verbose_name, verbose_name_plural = _("followed artist"), _("followed artists")
        constraints = [models.UniqueConstraint(fields=["user", "artist"], name="follow_once")]
