"""The artist's own pages for her works: the list, a new work, its page with photos and
details, and sending it for review.

Only an approved artist gets in, and works are found only through `artwork_get_for_artist`,
so anyone else's work — or its photos — is a 404. The rules live in `gallery.services`;
these views turn their refusals into messages in her language.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from artists.permissions import artist_required
from heritage.images.uploads import ImageStorageUnavailable, images_save
from heritage.images.views import original_response, staff_may_see_originals
from heritage.ratelimit import rate_limited, signed_in_user, too_many_attempts, wait_message

from .. import services
from ..forms import ArtworkCreateForm, ArtworkForm, ArtworkImageUploadForm
from ..models import Artwork, ArtworkImage
from ..selectors import studio as selectors

studio_view = artist_required(approved=True)

NOT_EDITABLE = _("To change this work, first take it back from review or from the site.")
STORAGE_DOWN = _(
    "Your photo could not be stored just now because our file storage is not answering. "
    "Your work and your description are kept: please try again in a few minutes."
)


def artwork_error_message(error: services.ArtworkError) -> str:
    return str(error)


def _artwork_or_404(request, pk: int) -> Artwork:
    artwork = selectors.artwork_get_for_artist(artist=request.artist, pk=pk)
    if artwork is None:
        raise Http404
    return artwork


def _artwork_image_or_404(artwork: Artwork, image_pk: int):
    for artwork_image in artwork.images.all():
        if artwork_image.pk == image_pk:
            return artwork_image
    raise Http404


def _wants_fragment(request) -> bool:
    return request.headers.get("X-Requested-With") == "XMLHttpRequest"


def _uploads_refused(request, wait: int, *, kept: str = ""):
    """Too many uploads: the 429 page, or for the page's script the same words as JSON."""
    if not _wants_fragment(request):
        return too_many_attempts(request, wait, kept=kept)
    response = JsonResponse({"errors": {"__all__": [wait_message(wait)]}}, status=429)
    response["Retry-After"] = str(wait)
    return response


uploads_limited = rate_limited(
    "upload", account=signed_in_user, keep=("title", "description", "alt_text"), respond=_uploads_refused
)


def _edit_url(artwork: Artwork, anchor: str = "") -> str:
    return reverse("gallery:artwork-edit", kwargs={"pk": artwork.pk}) + anchor


def _image_items(artwork: Artwork) -> list[dict]:
    """Her photos in order, each with the orders that moving it up or down would give."""
    artwork_images = list(artwork.images.all())
    ids = [ai.pk for ai in artwork_images]
    items = []
    for position, artwork_image in enumerate(artwork_images):
        up = down = None
        if position > 0:
            up = [*ids[: position - 1], ids[position], ids[position - 1], *ids[position + 1 :]]
        if position < len(ids) - 1:
            down = [*ids[:position], ids[position + 1], ids[position], *ids[position + 2 :]]
        items.append(
            {"artwork_image": artwork_image, "image": artwork_image.image, "order_up": up, "order_down": down}
        )
    return items


def _images_context(artwork: Artwork) -> dict:
    return {"artwork": artwork, "items": _image_items(artwork), "editable": artwork.is_editable_by_artist}


def _edit_page(request, artwork: Artwork, *, form=None, upload_form=None):
    editable = artwork.is_editable_by_artist
    if editable and form is None:
        form = ArtworkForm(instance=artwork)
    if editable and upload_form is None:
        upload_form = ArtworkImageUploadForm(artwork=artwork, user=request.user)
    context = {
        **_images_context(artwork),
        "studio_section": "artworks",
        "form": form if editable else None,
        "upload_form": upload_form if editable else None,
        "Status": Artwork.Status,
    }
    return render(request, "gallery/studio/artwork_edit.html", context)


@studio_view
def artwork_list(request):
    """Her works in every state; archived ones last, apart."""
    works = list(selectors.artwork_list_for_artist(artist=request.artist))
    context = {
        "studio_section": "artworks",
        "works": [w for w in works if w.status != Artwork.Status.ARCHIVED],
        "archived": [w for w in works if w.status == Artwork.Status.ARCHIVED],
    }
    return render(request, "gallery/studio/artwork_list.html", context)


@studio_view
@uploads_limited
def artwork_create(request):
    """A new draft, with its first photos if she chose any; then on to its page."""
    if request.method == "POST":
        form = ArtworkCreateForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            photos_lost = False
            with transaction.atomic():
                artwork = form.save(commit=False)
                artwork.artist = request.artist
                artwork.status = Artwork.Status.DRAFT
                artwork.slug = services.artwork_slug_make(artist=request.artist, title=artwork.title)
                form.save_m2m()  # tags wait in the cluster until the save below
                artwork.save()
                try:
                    # The draft is kept even when the storage refuses her photos.
                    with transaction.atomic():
                        for image in images_save(form.image_forms):
                            services.artwork_image_add(artwork=artwork, image=image)
                except ImageStorageUnavailable:
                    photos_lost = True
            if photos_lost:
                messages.error(
                    request,
                    _(
                        "Your draft is saved, but its photos could not be stored just now because "
                        "our file storage is not answering. Please add them again in a few minutes."
                    ),
                )
            else:
                messages.success(
                    request,
                    _("Your draft is saved. Add photos, then send it for review.")
                    if not form.image_forms
                    else _("Your draft is saved. When it is ready, send it for review."),
                )
            return redirect(_edit_url(artwork))
    else:
        form = ArtworkCreateForm(user=request.user)
    return render(request, "gallery/studio/artwork_create.html", {"form": form, "studio_section": "artworks"})


