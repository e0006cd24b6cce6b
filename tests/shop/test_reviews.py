"""Reviews from real buyers only: after delivery, once per line, shown only once an editor
has published them, with their average and count on the work and the portfolio and in the
work's structured data; the artist answers once; anyone may report one."""

import json
import re

from django.urls import reverse

import pytest

from shop.models import Offer, Order, Review, ReviewReport
from shop.services import order_transition
from shop.services.reviews import ReviewError, review_answer, review_create, review_moderate
from tests.factories import PrintOfferFactory, UserFactory, order_paid
from tests.gallery.gallery_fixtures import gallery_pages_build, work_make
from tests.gallery.portfolio_fixtures import artist_make
from tests.two_factor import staff_login

pytestmark = pytest.mark.django_db

BANK = Order.PaymentMethod.BANK_TRANSFER


@pytest.fixture
def site():
    return gallery_pages_build()


@pytest.fixture
def zarina():
    return artist_make(display_name="Zarina Karimova", slug="zarina", user=UserFactory())


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(email="editor@tajikheritage.local", password="x")


def bought(artwork, *, delivered: bool = True) -> Order:
    """A bank-transfer order of a print of the work, paid, and delivered unless told."""
    offer = Offer.objects.filter(artwork=artwork).first() or PrintOfferFactory(artwork=artwork, stock=10)
    order = order_paid((offer, 1), payment_method=BANK)
    if delivered:
        order = order_transition(order, to=Order.Status.DELIVERED, source="test")
    return order


def jsonld_of(html: str) -> dict:
    text = re.search(r'<script type="application/ld\+json" id="artwork-jsonld">(.*?)</script>', html, re.S)
    return json.loads(text.group(1))


def test_no_review_without_a_delivered_order_line(client, site, zarina):
    order = bought(work_make(zarina, slug="garden"), delivered=False)
    line = order.lines.get()

    with pytest.raises(ReviewError, match="delivered"):
        review_create(line, rating=5, text="Lovely.")
    response = client.post(f"/en/shop/orders/{order.token}/review/{line.pk}/", {"rating": 5, "text": "x"})

    assert response.status_code == 303
    assert not Review.objects.exists()
    assert "Review “" not in client.get(f"/en/shop/orders/{order.token}/").content.decode()


def test_a_buyer_reviews_each_line_once(client, site, zarina):
    order = bought(work_make(zarina, slug="garden"))
    line = order.lines.get()
    url = f"/en/shop/orders/{order.token}/review/{line.pk}/"
    assert url in client.get(f"/en/shop/orders/{order.token}/").content.decode()

    client.post(url, {"rating": "4", "text": "The colours are deeper than in the photos."})
    second = client.post(url, {"rating": "1", "text": "Again."}, follow=True)

    review = Review.objects.get()
    assert (review.rating, review.status, review.author_name) == (4, Review.Status.PENDING, "Madina")
    assert "already reviewed" in second.content.decode()
    with pytest.raises(ReviewError):
        review_create(line, rating=3, text="A second tab.")


def test_a_rating_outside_1_to_5_is_refused(client, site, zarina):
    order = bought(work_make(zarina, slug="garden"))
    line = order.lines.get()

    response = client.post(f"/en/shop/orders/{order.token}/review/{line.pk}/", {"rating": "6", "text": "x"})

    assert response.status_code == 200
    assert not Review.objects.exists()


def test_another_account_cannot_review_her_order(client, site, zarina):
    owner = UserFactory()
    order = bought(work_make(zarina, slug="garden"))
    Order.objects.filter(pk=order.pk).update(user=owner)
    client.force_login(UserFactory())

    client.post(f"/en/shop/orders/{order.token}/review/{order.lines.get().pk}/", {"rating": "1", "text": "x"})

    assert not Review.objects.exists()


def test_a_line_of_another_order_is_not_found(client, site, zarina):
    mine = bought(work_make(zarina, slug="garden"))
    theirs = bought(work_make(zarina, slug="river"))

    response = client.get(f"/en/shop/orders/{mine.token}/review/{theirs.lines.get().pk}/")

    assert response.status_code == 404


