"""Account emails, sent by the task worker so a slow mail server never holds up a page.

Tasks take ids, not links: the link is signed when the email is built, so no secret waits
in the task queue. For the same reason, while the mail server fails each task queues itself
again (heritage.tasks.email_send_or_retry) rather than a finished email, and builds the email
anew at each attempt.
"""

from django.contrib.auth import get_user_model
from django.tasks import task

from heritage.accounts.emails import password_reset_email_build, verification_email_build
from heritage.tasks import email_send_or_retry


def _active_user(user_id: int):
    return get_user_model()._default_manager.filter(pk=user_id, is_active=True).first()


@task
def verification_email_send(*, user_id: int, attempt: int = 1) -> bool:
    """Send the confirm-your-address email, unless the address is already confirmed."""
    user = _active_user(user_id)
    if user is None or user.email_verified_at is not None:
        return False
    message = verification_email_build(user=user)
    email_send_or_retry(message, retry=verification_email_send, attempt=attempt, user_id=user_id)
    return True


@task
def password_reset_email_send(*, user_id: int, attempt: int = 1) -> bool:
    """Send the choose-a-new-password email to an active account that has a password."""
    user = _active_user(user_id)
    if user is None or not user.has_usable_password():
        return False
    message = password_reset_email_build(user=user)
    email_send_or_retry(message, retry=password_reset_email_send, attempt=attempt, user_id=user_id)
    return True
