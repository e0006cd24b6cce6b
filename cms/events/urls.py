"""Event calendar files and the cancel link; included under each language's prefix."""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("upcoming.ics", views.event_feed, name="feed"),
    path("<int:page_id>.ics", views.event_ics, name="event-ics"),
    path(
        "registrations/<slug:token>/cancel/",
        views.registration_cancel_view,
        name="registration-cancel",
    ),
]
