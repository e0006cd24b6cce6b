"""Account emails, sent by the task worker so a slow mail server never holds up a page.

Tasks take ids, not links: the link is signed when the email is built, so no secret waits
in the task queue.
"""

from django.contrib.auth import get_user_model
from django.tasks import task

from heritage.accounts.emails import password_reset_email_build, verification_email_build


def _active_user(user_id: int):
    return get_user_model()._default_manager.filter(pk=user_id, is_active=True).first()


@task
def verification_email_send(*, user_id: int) -> bool:
    """Send the confirm-your-address email, unless the address is already confirmed."""
    user = _active_user(user_id)
    if user is None or user.email_verified_at is not None:
        return False
    verification_email_build(user=user).send()
    return True


@task
def password_reset_email_send(*, user_id: int) -> bool:
    """Send the choose-a-new-password email to an active account that has a password."""
    user = _active_user(user_id)
    if user is None or not user.has_usable_password():
        return False
    password_reset_email_build(user=user).send()
    return True
