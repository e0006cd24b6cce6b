"""Emails sent by the task worker, tried again later when the mail server fails, so a sale, a
sign-up or an inquiry never depends on the mail server being up at that moment.

Every email of the site is sent here, by `email_send_or_retry`: most through `email_deliver`
(heritage.emails.email_send_later queues it), the account emails by their own tasks, which
build the email again at each attempt so that no signed link waits in the queue. An email
that is refused for good, or still fails after the last attempt, leaves its task FAILED,
where staff see it (the tasks' screens of /django-admin/), and is logged as an error.
"""

import logging
import smtplib
from datetime import timedelta

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.tasks import task
from django.utils import timezone

logger = logging.getLogger(__name__)

# Seconds to wait before each further attempt: about a day of trying, then give up (and log).
RETRY_DELAYS = (60, 5 * 60, 30 * 60, 2 * 60 * 60, 6 * 60 * 60, 16 * 60 * 60)


def is_permanent(error: Exception) -> bool:
    """A refusal that will not change by waiting (5xx): a bad address, a rejected sender."""
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _text in error.recipients.values())
    return False


def email_send_or_retry(message: EmailMessage, *, retry, attempt: int, **retry_kwargs) -> int:
    """Send `message` now. If the mail server cannot be reached or fails for now, the task
    `retry` is queued again with `retry_kwargs` and `attempt + 1`, after a growing delay
    (RETRY_DELAYS), at most len(RETRY_DELAYS) times more; a permanent refusal or the last
    failure is logged and raised. Returns how many were sent."""
    try:
        return message.send()
    except (smtplib.SMTPException, OSError) as error:
        subject, to = message.subject, message.to
        if is_permanent(error) or attempt > len(RETRY_DELAYS):
            logger.error("Email %r to %s not sent after %d attempt(s): %s", subject, to, attempt, error)
            raise
        if not retry.get_backend().supports_defer:
            logger.error("Email %r to %s not sent (no deferred tasks to retry with): %s", subject, to, error)
            raise
        delay = timedelta(seconds=RETRY_DELAYS[attempt - 1])
        logger.warning("Email %r to %s failed (%s); attempt %d in %s", subject, to, error, attempt + 1, delay)
        retry.using(run_after=timezone.now() + delay).enqueue(**retry_kwargs, attempt=attempt + 1)
        return 0


@task
def email_deliver(
    *,
    subject: str,
    body: str,
    from_email: str,
    to: list[str],
    cc: list[str] = (),
    bcc: list[str] = (),
    reply_to: list[str] = (),
    headers: dict | None = None,
    html: str = "",
    attempt: int = 1,
) -> int:
    """Send one email, tried again later while the mail server fails (email_send_or_retry).
    `html`, when given, goes beside the plain text as its HTML alternative."""
    fields = {
        "subject": subject,
        "body": body,
        "from_email": from_email,
        "to": list(to),
        "cc": list(cc),
        "bcc": list(bcc),
        "reply_to": list(reply_to),
        "headers": dict(headers or {}),
    }
    message = EmailMultiAlternatives(**fields)
    if html:
        message.attach_alternative(html, "text/html")
    return email_send_or_retry(message, retry=email_deliver, attempt=attempt, **fields, html=html)
