"""Twenty people press "Register" for a five-place event at the same moment: exactly five
get a place and fifteen join the waitlist, in the order the database let them in.

Each person registers in her own thread on her own database connection. On PostgreSQL the
event row lock makes the others wait their turn. SQLite's in-memory test database refuses
a second writer at once ("database table is locked") instead of waiting, so there a refused
attempt is simply tried again: it is never half-done, since its transaction rolled back.
"""

import pytest

from cms.events.services import registration_cancel, registration_create
from cms.models import EventRegistration
from tests import concurrency
from tests.concurrency import with_sqlite_retries

from .events_fixtures import event_make, index_make

PEOPLE = 20
CAPACITY = 5


def at_once(count: int, work) -> tuple[list, list]:
    """`work(i)` from `count` threads at once, each retried while SQLite is locked."""
    return concurrency.at_once(count, lambda i: with_sqlite_retries(lambda: work(i)))


@pytest.mark.django_db(transaction=True)
def test_twenty_people_five_places_never_more_than_five_confirmed():
    event = event_make(index_make()["en"], capacity=CAPACITY)

    results, errors = at_once(
        PEOPLE,
        lambda i: registration_create(event=event, name=f"Person {i}", email=f"person{i}@example.org"),
    )

    assert errors == []
    assert len(results) == PEOPLE
    statuses = EventRegistration.objects.filter(event=event).values_list("status", flat=True)
    assert sorted(statuses).count(EventRegistration.Status.CONFIRMED) == CAPACITY
    assert sorted(statuses).count(EventRegistration.Status.WAITLISTED) == PEOPLE - CAPACITY

    # Five confirmed people cancel at once: the five first waiting take their places.
    confirmed = list(event.registrations.filter(status="confirmed"))
    waiting = list(event.registrations.filter(status="waitlisted").order_by("created_at", "pk"))
    results, errors = at_once(CAPACITY, lambda i: registration_cancel(token=confirmed[i].token))

    assert errors == []
    now_confirmed = set(event.registrations.filter(status="confirmed").values_list("pk", flat=True))
    assert now_confirmed == {r.pk for r in waiting[:CAPACITY]}
