"""What the shop asks of the editorial app: the live version of the terms of sale a buyer
accepts, and the links to the policies (terms, privacy, returns, shipping) shown at checkout
and in every order email.

The policies are pages (`cms.PolicyPage`) and the shop sits below the editorial app, so it
names no page: `cms/startup.py` registers a provider with `policies_register`. Without one
(the shop's own tests) there are no policies to link to and no version to record."""

from datetime import datetime
from typing import Protocol


class PolicyVersionLike(Protocol):
    page_id: int
    revision_id: int
    version: int
    published_at: datetime
    title: str
    url: str
    full_url: str


class PolicyProvider(Protocol):
    def terms_current(self, language: str) -> PolicyVersionLike | None: ...

    def links(self, language: str) -> list[dict]: ...


_provider: PolicyProvider | None = None


def policies_register(provider: PolicyProvider | None) -> None:
    global _provider
    _provider = provider


def terms_current(language: str) -> PolicyVersionLike | None:
    """The terms of sale now live in `language` (else the default language), or None."""
    return _provider.terms_current(language) if _provider is not None else None


def policy_links(language: str) -> list[dict]:
    """Each live policy in `language`: {"kind", "title", "url", "full_url"}, in a fixed order."""
    return _provider.links(language) if _provider is not None else []
