"""Editors moderate buyers' reviews in the admin: a listing (waiting first, with how many
times each was reported) and the shared review screen to publish a review or keep it off
the site. The review's words are the buyer's: editors read them, never change them."""

from django.db.models import Count
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from heritage.admin.review import Decision, ReviewView

from .models import Review
from .services.reviews import ReviewError, review_moderate

S = Review.Status


class ReviewModerationView(ReviewView):
    model = Review
    object_template_name = "shop/admin/review_summary.html"
    error_class = ReviewError
    header_icon = "pick"
    url_namespace = "reviews_admin"

    def get_decisions(self):
        return {
            "publish": Decision(
                label=_("Publish"),
                perform=lambda r, by, reason: review_moderate(r, publish=True, by=by),
                allowed=lambda r: r.status != S.PUBLISHED,
                message=_("Published: the review shows on the work and the artist's portfolio."),
            ),
            "reject": Decision(
                label=_("Do not publish (or take it down)"),
                perform=lambda r, by, reason: review_moderate(r, publish=False, by=by),
                allowed=lambda r: r.status != S.REJECTED,
                message=_("The review is not shown."),
            ),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(reports=self.object.reports.all(), **kwargs)


class ReviewIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("line", "artist")
            .annotate(report_count=Count("reports"))
        )

    def get_list_more_buttons(self, instance):
        return [
            ListingButton(
                _("Moderate"),
                url=reverse("reviews_admin:review", args=[instance.pk]),
                icon_name="tasks",
                priority=5,
            ),
            *super().get_list_more_buttons(instance),
        ]


class ReviewViewSet(SnippetViewSet):
    model = Review
    url_namespace = "reviews_admin"
    url_prefix = "shop/reviews"
    icon = "pick"
    menu_label = _("Reviews")
    index_view_class = ReviewIndexView
    list_display = ["line", "rating", "artist", "status", "created_at"]
    list_filter = ["status", "rating", "created_at"]
    ordering = ["status", "-created_at"]
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    panels = [
        FieldPanel("rating", read_only=True),
        FieldPanel("text", read_only=True),
        FieldPanel("author_name", read_only=True),
        FieldPanel("answer", read_only=True),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("review/<int:pk>/", ReviewModerationView.as_view(), name="review"),
        ]
