"""`manage.py seed_demo` turns a freshly migrated database into a browsable demo site: what
the seeded site holds (one seed for the whole module)."""

import re

from django.core.cache import cache
from django.db import transaction
from django.test.utils import override_settings
from django.urls import reverse

from wagtail.models import Locale, Page, Site

import pytest
from PIL import Image

from cms.models import HomePage, StandardPage
from heritage.models import CustomImage, User
from tests.demo.seeding import CYRILLIC, EDITOR_EMAIL, HERO_HEADINGS, TAJIK_LETTERS, seed


@pytest.fixture(scope="module")
def _seeded_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """One demo seed shared by this module's tests (seeding takes half a minute): written
    inside a transaction that is rolled back when the module ends, with its own media
    folder. Each test still runs in its own savepoint, so what a test changes is undone."""
    media = str(tmp_path_factory.mktemp("seeded-media"))
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield {"output": seed(), "media": media}
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()


@pytest.fixture
def seeded(_seeded_site, db, settings):
    settings.MEDIA_ROOT = _seeded_site["media"]
    return _seeded_site["output"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "tg"])
def test_each_language_home_shows_its_own_hero_heading(seeded, client, language):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{HERO_HEADINGS[language]}</h1>" in html
    assert f'<html lang="{language}">' in html


@pytest.mark.django_db
def test_russian_and_tajik_homes_are_written_in_cyrillic_not_english(seeded, client):
    def heading(language):
        html = client.get(f"/{language}/").content.decode()
        return re.search(r"<h1>(.*?)</h1>", html).group(1)

    english = heading("en")
    for language in ("ru", "tg"):
        assert heading(language) != english
        assert CYRILLIC.search(heading(language))
    assert TAJIK_LETTERS.search(heading("tg"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/en/about/", "About us"),
        ("/ru/about/", "О нас"),
        ("/tg/about/", "Дар бораи мо"),
        ("/en/contact/", "Contact"),
        ("/ru/contact/", "Контакты"),
        ("/tg/contact/", "Тамос"),
    ],
)
def test_about_and_contact_pages_are_served_in_every_language(seeded, client, url, title):
    response = client.get(url)

    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in response.content.decode()


POLICY_TITLES = {
    "terms": {"en": "Terms of sale", "ru": "Условия продажи", "tg": "Шартҳои фурӯш"},
    "privacy": {"en": "Privacy notice", "ru": "Политика конфиденциальности", "tg": "Сиёсати махфият"},
    "returns": {
        "en": "Returns and refunds",
        "ru": "Возврат и возмещение",
        "tg": "Баргардонидан ва бозпардохт",
    },
    "shipping": {"en": "Shipping", "ru": "Доставка", "tg": "Интиқол"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "tg"])
