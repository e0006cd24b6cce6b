"""The gallery index: published works only, filters that combine, counts, sort, pages."""

import re
from decimal import Decimal

import pytest

from artists.models import ArtistProfile, Region
from gallery.models import Artwork, Medium

from .gallery_fixtures import card_titles, gallery_pages_build, warm_queries, work_make
from .portfolio_fixtures import artist_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def gallery():
    return gallery_pages_build()


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def titles(client, url: str) -> list[str]:
    return sorted(card_titles(html_of(client, url)))


def medium(slug: str) -> Medium:
    return Medium.objects.get(slug=slug)


def option_count(html: str, name: str, value: str) -> int:
    select = re.search(rf'<select id="filter-{name}" name="{name}">(.*?)</select>', html, re.S).group(1)
    return int(re.search(rf'<option value="{value}"[^>]*>[^<]*\((\d+)\)</option>', select).group(1))


def test_only_published_works_of_approved_artists_are_listed(client, gallery):
    artist = artist_make()
    work_make(artist, title="Shown")
    for status in ("draft", "submitted", "rejected", "archived"):
        work_make(artist, title=f"Hidden {status}", status=status)
    suspended = artist_make(status=ArtistProfile.Status.SUSPENDED)
    work_make(suspended, title="Hidden suspended")
    applied = artist_make(status=ArtistProfile.Status.APPLIED)
    work_make(applied, title="Hidden applied")

    html = html_of(client, "/en/gallery/")

    assert card_titles(html) == ["Shown"]
    assert "Hidden" not in html


def test_cards_link_to_the_work_page_in_the_same_language(client, gallery):
    artist = artist_make(slug="malika")
    work_make(artist, title="Pomegranates", slug="pomegranates")

    html = html_of(client, "/ru/gallery/")

    assert '<a href="/ru/gallery/malika/pomegranates/">Pomegranates</a>' in html


def test_each_filter_gives_exactly_its_works(client, gallery):
    visible = artist_make(region=Region.GBAO, show_location=True)
    private = artist_make(region=Region.GBAO, show_location=False)
    work_make(visible, title="Small ceramic", medium=medium("glazed-ceramic"), width_cm=30, height_cm=20)
    work_make(visible, title="Tall suzani", width_cm=60, height_cm=180)
    work_make(private, title="Square painting", medium=medium("oil"), width_cm=80, height_cm=80)
    work_make(
        private, title="Deep vessel", medium=medium("glazed-ceramic"), width_cm=30, height_cm=30, depth_cm=120
    )

    assert titles(client, "/en/gallery/?medium=glazed-ceramic") == ["Deep vessel", "Small ceramic"]
    assert titles(client, "/en/gallery/?size=small") == ["Small ceramic"]
    assert titles(client, "/en/gallery/?size=medium") == ["Square painting"]
    assert titles(client, "/en/gallery/?size=large") == ["Deep vessel", "Tall suzani"]
    assert titles(client, "/en/gallery/?orientation=portrait") == ["Tall suzani"]
    assert titles(client, "/en/gallery/?orientation=landscape") == ["Small ceramic"]
    assert titles(client, "/en/gallery/?orientation=square") == ["Deep vessel", "Square painting"]
    # She keeps her region private: a region filter never finds her works.
    assert titles(client, "/en/gallery/?region=gbao") == ["Small ceramic", "Tall suzani"]


def test_size_classes_follow_the_longest_side(client, gallery):
    artist = artist_make()
    for title, side in (("A49", "49.9"), ("B50", "50"), ("C100", "100"), ("D101", "100.1")):
        work_make(artist, title=title, width_cm=Decimal(side), height_cm=10)
    work_make(artist, title="No size", width_cm=None, height_cm=None)

    assert titles(client, "/en/gallery/?size=small") == ["A49"]
    assert titles(client, "/en/gallery/?size=medium") == ["B50", "C100"]
    assert titles(client, "/en/gallery/?size=large") == ["D101"]


def test_filters_combine(client, gallery):
    gbao = artist_make(region=Region.GBAO, show_location=True)
    sughd = artist_make(region=Region.SUGHD, show_location=True)
    ceramics = medium("glazed-ceramic")
    work_make(gbao, title="Match", medium=ceramics, width_cm=20, height_cm=30)
    work_make(gbao, title="Wrong size", medium=ceramics, width_cm=20, height_cm=130)
    work_make(gbao, title="Wrong medium", width_cm=20, height_cm=30)
    work_make(gbao, title="Wrong orientation", medium=ceramics, width_cm=30, height_cm=20)
    work_make(sughd, title="Wrong region", medium=ceramics, width_cm=20, height_cm=30)

    url = "/en/gallery/?medium=glazed-ceramic&size=small&orientation=portrait&region=gbao"

    assert titles(client, url) == ["Match"]


def test_facet_counts_respect_the_other_filters(client, gallery):
    gbao = artist_make(region=Region.GBAO, show_location=True)
    khatlon = artist_make(region=Region.KHATLON, show_location=True)
    hidden = artist_make(region=Region.KHATLON, show_location=False)
    ceramics = medium("glazed-ceramic")
    work_make(gbao, medium=ceramics, width_cm=20, height_cm=30)
    work_make(gbao, medium=ceramics, width_cm=120, height_cm=30)
    work_make(gbao, medium=medium("oil"), width_cm=20, height_cm=30)
    work_make(khatlon, medium=ceramics, width_cm=20, height_cm=30)
    work_make(hidden, medium=ceramics, width_cm=20, height_cm=30)

    everything = html_of(client, "/en/gallery/")
    assert option_count(everything, "medium", "glazed-ceramic") == 4
    assert option_count(everything, "region", "gbao") == 3
    assert option_count(everything, "region", "khatlon") == 1
    assert option_count(everything, "size", "small") == 4

    filtered = html_of(client, "/en/gallery/?region=gbao&medium=glazed-ceramic")
    # Each facet counts what choosing its value would give, with the other filters kept.
    assert option_count(filtered, "medium", "glazed-ceramic") == 2
    assert option_count(filtered, "medium", "oil") == 1
    assert option_count(filtered, "region", "gbao") == 2
    assert option_count(filtered, "region", "khatlon") == 1
    assert option_count(filtered, "size", "small") == 1
    assert option_count(filtered, "size", "large") == 1
    assert "2 works" in filtered


