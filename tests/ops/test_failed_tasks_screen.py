"""Staff see the background work that failed (an email given up on) at /django-admin/: only
superusers and finance staff, only after two-step sign-in, and never the email's body."""

from django.urls import reverse
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from heritage.admin.tasks_site import FAILED_TASKS_URL
from heritage.tasks import email_deliver
from tests.factories import ArtistFactory, UserFactory
from tests.finance import staff_with
from tests.two_factor import staff_login

pytestmark = pytest.mark.django_db

TASKS_LIST = "/django-admin/django_tasks_database/dbtaskresult/"


@pytest.fixture
def failed_email(settings):
    """An email to Nigora the worker gave up on."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    email_deliver.enqueue(
        subject="Your work is published",
        body="Secret link: https://tajikheritage.org/en/accounts/reset/abc-123/",
        from_email="hello@tajikheritage.org",
        to=["nigora@example.org"],
    )
    DBTaskResult.objects.update(status="FAILED", finished_at=timezone.now())
    return DBTaskResult.objects.get()


def test_a_superuser_sees_the_failed_email_without_its_body(client, failed_email):
    staff_login(client, UserFactory(is_superuser=True, is_staff=True))
    assert reverse("task_admin:django_tasks_database_dbtaskresult_changelist") == TASKS_LIST

    listing = client.get(FAILED_TASKS_URL)
    detail = client.get(f"{TASKS_LIST}{failed_email.pk}/change/")

    assert listing.status_code == 200
    assert "email_deliver" in listing.text
    assert "nigora@example.org" in listing.text
    assert detail.status_code == 200
    assert "Your work is published" in detail.text
    assert "abc-123" not in listing.text + detail.text


def test_finance_staff_see_the_failed_tasks_too(client, failed_email):
    staff_login(client, staff_with("heritage.manage_finance"))

    assert client.get(FAILED_TASKS_URL).status_code == 200


def test_an_anonymous_visitor_is_sent_to_the_admins_sign_in(client, failed_email):
    response = client.get(TASKS_LIST, follow=True)

    assert response.redirect_chain[-1][0].startswith("/admin/login/?next=")
    assert response.status_code == 200
    assert "nigora" not in response.text


@pytest.mark.parametrize(
    "who",
    [
        lambda: ArtistFactory().user,
        lambda: staff_with(),  # an editor: in the Wagtail admin, without finance rights
        lambda: UserFactory(is_staff=True),
    ],
    ids=["artist", "editor", "staff-flag-only"],
)
def test_nobody_else_signed_in_gets_in(client, failed_email, who):
    staff_login(client, who())

    for url in (TASKS_LIST, f"{TASKS_LIST}{failed_email.pk}/change/", "/django-admin/"):
        response = client.get(url, follow=True)
        assert response.status_code == 403, url
        assert "nigora" not in response.text


def test_a_superuser_who_has_not_typed_her_code_is_asked_for_it_first(client, failed_email):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get(TASKS_LIST)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two-factor"))


def test_the_wagtail_admin_links_to_the_failed_tasks_for_those_who_may_see_them(client):
    staff_login(client, UserFactory(is_superuser=True, is_staff=True))
    assert FAILED_TASKS_URL in client.get("/admin/").text

    client.logout()
    staff_login(client, staff_with())
    assert "django-admin" not in client.get("/admin/").text


def test_the_tasks_screens_cannot_be_changed_or_emptied(client, failed_email):
    staff_login(client, UserFactory(is_superuser=True, is_staff=True))

    client.post(f"{TASKS_LIST}{failed_email.pk}/delete/", {"post": "yes"})
    client.post(f"{TASKS_LIST}{failed_email.pk}/change/", {"status": "SUCCESSFUL"})

    failed_email.refresh_from_db()
    assert failed_email.status == "FAILED"
