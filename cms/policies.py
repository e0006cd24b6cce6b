"""The editorial app's answer to `shop.policies`, registered in `cms/startup.py`."""

from .models import PolicyPage
from .selectors_policies import PolicyVersion, policy_current, policy_links


class PagePolicies:
    """Policies read from the live `PolicyPage`s of a language."""

    def terms_current(self, language: str) -> PolicyVersion | None:
        return policy_current(PolicyPage, kind=PolicyPage.Kind.TERMS, language=language)

    def links(self, language: str) -> list[dict]:
        return policy_links(PolicyPage, language=language)
