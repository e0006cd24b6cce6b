"""Policies are pages editors own: each publication is a version, one page of a kind per
language, linked from the footer."""

from django.core.exceptions import ValidationError

import pytest

from cms.models import PolicyPage
from shop.policies import policy_links, terms_current
from tests.policies import policy_republish, site_with_policies

pytestmark = pytest.mark.django_db


def test_each_publication_of_the_terms_is_a_new_version():
    pages = site_with_policies()
    terms = pages["terms"]["en"]
    first = terms_current("en")
    assert (first.version, first.revision_id) == (1, terms.live_revision_id)

    policy_republish(terms, intro="Changed rules.")
    second = terms_current("en")

    assert second.version == 2
    assert second.revision_id != first.revision_id
    assert second.published_at >= first.published_at


def test_the_terms_in_her_language_are_the_translation(client):
    pages = site_with_policies()

    assert terms_current("tg").page_id == pages["terms"]["tg"].pk
    assert terms_current("ru").url == "/ru/terms/"


def test_a_policy_page_shows_its_version(client):
    site_with_policies()

    page = client.get("/tg/terms/").content.decode()

    assert "<h1>Шартҳои фурӯш</h1>" in page
    assert "policy-version" in page


def test_every_policy_is_linked_from_the_footer_in_the_readers_language(client):
    site_with_policies()

    page = client.get("/ru/about-us/").content.decode()
    footer = page[page.index("site-footer") :]

    assert 'href="/ru/terms/"' in footer
    assert "Возврат и возмещение" in footer
    assert [link["kind"] for link in policy_links("ru")] == ["terms", "returns"]


def test_a_language_has_one_page_of_each_policy():
    pages = site_with_policies()
    second = PolicyPage(
        kind="terms", title="Other terms", slug="other-terms", locale=pages["home"]["en"].locale
    )

    with pytest.raises(ValidationError) as error:
        pages["home"]["en"].add_child(instance=second)

    assert "kind" in error.value.message_dict
