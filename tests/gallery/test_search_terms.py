"""The editors' term list and typing mistakes: a craft word finds the works it names in
every script, a new term works as soon as it is saved, a misspelt short query still finds
its work. On PostgreSQL, words are stemmed in English and Russian and `pg_trgm` is there."""

from django.db import connection
from django.utils import translation

import pytest

from gallery.models import Artwork, Medium, SearchTerm
from gallery.selectors.search import artwork_search_ids, search_suggestions
from tests.two_factor import staff_login

from .gallery_fixtures import work_make

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only (DATABASE_URL)")


def titles(query: str) -> set[str]:
    return set(Artwork.objects.filter(pk__in=artwork_search_ids(query)).values_list("title", flat=True))


def test_a_fresh_site_has_the_first_craft_terms():
    suzani = SearchTerm.objects.get(slug="suzani")

    assert {"suzani", "сюзане"} <= {name.lower() for name in suzani.names()}
    assert list(suzani.media.values_list("slug", flat=True)) == ["hand-embroidery"]
    crafts = ["adras", "atlas", "chakan", "gulduzi", "kurpacha", "pottery", "carpet", "felt", "jewellery"]
    assert SearchTerm.objects.filter(slug__in=crafts).count() == len(crafts)


@pytest.mark.parametrize("query", ["suzani", "сузани", "сӯзанӣ", "сюзане"])
def test_suzani_finds_embroidered_works_that_never_say_suzani(query):
    embroidery = Medium.objects.get(slug="hand-embroidery")
    work_make(title="Red garden", description="Rows of flowers.", medium=embroidery)
    work_make(title="Evening hills", description="Oil.", medium=Medium.objects.get(slug="oil"))

    assert titles(query) == {"Red garden"}


def test_a_term_an_editor_adds_works_at_once():
    carpet = Medium.objects.get(slug="wool-carpet")
    work_make(title="Red rows", medium=carpet)
    assert titles("sholcha") == set()

    term = SearchTerm.objects.create(slug="sholcha", name_en="Sholcha", name_ru="Шолча", spellings="sholche")
    term.media.add(carpet)
    term.save()

    assert titles("sholcha") == titles("шолча") == titles("sholche") == {"Red rows"}


def test_a_term_with_many_names_finds_works_by_its_last_meaning():
    # Every name and meaning of a term counts, however many words they add up to: here the
    # medium's name comes after more than the twelve words a typed query keeps.
    carpet = Medium.objects.get(slug="wool-carpet")
    work_make(title="Red rows", medium=carpet)
    work_make(title="Evening hills", medium=Medium.objects.get(slug="oil"))
    term = SearchTerm.objects.create(
        slug="sholcha",
        name_en="Sholcha",
        name_ru="Шолча",
        spellings="sholche, sholchah, shol cha, sholchai, sholchaho, sholchay, sholchya, sholchi, sholchu",
    )
    term.media.add(carpet)
    term.save()

    assert titles("sholcha") == {"Red rows"}


def test_a_misspelt_short_query_still_finds_its_work():
    work_make(title="Pomegranate tiles", medium=Medium.objects.get(slug="glazed-ceramic"))
    work_make(title="Evening hills", medium=Medium.objects.get(slug="oil"))

    assert titles("pomegrante") == {"Pomegranate tiles"}
    assert titles("Pomegranat tils") == {"Pomegranate tiles"}


def test_suggestions_name_the_nearest_terms_in_the_readers_language():
    with translation.override("ru"):
        labels = [suggestion.label for suggestion in search_suggestions("войлак")]

    assert labels[0] == "Войлок"


def test_editors_keep_the_terms_in_the_admin(admin_user, client):
    assert client.get("/admin/gallery/search-terms/").status_code == 302

    response = staff_login(client, admin_user).get("/admin/gallery/search-terms/")

    assert response.status_code == 200
    assert "Suzani" in response.content.decode()


@postgres_only
def test_postgresql_stems_english_and_russian_words():
    work_make(title="Winter rug", description="Ручная вышивка шёлком.", medium=Medium.objects.get(slug="oil"))

    assert titles("rugs") == {"Winter rug"}
    assert titles("вышивкой") == {"Winter rug"}


@postgres_only
def test_postgresql_has_trigrams_and_the_heritage_search_configuration():
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone() == ("pg_trgm",)
        cursor.execute("SELECT to_tsvector('heritage', 'rugs вышивкой')")
        assert cursor.fetchone()[0] == "'rug':1 'вышивк':2"
