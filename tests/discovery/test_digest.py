"""The weekly digest: one email per person with the new works of the artists she follows and
of her saved searches, in her language, never twice, retried when the mail server is down."""

import re
from datetime import timedelta
from email.utils import parseaddr
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from gallery import tasks_discovery
from gallery.models import Artwork, DigestSent, Follow, SavedSearch
from gallery.tasks_discovery import digests_send
from tests.factories import UserFactory
from tests.gallery.gallery_fixtures import work_make
from tests.gallery.portfolio_fixtures import artist_make

from .conftest import days_ago

pytestmark = pytest.mark.django_db


def follow(user, artist, *, since_days=30):
    row = Follow.objects.create(user=user, artist=artist)
    Follow.objects.filter(pk=row.pk).update(created_at=days_ago(since_days))
    return row


def saved_search(user, query, *, since_days=30):
    row = SavedSearch.objects.create(user=user, query=query)
    SavedSearch.objects.filter(pk=row.pk).update(created_at=days_ago(since_days))
    return row


def html_of(message) -> str:
    return next(content for content, kind in message.alternatives if kind == "text/html")


def run_command() -> str:
    out = StringIO()
    call_command("discovery_digest", stdout=out)
    return out.getvalue()


def test_the_digest_has_the_new_works_of_followed_artists_and_saved_searches_and_nothing_older(site, buyer):
    nigora, zarina = artist_make(display_name="Nigora"), artist_make(display_name="Zarina")
    follow(buyer, nigora, since_days=10)
    saved_search(buyer, "q=apricot", since_days=10)
    new_by_nigora = work_make(nigora, title="Morning in Khujand", published_at=days_ago(2))
    work_make(nigora, title="Before she was followed", published_at=days_ago(20))
    work_make(nigora, title="Still a draft", status=Artwork.Status.DRAFT)
    work_make(nigora, title="Sent back", status=Artwork.Status.REJECTED)
    apricot = work_make(zarina, title="Apricot blossom", published_at=days_ago(1))
    work_make(zarina, title="Apricot harvest", published_at=days_ago(40))
    work_make(zarina, title="Unrelated river", published_at=days_ago(1))

    report = digests_send()

    assert report.sent == 1
    [message] = mail.outbox
    assert message.to == ["madina@example.org"]
    text, html = message.body, html_of(message)
    for body in (text, html):
        assert "Morning in Khujand" in body
        assert "Apricot blossom" in body
        assert "Nigora" in body and "Zarina" in body
        for absent in (
            "Before she was followed",
            "Still a draft",
            "Sent back",
            "Apricot harvest",
            "Unrelated river",
        ):
            assert absent not in body
    assert "/en/gallery/" in text
    sent = DigestSent.objects.get(user=buyer)
    assert set(sent.artworks.values_list("pk", flat=True)) == {new_by_nigora.pk, apricot.pk}


def test_one_email_per_person_however_many_artists_and_searches(site, buyer):
    for name in ("Nigora", "Zarina", "Malika"):
        artist = artist_make(display_name=name)
        follow(buyer, artist)
        work_make(artist, title=f"New by {name}", published_at=days_ago(1))
    saved_search(buyer, "q=new")
    other = UserFactory(email="farida@example.org")
    follow(other, Follow.objects.filter(user=buyer).first().artist)

    digests_send()

    assert sorted(m.to[0] for m in mail.outbox) == ["farida@example.org", "madina@example.org"]
    madina = next(m for m in mail.outbox if m.to == ["madina@example.org"])
    for name in ("Nigora", "Zarina", "Malika"):
        assert madina.body.count(f"New by {name}") == 1  # once, though her search matches it too


def test_nothing_is_sent_when_nothing_is_new(site, buyer):
    artist = artist_make()
    follow(buyer, artist, since_days=3)
    work_make(artist, title="Old", published_at=days_ago(9))
    saved_search(buyer, "q=old", since_days=3)

    assert digests_send().sent == 0
    assert mail.outbox == []
    assert not DigestSent.objects.exists()


def test_running_twice_in_a_week_sends_once_and_next_week_only_what_is_newer(site, buyer):
    artist = artist_make(display_name="Nigora")
    follow(buyer, artist)
    work_make(artist, title="First work", published_at=days_ago(1))

    assert "1" in run_command()
    run_command()
    assert len(mail.outbox) == 1
    assert DigestSent.objects.filter(user=buyer).count() == 1

    later = timezone.now() + timedelta(days=7)
    work_make(artist, title="Second work", published_at=timezone.now() + timedelta(minutes=1))
    digests_send(now=later)
    assert len(mail.outbox) == 2
    assert "Second work" in mail.outbox[1].body
    assert "First work" not in mail.outbox[1].body
    digests_send(now=later + timedelta(hours=1))
    assert len(mail.outbox) == 2


