"""The shop's policies as pages editors own: terms of sale, privacy notice, returns and
refunds, shipping. One page of each kind per language, under that language's home page.

Each publication is a version: the number of times the page has been published, counted
from Wagtail's log. The shop records the version of the terms a buyer accepted on her order
(`shop.policies`, registered from `cms/startup.py`)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from wagtail_localize.fields import SynchronizedField

from heritage.blocks import BaseStreamBlock
from heritage.models import BasePage

from ..selectors_policies import policy_version_of


class PolicyPage(BasePage):
    """A policy buyers agree to or rely on. `kind` says which; it is the same in every
    translation, and one language has one page of each kind."""

    class Kind(models.TextChoices):
        TERMS = "terms", _("Terms of sale")
        PRIVACY = "privacy", _("Privacy notice")
        RETURNS = "returns", _("Returns and refunds")
        SHIPPING = "shipping", _("Shipping")

    kind = models.CharField(_("kind of policy"), max_length=10, choices=Kind.choices)
    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("kind"), FieldPanel("intro"), FieldPanel("body")]
    override_translatable_fields = [SynchronizedField("kind")]

    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("policy page")
        verbose_name_plural = _("policy pages")

    def clean(self):
        super().clean()
        others = PolicyPage.objects.filter(kind=self.kind, locale_id=self.locale_id).exclude(pk=self.pk)
        if self.kind and self.locale_id and others.exists():
            raise ValidationError(
                {"kind": _("This language already has a page for this policy. Edit that page instead.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["policy_version"] = policy_version_of(self)
        return context
