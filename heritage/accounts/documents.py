"""Private documents open only in a session that has passed two-step sign-in.

A document is private when its collection (or one above it) is restricted to signed-in people
or to groups — a "private collection" in the Wagtail admin — or when an app above the
foundation says so for a document it uses (the shop: payout proofs, wherever they are kept;
see `private_document_rule_register`). Password-protected collections are shared with people
outside the site by their password and stay as Wagtail serves them.

Public documents stay public. The check runs in Wagtail's `before_serve_document` hook, after
Wagtail's own view restrictions (heritage/wagtail_hooks.py), and every download goes through
that view (`WAGTAILDOCS_SERVE_METHOD = "serve_view"`).
"""

from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from wagtail.models import BaseViewRestriction

from heritage.accounts.two_factor import totp_device_get, two_factor_required

PRIVATE_RESTRICTIONS = (BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS)

_private_rules: list[Callable[[object], bool]] = []


def private_document_rule_register(rule: Callable[[object], bool]) -> None:
    """Apps above the foundation name the documents they keep private: `rule(document)` is true
    for such a document (the shop registers "is the proof of a payout")."""
    if rule not in _private_rules:
        _private_rules.append(rule)


def document_is_private(document) -> bool:
    """Whether `document` may be downloaded only after two-step sign-in."""
    restricted = document.collection.get_view_restrictions().filter(restriction_type__in=PRIVATE_RESTRICTIONS)
    return restricted.exists() or any(rule(document) for rule in _private_rules)


def private_document_check(document, request):
    """None when `request` may download `document`; otherwise where to go first: the sign-in
    page, the code page (staff who have not typed their code this session), or a refusal for
    an account without two-step sign-in."""
    if not document_is_private(document):
        return None
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if user.is_verified():
        return None
    if totp_device_get(user) is not None or two_factor_required(user):
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('accounts:two-factor')}?{query}")
    raise PermissionDenied
