"""On the filesystem, originals live outside the folder the web server publishes: a rendition's
name, which shows its original's, leads nowhere under MEDIA_URL, and only staff and the
image's owner get an original, from a view that checks who asks."""

from io import StringIO
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from django.views.static import serve

import pytest

from heritage import storage
from heritage.models import CustomImage
from tests.factories import ImageFactory, UserFactory, jpeg_bytes
from tests.two_factor import staff_login

pytestmark = pytest.mark.django_db


def public_media_get(url: str, settings) -> int:
    """What the public media route answers for `url`: MEDIA_ROOT published at MEDIA_URL, as
    nginx's `location /media/ { alias …; }` and Django's own media serving in DEBUG do."""
    assert url.startswith(settings.MEDIA_URL), url
    try:
        response = serve(
            RequestFactory().get(url), url[len(settings.MEDIA_URL) :], document_root=settings.MEDIA_ROOT
        )
    except Http404:
        return 404
    return response.status_code


def original_bytes(image) -> bytes:
    with image.open_file() as f:
        return f.read()


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_an_original_is_stored_outside_the_published_media_folder(settings):
    image = ImageFactory()
    path = Path(image.file.path).resolve()
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert path.is_relative_to(storage.private_media_root().resolve())
    assert "/media/" not in image.file.url


def test_guessing_the_original_from_a_rendition_name_finds_nothing(client, settings):
    image = ImageFactory(title="IMG_4821")
    rendition = image.get_rendition("fill-40x30|format-webp")
    assert rendition.url.startswith(settings.MEDIA_URL)
    assert public_media_get(rendition.url, settings) == 200, "renditions stay public"
    stem = Path(rendition.file.name).name.split(".")[0]
    for guess in (f"original_images/{stem}.jpg", image.file.name):
        assert public_media_get(settings.MEDIA_URL + guess, settings) == 404
        assert client.get(settings.MEDIA_URL + guess).status_code == 404


def test_only_staff_and_the_owner_get_an_original(client, django_user_model):
    owner = UserFactory()
    image = ImageFactory(uploaded_by_user=owner)
    url = image.file.url
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(owner)
    response = client.get(url)
    assert response.status_code == 200
    assert body(response) == original_bytes(image)
    assert "no-store" in response["Cache-Control"]
    editor = django_user_model.objects.create_superuser(email="editor@example.org", password="x")
    client.force_login(editor)
    assert client.get(url).status_code == 404, "staff need their second step first"
    staff_login(client, editor)
    response = client.get(url)
    assert response.status_code == 200 and body(response) == original_bytes(image)


def test_behind_nginx_the_view_hands_the_file_to_an_internal_location(client, settings):
    settings.MEDIA_X_ACCEL_REDIRECT = True
    owner = UserFactory()
    image = ImageFactory(uploaded_by_user=owner)
    client.force_login(owner)
    response = client.get(image.file.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/_private_media/" + image.file.name
    assert response["Content-Type"] == "image/jpeg"
    assert body(response) == b""


def test_the_command_moves_originals_out_of_the_published_folder_once(settings):
    # An original stored before originals were private: under MEDIA_ROOT.
    public = storages["default"]
    name = public.save("original_images/IMG_4821.jpg", ContentFile(jpeg_bytes(40, 30)))
    image = CustomImage.objects.create(title="Old", alt_text="An old upload", width=40, height=30)
    CustomImage.objects.filter(pk=image.pk).update(file=name)
    data = public.open(name).read()

    out = StringIO()
    call_command("media_originals_private", stdout=out)
    assert "1/1" in out.getvalue()
    assert not public.exists(name)
    assert (storage.private_media_root() / name).read_bytes() == data
    assert original_bytes(CustomImage.objects.get(pk=image.pk)) == data

    again = StringIO()
    call_command("media_originals_private", stdout=again)
    assert "nothing to move" in again.getvalue().lower()
    assert (storage.private_media_root() / name).read_bytes() == data


def test_the_admin_shows_an_original_at_its_private_address_not_as_a_public_copy(client, django_user_model):
    image = ImageFactory()
    editor = django_user_model.objects.create_superuser(email="editor@example.org", password="x")
    staff_login(client, editor)
    response = client.get(reverse("wagtailimages:edit", args=[image.pk]))
    assert response.status_code == 200
    assert image.file.url in response.content.decode()
    assert not image.renditions.filter(filter_spec="original").exists()
