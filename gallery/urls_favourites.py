from django.urls import path

from .views import favourites

app_name = "favourites"

urlpatterns = [
    path("", favourites.saved, name="saved"),
    path("artworks/<int:pk>/save/", favourites.save, name="save"),
    path("artworks/<int:pk>/unsave/", favourites.unsave, name="unsave"),
    path("artists/<int:pk>/follow/", favourites.follow, name="follow"),
    path("artists/<int:pk>/unfollow/", favourites.unfollow, name="unfollow"),
]
