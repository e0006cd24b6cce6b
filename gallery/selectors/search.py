"""Search of the gallery's published works through Wagtail's search backend, with the
editors' term list and tolerance for typing mistakes.

A query goes through the one normalisation (`heritage.search`): each word is looked for
folded, as its Latin key and read in Cyrillic. A word or phrase that names a `SearchTerm`
(any of its names or spellings) also finds everything the term stands for: its other names,
its media and its material and tag words. When nothing is found for a short query, each
word is taken for the nearest known word (the term list, the works' titles, the artists'
names) — PostgreSQL also looks for works whose indexed words are similar in trigrams
(`pg_trgm`) — and the search is made again.
"""

import difflib
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils import translation

from wagtail.search.backends import get_search_backend
from wagtail.search.query import Fuzzy

from gallery.models.artwork import Artwork, Medium
from gallery.models.search_terms import SearchTerm
from heritage.caching import layout_cached
from heritage.search import QUERY_MAX_LENGTH, query_build
from heritage.search_text import latin_key, phrase_key, text_fold, words_split

# Search answers are ranked, then narrowed by the filters; a visitor never pages this far.
SEARCH_LIMIT = 500
# Typing mistakes are forgiven in queries of up to three words, in words of four letters or
# more (shorter ones have too many neighbours to guess from).
TYPO_MAX_WORDS = 3
TYPO_MIN_LETTERS = 4
TYPO_CUTOFF = 0.75
SUGGESTIONS = 5

__all__ = ["QUERY_MAX_LENGTH", "artwork_search_ids", "search_query", "search_suggestions"]


def _term_alternatives() -> dict[str, list[str]]:
    """Each name or spelling of every term (by its `phrase_key`) → the term's other names,
    spellings and meanings."""
    alternatives: dict[str, list[str]] = {}
    for term in SearchTerm.objects.prefetch_related("media"):
        names, meanings = term.names(), term.meanings()
        for name in names:
            key = phrase_key(words_split(name))
            if key:
                alternatives.setdefault(key, []).extend(
                    other for other in names + meanings if other not in alternatives[key]
                )
    return alternatives


def term_alternatives() -> dict[str, list[str]]:
    """The term list as `query_build` takes it, kept until the content changes."""
    return layout_cached("search-terms", (), _term_alternatives)


def search_query(q: str, *, operator: str = "and"):
    """The search expression for what a visitor typed: the one normalisation and the term
    list. Every public search box (gallery, site search, API) builds its query here."""
    return query_build(q, operator=operator, alternatives=term_alternatives())


def _vocabulary() -> dict[str, str]:
    """Known words by their Latin key: the terms' names and spellings, the words of published
    works' titles and of approved artists' names, and the media's names."""
    words: dict[str, str] = {}
    texts = [name for term in SearchTerm.objects.all() for name in term.names()]
    works = Artwork.objects.published()
    texts += works.values_list("title", flat=True)
    texts += works.values_list("artist__display_name", flat=True).distinct()
    texts += [name for medium in Medium.objects.all() for name in medium.names()]
    for text in texts:
        for word in words_split(text):
            if len(word) >= TYPO_MIN_LETTERS:
                words.setdefault(latin_key(word), word)
    return words


def vocabulary() -> dict[str, str]:
    return layout_cached("search-vocabulary", (), _vocabulary)


def words_corrected(q: str) -> list[str]:
    """The query's words with each unknown word of four letters or more replaced by the
    nearest known word (difflib's ratio over Latin keys), as long as one was near enough."""
    known = vocabulary()
    corrected = []
    for word in words_split(q):
        key = latin_key(word)
        if len(word) < TYPO_MIN_LETTERS or key in known:
            corrected.append(word)
            continue
        nearest = difflib.get_close_matches(key, known, n=1, cutoff=TYPO_CUTOFF)
        corrected.append(known[nearest[0]] if nearest else word)
    return corrected


