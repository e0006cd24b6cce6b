"""Every kind of email the site sends survives a mail server that fails once: the task worker
tries it again later and it arrives. And no module sends an email itself, outside the one
module that retries (heritage/tasks.py), so a new kind of email cannot skip the retries."""

import ast
from io import StringIO
from pathlib import Path

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from artists.models import ArtistProfile
from artists.tasks import (
    application_received_notify,
    artist_decision_notify,
    payout_destination_changed_notify,
)
from cms.events.services import registration_cancel, registration_create
from cms.services_stories import story_consent_revoke
from gallery.models import Artwork
from gallery.tasks import artwork_decision_notify, artwork_submitted_notify
from heritage.accounts.tasks import password_reset_email_send, verification_email_send
from shop.services.inquiries import inquiry_create
from tests.cms.editorial import story_index_make, story_make
from tests.cms.events_fixtures import event_make, index_make
from tests.factories import (
    ArtistFactory,
    ArtworkFactory,
    OfferFactory,
    UserFactory,
    build_site,
    order_paid,
    order_place,
)
from tests.fakes.mail import FAIL_ONCE, FailOnceEmailBackend

ROOT = Path(__file__).resolve().parents[2]
EDITOR = "editor@example.org"


@pytest.fixture
def task_worker(settings):
    """Tasks go to the database queue, as in production; `run()` is one `db_worker --batch`."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    def run() -> None:
        call_command("db_worker", batch=True, startup_delay=False, reload=False, stdout=StringIO())

    return run


def time_passes() -> None:
    """Every queued retry becomes due."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def editor() -> str:
    UserFactory(email=EDITOR, is_superuser=True, is_staff=True, language="ru")
    return EDITOR


def sign_up_confirmation():
    user = UserFactory(email="farida@example.org", email_verified_at=None)
    verification_email_send.enqueue(user_id=user.pk)
    return [user.email]


def password_reset():
    user = UserFactory(email="farida@example.org")
    password_reset_email_send.enqueue(user_id=user.pk)
    return [user.email]


def artist_application_to_editors():
    artist = ArtistFactory(status=ArtistProfile.Status.APPLIED)
    application_received_notify.enqueue(artist_id=artist.pk)
    return [editor()]


def artist_decision():
    artist = ArtistFactory(user__email="nigora@example.org")
    artist_decision_notify.enqueue(artist_id=artist.pk)
    return ["nigora@example.org"]


def payout_destination_changed():
    artist = ArtistFactory(user__email="nigora@example.org")
    payout_destination_changed_notify.enqueue(artist_id=artist.pk)
    return ["nigora@example.org"]


def artwork_submitted_to_editors():
    artwork = ArtworkFactory(status=Artwork.Status.SUBMITTED)
    artwork_submitted_notify.enqueue(artwork_id=artwork.pk)
    return [editor()]


def artwork_decision():
    artwork = ArtworkFactory(artist__user__email="nigora@example.org")
    artwork_decision_notify.enqueue(artwork_id=artwork.pk)
    return ["nigora@example.org"]


def event_place_confirmed():
    event = event_make(index_make()["en"], capacity=10)
    registration_create(event=event, name="Madina", email="madina@example.org", language="tg")
    return ["madina@example.org"]


def event_place_cancelled():
    event = event_make(index_make()["en"], capacity=10)
    registration = registration_create(event=event, name="Madina", email="madina@example.org")
    registration_cancel(token=registration.token)
    return ["madina@example.org", "madina@example.org"]  # her place, then its cancelling


def story_offline_to_editors():
    index = story_index_make(build_site())
    story = story_make(index["en"], title="Dilnoza leaves", slug="dilnoza", consents=["Dilnoza"])
    recipient = editor()
    story_consent_revoke(consent=story.consents.get())
    return [recipient]


def order_placed():
    artist = ArtistFactory(user__email="nigora@example.org")
    order_place((OfferFactory(artwork__artist=artist), 1), email="madina@example.org")
    return ["madina@example.org"]


