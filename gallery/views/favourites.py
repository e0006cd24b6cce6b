"""Saved works and followed artists: the buttons' POST endpoints and the "Saved" page.

Anyone signed in may save a published work or follow an approved artist; everything else
is a 404, so these endpoints reveal nothing the public pages do not. A visitor who is not
signed in is sent to the login page and brought back to the page she was on. A request
sent by script (`X-Requested-With: XMLHttpRequest`) gets JSON instead of a redirect.
"""

from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from artists.models import ArtistProfile

from .. import services_favourites as services
from ..models import ArtistIndexPage, Artwork


def _is_xhr(request) -> bool:
    return request.headers.get("x-requested-with") == "XMLHttpRequest"


def _safe_next(request, fallback: str) -> str:
    """Where to go back to: the form's (or the query's) `next` when it stays on this site."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback


def _login_redirect(request, next_url: str):
    login_url = resolve_url(settings.LOGIN_URL)
    if _is_xhr(request):
        return JsonResponse({"login_url": f"{login_url}?{urlencode({'next': next_url})}"}, status=401)
    return HttpResponseRedirect(f"{login_url}?{urlencode({'next': next_url})}")


def _sign_in_first(view):
    """Like `login_required`, but after signing in she returns to the page she was on
    (the form's `next`), not to this POST-only address."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return _login_redirect(request, _safe_next(request, reverse("favourites:saved")))
        return view(request, *args, **kwargs)

    return wrapper


def _artist_url(artist, request) -> str:
    index = ArtistIndexPage.for_active_locale()
    if index is None or not index.get_url(request):
        return ""
    return index.artist_url(artist, request)


def _respond(request, *, key: str, state: bool, count: int, message, fallback: str):
    """JSON for a script (`{key: state, "count": n}`), else a message and a redirect back."""
    if _is_xhr(request):
        return JsonResponse({key: state, "count": count})
    messages.success(request, message)
    return redirect(_safe_next(request, fallback))


def _published_artwork(pk: int) -> Artwork:
    return get_object_or_404(Artwork.objects.published(), pk=pk)


def _approved_artist(pk: int) -> ArtistProfile:
    return get_object_or_404(ArtistProfile.objects.approved(), pk=pk)


def _toggle(*, find, change, key: str, state: bool, message, fallback):
    """A save/unsave or follow/unfollow endpoint: find the public object (else 404), change
    the user's choice, and answer with the new count."""

    @require_POST
    @_sign_in_first
    def view(request, pk: int):
        target = find(pk)
        count = change(request.user, target)
        return _respond(
            request,
            key=key,
            state=state,
            count=count,
            message=message(target),
            fallback=fallback(target, request) or reverse("favourites:saved"),
        )

    return view


def _saved_page(_artwork, _request) -> str:
    return reverse("favourites:saved")


save = _toggle(
    find=_published_artwork,
    change=lambda user, artwork: services.favourite_add(user=user, artwork=artwork),
    key="saved",
    state=True,
    message=lambda _artwork: _("Saved to your favourites."),
    fallback=_saved_page,
)
unsave = _toggle(
    find=_published_artwork,
    change=lambda user, artwork: services.favourite_remove(user=user, artwork=artwork),
    key="saved",
    state=False,
    message=lambda _artwork: _("Removed from your favourites."),
    fallback=_saved_page,
)
follow = _toggle(
    find=_approved_artist,
    change=lambda user, artist: services.follow_add(user=user, artist=artist),
    key="following",
    state=True,
    message=lambda artist: _("You now follow %(name)s.") % {"name": artist.display_name},
    fallback=_artist_url,
)
unfollow = _toggle(
    find=_approved_artist,
    change=lambda user, artist: services.follow_remove(user=user, artist=artist),
    key="following",
    state=False,
    message=lambda artist: _("You no longer follow %(name)s.") % {"name": artist.display_name},
    fallback=_artist_url,
)


@require_GET
def saved(request):
    if not request.user.is_authenticated:
        return _login_redirect(request, request.get_full_path())
    artworks = services.saved_artworks_for_user(request.user)
    artists = services.followed_artists_for_user(request.user)
    index = ArtistIndexPage.for_active_locale()
    base_url = index.get_url(request) if index is not None else ""
    for artist in artists:
        artist.public_url = (
            base_url + index.reverse_subpage("artist", kwargs={"slug": artist.slug}) if base_url else ""
        )
    return render(
        request,
        "gallery/saved.html",
        {"artworks": artworks, "followed_artists": artists},
    )
