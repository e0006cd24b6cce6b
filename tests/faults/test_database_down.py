"""When the database cannot be reached, every page answers with a short "back soon" page
(HTTP 503, Retry-After) in the visitor's language, and nothing of the server's insides."""

import sqlite3

from django.contrib.sessions.backends.db import SessionStore
from django.db import IntegrityError, OperationalError, connections
from django.test import Client

import pytest

from heritage.outage import RETRY_AFTER
from tests.factories import OfferFactory

pytestmark = pytest.mark.django_db

LEAKS = ("Traceback", "OperationalError", "could not connect", "psycopg", "sqlite3", 'File "')


@pytest.fixture
def database_down(monkeypatch):
    """Every new query fails as it does when PostgreSQL is stopped or the network to it is cut."""

    def refuse(self, *args, **kwargs):
        raise OperationalError(
            'connection to server at "10.0.0.5", port 5432 failed: could not connect: Connection refused'
        )

    monkeypatch.setattr(type(connections["default"]), "cursor", refuse)


@pytest.fixture
def visitor():
    """A browser: errors come back as the pages Django would send, not as exceptions."""
    return Client(raise_request_exception=False)


def assert_back_soon(response, title="Back in a few minutes"):
    page = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER)
    assert "no-cache" in response["Cache-Control"]
    assert title in page
    for leak in LEAKS:
        assert leak not in page
    return page


@pytest.mark.parametrize("path", ["/en/", "/en/gallery/", "/en/shop/cart/", "/en/search/?q=suzani"])
def test_pages_answer_503_with_a_friendly_page_when_the_database_is_down(visitor, database_down, path):
    assert_back_soon(visitor.get(path))


def test_the_page_is_in_the_language_of_the_address(visitor, database_down):
    page = assert_back_soon(visitor.get("/ru/"), title="Вернёмся через несколько минут")
    assert '<html lang="ru">' in page
    assert 'href="/ru/"' in page


def test_a_form_post_during_the_outage_gets_the_same_page(visitor, database_down):
    assert_back_soon(visitor.post("/en/shop/cart/add/", {"offer": 1, "quantity": 1}))


def test_the_health_check_tells_the_load_balancer_the_database_is_down(visitor, database_down):
    assert_back_soon(visitor.get("/healthz"))


def test_the_database_lost_after_the_view_still_gives_the_friendly_page(visitor, monkeypatch):
    """The view ran, then saving her session failed: the error comes from middleware."""
    offer = OfferFactory()

    def refuse(self, *args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(SessionStore, "save", refuse)
    assert_back_soon(visitor.post("/en/shop/cart/add/", {"offer": offer.pk, "quantity": 1}))


def test_other_database_errors_stay_server_errors(visitor, monkeypatch):
    """A broken constraint is a bug to fix, not an outage to wait out."""

    def broken(self, *args, **kwargs):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(type(connections["default"]), "cursor", broken)
    response = visitor.get("/en/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "duplicate key" not in response.content.decode()


@pytest.mark.parametrize(
    ("driver_message", "status"),
    [("database is locked", 503), ('fts5: syntax error near "AND"', 500), ("no such column: x", 500)],
)
def test_sqlite_reports_outages_and_bad_queries_alike_and_only_outages_get_503(
    visitor, monkeypatch, driver_message, status
):
    def fail(self, *args, **kwargs):
        raise OperationalError(driver_message) from sqlite3.OperationalError(driver_message)

    monkeypatch.setattr(type(connections["default"]), "cursor", fail)
    assert visitor.get("/en/").status_code == status
