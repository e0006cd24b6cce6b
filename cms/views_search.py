"""The site search page: works, artists, exhibitions, stories, events and other pages of
the reader's language, through `cms.selectors_search`."""

from django.template.response import TemplateResponse
from django.utils import translation

from heritage.search import QUERY_MAX_LENGTH
from heritage.search_text import words_split

from .selectors_search import site_search


def search_words(q: str) -> str:
    """The words of a query, at most 200 characters of it; "" when there are none."""
    return " ".join(words_split(q[:QUERY_MAX_LENGTH]))


def search(request):
    """`?q=` searched across the site, grouped by kind; nearest terms and the gallery's
    media when nothing is found."""
    query = request.GET.get("q", "")[:QUERY_MAX_LENGTH].replace("\x00", "")
    words = search_words(query)
    context = {"query": query.strip(), "searched": bool(query.strip()), "words": words}
    if words:
        context["search"] = site_search(words, page_number=request.GET.get("page"), request=request)
    context["language"] = translation.get_language()
    return TemplateResponse(request, "cms/search.html", context)
