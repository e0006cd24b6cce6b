"""The site's URLs plus two only the bench has: the floor view, and media files, which a
web server or bucket serves in production and Django serves only when DEBUG is on."""

from django.conf import settings
from django.urls import path, re_path
from django.views.static import serve

from heritage import urls as site_urls

from .views import floor

urlpatterns = [
    path("bench/floor/", floor, name="bench-floor"),
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urls.urlpatterns,
]

handler500 = site_urls.handler500
