"""Editors' review of artworks in the Wagtail admin: publish, or send back with a reason."""

from django.utils.translation import gettext_lazy as _

from heritage.admin.review import Decision, ReviewView

from . import services
from .models import Artwork

Status = Artwork.Status


class ArtworkReviewView(ReviewView):
    model = Artwork
    object_template_name = "gallery/admin/artwork_summary.html"
    error_class = services.ArtworkError
    header_icon = "image"
    url_namespace = "artworks_admin"

    def get_decisions(self):
        return {
            "publish": Decision(
                label=_("Publish"),
                perform=lambda w, by, reason: services.artwork_approve(artwork=w, by=by),
                allowed=lambda w: (
                    w.status == Status.SUBMITTED
                    or (w.artist.is_assisted and w.status in {Status.DRAFT, Status.REJECTED})
                ),
                message=_("Published. The artist has been emailed."),
            ),
            "reject": Decision(
                label=_("Send back for changes"),
                perform=lambda w, by, reason: services.artwork_reject(artwork=w, by=by, reason=reason),
                needs_reason=True,
                allowed=lambda w: w.status == Status.SUBMITTED,
                message=_("Sent back. The artist has been emailed the reason."),
            ),
            "archive": Decision(
                label=_("Archive: take it off the site"),
                perform=lambda w, by, reason: services.artwork_archive(artwork=w),
                allowed=lambda w: w.status == Status.PUBLISHED,
                message=_("Archived."),
            ),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["images"] = self.object.images.select_related("image").order_by("sort_order")
        return context
