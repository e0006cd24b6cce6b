"""Whole public pages from the cache, for visitors without a session.

A visitor who has never signed in, has no cart and no pending message carries no session
cookie; every such visitor sees the same page at the same address, so the page Wagtail
rendered for one of them is kept (under the content version of `heritage.caching`, so any
change to what the page shows — a publish, a sale, a registration — makes it a miss) and
served to the next one without touching the database.

What is never kept: anything but a GET of a Wagtail page answered 200; a request with a
session or message cookie (a signed-in user, a cart, a flash message); a response that sets
a cookie other than the CSRF one or says it must not be cached (Wagtail's private pages).

Forms on cached pages: the CSRF token in each form belongs to the visitor the page was
rendered for, so it is cut out before the page is stored and every visitor served from the
cache gets her own token put in its place (and her CSRF cookie, set by Django's middleware
on the way out). A page still holding the first visitor's token anywhere else is not kept.

The middleware also keeps the Site Wagtail looks up for every page, under the same version.
"""

import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token

from wagtail.models import Site

from heritage.caching import cache_key, content_version, content_version_kept

TOKEN_MARKER = "\x00csrf-token\x00"  # noqa: S105 (a placeholder, not a secret)
TOKEN_FIELD = re.compile(r'(<input type="hidden" name="csrfmiddlewaretoken" value=")([A-Za-z0-9]+)(")')
TOKEN_LIKE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "Link")
MESSAGES_COOKIE = "messages"
# Addresses with longer query strings are served but not kept: filters and a search fit
# well within it, and a robot inventing addresses cannot fill the cache with them.
LONGEST_KEPT_QUERY = 256
WAGTAIL_PAGE_VIEW = "wagtail_serve"


def _site_for_request(request):
    """The request's Wagtail site, read once per content version for each host and port."""
    key = cache_key("site", content_version(), request._get_raw_host(), request.get_port())
    site = cache.get(key)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            cache.set(key, site, getattr(settings, "LAYOUT_CACHE_SECONDS", 3600))
    return site


class PublicPageCacheMiddleware:
    """Serves anonymous GETs of Wagtail pages from the cache; see the module docstring.
    Goes last in MIDDLEWARE, so the security, language and CSRF middleware still see every
    response served from the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with content_version_kept():
            return self._respond(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Before Wagtail routes a page: its Site from the cache, not the database."""
        match = getattr(request, "resolver_match", None)
        is_page = match is not None and match.url_name == WAGTAIL_PAGE_VIEW
        if is_page and not hasattr(request, "_wagtail_site"):
            request._wagtail_site = _site_for_request(request)

    def _respond(self, request):
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if not seconds or not self._request_may_share(request):
            return self.get_response(request)
        key = cache_key("page", content_version(), request.get_host(), request.get_full_path())
        kept = cache.get(key)
        if kept is not None:
            return self._response_from(request, kept)
        response = self.get_response(request)
        if self._response_may_be_kept(request, response):
            kept = self._keepable(request, response)
            if kept is not None:
                cache.set(key, kept, seconds)
                response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _request_may_share(request) -> bool:
        return (
            request.method == "GET"
            and len(request.META.get("QUERY_STRING", "")) <= LONGEST_KEPT_QUERY
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and MESSAGES_COOKIE not in request.COOKIES
        )

    @staticmethod
    def _response_may_be_kept(request, response) -> bool:
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name != WAGTAIL_PAGE_VIEW:
            return False
        if response.status_code != 200 or response.streaming:
            return False
        cache_control = response.get("Cache-Control", "")
        if any(word in cache_control for word in ("private", "no-cache", "no-store")):
            return False
        if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
            return False
        user = getattr(request, "user", None)
        return user is None or not user.is_authenticated

    @staticmethod
    def _keepable(request, response) -> dict | None:
        """The response with the visitor's CSRF tokens cut out, or None when a token of hers
        would stay in it."""
        content = response.content.decode(response.charset)
        content = TOKEN_FIELD.sub(lambda m: m.group(1) + TOKEN_MARKER + m.group(3), content)
        secret = request.META.get("CSRF_COOKIE")
        if secret and any(_is_token_of(candidate, secret) for candidate in TOKEN_LIKE.findall(content)):
            return None
        return {
            "content": content,
            "charset": response.charset,
            "headers": {name: response[name] for name in KEPT_HEADERS if response.has_header(name)},
        }

    @staticmethod
    def _response_from(request, kept: dict) -> HttpResponse:
        content = kept["content"]
        if TOKEN_MARKER in content:
            content = content.replace(TOKEN_MARKER, get_token(request))
        response = HttpResponse(content.encode(kept["charset"]), charset=kept["charset"])
        for name, value in kept["headers"].items():
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response


def _is_token_of(candidate: str, secret: str) -> bool:
    return candidate == secret or _unmask_cipher_token(candidate) == secret