def _ids(query, queryset) -> list[int]:
    return [artwork.pk for artwork in get_search_backend().search(query, queryset)[:SEARCH_LIMIT]]


def _ranked(text: str, queryset) -> list[int]:
    """Works with what was typed first (in any of its forms), then the works the term list
    adds: a work titled "Ikat dreams" comes before the forty works in ikat silk."""
    typed = _ids(query_build(text), queryset)
    seen = set(typed)
    return typed + [pk for pk in _ids(search_query(text), queryset) if pk not in seen]


def artwork_search_ids(q: str) -> list[int]:
    """Ids of published works matching `q`, best match first, through Wagtail's search
    backend, forgiving typing mistakes in short queries. The backend filters on indexed
    fields only, so the artist's approval is checked afterwards, against `published()`."""
    words = words_split(q[:QUERY_MAX_LENGTH])
    if not words:
        return []
    text = " ".join(words)

    def search():
        queryset = Artwork.objects.filter(status=Artwork.Status.PUBLISHED)
        found = _ranked(text, queryset)
        if found or len(words) > TYPO_MAX_WORDS:
            return found
        corrected = words_corrected(text)
        if corrected != words:
            found = _ranked(" ".join(corrected), queryset)
        if not found and connection.vendor == "postgresql":
            # pg_trgm over the indexed text (its Latin keys included): works whose words are
            # near the typed ones, however the words are written.
            found = _ids(Fuzzy(" ".join(latin_key(word) for word in words)), queryset)
        return found

    # SQLite's full-text backend scores each match with a query of its own (about 0.8 s for
    # a common word at 5,000 works); the answer holds until the content changes.
    return layout_cached("search", (text,), search, seconds=settings.SEARCH_CACHE_SECONDS)


@dataclass(frozen=True)
class Suggestion:
    """A term or known word to search for instead, as the reader's language names it."""

    label: str
    query: str


def search_suggestions(q: str) -> list[Suggestion]:
    """For a query that found nothing: the nearest terms of the term list (by any of their
    names or spellings) and the nearest known words, at most five, in the reader's language."""
    language = (translation.get_language() or "en")[:2]
    terms = layout_cached("search-term-names", (language,), lambda: _term_names(language))
    known = vocabulary()
    suggestions: list[Suggestion] = []
    for word in words_split(q[:QUERY_MAX_LENGTH])[:TYPO_MAX_WORDS]:
        for match in _nearest(word, terms, n=SUGGESTIONS, cutoff=0.6):
            suggestions.append(Suggestion(label=terms[match], query=terms[match]))
        for match in _nearest(word, known, n=2, cutoff=TYPO_CUTOFF):
            suggestions.append(Suggestion(label=known[match], query=known[match]))
    seen = {text_fold(q)}
    unique = []
    for suggestion in suggestions:
        if text_fold(suggestion.query) not in seen:
            seen.add(text_fold(suggestion.query))
            unique.append(suggestion)
    return unique[:SUGGESTIONS]


def _nearest(word: str, known: dict[str, str], *, n: int, cutoff: float) -> list[str]:
    """The keys of `known` nearest to `word` as it was typed folded or as its Latin key,
    best first (difflib's ratio)."""
    scores: dict[str, float] = {}
    for form in dict.fromkeys([text_fold(word), latin_key(word)]):
        for match in difflib.get_close_matches(form, known, n=n, cutoff=cutoff):
            scores[match] = max(scores.get(match, 0.0), difflib.SequenceMatcher(None, form, match).ratio())
    return sorted(scores, key=lambda match: -scores[match])[:n]


def _term_names(language: str) -> dict[str, str]:
    """Every name and spelling of every term, folded and as its Latin key → the term's name
    in `language` (else English)."""
    names: dict[str, str] = {}
    for term in SearchTerm.objects.all():
        shown = getattr(term, f"name_{language}", "") or term.name_en
        for name in term.names():
            names.setdefault(text_fold(name), shown)
            names.setdefault(latin_key(name), shown)
    return names
