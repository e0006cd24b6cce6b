"""The site's search backend: Wagtail's database backend (PostgreSQL full-text search, or
SQLite's FTS5), given only queries it can run, over text normalised one way.

Every search box passes through here — the public ones, the API and the admin's listings
of artists, artworks, pages, images and documents. An unmatched double quote is a syntax
error to FTS5, and a query of hundreds of words overflows PostgreSQL's tsquery; a visitor
or an editor typing either must get results, not a server error.

Indexed text and queries meet through `heritage.search_text`: models declare their fields
with `search_fields_folded()`, which indexes each text's folded form and Latin key beside it,
and a typed query becomes `query_build()`'s expression, which looks for each word in all
of its forms (and for the alternatives the caller adds, such as the craft-term list).
"""

from collections.abc import Mapping, Sequence
from functools import wraps

from django.db import connection

from wagtail.search import index
from wagtail.search.backends import database
from wagtail.search.query import And, MatchAll, Or, PlainText

from .search_text import latin_key, phrase_key, text_fold, text_forms, word_forms, words_split

QUERY_MAX_LENGTH = 200
POSTGRES_SEARCH_CONFIG = "heritage"
# A query's words beyond these are dropped: each becomes several alternatives, and a tsquery
# or FTS5 expression of hundreds of them is slow for no better answer.
QUERY_MAX_WORDS = 12
PHRASE_MAX_WORDS = 3


def _other_forms(value):
    if isinstance(value, str):
        return text_forms(value).partition("\n")[2]
    if isinstance(value, list):
        return [_other_forms(item) for item in value]
    return ""


class SearchFormsField(index.SearchField):
    """The folded form and Latin key of a search field, indexed beside the field itself."""

    def get_value(self, obj):
        return _other_forms(super().get_value(obj))


class AutocompleteFormsField(index.AutocompleteField):
    """The folded form and Latin key of an autocomplete field, indexed beside it."""

    def get_value(self, obj):
        return _other_forms(super().get_value(obj))


def search_fields_folded(fields: Sequence) -> list:
    """The search fields, each text field (related ones too) followed by its other forms
    under the same name and boost, so that the one normalisation reaches the index. The
    fields themselves stay as they are (Wagtail checks that a page keeps `Page`'s own)."""
    folded = []
    for field in fields:
        if isinstance(field, SearchFormsField | AutocompleteFormsField):
            continue
        if isinstance(field, index.RelatedFields):
            folded.append(index.RelatedFields(field.field_name, search_fields_folded(field.fields)))
            continue
        folded.append(field)
        if isinstance(field, index.SearchField):
            folded.append(SearchFormsField(field.field_name, boost=field.boost, **field.kwargs))
        elif isinstance(field, index.AutocompleteField):
            folded.append(AutocompleteFormsField(field.field_name, **field.kwargs))
    return folded


def _phrase_query(phrase: str) -> Or:
    """A phrase (several words, all needed) in its folded form or as its Latin key."""
    forms = list(dict.fromkeys([text_fold(phrase), latin_key(phrase)]))
    return Or([PlainText(form, operator="and") for form in forms])


def query_build(text: str, *, operator: str = "and", alternatives: Mapping[str, Sequence[str]] | None = None):
    """The query a visitor typed as a search expression: each word looked for in all its
    forms (`word_forms`); words joined by `operator`. `alternatives` maps a word's or a
    phrase's `phrase_key` to other words or phrases that count as it (synonyms, other
    spellings); the longest phrase of up to three words is taken first. No words: everything
    matches, as an empty search box does."""
    # A word typed twice adds nothing but depth to the expression.
    words = list(dict.fromkeys(words_split(text[:QUERY_MAX_LENGTH])))[:QUERY_MAX_WORDS]
    alternatives = alternatives or {}
    groups = []
    start = 0
    while start < len(words):
        for size in range(min(PHRASE_MAX_WORDS, len(words) - start), 0, -1):
            chunk = words[start : start + size]
            extra = alternatives.get(phrase_key(chunk))
            if extra or size == 1:
                break
        if size == 1:
            typed = [PlainText(form) for form in word_forms(chunk[0])]
        else:
            typed = [_phrase_query(" ".join(chunk))]
        others = [_phrase_query(phrase) for phrase in extra or () if phrase_key(words_split(phrase))]
        groups.append(Or(typed + others))
        start += size
    if not groups:
        return MatchAll()
    join = And if operator.lower() == "and" else Or
    query = groups[0] if len(groups) == 1 else join(groups)
    # Built here already: `query_guard` passes it as it is, alternatives and all.
    query.heritage_built = True
    return query


def _plain_text_of(query) -> str | None:
    """The words of a query made only of plain texts joined one way; None for any other."""
    if isinstance(query, PlainText):
        return query.query_string
    if isinstance(query, And | Or):
        parts = [
            _plain_text_of(sub) if not isinstance(sub, And | Or) or type(sub) is type(query) else None
            for sub in query.subqueries
        ]
        return None if None in parts else " ".join(parts)
    return None


def query_guard(query, operator: str | None = None):
    """The query cut to 200 characters, without NUL, and made of words only (quotes,
    brackets and operators are syntax to FTS5 and tsquery), each looked for in all its forms;
    nothing left matches everything, as an empty search box does. A parsed plain-text query
    (the admin's page search) is treated the same; a query `query_build` made (a public search
    box's, with the term list's alternatives) and other parsed queries pass as they are."""
    if getattr(query, "heritage_built", False):
        return query
    if isinstance(query, PlainText):
        return query_build(query.query_string, operator=query.operator)
    if isinstance(query, And | Or) and (text := _plain_text_of(query)) is not None:
        # The admin's query parser gives one plain text per word: hundreds of them nest too
        # deep for the backend, so they become one query of (at most twelve) words again.
        return query_build(text, operator="and" if isinstance(query, And) else "or")
    if not isinstance(query, str):
        return query
    return query_build(query.replace("\x00", " "), operator=operator or "and")


def _guarded(method, *, fold_query: bool):
    @wraps(method)
    def search(query, *args, operator=None, **kwargs):
        if fold_query:
            return method(query_guard(query, operator), *args, **kwargs)
        # Autocomplete takes plain text only: the typed beginning, folded as the index is,
        # each word once (the admin's page search sends whatever was typed, however long).
        if isinstance(query, PlainText):
            words = " ".join(dict.fromkeys(words_split(query.query_string[:QUERY_MAX_LENGTH])))
            query = PlainText(words, operator=query.operator, boost=query.boost) if words else MatchAll()
        elif isinstance(query, str):
            query = " ".join(dict.fromkeys(words_split(query[:QUERY_MAX_LENGTH]))) or MatchAll()
        return method(query, *args, operator=operator, **kwargs)

    return search


def SearchBackend(params):  # noqa: N802 -- the name Wagtail looks for in a backend module
    """The database backend for this connection, its `search` and `autocomplete` guarded.
    On PostgreSQL it stems with the `heritage` text search configuration (made by a
    migration): English stemming for Latin words, Russian for Cyrillic ones."""
    if connection.vendor == "postgresql":
        params = {"SEARCH_CONFIG": POSTGRES_SEARCH_CONFIG, **params}
    backend = database.SearchBackend(params)
    backend.search = _guarded(backend.search, fold_query=True)
    backend.autocomplete = _guarded(backend.autocomplete, fold_query=False)
    return backend