def order_paid_tells_buyer_and_artist():
    """The placement's own email is skipped: by the time the worker runs, the order is paid."""
    artist = ArtistFactory(user__email="nigora@example.org")
    order_paid((OfferFactory(artwork__artist=artist), 1), email="madina@example.org")
    return ["madina@example.org", "nigora@example.org"]


def buyers_question():
    artwork = ArtworkFactory(artist__user__email="nigora@example.org")
    inquiry_create(artwork=artwork, name="Madina", email="madina@example.org", body="Is the suzani silk?")
    return ["nigora@example.org"]


EMAILS = [
    sign_up_confirmation,
    password_reset,
    artist_application_to_editors,
    artist_decision,
    payout_destination_changed,
    artwork_submitted_to_editors,
    artwork_decision,
    event_place_confirmed,
    event_place_cancelled,
    story_offline_to_editors,
    order_placed,
    order_paid_tells_buyer_and_artist,
    buyers_question,
]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("email_kind", EMAILS, ids=lambda kind: kind.__name__)
def test_every_kind_of_email_arrives_after_the_mail_server_failed_once(email_kind, settings, task_worker):
    settings.MAILERS = FAIL_ONCE
    FailOnceEmailBackend.reset()

    recipients = email_kind()
    task_worker()

    assert FailOnceEmailBackend.failures == 1
    assert len(mail.outbox) == len(recipients) - 1, "only the email that failed is still to go"
    waiting = DBTaskResult.objects.filter(status="READY")
    assert waiting.count() == 1
    assert waiting.get().run_after > timezone.now(), "it is tried again later, not at once"

    time_passes()
    task_worker()

    assert sorted(address for message in mail.outbox for address in message.to) == sorted(recipients)
    assert not DBTaskResult.objects.filter(status__in=["READY", "FAILED"]).exists()


# --- No email leaves except through the retrying task ------------------------------------------

SENDING_NAMES = {"send_mail", "send_mass_mail", "mail_admins", "mail_managers", "get_connection"}
RETRYING_MODULE = Path("heritage/tasks.py")
SOURCE_DIRS = ("heritage", "artists", "gallery", "shop", "cms", "demo")


def direct_sends(source: str) -> list[str]:
    """Where `source` sends mail itself: `message.send()` (an EmailMessage's: a signal's
    `.send(sender=…)` always names its sender), `.send_messages(…)`, or Django's helpers
    that send at once."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            keywords = {keyword.arg for keyword in node.keywords}
            if node.func.attr == "send" and not node.args and keywords <= {"fail_silently"}:
                found.append(f"line {node.lineno}: .send()")
            elif node.func.attr == "send_messages":
                found.append(f"line {node.lineno}: .send_messages()")
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("django.core.mail"):
            found += [f"line {node.lineno}: {a.name}" for a in node.names if a.name in SENDING_NAMES]
        if isinstance(node, ast.Attribute) and node.attr in SENDING_NAMES and node.attr != "get_connection":
            found.append(f"line {node.lineno}: {node.attr}")
    return found


def test_the_scan_finds_every_way_of_sending_mail_directly():
    source = """
from django.core.mail import send_mail, EmailMessage
from django.core import mail
EmailMessage("s", "b", to=["a@example.org"]).send()
message.send(fail_silently=True)
connection.send_messages([message])
mail.mail_admins("s", "b")
order_status_changed.send(sender=None, order_id=1)
"""
    assert sorted(direct_sends(source)) == [
        "line 2: send_mail",
        "line 4: .send()",
        "line 5: .send()",
        "line 6: .send_messages()",
        "line 7: mail_admins",
    ]


def test_no_module_sends_an_email_except_through_the_retrying_task():
    found = {}
    for folder in SOURCE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if relative == RETRYING_MODULE or "migrations" in relative.parts:
                continue
            if sends := direct_sends(path.read_text(encoding="utf-8")):
                found[str(relative)] = sends

    assert found == {}, "send emails with heritage.emails.email_send_later (retried by heritage.tasks)"
