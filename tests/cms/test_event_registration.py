"""Registering for an event: places, then the waitlist; one registration per email; closed
once the event has begun; cancelling frees a place for the first person waiting; emails in
the visitor's language; editors see the registrants and download them as CSV."""

import csv
import io
import re
from datetime import timedelta

from django.contrib.auth.models import Permission
from django.core import mail
from django.test import TestCase
from django.utils import timezone

import pytest

from cms.events.services import (
    AlreadyRegistered,
    RegistrationClosed,
    registration_cancel,
    registration_create,
)
from cms.models import EventRegistration
from tests.factories import UserFactory
from tests.two_factor import staff_login

from .events_fixtures import dushanbe, event_make, index_make, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(db):
    """The three-language site with an event index under each home."""
    return index_make()


Status = EventRegistration.Status


def committed(function, *args, **kwargs):
    """Call `function` and run what it left for after the commit (the emails), as the end of
    a request's transaction would."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return function(*args, **kwargs)


def register(event, n: int, **fields) -> EventRegistration:
    fields.setdefault("name", f"Visitor {n}")
    fields.setdefault("email", f"visitor{n}@example.org")
    return committed(registration_create, event=event, **fields)


def cancel(token: str) -> EventRegistration | None:
    return committed(registration_cancel, token=token)


def cancel_link(message) -> str:
    return re.search(r"https?://\S+/registrations/[\w-]+/cancel/", message.body).group(0)


# The service


def test_places_are_confirmed_until_the_event_is_full_then_people_are_waitlisted(index):
    event = event_make(index["en"], capacity=2)

    statuses = [register(event, n).status for n in range(4)]

    assert statuses == [Status.CONFIRMED, Status.CONFIRMED, Status.WAITLISTED, Status.WAITLISTED]


def test_an_event_without_capacity_never_fills(index):
    event = event_make(index["en"], capacity=None)

    assert {register(event, n).status for n in range(30)} == {Status.CONFIRMED}


def test_the_same_email_cannot_register_twice_for_an_event(index):
    event = event_make(index["en"], capacity=5)
    other = event_make(index["en"], capacity=5, days=9)
    register(event, 1, email="Madina@Example.org")

    with pytest.raises(AlreadyRegistered):
        register(event, 2, email="  madina@example.org ")

    assert register(other, 3, email="madina@example.org").status == Status.CONFIRMED
    assert EventRegistration.objects.filter(event=event).count() == 1


def test_a_long_s_or_letter_case_does_not_make_a_second_registration(index):
    event = event_make(index["en"], capacity=5)
    register(event, 1, email="Sara@Example.org")

    with pytest.raises(AlreadyRegistered):
        register(event, 2, email="ſara@example.org")


def test_someone_who_cancelled_may_register_again(index):
    event = event_make(index["en"], capacity=5)
    first = register(event, 1)
    cancel(first.token)

    again = register(event, 1)

    assert again.status == Status.CONFIRMED


@pytest.mark.parametrize(
    ("when", "fields"),
    [
        ("past", {"days": -2}),
        ("begun", {"days": -0.01, "hours": 4}),
        ("switched off", {"registration_open": False}),
    ],
)
def test_registration_is_closed_for_past_or_begun_events_and_when_switched_off(index, when, fields):
    event = event_make(index["en"], capacity=10, **fields)

    with pytest.raises(RegistrationClosed):
        register(event, 1)

    assert not EventRegistration.objects.exists()


def test_translations_share_the_places_of_the_original_event(index):
    event = event_make(index["en"], capacity=2)
    russian = translate(event, index["ru"], title="Мастер-класс")
    tajik = translate(event, index["tg"], title="Дарси амалӣ")

    outcomes = [
        register(russian, 1, language="ru"),
        register(tajik, 2, language="tg"),
        register(event, 3),
    ]

    assert [r.status for r in outcomes] == [Status.CONFIRMED, Status.CONFIRMED, Status.WAITLISTED]
    assert {r.event_id for r in outcomes} == {event.pk}


def test_cancelling_a_confirmed_place_promotes_the_first_person_waiting_and_emails_her(index):
    event = event_make(index["en"], capacity=1, start=dushanbe(2031, 3, 14, 14))
    translate(event, index["ru"], title="Мастер-класс по войлоку")
    first = register(event, 1)
    second = register(event, 2, language="ru")
    third = register(event, 3)
    mail.outbox.clear()

    cancel(first.token)

    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.status, third.status) == (Status.CONFIRMED, Status.WAITLISTED)
    to = {message.to[0]: message for message in mail.outbox}
    assert set(to) == {"visitor1@example.org", "visitor2@example.org"}
    promoted = to["visitor2@example.org"]
    assert "Мастер-класс по войлоку" in promoted.subject
    assert "14 марта 2031" in promoted.body and "14:00" in promoted.body
    assert "/ru/events/registrations/" in cancel_link(promoted)


def test_more_places_published_let_the_waitlist_in_first_come_first_served(
    index, django_capture_on_commit_callbacks
):
    event = event_make(index["en"], capacity=1)
    register(event, 1)
    second = register(event, 2)
    third = register(event, 3)
    fourth = register(event, 4)
    mail.outbox.clear()

    event.capacity = 3
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()

    statuses = [r.status for r in EventRegistration.objects.filter(pk__in=[second.pk, third.pk, fourth.pk])]
    assert sorted(statuses) == [Status.CONFIRMED, Status.CONFIRMED, Status.WAITLISTED]
    fourth.refresh_from_db()
    assert fourth.status == Status.WAITLISTED
    assert {message.to[0] for message in mail.outbox} == {"visitor2@example.org", "visitor3@example.org"}


def test_cancelling_a_waitlist_spot_promotes_nobody(index):
    event = event_make(index["en"], capacity=1)
    register(event, 1)
    second = register(event, 2)
    third = register(event, 3)

    cancel(second.token)

    third.refresh_from_db()
    assert third.status == Status.WAITLISTED


def test_cancelling_twice_changes_nothing_and_an_unknown_token_finds_nothing(index):
    event = event_make(index["en"], capacity=1)
    first = register(event, 1)
    register(event, 2)
    cancel(first.token)
    mail.outbox.clear()

    assert cancel(first.token).status == Status.CANCELLED
    assert cancel("no-such-token") is None
    assert mail.outbox == []


# Emails


def test_the_confirmation_is_in_the_visitors_language_with_the_online_link_and_cancel_link(index):
    event = event_make(index["en"], is_online=True, online_url="https://meet.example.org/room-42", capacity=1)
    translate(event, index["tg"], title="Суҳбати онлайн")

    register(event, 1, language="tg")
    register(event, 2, language="en")

    confirmed, waitlisted = mail.outbox
    assert confirmed.to == ["visitor1@example.org"]
    assert "Суҳбати онлайн" in confirmed.subject
    assert "https://meet.example.org/room-42" in confirmed.body
    assert "/tg/events/registrations/" in cancel_link(confirmed)
    assert "waitlist" in waitlisted.subject
    assert "room-42" not in waitlisted.body
    assert cancel_link(waitlisted)


def test_the_email_leaves_only_after_the_registration_is_committed(index, django_capture_on_commit_callbacks):
    event = event_make(index["en"], capacity=3)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        registration_create(event=event, name="Zarina", email="zarina@example.org")

    assert mail.outbox == []
    # The confirmation, and the renewal of cached pages (which now show one place fewer).
    assert len(callbacks) == 2
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1


# Through the page


def test_a_visitor_registers_on_the_page_and_is_told_the_outcome(client, index):
    event = event_make(index["en"], capacity=1)
    data = {"registration-name": "Zarina", "registration-email": "zarina@example.org"}

    first = client.post(event.url, data, follow=True)
    second = client.post(event.url, {**data, "registration-email": "gulya@example.org"}, follow=True)

    assert "Your place is confirmed" in first.content.decode()
    assert "you are on the waitlist" in second.content.decode()
    assert [r.language for r in EventRegistration.objects.all()] == ["en", "en"]


def test_the_page_explains_a_duplicate_registration(client, index):
    event = event_make(index["en"], capacity=5)
    data = {"registration-name": "Zarina", "registration-email": "zarina@example.org"}
    client.post(event.url, data)

    response = client.post(event.url, data)

    assert response.status_code == 400
    assert "already registered for this event" in response.content.decode()


def test_a_russian_visitor_registers_in_russian(client, index):
    event = event_make(index["en"], capacity=5)
    russian = translate(event, index["ru"], title="Мастер-класс")

    committed(
        client.post, russian.url, {"registration-name": "Зарина", "registration-email": "z@example.org"}
    )

    registration = EventRegistration.objects.get()
    assert (registration.event_id, registration.language) == (event.pk, "ru")
    assert "Мастер-класс" in mail.outbox[0].subject


def test_a_past_event_shows_no_form_and_refuses_a_post(client, index):
    event = event_make(index["en"], days=-3)

    html = client.get(event.url).content.decode()
    response = client.post(event.url, {"registration-name": "Z", "registration-email": "z@example.org"})

    assert "This event has taken place." in html and 'name="registration-email"' not in html
    assert response.status_code == 400
    assert not EventRegistration.objects.exists()


def test_the_cancel_link_asks_first_and_cancels_on_post(client, index):
    event = event_make(index["en"], capacity=1)
    first = register(event, 1)
    second = register(event, 2)
    url = f"/en/events/registrations/{first.token}/cancel/"

    asked = client.get(url)
    first.refresh_from_db()
    assert asked.status_code == 200 and first.status == Status.CONFIRMED

    done = client.post(url)

    first.refresh_from_db()
    second.refresh_from_db()
    assert "Your registration is cancelled" in done.content.decode()
    assert (first.status, second.status) == (Status.CANCELLED, Status.CONFIRMED)
    assert client.get("/en/events/registrations/nonsense/cancel/").status_code == 404


# Editors


@pytest.fixture
def event_with_registrants(index):
    event = event_make(index["en"], capacity=1, title="Felt workshop", slug="felt-workshop")
    register(event, 1, name='=HYPERLINK("http://evil.example","x")', phone="+992 90 000 00 00")
    register(event, 2, name="Gulnora")
    return event


def test_editors_see_the_registrants_with_their_status(client, event_with_registrants):
    staff_login(client, UserFactory(is_superuser=True))

    overview = client.get("/admin/events/registrations/").content.decode()
    listing = client.get(f"/admin/events/registrations/{event_with_registrants.pk}/").content.decode()

    assert "Felt workshop" in overview
    assert "Gulnora" in listing and "On the waitlist" in listing and "Confirmed" in listing


def test_the_csv_neutralises_formulas(client, event_with_registrants):
    staff_login(client, UserFactory(is_superuser=True))

    response = client.get(f"/admin/events/registrations/{event_with_registrants.pk}/registrations.csv")

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Name", "Email", "Phone", "Status"]
    assert rows[1][0] == '\'=HYPERLINK("http://evil.example","x")'
    assert rows[1][2] == "'+992 90 000 00 00"
    assert rows[2][:4] == ["Gulnora", "visitor2@example.org", "", "On the waitlist"]


def test_people_without_the_permission_see_no_registrants(client, event_with_registrants):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    staff_login(client, user)

    assert client.get(f"/admin/events/registrations/{event_with_registrants.pk}/").status_code in (302, 403)
    assert client.get(
        f"/admin/events/registrations/{event_with_registrants.pk}/registrations.csv"
    ).status_code in (
        302,
        403,
    )

    user.user_permissions.add(Permission.objects.get(codename="view_eventregistration"))
    assert client.get(f"/admin/events/registrations/{event_with_registrants.pk}/").status_code == 200


def test_registration_closes_when_the_event_begins(index):
    event = event_make(index["en"], capacity=3, days=1)
    event.start = timezone.now() - timedelta(minutes=1)
    event.save_revision().publish()

    with pytest.raises(RegistrationClosed):
        register(event, 1)
