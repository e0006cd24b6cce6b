"""Who may use the studio. Artists never enter the Wagtail admin; the studio is theirs."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from wagtail.log_actions import LogContext

from .models import ArtistProfile


def artist_required(view=None, *, approved: bool = False):
    """The view gets `request.artist`, the signed-in user's own profile.

    Anonymous visitors go to sign in; a signed-in user without a profile goes to the
    application form. With `approved=True`, only an approved artist gets through; others go
    to the studio home, which explains her status. What the view saves is hers in the
    logs (Wagtail's log context, read by the finance log), as the admin does for editors.
    """

    def decorator(view_func):
        @login_required
        @wraps(view_func)
        def wrapper(request, *args, **kwargs):
            artist = ArtistProfile.objects.filter(user=request.user).select_related("portrait").first()
            if artist is None:
                return redirect("artists:apply")
            if approved and artist.status != ArtistProfile.Status.APPROVED:
                return redirect("artists:studio")
            request.artist = artist
            with LogContext(user=request.user):
                return view_func(request, *args, **kwargs)

        return wrapper

    return decorator(view) if view is not None else decorator
