from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from heritage.admin.lookups import TranslatedNamesViewSet

from .admin_views import ArtworkReviewView
from .models import Artwork, Medium, SearchTerm
from .selectors.discovery import discovery_counts


class ArtworkIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("artist", "medium")

    def get_list_more_buttons(self, instance):
        return [
            ListingButton(
                _("Review"),
                url=reverse("artworks_admin:review", args=[instance.pk]),
                icon_name="tasks",
                priority=5,
            ),
            *super().get_list_more_buttons(instance),
        ]


class ArtworkViewSet(SnippetViewSet):
    model = Artwork
    url_namespace = "artworks_admin"
    url_prefix = "gallery/artworks"
    icon = "image"
    menu_label = _("Artworks")
    index_view_class = ArtworkIndexView
    list_display = ["title", "artist", "status", "medium", "submitted_at"]
    list_filter = ["status", "medium", "featured", "created_at"]
    list_per_page = 50
    ordering = ["status", "-submitted_at"]
    inspect_view_enabled = True

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("review/<int:pk>/", ArtworkReviewView.as_view(), name="review"),
        ]


class MediumViewSet(TranslatedNamesViewSet):
    model = Medium
    url_namespace = "media_admin"
    url_prefix = "gallery/media"
    menu_label = _("Media")


class SearchTermViewSet(SnippetViewSet):
    """The craft words, materials and motifs buyers search with, and what they find."""

    model = SearchTerm
    url_namespace = "search_terms_admin"
    url_prefix = "gallery/search-terms"
    icon = "search"
    menu_label = _("Search terms")
    list_display = ["name_en", "name_ru", "name_tg", "spellings"]
    search_fields = ["name_en", "name_ru", "name_tg", "spellings", "related_words"]


class GalleryGroup(SnippetViewSetGroup):
    items = (ArtworkViewSet, MediumViewSet, SearchTermViewSet)
    menu_icon = "image"
    menu_label = _("Gallery")
    menu_order = 210


register_snippet(GalleryGroup)


class DiscoverySummaryItem(SummaryItem):
    """The dashboard's line on returning buyers: follows, saved searches, weekly digests."""

    order = 400
    template_name = "gallery/admin/discovery_summary.html"

    def get_context_data(self, parent_context):
        return {"counts": discovery_counts(now=timezone.now())}

    def is_shown(self):
        return self.request.user.has_perm("gallery.change_artwork")


@hooks.register("construct_homepage_summary_items")
def discovery_summary(request, items):
    items.append(DiscoverySummaryItem(request))
