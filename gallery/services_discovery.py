"""Discovery's writes: saving and deleting gallery searches, recording a weekly digest, and
one-click unsubscribing with a signed link.

An unsubscribe link is a `django.core.signing` token naming the person and what it stops —
one follow, one saved search, or every digest — so it works without signing in, from any
mail program, and no one can make one for somebody else's subscription. It never expires:
RFC 8058 asks that the link in an old email still work.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from heritage.emails import site_url

from .models import DigestOptOut, DigestSent, Follow, SavedSearch
from .selectors.browse import gallery_filters_read

SAVED_SEARCHES_MAX = 20
UNSUBSCRIBE_SALT = "gallery.discovery.unsubscribe"


class SavedSearchRefused(Exception):
    """Why a search was not saved, in words for her."""


@dataclass(frozen=True)
class SavedSearchResult:
    search: SavedSearch
    created: bool


def saved_search_create(*, user, params) -> SavedSearchResult:
    """Save the gallery search of `params` (a query dict) for `user`: known filters only, in
    their canonical form, so the same search twice is one row. Refused when it asks for
    nothing, or when she already keeps SAVED_SEARCHES_MAX."""
    query = gallery_filters_read(params).query_string()
    if not query:
        raise SavedSearchRefused(_("Search for something or choose a filter first, then save the search."))
    with transaction.atomic():
        existing = SavedSearch.objects.filter(user=user, query=query).first()
        if existing is not None:
            return SavedSearchResult(existing, created=False)
        # Her row locked: two tabs saving at once cannot both pass the limit.
        list(get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk"))
        if SavedSearch.objects.filter(user=user).count() >= SAVED_SEARCHES_MAX:
            raise SavedSearchRefused(
                _(
                    "You have %(count)d saved searches, the most you can keep. "
                    "Delete one you no longer need to save this one."
                )
                % {"count": SAVED_SEARCHES_MAX}
            )
        try:
            with transaction.atomic():
                return SavedSearchResult(SavedSearch.objects.create(user=user, query=query), created=True)
        except IntegrityError:
            return SavedSearchResult(SavedSearch.objects.get(user=user, query=query), created=False)


def saved_search_delete(*, user, pk: int) -> bool:
    """Delete her saved search `pk`; False when she has none by that id (anyone else's)."""
    deleted, _rows = SavedSearch.objects.filter(user=user, pk=pk).delete()
    return bool(deleted)


def saved_search_emails_on(*, user) -> None:
    """Weekly emails again after she stopped them all."""
    DigestOptOut.objects.filter(user=user).delete()


# Unsubscribe links

SCOPES = {"follow": Follow, "search": SavedSearch}


def unsubscribe_token(*, user, subscription=None) -> str:
    """A signed token for `user` stopping `subscription` (a Follow or SavedSearch), or every
    digest when None."""
    payload = {"u": user.pk, "k": "all"}
    if subscription is not None:
        kind = next(kind for kind, model in SCOPES.items() if isinstance(subscription, model))
        payload = {"u": user.pk, "k": kind, "i": subscription.pk}
    return signing.dumps(payload, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(*, user, subscription=None, language: str | None = None) -> str:
    """The absolute unsubscribe link, under her language's prefix."""
    with translation.override(language or user.language):
        path = reverse(
            "favourites:unsubscribe",
            kwargs={"token": unsubscribe_token(user=user, subscription=subscription)},
        )
    return site_url(path)


class UnsubscribeRefused(Exception):
    """A link that is not ours, was changed, or names a subscription not its person's."""


@dataclass(frozen=True)
class Unsubscription:
    """What a valid link stops: `subscription` is None for every digest, and also when the
    follow or search it named is gone already (nothing left to stop)."""

    user_id: int
    kind: str
    subscription: Follow | SavedSearch | None


def unsubscription_read(token: str) -> Unsubscription:
    """The subscription a link names, checked: signature, person, and that the follow or
    search belongs to that person."""
    try:
        payload = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise UnsubscribeRefused from error
    if not isinstance(payload, dict) or not isinstance(payload.get("u"), int):
        raise UnsubscribeRefused
    kind = payload.get("k")
    if kind == "all":
        return Unsubscription(payload["u"], kind, None)
    if kind not in SCOPES or not isinstance(payload.get("i"), int):
        raise UnsubscribeRefused
    subscription = SCOPES[kind].objects.filter(pk=payload["i"]).first()
    if subscription is not None and subscription.user_id != payload["u"]:
        raise UnsubscribeRefused
    return Unsubscription(payload["u"], kind, subscription)


def unsubscribe(*, token: str) -> Unsubscription:
    """Stop what the link names, at once; doing it again is harmless."""
    found = unsubscription_read(token)
    if found.kind == "all":
        if not get_user_model().objects.filter(pk=found.user_id).exists():
            return found  # her account is gone, and with it every email
        try:
            with transaction.atomic():
                DigestOptOut.objects.get_or_create(user_id=found.user_id)
        except IntegrityError:
            pass  # a second click at the same moment: already stopped
    elif found.subscription is not None:
        type(found.subscription).objects.filter(pk=found.subscription.pk).update(emails=False)
    return found


# The weekly digest


def digest_record(*, user, week, until, artworks) -> DigestSent | None:
    """Record her digest of `week`, or None when one is recorded already (the weekly command
    run twice, or two at once): the caller sends only what it recorded."""
    try:
        with transaction.atomic():
            sent = DigestSent.objects.create(user=user, week=week, until=until)
            sent.artworks.set(artworks)
            return sent
    except IntegrityError:
        return None
