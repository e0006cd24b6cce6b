from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Favourite(models.Model):
    """A work a signed-in buyer saved to come back to."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="favourites")
    artwork = models.ForeignKey("gallery.Artwork", on_delete=models.CASCADE, related_name="favourites")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("saved work")
        verbose_name_plural = _("saved works")
        constraints = [models.UniqueConstraint(fields=["user", "artwork"], name="favourite_once")]

    def __str__(self):
        return f"{self.user} ♥ {self.artwork}"


class Follow(models.Model):
    """An artist a signed-in buyer follows."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    artist = models.ForeignKey("artists.ArtistProfile", on_delete=models.CASCADE, related_name="followers")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("followed artist")
        verbose_name_plural = _("followed artists")
        constraints = [models.UniqueConstraint(fields=["user", "artist"], name="follow_once")]

    def __str__(self):
        return f"{self.user} → {self.artist}"
