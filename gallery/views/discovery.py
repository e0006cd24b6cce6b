"""Saved gallery searches (save from the gallery page, her list with delete) and the
one-click unsubscribe page of the weekly digest.

Saving a search needs an account, as following an artist does: the digest goes to a
confirmed-by-sign-up address she can manage in one place, and a guest's address typed on a
cached public page would need its own double opt-in and its own list. A visitor is sent to
sign in and brought back to the same search.

The unsubscribe address answers a POST without sign-in and without the CSRF token (mail
providers send RFC 8058's one-click POST from their servers); the signed token is the proof.
A GET only shows one button, so a mail scanner opening the link stops nothing.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import services_discovery as services
from ..models import GalleryPage
from ..selectors.discovery import digest_opted_out, saved_search_list
from .favourites import _login_redirect, _safe_next, _sign_in_first


def _gallery_url(request) -> str:
    gallery = GalleryPage.for_active_locale()
    return gallery.get_url(request) if gallery is not None else "/"


@require_POST
@_sign_in_first
def search_save(request):
    try:
        result = services.saved_search_create(user=request.user, params=request.POST)
    except services.SavedSearchRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(_safe_next(request, _gallery_url(request)))
    if result.created:
        messages.success(request, _("Search saved. New works that match it will come in your weekly email."))
    else:
        messages.info(request, _("You have already saved this search."))
    return redirect(_safe_next(request, reverse("favourites:searches")))


@require_GET
def searches(request):
    if not request.user.is_authenticated:
        return _login_redirect(request, request.get_full_path())
    return render(
        request,
        "gallery/saved_searches.html",
        {
            "searches": saved_search_list(request.user),
            "gallery_url": _gallery_url(request),
            "opted_out": digest_opted_out(request.user),
            "limit": services.SAVED_SEARCHES_MAX,
        },
    )


@require_POST
@_sign_in_first
def search_delete(request, pk: int):
    if not services.saved_search_delete(user=request.user, pk=pk):
        raise Http404
    messages.success(request, _("Saved search deleted."))
    return redirect("favourites:searches")


@require_POST
@_sign_in_first
def emails_resume(request):
    services.saved_search_emails_on(user=request.user)
    messages.success(request, _("Your weekly email of new works is on again."))
    return redirect("favourites:searches")


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    try:
        if request.method == "POST":
            found = services.unsubscribe(token=token)
        else:
            found = services.unsubscription_read(token)
    except services.UnsubscribeRefused:
        return render(request, "gallery/unsubscribe.html", {"refused": True}, status=400)
    # A follow or search deleted since the email: there is nothing left to stop.
    done = request.method == "POST" or (found.kind != "all" and found.subscription is None)
    return render(request, "gallery/unsubscribe.html", {"found": found, "done": done, "action": request.path})
