"""The artist's studio: her status, her application, her profile, how she is paid, claiming a
listed profile.

Views stay thin: the rules live in `services.py`; photos go through the site's one upload
pipeline (`heritage.images.forms.image_upload_form`).
"""

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from heritage.ratelimit import rate_limited, signed_in_user

from . import services
from .forms import ArtistApplicationForm, ArtistProfileForm, ClaimForm, PayoutDetailsForm
from .models import ArtistProfile
from .permissions import artist_required
from .selectors import artist_get_for_user


def artist_error_message(error: services.ArtistError) -> str:
    return str(error)


def artist_public_url(artist: ArtistProfile, request) -> str:
    """Her portfolio's address, or "" while the gallery has no published artist index.

    The gallery serves portfolios and imports from this app, never the other way round, so
    its index page is looked up by name.
    """
    try:
        index_model = apps.get_model("gallery", "ArtistIndexPage")
    except LookupError:
        return ""
    index = index_model.for_active_locale()
    if index is None or not index.get_url(request):
        return ""
    return index.artist_url(artist, request)


@artist_required
def studio(request):
    """Her studio's front page: where her profile stands, in plain words, and what next."""
    artist = request.artist
    context = {"artist": artist, "studio_section": "home"}
    if artist.status == ArtistProfile.Status.APPROVED:
        context["public_url"] = artist_public_url(artist, request)
    return render(request, "artists/studio/home.html", context)


@login_required
@rate_limited("artist-application", account=signed_in_user, keep=("display_name", "bio", "statement"))
def apply(request):
    """Apply to show and sell her work: a profile and one to five photos of her work.

    Only a confirmed email address may apply, since every answer goes there.
    """
    if artist_get_for_user(request.user) is not None:
        return redirect("artists:studio")
    if request.user.email_verified_at is None:
        status = 403 if request.method == "POST" else 200
        return render(request, "artists/studio/apply_unverified.html", status=status)

    if request.method == "POST":
        form = ArtistApplicationForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            try:
                with transaction.atomic():
                    samples = [image_form.save() for image_form in form.sample_forms]
                    services.artist_apply(user=request.user, samples=samples, **form.profile_data())
            except services.ArtistError as error:
                messages.error(request, artist_error_message(error))
                return redirect("artists:studio")
            messages.success(
                request,
                gettext("Thank you! Your application is with our editors. We will email you their answer."),
            )
            return redirect("artists:studio")
    else:
        form = ArtistApplicationForm(user=request.user)
    return render(request, "artists/studio/apply.html", {"form": form})


@artist_required
@rate_limited("upload", account=signed_in_user, keep=("display_name", "bio", "statement"))
def profile_edit(request):
    """Her profile, whatever her status. Saving never changes the status; a turned-down
    application can be sent again from here once she has made her changes."""
    artist = request.artist
    if request.method == "POST":
        form = ArtistProfileForm(request.POST, request.FILES, instance=artist, user=request.user)
        if form.is_valid():
            with transaction.atomic():
                portrait = form.portrait_form.save() if form.portrait_form else None
                services.artist_profile_update(
                    artist=artist,
                    portrait=portrait,
                    portrait_alt_text=form.cleaned_data["portrait_alt"].strip(),
                    **form.profile_data(),
                )
            if request.POST.get("action") != "reapply":
                messages.success(request, gettext("Your profile is saved."))
                return redirect("artists:profile-edit")
            try:
                services.artist_reapply(artist=artist)
            except services.ArtistError as error:
                messages.success(request, gettext("Your profile is saved."))
                messages.info(request, artist_error_message(error))
            else:
                messages.success(
                    request,
                    gettext("Your application is with our editors again. We will email you their answer."),
                )
            return redirect("artists:studio")
        # The form has written what she typed onto the profile object; the page frame must
        # still show the saved profile.
        artist.refresh_from_db()
    else:
        form = ArtistProfileForm(instance=artist, user=request.user)
    return render(
        request,
        "artists/studio/profile_form.html",
        {"form": form, "artist": artist, "studio_section": "profile"},
    )


@artist_required
@rate_limited("payout-details", account=signed_in_user)
def payout_details(request):
    """How she is paid. Saving asks for her password again and goes through the same rule as
    a change by finance staff: logged, emailed to her, payouts held for 48 hours."""
    artist = request.artist
    if request.method == "POST":
        form = PayoutDetailsForm(request.POST, artist=artist, user=request.user)
        if form.is_valid():
            try:
                services.artist_payout_details_update(
                    artist=artist,
                    by=request.user,
                    payout_method=form.cleaned_data["payout_method"],
                    payout_details=form.cleaned_data["payout_details"],
                )
            except services.ArtistError as error:
                form.add_error("payout_method", artist_error_message(error))
            else:
                messages.success(
                    request,
                    gettext(
                        "Saved. For your safety, no payout is made to you for the next 48 hours, "
                        "and we have emailed you about the change."
                    ),
                )
                return redirect("artists:payout-details")
    else:
        form = PayoutDetailsForm(artist=artist, user=request.user)
    return render(
        request,
        "artists/studio/payout_form.html",
        {"form": form, "artist": artist, "studio_section": "profile"},
    )


@login_required
@rate_limited("claim", account=signed_in_user)
def claim(request):
    """Take over the profile an editor listed for her, with the one-time code she was given."""
    if artist_get_for_user(request.user) is not None:
        return redirect("artists:studio")
    if request.method == "POST":
        form = ClaimForm(request.POST)
        if form.is_valid():
            try:
                services.artist_claim(user=request.user, code=form.cleaned_data["code"])
            except services.ArtistError as error:
                form.add_error("code", artist_error_message(error))
            else:
                messages.success(request, gettext("Welcome! Your profile is now linked to your account."))
                return redirect("artists:studio")
    else:
        form = ClaimForm()
    return render(request, "artists/studio/claim.html", {"form": form})
