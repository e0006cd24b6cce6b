"""The checkout's country list in the buyer's language: django-countries has Russian names,
and the repository ships the Tajik ones (locale/countries, from the Unicode CLDR)."""

import re

from django.utils import translation

import pytest
from django_countries import countries

from shop.forms import country_choices

LATIN = re.compile(r"[A-Za-z]")


def names(language: str) -> dict[str, str]:
    with translation.override(language):
        return {code: str(name) for code, name in countries}


@pytest.mark.parametrize("language", ["ru", "tg"])
def test_every_country_has_a_name_in_the_language_and_none_is_left_in_english(language):
    english, translated = names("en"), names(language)

    assert set(translated) == set(english)
    left = {code: name for code, name in translated.items() if LATIN.search(name)}
    assert left == {}


def test_tajik_names_are_tajik_not_russian():
    tajik, russian = names("tg"), names("ru")

    assert tajik["TJ"] == "Тоҷикистон"
    assert tajik["AF"] == "Афғонистон"
    assert tajik["DE"] != russian["DE"] or tajik["RU"] != russian["RU"]


def test_the_checkout_list_is_in_tajik_on_tajik_pages():
    with translation.override("tg"):
        labels = [str(label) for code, label in country_choices()]

    assert labels[0] == "Кишварро интихоб кунед"
    assert "Тоҷикистон" in labels
    assert not [label for label in labels if LATIN.search(label)]
