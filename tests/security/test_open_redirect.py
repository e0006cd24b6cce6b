"""Open redirects: no `next=` (nor the page a form came from) sends a visitor off the site or
into a `javascript:` address — at sign-in, sign-up, sign-out, the language switch, the
Wagtail admin's sign-in, and saving a work or following an artist."""

import pytest

from tests.accounts.conftest import PASSWORD
from tests.factories import ArtistFactory, ArtworkFactory, UserFactory
from tests.two_factor import staff_login

from .abuse import OFF_SITE_NEXTS, location_is_off_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(db):
    return UserFactory(email="dilnoza@example.org", password=PASSWORD, language="en")


def assert_stays_on_site(response):
    assert response.status_code in (301, 302, 303), response.status_code
    assert not location_is_off_site(response["Location"]), response["Location"]


def test_the_off_site_check_itself_tells_on_from_off_site():
    assert location_is_off_site("//evil.example/")
    assert location_is_off_site("/\\evil.example")
    assert location_is_off_site("javascript:alert(1)")
    assert not location_is_off_site("/en/about-us/")
    assert not location_is_off_site("http://testserver/en/")


@pytest.mark.parametrize("target", OFF_SITE_NEXTS)
def test_signing_in_never_follows_an_off_site_next(client, person, target):
    response = client.post(
        f"/en/accounts/login/?next={target}",
        {"username": person.email, "password": PASSWORD, "next": target},
    )
    assert_stays_on_site(response)
    assert client.session.get("_auth_user_id") == str(person.pk)


@pytest.mark.parametrize("target", OFF_SITE_NEXTS)
def test_the_sign_in_page_never_carries_an_off_site_next_into_its_form(client, target):
    response = client.get("/en/accounts/login/", {"next": target})
    assert response.status_code == 200
    assert 'name="next" value="' not in response.text or "evil.example" not in response.text


@pytest.mark.parametrize("target", OFF_SITE_NEXTS)
def test_signing_up_never_follows_an_off_site_next(client, target):
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "farangis@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "language": "en",
            "next": target,
        },
    )
    assert_stays_on_site(response)
    assert "evil.example" not in client.get("/en/accounts/signup/", {"next": target}).text


@pytest.mark.parametrize("target", OFF_SITE_NEXTS)
def test_signing_out_never_follows_an_off_site_next(client, person, target):
    client.force_login(person)
    response = client.post(f"/en/accounts/logout/?next={target}", {"next": target})
    assert_stays_on_site(response)
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("target", OFF_SITE_NEXTS)
def test_the_language_switch_never_follows_an_off_site_next_or_referer(client, target):
    response = client.post("/i18n/setlang/", {"language": "ru", "next": target}, HTTP_REFERER=target)
    assert_stays_on_site(response)


@pytest.mark.parametrize("target", OFF_SITE_NEXTS)
def test_the_admin_sign_in_never_follows_an_off_site_next(client, target):
    editor = UserFactory(email="editor@example.org", password=PASSWORD, is_staff=True, is_superuser=True)
    response = client.post(
        f"/admin/login/?next={target}", {"username": editor.email, "password": PASSWORD, "next": target}
    )
    assert_stays_on_site(response)


@pytest.mark.parametrize("target", OFF_SITE_NEXTS)
@pytest.mark.parametrize("action", ["save", "unsave"])
def test_saving_a_work_never_follows_an_off_site_next(client, person, target, action):
    artwork = ArtworkFactory()
    client.force_login(person)
    response = client.post(f"/en/saved/artworks/{artwork.pk}/{action}/", {"next": target})
    assert_stays_on_site(response)


@pytest.mark.parametrize("target", OFF_SITE_NEXTS)
@pytest.mark.parametrize("action", ["follow", "unfollow"])
def test_following_an_artist_never_follows_an_off_site_next(client, person, target, action):
    artist = ArtistFactory()
    client.force_login(person)
    response = client.post(f"/en/saved/artists/{artist.pk}/{action}/", {"next": target})
    assert_stays_on_site(response)


@pytest.mark.parametrize("target", OFF_SITE_NEXTS)
def test_a_visitor_sent_to_sign_in_before_saving_is_brought_back_only_on_site(client, person, target):
    artwork = ArtworkFactory()
    response = client.post(f"/en/saved/artworks/{artwork.pk}/save/", {"next": target})
    assert_stays_on_site(response)
    login_url = response["Location"]
    assert "evil.example" not in login_url

    response = client.post(login_url, {"username": person.email, "password": PASSWORD})
    assert_stays_on_site(response)


@pytest.mark.parametrize("target", OFF_SITE_NEXTS)
def test_the_two_step_code_page_never_follows_an_off_site_next(client, target):
    editor = UserFactory(email="editor@example.org", password=PASSWORD, is_staff=True, is_superuser=True)
    staff_login(client, editor)
    response = client.get("/en/accounts/two-factor/", {"next": target})
    assert_stays_on_site(response)
    response = client.post(f"/en/accounts/two-factor/?next={target}", {"code": "123456", "next": target})
    assert_stays_on_site(response)


@pytest.mark.parametrize(
    "path",
    [
        "//evil.example",
        "//evil.example/",
        "/\\evil.example/",
        "/%2F%2Fevil.example",
        "/en//evil.example",
        "/%5Cevil.example",
    ],
)
def test_redirects_made_from_the_address_itself_stay_on_site(client, path):
    """The language prefix and the trailing slash are added by redirects built from the
    requested path: a path that looks like another host must not become one."""
    from tests.factories import build_site

    build_site()
    response = client.get(path)
    if response.status_code in (301, 302, 303, 307, 308):
        assert not location_is_off_site(response["Location"]), response["Location"]
