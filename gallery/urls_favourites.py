from django.urls import path

from .views import discovery, favourites

app_name = "favourites"

urlpatterns = [
    path("", favourites.saved, name="saved"),
    path("artworks/<int:pk>/save/", favourites.save, name="save"),
    path("artworks/<int:pk>/unsave/", favourites.unsave, name="unsave"),
    path("artists/<int:pk>/follow/", favourites.follow, name="follow"),
    path("artists/<int:pk>/unfollow/", favourites.unfollow, name="unfollow"),
    path("searches/", discovery.searches, name="searches"),
    path("searches/save/", discovery.search_save, name="search-save"),
    path("searches/<int:pk>/delete/", discovery.search_delete, name="search-delete"),
    path("searches/emails/", discovery.emails_resume, name="emails-resume"),
    path("unsubscribe/<str:token>/", discovery.unsubscribe, name="unsubscribe"),
]
