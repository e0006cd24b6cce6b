"""Originals, for the people allowed to see them, and for no one else.

A stored original is private (heritage.storage): public pages show renditions only. Its one
address on this site is `image_original`, which answers staff (past their two-step sign-in)
and the person who uploaded it, and a 404 to anyone else, as if it did not exist. The file
itself is sent by nginx when it is in front (`MEDIA_X_ACCEL_REDIRECT`: an `X-Accel-Redirect`
to an `internal` location), by Django otherwise, or by the bucket through a signed link.
"""

import mimetypes
import posixpath
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache

from wagtail.images import get_image_model

from heritage.accounts.two_factor import two_factor_required
from heritage.storage import original_download_url


def staff_may_see_originals(user) -> bool:
    """Editors, once signed in with their second step where they need one."""
    if not (user.is_authenticated and user.is_active and user.has_perm("wagtailadmin.access_admin")):
        return False
    return not two_factor_required(user) or user.is_verified()


def original_response(image, *, as_attachment: bool = True) -> HttpResponse:
    """The response that hands over `image`'s stored original, never to be cached by anyone.
    The caller has checked that the person asking may have it."""
    url = original_download_url(image)
    if url is not None:
        return redirect(url)
    name = image.file.name
    filename = posixpath.basename(name)
    if settings.MEDIA_X_ACCEL_REDIRECT:
        response = HttpResponse(content_type=mimetypes.guess_type(filename)[0] or "application/octet-stream")
        response["X-Accel-Redirect"] = settings.MEDIA_X_ACCEL_PREFIX + quote(name)
        response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    else:
        response = FileResponse(image.file.open("rb"), as_attachment=as_attachment, filename=filename)
    patch_cache_control(response, private=True, no_store=True)
    return response


@never_cache
def image_original(request, name: str):
    """An original by its stored name: for staff and its uploader; a 404 for anyone else."""
    image = get_image_model().objects.filter(file=name).first()
    user = request.user
    if image is None:
        raise Http404
    owner = user.is_authenticated and image.uploaded_by_user_id == user.pk
    if not (owner or staff_may_see_originals(user)):
        raise Http404
    return original_response(image, as_attachment=False)
