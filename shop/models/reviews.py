"""Reviews from real buyers only: one per delivered order line, rated 1 to 5, shown once an
editor has published it; the artist may answer once; anyone may report one."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from artists.models import ArtistProfile
from gallery.models import Artwork

from .orders import OrderLine


class ReviewQuerySet(models.QuerySet):
    def published(self):
        """What visitors see: published by an editor, about an approved artist."""
        return self.filter(status=Review.Status.PUBLISHED, artist__status=ArtistProfile.Status.APPROVED)


class Review(models.Model):
    """A buyer's rating and words about one work she bought and received. The line makes it
    hers: no line, no review, and one review per line."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an editor")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Not published")

    line = models.OneToOneField(OrderLine, on_delete=models.PROTECT, related_name="review")
    artwork = models.ForeignKey(Artwork, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    artist = models.ForeignKey(ArtistProfile, on_delete=models.PROTECT, related_name="reviews")
    author_name = models.CharField(_("shown as"), max_length=60)
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    text = models.TextField(_("review"), max_length=2000)
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    answer = models.TextField(_("the artist's answer"), max_length=2000, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    created_at = models.DateTimeField(_("written at"), default=timezone.now, db_index=True)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="review_rating_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.line.title} · {self.rating}/5 · {self.author_name}"


class ReviewReport(models.Model):
    """Someone thinks a published review should not be shown; editors look at it."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="reports")
    reason = models.TextField(_("reason"), max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("review report")
        verbose_name_plural = _("review reports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.review} · {self.reason[:40]}"
