"""Emails sent by the task worker, tried again later when the mail server fails, so a sale, a
sign-up or an inquiry never depends on the mail server being up at that moment."""

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
    """Send one email. If the mail server cannot be reached or fails for now, the email is
    queued again with a growing delay (RETRY_DELAYS), at most len(RETRY_DELAYS) times more;
    a permanent refusal or the last failure is logged and raised. `html`, when given, goes
    beside the plain text as its HTML alternative. Returns how many were sent."""
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
    try:
        if html:
            message = EmailMultiAlternatives(**fields)
            message.attach_alternative(html, "text/html")
            return message.send()
        return EmailMessage(**fields).send()
    except (smtplib.SMTPException, OSError) as error:
        if is_permanent(error) or attempt > len(RETRY_DELAYS):
            logger.error("Email %r to %s not sent after %d attempt(s): %s", subject, to, attempt, error)
            raise
        backend = email_deliver.get_backend()
        if not backend.supports_defer:
            logger.error("Email %r to %s not sent (no deferred tasks to retry with): %s", subject, to, error)
            raise
        delay = timedelta(seconds=RETRY_DELAYS[attempt - 1])
        logger.warning("Email %r to %s failed (%s); attempt %d in %s", subject, to, error, attempt + 1, delay)
        email_deliver.using(run_after=timezone.now() + delay).enqueue(
            **fields, html=html, attempt=attempt + 1
        )
        return 0
