"""The site's search backend: Wagtail's database backend (PostgreSQL full-text search, or
SQLite's FTS5), given only queries it can run.

Every search box passes through here — the public ones, the API and the admin's listings
of artists, artworks, pages, images and documents. An unmatched double quote is a syntax
error to FTS5, and a query of hundreds of words overflows PostgreSQL's tsquery; a visitor
or an editor typing either must get results, not a server error.
"""

from functools import wraps

from wagtail.search.backends import database
from wagtail.search.query import MatchAll, PlainText

QUERY_MAX_LENGTH = 200


def query_guard(query):
    """The query cut to 200 characters, without NUL, its quotes dropped unless they pair up
    (a quoted phrase still works); nothing left matches everything, as an empty search box
    does. A parsed plain-text query (the admin's page search) is cut to the same length;
    other parsed queries pass as they are."""
    if isinstance(query, PlainText):
        return PlainText(query.query_string[:QUERY_MAX_LENGTH], operator=query.operator, boost=query.boost)
    if not isinstance(query, str):
        return query
    query = query.replace("\x00", " ")[:QUERY_MAX_LENGTH]
    if query.count('"') % 2:
        query = query.replace('"', " ")
    return query if query.strip() else MatchAll()


def _guarded(method):
    @wraps(method)
    def search(query, *args, **kwargs):
        return method(query_guard(query), *args, **kwargs)

    return search


def SearchBackend(params):  # noqa: N802 -- the name Wagtail looks for in a backend module
    """The database backend for this connection, its `search` and `autocomplete` guarded."""
    backend = database.SearchBackend(params)
    backend.search = _guarded(backend.search)
    backend.autocomplete = _guarded(backend.autocomplete)
    return backend