def test_unmoderated_and_rejected_reviews_are_invisible_and_published_ones_show_everywhere(
    client, site, zarina, editor
):
    work = work_make(zarina, slug="garden", title="Garden")
    waiting = review_create(bought(work).lines.get(), rating=5, text="Waiting for an editor.")
    rejected = review_create(bought(work).lines.get(), rating=1, text="Rude words.")
    review_moderate(rejected, publish=False, by=editor)

    html = client.get("/en/gallery/zarina/garden/").content.decode()
    assert "Waiting for an editor." not in html and "Rude words." not in html
    assert "aggregateRating" not in jsonld_of(html)

    staff_login(client, editor)
    response = client.post(reverse("reviews_admin:review", args=[waiting.pk]), {"decision": "publish"})
    assert response.status_code == 302
    client.logout()
    other = review_create(bought(work).lines.get(), rating=4, text="Beautiful stitches.")
    review_moderate(other, publish=True, by=editor)

    html = client.get("/en/gallery/zarina/garden/").content.decode()
    assert "Waiting for an editor." in html and "Beautiful stitches." in html
    assert "Rude words." not in html
    assert "4.5 out of 5, from 2 reviews" in html
    data = jsonld_of(html)
    assert data["aggregateRating"]["ratingValue"] == 4.5
    assert data["aggregateRating"]["reviewCount"] == 2
    assert {review["reviewBody"] for review in data["review"]} == {
        "Waiting for an editor.",
        "Beautiful stitches.",
    }
    portfolio = client.get("/en/artists/zarina/").content.decode()
    assert "4.5 out of 5, from 2 reviews" in portfolio


def test_a_suspended_artists_reviews_are_not_shown(site, zarina, editor):
    review = review_create(bought(work_make(zarina, slug="garden")).lines.get(), rating=5, text="x")
    review_moderate(review, publish=True, by=editor)
    zarina.status = zarina.Status.SUSPENDED
    zarina.save()

    assert not Review.objects.published().exists()


def test_the_artist_answers_a_published_review_once(client, site, zarina, editor):
    review = review_create(bought(work_make(zarina, slug="garden")).lines.get(), rating=5, text="Lovely.")
    other = artist_make(user=UserFactory())
    with pytest.raises(ReviewError):
        review_answer(review, artist=zarina, text="Before it is published.")
    review_moderate(review, publish=True, by=editor)
    with pytest.raises(ReviewError):
        review_answer(review, artist=other, text="Not my work.")

    client.force_login(zarina.user)
    page = client.get("/en/studio/shop/reviews/").content.decode()
    assert "Lovely." in page
    client.post("/en/studio/shop/reviews/", {"review": review.pk, "answer": "Thank you, Madina!"})
    client.post("/en/studio/shop/reviews/", {"review": review.pk, "answer": "A second answer."})

    review.refresh_from_db()
    assert review.answer == "Thank you, Madina!"
    assert "Thank you, Madina!" in client.get("/en/gallery/zarina/garden/").content.decode()


def test_another_artist_cannot_answer_through_the_studio(client, site, zarina, editor):
    review = review_create(bought(work_make(zarina, slug="garden")).lines.get(), rating=5, text="Lovely.")
    review_moderate(review, publish=True, by=editor)
    other = artist_make(user=UserFactory())
    client.force_login(other.user)

    response = client.post("/en/studio/shop/reviews/", {"review": review.pk, "answer": "Hijack."})

    assert response.status_code == 404
    review.refresh_from_db()
    assert review.answer == ""


def test_a_published_review_can_be_reported_and_editors_see_the_reports(client, site, zarina, editor):
    review = review_create(bought(work_make(zarina, slug="garden")).lines.get(), rating=1, text="Spam link.")
    waiting = review_create(bought(work_make(zarina, slug="river")).lines.get(), rating=1, text="Waiting.")
    review_moderate(review, publish=True, by=editor)

    response = client.post(
        reverse("shop:review-report", args=[review.pk]),
        {"reason": "It advertises another shop.", "back": "/en/gallery/zarina/garden/"},
    )
    assert response.status_code == 303
    assert response["Location"] == "/en/gallery/zarina/garden/"
    assert client.post(reverse("shop:review-report", args=[waiting.pk]), {"reason": "x"}).status_code == 404
    away = client.post(
        reverse("shop:review-report", args=[review.pk]), {"reason": "x", "back": "https://evil.example/"}
    )
    assert away["Location"] == "/"

    assert ReviewReport.objects.filter(review=review).count() == 2
    staff_login(client, editor)
    page = client.get(reverse("reviews_admin:review", args=[review.pk])).content.decode()
    assert "It advertises another shop." in page
