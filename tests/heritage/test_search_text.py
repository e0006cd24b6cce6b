"""The one normalisation of search text: what is indexed and what is typed meet whatever
the script, the Tajik letters or the transliteration."""

from wagtail.search import index
from wagtail.search.query import MatchAll

import pytest

from heritage.search import query_build, search_fields_folded
from heritage.search_text import latin_key, stem_key, text_fold, text_forms, word_forms, words_split


def indexed_words(text: str) -> set[str]:
    return set(words_split(text_forms(text)))


@pytest.mark.parametrize("typed", ["suzani", "Suzani", "сузани", "сӯзанӣ", "СӮЗАНӢ", "сузаний"[:6]])
def test_suzani_in_any_script_meets_the_tajik_word_in_the_index(typed):
    assert set(word_forms(typed)) & indexed_words("Сӯзанӣ барои арӯс")


def test_tajik_letters_fold_to_their_russian_neighbours():
    assert text_fold("Ҳунарманд қолин ғоз ҷома ӯ ӣ ё") == "хунарманд колин гоз чома у и е"


def test_russian_short_i_is_kept():
    assert text_fold("Чайхана") == "чайхана"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Раҳимова", "Rahimova"),
        ("Рахимова", "Rakhimova"),
        ("Шаҳноза Қодирова", "Shahnoza Qodirova"),
        ("Хакимова", "Hakimova"),
        ("ляган", "lagan"),
        ("chakkan", "chakan"),
        ("Ҷомаи", "Jomai"),
    ],
)
def test_transliterations_of_one_name_share_a_latin_key(one, other):
    assert latin_key(one) == latin_key(other)


def test_an_index_text_keeps_itself_and_adds_its_other_forms():
    assert text_forms("Сӯзании арӯсӣ") == "Сӯзании арӯсӣ\nсузании аруси\nsuzani arusi\nsuzan arus"
    assert text_forms("felt") == "felt"


def test_a_latin_word_is_also_read_in_cyrillic():
    assert word_forms("kurpacha") == ["kurpacha", "курпача"]


def test_tajik_endings_are_taken_off_for_the_stem_key():
    assert stem_key("сӯзаниҳои") == stem_key("Сӯзании") == stem_key("сузани") == stem_key("suzani") == "suzan"
    assert stem_key("Лагани") == stem_key("lagan") == "lagan"


def test_a_query_of_no_words_matches_everything_and_operators_are_dropped():
    assert isinstance(query_build(" '\"*&|! "), MatchAll)
    assert "pome" in repr(query_build("pome*")) and "*" not in repr(query_build("pome*"))


def test_a_term_alternative_joins_the_typed_word():
    query = repr(query_build("suzani", alternatives={"suzani": ["hand embroidery"]}))

    assert "'hand embroidery'" in query and "'suzani'" in query


def test_folded_search_fields_keep_the_originals_and_add_their_forms():
    title = index.SearchField("title", boost=2)
    fields = search_fields_folded([title, index.FilterField("status")])

    assert fields[0] is title
    assert [type(f).__name__ for f in fields] == ["SearchField", "SearchFormsField", "FilterField"]
    assert search_fields_folded(fields) == fields or len(search_fields_folded(fields)) == 3
