"""Admin lists of the small named lists editors keep in three languages (disciplines, media)."""

from wagtail.snippets.views.snippets import SnippetViewSet


class TranslatedNamesViewSet(SnippetViewSet):
    """A snippet with `name_en`, `name_ru`, `name_tg` and `sort_order`, listed in that order."""

    icon = "tag"
    list_display = ["name_en", "name_ru", "name_tg", "sort_order"]
