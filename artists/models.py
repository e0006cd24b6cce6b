from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from heritage.email_fields import CanonicalEmailField
from heritage.finance.fields import finance_fields, finance_panel
from heritage.models import optional_image
from heritage.search import search_fields_folded

# What decides where her money goes: a change to any of them holds her payouts and emails her.
PAYOUT_DESTINATION_FIELDS = ("payout_method", "stripe_account_id", "payout_details")


class Region(models.TextChoices):
    DUSHANBE = "dushanbe", _("Dushanbe")
    SUGHD = "sughd", _("Sughd")
    KHATLON = "khatlon", _("Khatlon")
    GBAO = "gbao", _("GBAO")
    DRS = "drs", _("Districts of Republican Subordination")
    ABROAD = "abroad", _("Abroad")


class LocalisedName(models.Model):
    """A short name editors keep in all three languages (taxonomy rows, not pages)."""

    slug = models.SlugField(_("slug"), unique=True, max_length=60)
    name_en = models.CharField(_("name (English)"), max_length=80)
    name_ru = models.CharField(_("name (Russian)"), max_length=80, blank=True)
    name_tg = models.CharField(_("name (Tajik)"), max_length=80, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name_en"),
        FieldPanel("name_ru"),
        FieldPanel("name_tg"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name_en"]

    def __str__(self):
        return self.name

    def names(self) -> list[str]:
        """Its names in every language, those given."""
        return [name for name in (self.name_en, self.name_ru, self.name_tg) if name]

    @property
    def name(self) -> str:
        """The name in the active language, falling back to English."""
        language = (get_language() or "en")[:2]
        return getattr(self, f"name_{language}", "") or self.name_en


class Discipline(LocalisedName):
    """What an artist practises: embroidery, painting, ceramics…"""

    class Meta(LocalisedName.Meta):
        verbose_name = _("discipline")
        verbose_name_plural = _("disciplines")


class ArtistQuerySet(models.QuerySet):
    def approved(self):
        """Artists whose portfolio the public may see."""
        return self.filter(status=ArtistProfile.Status.APPROVED)


@finance_fields(
    "commission_percent", *PAYOUT_DESTINATION_FIELDS, secret=("stripe_account_id", "payout_details")
)
class ArtistProfile(index.Indexed, ClusterableModel):
    """An artist's public identity and her private account data.

    Public: display name (a pseudonym is fine), bio, statement, disciplines, portrait, links,
    and her region only if `show_location`. Private, never rendered for the public: her
    account's email, `phone`, payout details. Her commission and payout destination are
    finance data: only finance staff (or she, in the studio) change them, every change is
    logged, and a new destination holds her payouts until `payouts_held_until`.

    A profile may exist without a user account when an editor lists works on the artist's
    behalf (assisted listing) with her recorded consent; she can claim it later with a
    one-time code.
    """

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SUSPENDED = "suspended", _("Suspended")

    class ConsentMethod(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("By phone")
        WRITTEN = "written", _("In writing")
        MESSENGER = "messenger", _("By message (Telegram, WhatsApp)")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="artist_profile",
    )
    display_name = models.CharField(
        _("display name"),
        max_length=80,
        help_text=_("The name buyers see. A pseudonym is fine."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=90,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text=_("The end of her page's address. Leave empty to make it from the name."),
    )
    bio = models.TextField(_("short bio"), max_length=1500, blank=True)
    statement = models.TextField(_("artist statement"), max_length=4000, blank=True)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    show_location = models.BooleanField(
        _("show my region on my public page"),
        default=False,
        help_text=_("Only the region is ever shown, never a town or an address."),
    )
    disciplines = ParentalManyToManyField(Discipline, verbose_name=_("disciplines"), blank=True)
    portrait = optional_image(_("portrait"))
    website = models.URLField(_("website"), blank=True)
    instagram = models.CharField(_("Instagram"), max_length=60, blank=True)
    telegram = models.CharField(_("Telegram channel"), max_length=60, blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=32,
        blank=True,
        help_text=_("Private: only editors see it, to reach the artist."),
    )

    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.APPLIED, db_index=True
    )
    rejection_reason = models.TextField(_("reason"), blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    commission_percent = models.PositiveSmallIntegerField(
        _("commission (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Leave empty to use the site's default commission."),
    )
    payout_method = models.CharField(
        _("how she is paid"),
        max_length=8,
        blank=True,
        choices=[("stripe", _("Stripe Connect")), ("bank", _("Bank transfer")), ("cash", _("Cash"))],
    )
    stripe_account_id = models.CharField(
        _("Stripe Connect account"),
        max_length=64,
        blank=True,
        help_text=_("acct_… Only for artists Stripe can pay; others are paid by bank or cash."),
    )
    payout_details = models.TextField(
        _("bank or cash details"),
        blank=True,
        help_text=_("Private: bank name, account, card or where to hand over cash. Never shown publicly."),
    )

    payouts_held_until = models.DateTimeField(
        _("payouts held until"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set for 48 hours when her payout destination changes; no payout is made before."),
    )

    # Assisted listing: an editor acts for an artist without an account, with her consent.
    consent_given_at = models.DateField(_("consent given on"), null=True, blank=True)
    consent_method = models.CharField(
        _("consent given"), max_length=12, choices=ConsentMethod.choices, blank=True
    )
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consent recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consent_note = models.TextField(_("consent note"), blank=True)
    claim_email = CanonicalEmailField(
        _("her email address, to take over the profile"),
        blank=True,
        help_text=_(
            "Private. When she signs up with this address and confirms it, the profile becomes hers."
        ),
    )
    claim_code_hash = models.CharField(max_length=128, blank=True, editable=False)
    claim_code_expires_at = models.DateTimeField(null=True, blank=True, editable=False)

    created_at = models.DateTimeField(_("applied at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArtistQuerySet.as_manager()

    search_fields = search_fields_folded(
        [
            index.SearchField("display_name", boost=5),
            index.AutocompleteField("display_name"),
            index.SearchField("bio"),
            index.SearchField("statement"),
            index.FilterField("status"),
            index.FilterField("region"),
        ]
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("display_name"),
                FieldPanel("slug"),
                FieldPanel("region"),
                FieldPanel("show_location"),
                FieldPanel("disciplines"),
                FieldPanel("portrait"),
            ],
            heading=_("Public profile"),
        ),
        FieldPanel("bio"),
        FieldPanel("statement"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("instagram"), FieldPanel("telegram")],
            heading=_("Links"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                finance_panel("commission_percent"),
                finance_panel("payout_method"),
                finance_panel("stripe_account_id"),
                finance_panel("payout_details"),
            ],
            heading=_("Private"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("consent_given_at"),
                FieldPanel("consent_method"),
                FieldPanel("consent_note"),
                FieldPanel("claim_email"),
            ],
            heading=_("Consent (for listings made on the artist's behalf)"),
        ),
        InlinePanel("samples", label=_("Sample works from the application")),
    ]

    class Meta:
        verbose_name = _("artist")
        verbose_name_plural = _("artists")
        ordering = ["display_name"]

    def __str__(self):
        return self.display_name

    def clean(self):
        super().clean()
        if self.user_id is None and not (self.consent_given_at and self.consent_method):
            message = _("Record when and how she agreed to be listed, since she has no account.")
            raise ValidationError({"consent_given_at": message, "consent_method": message})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug(self.display_name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    @classmethod
    def unique_slug(cls, display_name: str, *, exclude_pk=None) -> str:
        """A unique, readable slug; Cyrillic names keep their letters."""
        base = slugify(display_name, allow_unicode=True)[:80] or "artist"
        others = cls.objects.exclude(pk=exclude_pk)
        slug, n = base, 2
        while others.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def public_region(self) -> str:
        """The region's label if she chose to show it, else an empty string."""
        return self.get_region_display() if self.show_location else ""

    @property
    def is_assisted(self) -> bool:
        return self.user_id is None

    def payouts_held(self, now=None) -> bool:
        """Whether her payout destination changed too recently for a payout to be made."""
        return bool(self.payouts_held_until and self.payouts_held_until > (now or timezone.now()))


class ArtistSample(Orderable):
    """A few images an applicant sends so editors can judge her work."""

    artist = ParentalKey(ArtistProfile, on_delete=models.CASCADE, related_name="samples")
    image = models.ForeignKey(
        "heritage.CustomImage", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("image")]

    class Meta(Orderable.Meta):
        verbose_name = _("sample work")
        verbose_name_plural = _("sample works")
