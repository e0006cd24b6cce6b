"""The mail server down when the digest goes out: the email waits in the task queue and is
sent later, whole (pictures, unsubscribe headers), once."""

from django.core import mail
from django.utils import timezone

import pytest

from gallery.models import DigestSent, Follow
from gallery.tasks_discovery import digests_send
from tests.faults.test_email_down import SMTP_DOWN, SMTP_UP, task_worker, time_passes, waiting_emails
from tests.gallery.gallery_fixtures import gallery_pages_build, work_make
from tests.gallery.portfolio_fixtures import artist_make

from .conftest import days_ago

__all__ = ["task_worker"]


@pytest.mark.django_db(transaction=True)
def test_a_digest_the_mail_server_refused_is_sent_later_once(buyer, settings, task_worker):
    gallery_pages_build()
    artist = artist_make(display_name="Nigora")
    row = Follow.objects.create(user=buyer, artist=artist)
    Follow.objects.filter(pk=row.pk).update(created_at=days_ago(7))
    work_make(artist, title="Morning in Khujand", published_at=days_ago(1))
    settings.MAILERS = SMTP_DOWN

    digests_send()
    task_worker()

    assert mail.outbox == []
    [retry] = waiting_emails()
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after > timezone.now()

    digests_send()  # the weekly run again: already recorded, nothing queued twice
    assert waiting_emails().count() == 1

    settings.MAILERS = SMTP_UP
    time_passes()
    task_worker()

    [message] = mail.outbox
    assert "Morning in Khujand" in message.body
    assert any(kind == "text/html" and "<img" in html for html, kind in message.alternatives)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert DigestSent.objects.filter(user=buyer).count() == 1