def test_a_work_already_sent_is_not_sent_again_even_if_published_again(site, buyer):
    artist = artist_make()
    follow(buyer, artist)
    work = work_make(artist, title="Back again", published_at=days_ago(1))
    digests_send()
    Artwork.objects.filter(pk=work.pk).update(published_at=timezone.now() + timedelta(days=1))
    digests_send(now=timezone.now() + timedelta(days=8))
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("language", "subject_word", "see_all"),
    [("ru", "Новые работы", "Смотреть все"), ("tg", "Асарҳои нав", "Ҳамаро бинед")],
)
def test_the_digest_is_in_her_language(site, language, subject_word, see_all):
    buyer = UserFactory(email=f"{language}@example.org", language=language)
    artist = artist_make(display_name="Нигора")
    follow(buyer, artist)
    work_make(artist, title="Анор", published_at=days_ago(1))

    digests_send()

    [message] = mail.outbox
    assert subject_word in message.subject
    assert see_all in message.body
    assert f"/{language}/gallery/" in message.body
    assert "/en/" not in message.body + html_of(message)
    assert 'lang="' + language + '"' in html_of(message)
    for english in ("New works", "Unsubscribe", "See all"):
        assert english not in message.body
        assert english not in html_of(message)


def test_each_work_has_an_absolute_picture_with_size_and_alt_text_title_artist_price_and_link(site, buyer):
    artist = artist_make(display_name="Nigora")
    follow(buyer, artist)
    work = work_make(artist, title="Pomegranates", published_at=days_ago(1))
    alt = work.primary_image.default_alt_text

    digests_send()

    html = html_of(mail.outbox[0])
    [img] = re.findall(r"<img [^>]+>", html)
    assert re.search(r'src="http://testserver/[^"]+\.jpg"', img)
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    assert f'alt="{alt}"' in img
    assert 'href="http://testserver/en/gallery/' in html
    assert "Pomegranates" in html and "Nigora" in html


def test_every_digest_carries_one_click_unsubscribe_headers(site, buyer):
    artist = artist_make()
    follow(buyer, artist)
    work_make(artist, published_at=days_ago(1))

    digests_send()

    message = mail.outbox[0]
    header = message.extra_headers["List-Unsubscribe"]
    assert re.fullmatch(r"<http://testserver/en/saved/unsubscribe/[^>]+/>", header)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert header.strip("<>") in message.body
    assert parseaddr(message.from_email)[1]


def test_unsubscribed_follows_searches_and_people_get_nothing(site):
    artist = artist_make()
    work_make(artist, title="Apricot tree", published_at=days_ago(1))
    off_follow = UserFactory()
    Follow.objects.filter(pk=follow(off_follow, artist).pk).update(emails=False)
    off_search = UserFactory()
    SavedSearch.objects.filter(pk=saved_search(off_search, "q=apricot").pk).update(emails=False)
    inactive = UserFactory(is_active=False)
    follow(inactive, artist)

    assert digests_send().sent == 0
    assert mail.outbox == []


def test_works_of_a_suspended_artist_never_appear(site, buyer):
    artist = artist_make()
    follow(buyer, artist)
    work_make(artist, published_at=days_ago(1))
    artist.status = type(artist).Status.SUSPENDED
    artist.save()

    assert digests_send().sent == 0


def test_markup_in_a_title_is_shown_as_typed_and_never_runs(site, buyer):
    artist = artist_make(display_name="Nigora <b>bold</b>")
    follow(buyer, artist)
    work_make(artist, title='Garden <script>alert(1)</script> "&"', published_at=days_ago(1))

    digests_send()

    message = mail.outbox[0]
    assert 'Garden <script>alert(1)</script> "&"' in message.body
    html = html_of(message)
    assert "<script>" not in html and "<b>bold</b>" not in html
    assert "Garden &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "\n" not in message.subject


def test_the_first_digest_looks_back_one_week_however_old_the_follow(site, buyer):
    artist = artist_make()
    follow(buyer, artist, since_days=90)
    work_make(artist, title="Two months old", published_at=days_ago(60))
    work_make(artist, title="Three days old", published_at=days_ago(3))

    digests_send()

    assert "Three days old" in mail.outbox[0].body
    assert "Two months old" not in mail.outbox[0].body


def test_one_persons_failed_digest_does_not_stop_the_others(site, monkeypatch):
    artist = artist_make()
    first, second = UserFactory(email="first@example.org"), UserFactory(email="second@example.org")
    follow(first, artist)
    follow(second, artist)
    work_make(artist, published_at=days_ago(1))
    build = tasks_discovery.digest_email

    def broken_for_first(user, digest):
        if user == first:
            raise OSError("picture storage unreachable")
        return build(user, digest)

    monkeypatch.setattr(tasks_discovery, "digest_email", broken_for_first)
    report = digests_send()

    assert (report.sent, report.failed) == (1, 1)
    assert [m.to for m in mail.outbox] == [["second@example.org"]]
    assert not DigestSent.objects.filter(user=first).exists()  # tried again next run
    monkeypatch.setattr(tasks_discovery, "digest_email", build)
    assert digests_send().sent == 1