@studio_view
def artwork_edit(request, pk: int):
    """Her work's page: its review status, photos and details (read-only unless editable)."""
    artwork = _artwork_or_404(request, pk)
    if request.method != "POST":
        return _edit_page(request, artwork)
    if not artwork.is_editable_by_artist:
        messages.error(request, NOT_EDITABLE)
        return redirect(_edit_url(artwork))
    # The form changes its instance while validating; the page keeps the saved title.
    form = ArtworkForm(request.POST, instance=_artwork_or_404(request, pk))
    if not form.is_valid():
        return _edit_page(request, artwork, form=form)
    with transaction.atomic():
        changed = form.save(commit=False)
        if changed.published_at is None and "title" in form.changed_data:
            # Never published, so no one has its address yet: let it follow the title.
            changed.slug = services.artwork_slug_make(
                artist=request.artist, title=changed.title, exclude_pk=changed.pk
            )
        form.save_m2m()
        changed.save()
    messages.success(request, _("Your changes are saved."))
    return redirect(_edit_url(artwork, "#details"))


@studio_view
@require_POST
@uploads_limited
def artwork_image_upload(request, pk: int):
    """One more photo. Script uploads get the new photo list, or their errors as JSON."""
    artwork = _artwork_or_404(request, pk)
    fragment = _wants_fragment(request)
    if not artwork.is_editable_by_artist:
        if fragment:
            return JsonResponse({"errors": {"__all__": [str(NOT_EDITABLE)]}}, status=400)
        messages.error(request, NOT_EDITABLE)
        return redirect(_edit_url(artwork))
    form = ArtworkImageUploadForm(request.POST, request.FILES, artwork=artwork, user=request.user)
    if not form.is_valid():
        if fragment:
            errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
            return JsonResponse({"errors": errors}, status=400)
        return _edit_page(request, artwork, upload_form=form)
    try:
        with transaction.atomic():
            (image,) = images_save([form.image_form])
            services.artwork_image_add(artwork=artwork, image=image)
    except ImageStorageUnavailable:
        if fragment:
            return JsonResponse({"errors": {"__all__": [str(STORAGE_DOWN)]}}, status=503)
        form.add_error(None, STORAGE_DOWN)
        return _edit_page(request, artwork, upload_form=form)
    artwork = _artwork_or_404(request, pk)
    if fragment:
        return render(request, "gallery/studio/_image_list.html", _images_context(artwork))
    messages.success(request, _("Photo added."))
    return redirect(_edit_url(artwork, "#photos"))


@login_required
@never_cache
def artwork_image_original(request, pk: int, image_pk: int):
    """A photo as stored, to download: a link valid for minutes, for the artist whose work
    it is and for editors, and a 404 for anyone else.

    Originals are private; public pages show only renditions.
    """
    artwork_image = (
        ArtworkImage.objects.select_related("image", "artwork__artist")
        # `artwork__pk`, not `artwork_id`: a number too big for the column finds nothing.
        .filter(pk=image_pk, artwork__pk=pk)
        .first()
    )
    if artwork_image is None:
        raise Http404
    owner = artwork_image.artwork.artist.user_id == request.user.pk
    if not (owner or staff_may_see_originals(request.user)):
        raise Http404
    return original_response(artwork_image.image, as_attachment=True)


def _image_action(view):
    """A change to her photos: only while the work is editable; back to the photos after."""

    @studio_view
    @require_POST
    def wrapper(request, pk: int, **kwargs):
        artwork = _artwork_or_404(request, pk)
        if "image_pk" in kwargs:
            _artwork_image_or_404(artwork, kwargs["image_pk"])
        if not artwork.is_editable_by_artist:
            messages.error(request, NOT_EDITABLE)
        else:
            message = view(request, artwork, **kwargs)
            messages.success(request, message)
        return redirect(_edit_url(artwork, "#photos"))

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


@_image_action
def artwork_image_primary(request, artwork: Artwork, image_pk: int):
    """Make one photo the first, the one buyers see in lists."""
    services.artwork_image_make_primary(artwork=artwork, artwork_image_id=image_pk)
    return _("This photo is now the main one.")


@_image_action
def artwork_image_remove(request, artwork: Artwork, image_pk: int):
    """Remove a photo for good."""
    services.artwork_image_remove(artwork=artwork, artwork_image_id=image_pk)
    return _("Photo removed.")


@_image_action
def artwork_images_order(request, artwork: Artwork):
    """Put her photos in the order posted as `order` (ids of this work's photos)."""
    ids = [int(value) for value in request.POST.getlist("order") if value.isdigit()]
    services.artwork_images_reorder(artwork=artwork, image_ids=ids)
    return _("The order of the photos is saved.")


def _review_action(service, success_message, *, limit: str = ""):
    """A move of her work through review; `limit` names the rate limit of moves that email
    the editors."""

    def limited(view):
        return rate_limited(limit, account=signed_in_user)(view) if limit else view

    @studio_view
    @require_POST
    @limited
    def view(request, pk: int):
        artwork = _artwork_or_404(request, pk)
        try:
            service(artwork=artwork)
        except services.ArtworkError as error:
            messages.error(request, artwork_error_message(error))
        else:
            messages.success(request, success_message)
        return redirect(_edit_url(artwork))

    view.__name__ = service.__name__
    return view


artwork_submit = _review_action(
    services.artwork_submit,
    _("Sent for review. We will email you when an editor has looked at it."),
    limit="review-request",
)
artwork_withdraw = _review_action(
    services.artwork_withdraw,
    _("The work is back among your drafts and not on the site. Change it, then send it for review again."),
)
artwork_archive = _review_action(
    services.artwork_archive,
    _("The work is archived: it is no longer shown on the site."),
)