@pytest.mark.parametrize("slug", sorted(POLICY_TITLES))
def test_the_policies_are_served_in_every_language_and_linked_from_the_footer(seeded, client, slug, language):
    response = client.get(f"/{language}/{slug}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert f"<h1>{POLICY_TITLES[slug][language]}</h1>" in page
    body = page[page.index("<h1>") : page.index("site-footer")]
    if language != "en":
        assert CYRILLIC.search(body)
        assert "The " not in body and " the " not in body
    if language == "tg":
        assert TAJIK_LETTERS.search(body)
    footer = page[page.index("site-footer") :]
    assert f'href="/{language}/terms/"' in footer
    assert f'href="/{language}/returns/"' in footer


@pytest.mark.django_db
def test_the_site_root_is_the_english_home_page_and_the_welcome_page_is_gone(seeded, client):
    site = Site.objects.get(is_default_site=True)

    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.locale.language_code == "en"
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    assert client.get("/").status_code == 302


@pytest.mark.django_db
def test_translations_link_to_pages_in_their_own_language(seeded):
    english = HomePage.objects.get(locale__language_code="en")

    for language in ("ru", "tg"):
        home = english.get_translation(Locale.objects.get(language_code=language))
        assert home.live
        assert home.hero_link.specific.locale.language_code == language
        assert home.hero_image_id == english.hero_image_id
        menu = StandardPage.objects.child_of(home).live().in_menu()
        assert menu.count() == 2


@pytest.mark.django_db
def test_demo_images_have_alt_text_and_no_metadata(seeded):
    images = list(CustomImage.objects.all())

    assert len(images) >= 3
    for image in images:
        assert image.alt_text.strip()
        assert image.credit == "Generated pattern, TajikHeritage demo"
        with image.open_file() as stored, Image.open(stored) as picture:
            assert not picture.getexif()
            assert "exif" not in picture.info
            assert "xmp" not in picture.info
            assert picture.size == (image.width, image.height)


@pytest.mark.django_db
def test_the_editor_can_sign_in_to_the_admin(seeded, client):
    response = client.post(
        "/admin/login/",
        {"username": EDITOR_EMAIL, "password": "heritage-demo-2026", "next": "/admin/"},
    )

    assert response.status_code == 302
    # She can reach orders and payouts: the admin asks for her authenticator first.
    assert client.get("/admin/").url.startswith(reverse("accounts:two-factor"))
    editor = User.objects.get(email=EDITOR_EMAIL)
    assert editor.is_staff and editor.is_superuser
    assert "heritage-demo-2026" in seeded
    assert "http://127.0.0.1:8000/admin/" in seeded


@pytest.mark.django_db
def test_the_artist_index_lists_the_demo_artists_in_every_language(seeded, client):
    from gallery.models import ArtistIndexPage

    for language in ("en", "ru", "tg"):
        page = ArtistIndexPage.objects.get(locale__language_code=language)
        assert page.live and page.show_in_menus and page.slug == "artists"
        response = client.get(f"/{language}/artists/")
        assert response.status_code == 200
        assert response.context["artists"].paginator.count >= 24
        assert len(response.context["artists"].object_list) == 24
        assert f'href="/{language}/artists/"' in client.get(f"/{language}/").content.decode()


@pytest.mark.django_db
def test_demo_artists_are_varied_and_each_has_six_to_ten_published_works(seeded):
    from artists.models import ArtistProfile, Region
    from gallery.models import Artwork

    approved = ArtistProfile.objects.approved()
    published = Artwork.objects.published()
    counts = [published.filter(artist=artist).count() for artist in approved]

    assert approved.count() >= 24
    assert sum(6 <= n <= 10 for n in counts) >= 24
    assert set(approved.values_list("region", flat=True)) == set(Region.values)
    assert {True, False} == set(approved.values_list("show_location", flat=True))
    assert all(1 <= artist.disciplines.count() <= 3 for artist in approved)
    bios = list(approved.values_list("bio", flat=True))
    assert any(TAJIK_LETTERS.search(bio) for bio in bios)
    assert any(CYRILLIC.search(bio) and not TAJIK_LETTERS.search(bio) for bio in bios)
    assert any(not CYRILLIC.search(bio) for bio in bios)
    assert not approved.filter(user__isnull=False).exists()
    for artwork in published.select_related("medium").prefetch_related("images__image")[:40]:
        assert artwork.medium and artwork.year and artwork.width_cm and artwork.description
        assert 1 <= artwork.images.count() <= 2
        assert all(image.image.alt_text.strip() for image in artwork.images.all())


@pytest.mark.django_db
def test_editors_find_applications_and_works_to_review(seeded):
    from artists.models import ArtistProfile
    from gallery.models import Artwork

    applicants = ArtistProfile.objects.filter(status=ArtistProfile.Status.APPLIED).select_related("user")
    submitted = Artwork.objects.filter(status=Artwork.Status.SUBMITTED).select_related("artist")

    assert applicants.count() == 3
    for applicant in applicants:
        assert applicant.user.email.endswith("@example.org")
        assert applicant.user.email_verified_at is not None
        assert not applicant.user.has_usable_password()
        assert 1 <= applicant.samples.count() <= 2
    assert submitted.count() >= 2
    assert {work.artist.status for work in submitted} == {ArtistProfile.Status.APPROVED}


@pytest.mark.django_db
def test_a_demo_portfolio_shows_at_least_six_works_with_pictures(seeded, client):
    from artists.models import ArtistProfile

    artist = ArtistProfile.objects.approved().get(slug="nigina-rahimova")

    for language in ("en", "tg"):
        response = client.get(f"/{language}/artists/{artist.slug}/")
        assert response.status_code == 200
        assert len(response.context["artworks"]) >= 6
        html = response.content.decode()
        assert f"<h1>{artist.display_name}</h1>" in html
        assert html.count('<article class="card artwork-card">') >= 6
        assert html.count("<picture>") >= 6


def _english_ui_strings() -> set[str]:
    """Our own interface sentences (from the project's catalogues) that the Russian and Tajik
    catalogues translate: long enough to be unmistakable, without placeholders."""
    from pathlib import Path

    from django.conf import settings as django_settings

    strings = set()
    for language in ("ru", "tg"):
        po = Path(django_settings.BASE_DIR, "locale", language, "LC_MESSAGES", "django.po").read_text()
        for msgid, msgstr in re.findall(r'^msgid "(.+)"\nmsgstr "(.+)"$', po, re.M):
            if len(msgid) >= 14 and " " in msgid and msgid != msgstr and not re.search(r"[%{<\\]", msgid):
                strings.add(msgid)
    return strings


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "tg"])
def test_every_page_type_of_the_demo_site_speaks_her_language_and_no_english_interface_remains(
    seeded, client, language
):
    import html as html_module

    from wagtail.models import Page

    english = _english_ui_strings()
    assert len(english) > 300
    pages = {}
    for page in Page.objects.filter(locale__language_code=language, depth__gt=1).live().specific():
        pages.setdefault(type(page).__name__, page.url)
    expected = {"HomePage", "GalleryPage", "StoryPage", "CampaignPage", "EventPage", "ExhibitionPage"}
    assert expected <= set(pages)
    artwork = client.get(f"/{language}/gallery/").content.decode()
    artwork_url = re.search(rf'href="(/{language}/gallery/[^"/]+/[^"/]+/)"', artwork).group(1)
    urls = [*pages.values(), artwork_url, f"/{language}/shop/cart/", f"/{language}/search/?q=suzani"]

    leftovers = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = html_module.unescape(response.content.decode())
        found = sorted(s for s in english if s in text)
        if found:
            leftovers[url] = found
    assert leftovers == {}
    # The scan does see interface text: the same cart page in English is full of it.
    english_cart = html_module.unescape(client.get("/en/shop/cart/").content.decode())
    assert any(s in english_cart for s in english)
