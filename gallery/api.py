"""The read API (Wagtail API v2): pages, images and published artworks."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
