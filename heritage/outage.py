"""When the database cannot be reached, visitors get a short "back soon" page with HTTP 503 and
`Retry-After`, never a stack trace. The page is rendered without a request context (no
session, user, cart or site settings), so nothing in it touches the database again."""

import logging
import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger("heritage.outage")

# Seconds a browser, crawler or load balancer is asked to wait before trying again.
RETRY_AFTER = 120
# The errors a lost connection raises: the server is down, restarting or out of connections.
UNAVAILABLE = (OperationalError, InterfaceError)
# SQLite reports bad SQL as OperationalError too; only these mean "cannot be used just now".
SQLITE_UNAVAILABLE = ("database is locked", "unable to open database", "disk i/o error", "disk is full")


def is_database_outage(error: BaseException | None) -> bool:
    """Whether `error` (or an error it was raised from) says the database cannot be reached.
    Integrity and data errors, and SQLite's syntax errors, are bugs or bad input, not an
    outage: they stay 500s."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, UNAVAILABLE):
            driver_error = error.__cause__
            if type(driver_error).__module__ == "sqlite3":
                return any(text in str(driver_error).lower() for text in SQLITE_UNAVAILABLE)
            return True
        if isinstance(error, DatabaseError):
            return False
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def service_unavailable(request: HttpRequest | None = None) -> HttpResponse:
    """The 503 page in the language of the address (/ru/…, /tg/…), English otherwise."""
    language = translation.get_language_from_path(request.path_info) if request is not None else None
    with translation.override(language or translation.get_language() or "en"):
        body = loader.get_template("503.html").render({"LANGUAGE_CODE": translation.get_language()})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    add_never_cache_headers(response)
    return response


def outage_response_or_none(request: HttpRequest | None) -> HttpResponse | None:
    """For the 500 handler: the 503 page if the error being handled is a database outage."""
    if is_database_outage(sys.exc_info()[1]):
        return service_unavailable(request)
    return None


class DatabaseUnavailableMiddleware:
    """Turns a view's lost database connection into the 503 page. Errors raised by other
    middleware (a session saved after the view) reach `heritage.views.server_error`, which
    answers them the same way."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_outage(exception):
            return None
        logger.error("Database unavailable while serving %s: %s", request.path, exception)
        return service_unavailable(request)
