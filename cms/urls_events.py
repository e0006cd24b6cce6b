"""Event calendar files and the cancel link; included under each language's prefix."""

from django.urls import path

from . import views_events

app_name = "events"

urlpatterns = [
    path("upcoming.ics", views_events.event_feed, name="feed"),
    path("<int:page_id>.ics", views_events.event_ics, name="event-ics"),
    path(
        "registrations/<slug:token>/cancel/",
        views_events.registration_cancel_view,
        name="registration-cancel",
    ),
]
