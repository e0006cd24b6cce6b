"""Running the same work from many threads at once, as many buyers or visitors would."""

import threading
import time

from django.db import OperationalError, connection, connections


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


def at_once(count: int, work, *, expected: tuple[type[Exception], ...] = (), timeout: int = 180):
    """Run `work(i)` in `count` threads released together, each on its own connection, which
    it closes when done. An exception of an `expected` type counts as that thread's result.
    Returns (results, unexpected errors)."""
    barrier = threading.Barrier(count)
    results: list = []
    errors: list = []
    lock = threading.Lock()

    def run(i):
        try:
            barrier.wait(timeout=30)
            outcome = work(i)
        except expected as outcome_error:
            outcome = outcome_error
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
        thread.join(timeout=timeout)
    assert not any(thread.is_alive() for thread in threads)
    return results, errors
