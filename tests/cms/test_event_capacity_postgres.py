"""Twenty people press "Register" for a five-place event at the same moment: exactly five
get a place and fifteen join the waitlist, in the order the database let them in.

Each person registers in her own thread on her own database connection. On PostgreSQL the
event row lock makes the others wait their turn. SQLite's in-memory test database refuses
a second writer at once ("database table is locked") instead of waiting, so there a refused
attempt is simply tried again: it is never half-done, since its transaction rolled back.
"""

import threading
import time

from django.db import OperationalError, connection, connections

import pytest

from cms.events.services import registration_cancel, registration_create
from cms.models import EventRegistration

from .events_fixtures import event_make, index_make

PEOPLE = 20
CAPACITY = 5


def with_sqlite_retries(work):
    """`work()`, tried again while SQLite reports the database as locked by another writer."""
    for attempt in range(400):
        try:
            return work()
        except OperationalError as error:
            if connection.vendor != "sqlite" or "locked" not in str(error):
                raise
            time.sleep(0.005 * (1 + attempt % 10))
    raise AssertionError("SQLite stayed locked")


def at_once(count: int, work) -> tuple[list, list]:
    """Run `work(i)` in `count` threads released together, each on its own connection, which
    it closes when done. Returns (results, unexpected errors)."""
    barrier = threading.Barrier(count)
    results: list = []
    errors: list = []
    lock = threading.Lock()

    def run(i):
        try:
            barrier.wait(timeout=30)
            outcome = with_sqlite_retries(lambda: work(i))
        except Exception as error:  # noqa: BLE001 - collected and asserted on below
            with lock:
                errors.append(error)
            return
        finally:
            connections.close_all()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    assert not any(thread.is_alive() for thread in threads)
    return results, errors


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
