"""Editors' screens for artists in the Wagtail admin: review an application, suspend,
reinstate, and issue the one-time code that lets an artist take over a profile listed on
her behalf."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.permissions import policy_registry

from heritage.admin.review import Decision, ReviewView

from . import services
from .models import ArtistProfile

Status = ArtistProfile.Status


class ArtistReviewView(ReviewView):
    model = ArtistProfile
    object_template_name = "artists/admin/artist_summary.html"
    error_class = services.ArtistError
    header_icon = "user"
    url_namespace = "artists_admin"

    def get_decisions(self):
        return {
            "approve": Decision(
                label=_("Approve: publish her portfolio"),
                perform=lambda a, by, reason: services.artist_approve(artist=a, by=by),
                allowed=lambda a: a.status != Status.APPROVED,
                message=_("Approved. She has been emailed."),
            ),
            "reject": Decision(
                label=_("Reject the application"),
                perform=lambda a, by, reason: services.artist_reject(artist=a, by=by, reason=reason),
                needs_reason=True,
                allowed=lambda a: a.status == Status.APPLIED,
                message=_("Rejected. She has been emailed the reason."),
            ),
            "suspend": Decision(
                label=_("Suspend: hide her portfolio and works now"),
                perform=lambda a, by, reason: services.artist_suspend(artist=a, by=by, reason=reason),
                needs_reason=True,
                allowed=lambda a: a.status == Status.APPROVED,
                message=_("Suspended. Her pages are hidden."),
            ),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["samples"] = self.object.samples.select_related("image")
        return context


def artist_claim_code(request, pk):
    """POST: make a new one-time claim code and show it once to the editor."""
    artist = get_object_or_404(ArtistProfile, pk=pk)
    policy = policy_registry.get_by_type(ArtistProfile)
    if request.method != "POST" or not policy.user_has_permission_for_instance(
        request.user, "change", artist
    ):
        raise PermissionDenied
    if artist.user_id is not None:
        messages.error(request, _("This artist already has her own account."))
        return redirect("artists_admin:edit", pk)
    code = services.artist_claim_code_issue(artist=artist, by=request.user)
    return TemplateResponse(
        request,
        "artists/admin/claim_code.html",
        {
            "artist": artist,
            "code": code,
            "days": services.CLAIM_CODE_DAYS,
            "header_title": _("Claim code"),
            "breadcrumbs_items": [],
        },
    )