def test_chosen_filters_stay_selected_and_unknown_values_are_ignored(client, gallery):
    work_make(title="Only")

    html = html_of(
        client, "/en/gallery/?medium=glazed-ceramic&size=large&orientation=square&region=gbao&sort=title"
    )

    assert '<option value="glazed-ceramic" selected>' in html
    assert '<option value="large" selected>' in html
    assert '<option value="square" selected>' in html
    assert '<option value="gbao" selected>' in html
    assert '<option value="title" selected>' in html
    assert '<meta name="robots" content="noindex, follow">' in html

    assert titles(client, "/en/gallery/?medium=nope&size=huge&region=mars&sort=price") == ["Only"]


def test_sort_newest_first_by_default_then_oldest_and_title(client, gallery):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    artist = artist_make()
    work_make(artist, title="Bravo", published_at=now - timedelta(days=2))
    work_make(artist, title="Charlie", published_at=now - timedelta(days=1))
    work_make(artist, title="Alpha", published_at=now)

    assert card_titles(html_of(client, "/en/gallery/")) == ["Alpha", "Charlie", "Bravo"]
    assert card_titles(html_of(client, "/en/gallery/?sort=oldest")) == ["Bravo", "Charlie", "Alpha"]
    assert card_titles(html_of(client, "/en/gallery/?sort=title")) == ["Alpha", "Bravo", "Charlie"]


def test_works_come_24_to_a_page_and_the_links_keep_the_filters(client, gallery):
    artist = artist_make()
    for n in range(30):
        work_make(artist, title=f"Work {n:02}", images=0, medium=medium("glazed-ceramic"))

    first = html_of(client, "/en/gallery/?medium=glazed-ceramic&sort=title")
    second = html_of(client, "/en/gallery/?medium=glazed-ceramic&sort=title&page=2")

    assert len(card_titles(first)) == 24
    assert card_titles(second) == [f"Work {n}" for n in range(24, 30)]
    assert "30 works" in first
    assert 'href="?medium=glazed-ceramic&amp;sort=title&amp;page=2" rel="next"' in first


def test_an_empty_gallery_and_an_empty_filter_say_so(client, gallery):
    assert "The first works are on their way" in html_of(client, "/en/gallery/")

    work_make(medium=medium("glazed-ceramic"))
    html = html_of(client, "/en/gallery/?medium=oil")
    assert "No works match your search or filters" in html
    assert card_titles(html) == []


def test_the_filter_form_is_a_plain_get_form(client, gallery):
    html = html_of(client, "/tg/gallery/")

    assert re.search(r'<form class="filters gallery-filters" method="get" action="/tg/gallery/"', html)
    for name in ("q", "medium", "size", "orientation", "region", "sort"):
        assert f'name="{name}"' in html


def test_the_index_takes_as_many_queries_for_100_works_as_for_10(client, gallery):
    artists = [artist_make(region=Region.GBAO, show_location=True) for _ in range(3)]

    def works(count):
        for n in range(count):
            work_make(artists[n % 3], medium=medium("glazed-ceramic") if n % 2 else None)

    works(10)
    urls = (
        "/en/gallery/",
        "/en/gallery/?medium=glazed-ceramic&region=gbao&size=medium",
        "/en/gallery/?sort=title&page=1",
    )
    few = [warm_queries(client, url) for url in urls]
    works(90)
    many = [warm_queries(client, url) for url in urls]

    assert few == many
    # The whole page, routing and shared layout included.
    assert max(many) <= 12


def test_the_sitemap_lists_every_published_work_and_nothing_else(client, gallery):
    artist = artist_make(slug="gulnora")
    work_make(artist, slug="atlas-dress")
    work_make(artist, slug="draft-work", status=Artwork.Status.DRAFT)
    work_make(artist_make(slug="gone", status=ArtistProfile.Status.SUSPENDED), slug="hidden")

    xml = html_of(client, "/sitemap.xml")

    assert "<loc>http://localhost/en/gallery/</loc>" in xml
    assert "<loc>http://localhost/en/gallery/gulnora/atlas-dress/</loc>" in xml
    assert "draft-work" not in xml
    assert "/gone/" not in xml


def test_robots_txt_keeps_crawlers_out_of_private_areas_and_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "User-agent: *" in text
    assert "Allow: /" in text
    for path in ("/admin/", "/accounts/", "/saved/", "/en/studio/", "/ru/studio/", "/tg/studio/"):
        assert f"Disallow: {path}\n" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_counts_kept_between_visits_follow_every_change(client, gallery):
    work_make(medium=medium("glazed-ceramic"))
    before = html_of(client, "/en/gallery/")
    assert option_count(before, "medium", "glazed-ceramic") == 1

    hidden = work_make(medium=medium("glazed-ceramic"))
    assert option_count(html_of(client, "/en/gallery/"), "medium", "glazed-ceramic") == 2

    hidden.status = Artwork.Status.ARCHIVED
    hidden.save()
    assert option_count(html_of(client, "/en/gallery/"), "medium", "glazed-ceramic") == 1
