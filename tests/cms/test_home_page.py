"""The home page in its three languages, its menus, the 404 page and the health check."""

from html.parser import HTMLParser

import pytest

from tests.factories import ABOUT_TITLES, HERO_HEADINGS, build_site

LANGUAGES = ("en", "ru", "tg")


@pytest.fixture
def pages(db):
    return build_site()


class LandmarkLinks(HTMLParser):
    """Collects the links of a page's <nav>s and <main>: {nav class or "main": [(text, attributes)]}."""

    def __init__(self):
        super().__init__()
        self.landmarks: dict[str, list[tuple[str, dict]]] = {}
        self._landmark: str | None = None
        self._link: dict | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("nav", "main"):
            self._landmark = dict(attrs).get("class", "") if tag == "nav" else "main"
            self.landmarks[self._landmark] = []
        elif tag == "a" and self._landmark is not None:
            self._link, self._text = dict(attrs), []

    def handle_data(self, data):
        if self._link is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.landmarks[self._landmark].append(("".join(self._text).strip(), self._link))
            self._link = None
        elif tag in ("nav", "main"):
            self._landmark = None


def links_in(response, landmark: str) -> dict[str, dict]:
    """The links in the page's <nav class="landmark"> (or its <main>), by their text."""
    parser = LandmarkLinks()
    parser.feed(response.content.decode())
    assert landmark in parser.landmarks, f"the page has no {landmark!r} landmark"
    return dict(parser.landmarks[landmark])


def test_site_root_sends_visitors_to_the_english_home_page(client, pages):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.parametrize("code", LANGUAGES)
def test_home_page_answers_in_its_own_language(client, pages, code):
    response = client.get(f"/{code}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert f"<h1>{HERO_HEADINGS[code]}</h1>" in html
    for other in set(LANGUAGES) - {code}:
        assert HERO_HEADINGS[other] not in html


def test_language_switcher_links_to_the_same_page_in_the_other_languages(client, pages):
    links = links_in(client.get("/ru/"), "language-switcher")

    assert list(links) == ["English", "Русский", "Тоҷикӣ"]
    assert links["English"]["href"] == "/en/"
    assert links["Тоҷикӣ"]["href"] == "/tg/"
    assert links["Тоҷикӣ"]["lang"] == links["Тоҷикӣ"]["hreflang"] == "tg"
    assert links["Русский"]["href"] == "/ru/"
    assert links["Русский"]["aria-current"] == "true"
    assert "aria-current" not in links["English"]


def test_language_switcher_on_an_inner_page_links_to_its_translations(client, pages):
    about = pages["about"]
    links = links_in(client.get(about["ru"].url), "language-switcher")

    assert links["English"]["href"] == about["en"].url == "/en/about-us/"
    assert links["Тоҷикӣ"]["href"] == about["tg"].url == "/tg/about-us/"


@pytest.mark.parametrize("code", LANGUAGES)
def test_about_page_is_in_the_main_menu_of_every_language(client, pages, code):
    links = links_in(client.get(f"/{code}/"), "main-menu")

    assert links[ABOUT_TITLES[code]]["href"] == f"/{code}/about-us/"
    for other in set(LANGUAGES) - {code}:
        assert ABOUT_TITLES[other] not in links


def test_about_page_answers_in_every_language(client, pages):
    for code in LANGUAGES:
        response = client.get(pages["about"][code].url)

        assert response.status_code == 200
        assert f"<h1>{ABOUT_TITLES[code]}</h1>" in response.content.decode()


@pytest.mark.parametrize("code", LANGUAGES)
def test_missing_page_shows_the_sites_own_not_found_page_in_that_language(client, pages, code):
    response = client.get(f"/{code}/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert '<meta name="robots" content="noindex">' in html
    assert f"/{code}/" in [link["href"] for link in links_in(response, "main").values()]
    assert links_in(response, "language-switcher")


def test_missing_page_says_page_not_found_in_english(client, pages):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.content.decode()
    assert links_in(response, "main") == {"Go to the home page": {"class": "button", "href": "/en/"}}


def test_health_check_reports_ok(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok"}
