from django.urls import path

from . import views_search

app_name = "cms"

urlpatterns = [
    path("", views_search.search, name="search"),
]
