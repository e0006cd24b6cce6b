"""Search quality over the demo catalogue: the queries of `quality_set.json` (English,
Russian and Tajik; Latin and Cyrillic; misspellings, craft words, artists' names), each with
the works relevant to it.

Recall@10 (of the relevant works, at most ten, the share found among the first ten results,
averaged over queries) guards what a buyer finds on every database; the mean reciprocal rank
(how high the first relevant work comes) guards the ranking, which PostgreSQL's full-text
search decides.
"""

import json
from pathlib import Path

from django.db import connection
from django.utils import translation

import pytest

from gallery.models import Artwork
from gallery.selectors.search import artwork_search_ids

from .demo_site import seeded_site  # noqa: F401 -- the module's one demo seed

QUALITY_SET = json.loads((Path(__file__).parent / "quality_set.json").read_text())["queries"]
TOP = 10
RECALL_MIN = 0.95
MRR_MIN = 0.8

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-search")]


def top_titles(query: str, language: str) -> list[str]:
    with translation.override(language):
        ids = artwork_search_ids(query)[:TOP]
    titles = dict(Artwork.objects.filter(pk__in=ids).values_list("pk", "title"))
    return [titles[pk] for pk in ids]


def quality_measure() -> tuple[float, float, list[str]]:
    """Recall@10 and MRR over the quality set, and a line for each query that missed."""
    recalls, reciprocal_ranks, misses = [], [], []
    for case in QUALITY_SET:
        found = top_titles(case["q"], case["lang"])
        expected = case["expect"]
        hits = [title for title in expected if title in found]
        recalls.append(min(len(hits) / min(len(expected), TOP), 1.0))
        ranks = [found.index(title) + 1 for title in hits]
        reciprocal_ranks.append(1 / min(ranks) if ranks else 0.0)
        if recalls[-1] < 1:
            missing = sorted(set(expected) - set(hits))
            misses.append(f"{case['q']!r} ({case['lang']}): missing {missing}, got {found}")
    return sum(recalls) / len(recalls), sum(reciprocal_ranks) / len(reciprocal_ranks), misses


@pytest.fixture(scope="module")
def quality(seeded_site):  # noqa: F811
    return quality_measure()


def test_the_quality_set_is_large_and_names_only_demo_works(seeded_site):  # noqa: F811
    titles = set(Artwork.objects.published().values_list("title", flat=True))

    assert len(QUALITY_SET) >= 40
    assert {case["lang"] for case in QUALITY_SET} == {"en", "ru", "tg"}
    assert [case["q"] for case in QUALITY_SET if not set(case["expect"]) <= titles] == []


def test_search_finds_the_expected_works_in_its_first_ten_results(quality, record_property):
    recall, mrr, misses = quality
    record_property("search_quality", f"recall@10 {recall:.3f}, MRR {mrr:.3f} ({connection.vendor})")
    print(f"\nSearch quality on {connection.vendor}: recall@10 {recall:.3f}, MRR {mrr:.3f}")

    assert recall >= RECALL_MIN, "\n".join(misses)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ranking is PostgreSQL's (DATABASE_URL)")
def test_the_first_expected_work_comes_near_the_top_on_postgresql(quality):
    _recall, mrr, misses = quality

    assert mrr >= MRR_MIN, "\n".join(misses)


@pytest.mark.parametrize("query", ["suzani", "сузани", "сӯзанӣ", "Suzani", "СУЗАНИ"])
def test_suzani_in_any_script_finds_the_embroidered_suzani(seeded_site, query):  # noqa: F811
    found = top_titles(query, "en")

    assert {"Боғи анор", "Сӯзании арӯсӣ", "Офтоб ва моҳ"} <= set(found)
