from django.urls import path

from . import views

app_name = "artists"

urlpatterns = [
    path("", views.studio, name="studio"),
    path("apply/", views.apply, name="apply"),
    path("profile/", views.profile_edit, name="profile-edit"),
    path("payouts/", views.payout_details, name="payout-details"),
    path("claim/", views.claim, name="claim"),
]
