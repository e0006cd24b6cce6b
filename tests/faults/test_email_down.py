"""The mail server down when an order is paid or a question asked: both go through, and the task
worker sends each email later, with growing delays and a bounded number of attempts."""

from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from heritage.tasks import RETRY_DELAYS, email_deliver
from shop.models import Order
from shop.payments import gateway_for
from shop.services.inquiries import inquiry_create
from tests.factories import ArtistFactory, ArtworkFactory, OfferFactory, order_place

SMTP_DOWN = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        # Nothing listens on the discard port: every connection is refused at once.
        "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 5},
    }
}
SMTP_UP = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


@pytest.fixture
def task_worker(settings):
    """Tasks go to the database queue, as in production; `run()` is one `db_worker --batch`."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    def run() -> None:
        call_command("db_worker", batch=True, startup_delay=False, reload=False, stdout=StringIO())

    return run


def waiting_emails():
    return DBTaskResult.objects.filter(task_path="heritage.tasks.email_deliver", status="READY")


def time_passes() -> None:
    """Every queued retry becomes due."""
    waiting_emails().update(run_after=timezone.now())


def card_order_paid_by_webhook(client, fake_stripe) -> Order:
    artist = ArtistFactory(user__email="nigora@example.org")
    order = order_place((OfferFactory(artwork__artist=artist), 1), email="madina@example.org")
    gateway_for(order).start(order, success_url="https://x.example/ok", cancel_url="https://x.example/no")
    order.refresh_from_db()
    response = fake_stripe.deliver(fake_stripe.complete(order.stripe_session_id), client=client)
    assert response.status_code == 200
    return order


@pytest.mark.django_db(transaction=True)
def test_mail_server_down_at_payment_the_order_is_paid_and_the_emails_follow(
    client, fake_stripe, settings, task_worker
):
    settings.MAILERS = SMTP_DOWN
    order = card_order_paid_by_webhook(client, fake_stripe)
    task_worker()

    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert mail.outbox == []
    retries = list(waiting_emails())
    assert sorted(r.args_kwargs["kwargs"]["to"][0] for r in retries) == [
        "madina@example.org",
        "nigora@example.org",
    ]
    assert {r.args_kwargs["kwargs"]["attempt"] for r in retries} == {2}
    assert all(r.run_after > timezone.now() for r in retries)

    task_worker()  # not due yet: nothing is tried
    assert waiting_emails().count() == 2

    settings.MAILERS = SMTP_UP
    time_passes()
    task_worker()

    assert sorted(message.to[0] for message in mail.outbox) == ["madina@example.org", "nigora@example.org"]
    buyer = next(message for message in mail.outbox if message.to == ["madina@example.org"])
    assert order.number in buyer.subject + buyer.body
    assert not waiting_emails().exists()


@pytest.mark.django_db(transaction=True)
def test_an_email_is_tried_a_bounded_number_of_times_with_growing_delays(settings, task_worker):
    settings.MAILERS = SMTP_DOWN
    email_deliver.enqueue(
        subject="Your order", body="Thank you.", from_email="shop@example.org", to=["a@example.org"]
    )

    delays = []
    for _attempt in range(len(RETRY_DELAYS) + 3):
        before = timezone.now()
        task_worker()
        waiting = waiting_emails().first()
        if waiting is None:
            break
        delays.append((waiting.run_after - before).total_seconds())
        time_passes()

    assert len(delays) == len(RETRY_DELAYS)
    assert delays == sorted(delays)
    assert [round(d, -1) for d in delays] == [float(round(d, -1)) for d in RETRY_DELAYS]
    attempts = DBTaskResult.objects.filter(task_path="heritage.tasks.email_deliver")
    assert attempts.count() == len(RETRY_DELAYS) + 1
    assert attempts.filter(status="FAILED").count() == 1  # the last: given up, logged, visible
    assert mail.outbox == []


@pytest.mark.django_db
def test_mail_server_down_without_a_queue_still_lets_the_payment_through(client, fake_stripe, settings):
    """With tasks run inline (development), the email is lost but the sale is not."""
    settings.MAILERS = SMTP_DOWN
    order = card_order_paid_by_webhook(client, fake_stripe)

    order.refresh_from_db()
    assert order.status == Order.Status.PAID


@pytest.mark.django_db(transaction=True)
def test_a_buyers_question_asked_while_the_mail_server_is_down_reaches_the_artist_later(
    settings, task_worker
):
    settings.MAILERS = SMTP_DOWN
    artwork = ArtworkFactory(artist__user__email="nigora@example.org")
    inquiry_create(artwork=artwork, name="Madina", email="madina@example.org", body="Is the suzani silk?")
    task_worker()
    assert mail.outbox == []
    assert waiting_emails().count() == 1

    settings.MAILERS = SMTP_UP
    time_passes()
    task_worker()

    (email,) = mail.outbox
    assert email.to == ["nigora@example.org"]
    assert "Is the suzani silk?" in email.body
