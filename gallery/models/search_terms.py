from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from artists.models import LocalisedName

from .artwork import Medium


class SearchTerm(LocalisedName):
    """A word buyers search with — a craft (suzani, adras, chakan), a material, a motif — in
    English, Russian and Tajik with its other spellings, and what in the catalogue it means:
    media, and words of materials or tags. Searching for any of its names or spellings finds
    works under all of them (`gallery.selectors.search`). Editors keep the list."""

    spellings = models.TextField(
        _("other spellings"),
        blank=True,
        help_text=_(
            "Other ways people write it, separated by commas: Latin transliterations, "
            "Russian spellings, common misspellings."
        ),
    )
    media = models.ManyToManyField(
        Medium,
        verbose_name=_("media"),
        blank=True,
        related_name="search_terms",
        help_text=_("Works in these media are found by this term."),
    )
    related_words = models.TextField(
        _("materials and tags"),
        blank=True,
        help_text=_(
            "Words of materials or tags that mean this term, separated by commas: silk, шёлк, абрешим."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name_en"), FieldPanel("name_ru"), FieldPanel("name_tg"), FieldPanel("spellings")],
            heading=_("Names"),
        ),
        FieldPanel("media"),
        FieldPanel("related_words"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]

    class Meta(LocalisedName.Meta):
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def names(self) -> list[str]:
        """Every name and spelling of the term."""
        names = [*super().names(), *self.spellings.split(",")]
        return [name.strip() for name in names if name.strip()]

    def meanings(self) -> list[str]:
        """What the term stands for in the catalogue: its media's names in every language and
        its material and tag words."""
        words = [name for medium in self.media.all() for name in medium.names()]
        words += self.related_words.split(",")
        return [word.strip() for word in words if word.strip()]
