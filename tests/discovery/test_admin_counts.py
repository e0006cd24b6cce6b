"""Editors see on the admin dashboard how many follows and saved searches there are."""

import pytest

from gallery.models import Follow, SavedSearch
from tests.factories import UserFactory
from tests.gallery.portfolio_fixtures import artist_make
from tests.two_factor import staff_login

pytestmark = pytest.mark.django_db


def test_the_dashboard_counts_follows_and_saved_searches(client, django_user_model):
    for _n in range(3):
        Follow.objects.create(user=UserFactory(), artist=artist_make())
    SavedSearch.objects.create(user=UserFactory(), query="q=suzani")
    staff_login(client, django_user_model.objects.create_superuser(email="editor@example.org", password="x"))

    page = client.get("/admin/").content.decode()

    assert "3 follows · 1 saved searches · 0 digests this week" in " ".join(page.split())
