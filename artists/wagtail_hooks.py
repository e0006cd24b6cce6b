from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, InspectView, SnippetViewSet, SnippetViewSetGroup

from heritage.admin.finance import FinanceMaskedInspectMixin
from heritage.admin.lookups import TranslatedNamesViewSet

from .admin_views import ArtistReviewView, artist_claim_code
from .models import ArtistProfile, Discipline


class ArtistIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        return [
            ListingButton(
                _("Review"),
                url=reverse("artists_admin:review", args=[instance.pk]),
                icon_name="tasks",
                priority=5,
            ),
            *buttons,
        ]


class ArtistInspectView(FinanceMaskedInspectMixin, InspectView):
    """Her bank details and Stripe account masked for editors without finance rights; her
    phone number too for those who may only look."""

    masked_for_viewers = ("phone",)


class ArtistProfileViewSet(SnippetViewSet):
    model = ArtistProfile
    url_namespace = "artists_admin"
    url_prefix = "artists/profiles"
    icon = "user"
    menu_label = _("Artists")
    index_view_class = ArtistIndexView
    list_display = ["display_name", "status", "region", "created_at"]
    list_filter = ["status", "region", "created_at"]
    list_per_page = 50
    ordering = ["status", "-created_at"]
    inspect_view_enabled = True
    inspect_view_class = ArtistInspectView
    inspect_view_fields_exclude = ["claim_code_hash", "claim_code_expires_at"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("review/<int:pk>/", ArtistReviewView.as_view(), name="review"),
            path("claim-code/<int:pk>/", artist_claim_code, name="claim_code"),
        ]


class DisciplineViewSet(TranslatedNamesViewSet):
    model = Discipline
    url_namespace = "disciplines_admin"
    url_prefix = "artists/disciplines"
    menu_label = _("Disciplines")


class ArtistsGroup(SnippetViewSetGroup):
    items = (ArtistProfileViewSet, DisciplineViewSet)
    menu_icon = "group"
    menu_label = _("Artists")
    menu_order = 200


register_snippet(ArtistsGroup)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def record_consent_editor(request, instance):
    """Whoever saves a listing made on an artist's behalf with consent is its recorder."""
    if (
        isinstance(instance, ArtistProfile)
        and instance.consent_given_at
        and instance.consent_recorded_by_id is None
    ):
        instance.consent_recorded_by = request.user
        instance.save(update_fields=["consent_recorded_by"])
