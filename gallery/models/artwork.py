from decimal import Decimal

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.models import Orderable
from wagtail.search import index

from artists.models import ArtistProfile, LocalisedName
from heritage.images.renditions import CARD_RENDITIONS
from heritage.search import search_fields_folded

CM_PER_INCH = Decimal("2.54")


class Medium(LocalisedName):
    """The technique of a work: suzani embroidery, oil on canvas, ceramics…"""

    class Meta(LocalisedName.Meta):
        verbose_name = _("medium")
        verbose_name_plural = _("media")


class ArtworkTag(TaggedItemBase):
    content_object = ParentalKey("gallery.Artwork", on_delete=models.CASCADE, related_name="tagged_items")


class ArtworkQuerySet(models.QuerySet):
    def published(self):
        """Works the public may see: published, by an approved artist. Every public surface
        (pages, search, sitemap, API) starts from here."""
        return self.filter(status=Artwork.Status.PUBLISHED, artist__status=ArtistProfile.Status.APPROVED)

    def cards(self):
        """Works as public cards show them: artist and medium joined, images in their order
        with the card renditions (`heritage.images.renditions.CARD_RENDITIONS`), in three
        queries whatever the number of works. The one way every page builds artwork cards."""
        images = get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
        image_rows = ArtworkImage.objects.order_by("sort_order", "pk").prefetch_related(
            Prefetch("image", queryset=images)
        )
        return self.select_related("artist", "medium").prefetch_related(
            Prefetch("images", queryset=image_rows)
        )

    def with_images(self):
        """Images in their order, with the image rows, in one extra query."""
        return self.prefetch_related(
            Prefetch(
                "images",
                queryset=ArtworkImage.objects.select_related("image").order_by("sort_order"),
            )
        )


class Artwork(index.Indexed, ClusterableModel):
    """One work by one artist. The artist drafts it in her studio and submits it; an editor
    publishes or rejects it (with a reason she can read); she may archive it later."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Needs changes")
        ARCHIVED = "archived", _("Archived")

    class Orientation(models.TextChoices):
        PORTRAIT = "portrait", _("Portrait")
        LANDSCAPE = "landscape", _("Landscape")
        SQUARE = "square", _("Square")

    artist = models.ForeignKey(
        ArtistProfile, verbose_name=_("artist"), on_delete=models.CASCADE, related_name="artworks"
    )
    title = models.CharField(_("title"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=180, allow_unicode=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    medium = models.ForeignKey(
        Medium, verbose_name=_("medium"), null=True, blank=True, on_delete=models.SET_NULL
    )
    materials = models.CharField(_("materials"), max_length=200, blank=True)
    width_cm = models.DecimalField(_("width (cm)"), max_digits=6, decimal_places=1, null=True, blank=True)
    height_cm = models.DecimalField(_("height (cm)"), max_digits=6, decimal_places=1, null=True, blank=True)
    depth_cm = models.DecimalField(_("depth (cm)"), max_digits=6, decimal_places=1, null=True, blank=True)
    orientation = models.CharField(
        _("orientation"), max_length=10, choices=Orientation.choices, blank=True, editable=False
    )
    description = models.TextField(_("description"), max_length=5000, blank=True)
    tags = ClusterTaggableManager(through=ArtworkTag, blank=True, verbose_name=_("tags"))

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    rejection_reason = models.TextField(_("reason"), blank=True)
    featured = models.BooleanField(_("featured"), default=False)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArtworkQuerySet.as_manager()

    search_fields = search_fields_folded(
        [
            index.SearchField("title", boost=5),
            index.AutocompleteField("title"),
            index.SearchField("description"),
            index.SearchField("materials"),
            index.RelatedFields("artist", [index.SearchField("display_name", boost=3)]),
            index.RelatedFields(
                "medium",
                [index.SearchField("name_en"), index.SearchField("name_ru"), index.SearchField("name_tg")],
            ),
            index.RelatedFields("tags", [index.SearchField("name")]),
            index.FilterField("status"),
            index.FilterField("artist_id"),
        ]
    )

    panels = [
        FieldPanel("artist"),
        FieldPanel("title"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [
                FieldPanel("year"),
                FieldPanel("medium"),
                FieldPanel("materials"),
                FieldPanel("width_cm"),
                FieldPanel("height_cm"),
                FieldPanel("depth_cm"),
            ],
            heading=_("Details"),
        ),
        FieldPanel("description"),
        FieldPanel("tags"),
        InlinePanel("images", label=_("Images"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("featured"), FieldPanel("rejection_reason")],
            heading=_("Review"),
        ),
    ]

    class Meta:
        verbose_name = _("artwork")
        verbose_name_plural = _("artworks")
        ordering = ["-published_at", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["artist", "slug"], name="artwork_slug_unique_per_artist")
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.orientation = self.derive_orientation()
        super().save(*args, **kwargs)

    def derive_orientation(self) -> str:
        if not self.width_cm or not self.height_cm:
            return ""
        ratio = self.width_cm / self.height_cm
        if ratio > Decimal("1.05"):
            return self.Orientation.LANDSCAPE
        if ratio < Decimal("0.95"):
            return self.Orientation.PORTRAIT
        return self.Orientation.SQUARE

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.artist.is_public

    @property
    def is_editable_by_artist(self) -> bool:
        """She can change drafts and works that need changes; others only after withdrawing."""
        return self.status in {self.Status.DRAFT, self.Status.REJECTED}

    @property
    def primary_image(self):
        """The first image in her chosen order (uses prefetched images when present)."""
        images = list(self.images.all())
        return images[0].image if images else None

    def dimensions_in(self) -> dict:
        """Width, height and depth in inches, for buyers abroad."""
        return {
            name: (value / CM_PER_INCH).quantize(Decimal("0.1")) if value else None
            for name, value in (
                ("width", self.width_cm),
                ("height", self.height_cm),
                ("depth", self.depth_cm),
            )
        }


class ArtworkImage(Orderable):
    """An image of an artwork; the first in order is the primary one."""

    artwork = ParentalKey(Artwork, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(
        "heritage.CustomImage", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("image")]

    class Meta(Orderable.Meta):
        verbose_name = _("artwork image")
        verbose_name_plural = _("artwork images")
