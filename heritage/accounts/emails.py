"""The account emails, written in the language the person chose for our emails to her.

Links are reversed in her language, so the page she lands on speaks it too.
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from heritage.accounts.tokens import VERIFY_EMAIL_MAX_AGE, email_verification_token_make
from heritage.emails import email_build, site_url


def verification_email_build(*, user) -> EmailMessage:
    """The email with a link that confirms `user`'s address; the link works for three days."""
    token = email_verification_token_make(user)
    with translation.override(user.language):
        link = site_url(reverse("accounts:verify-email", kwargs={"token": token}))
    return email_build(
        to=[user.email],
        language=user.language,
        template="accounts/email/verify",
        context={"email": user.email, "link": link, "days": VERIFY_EMAIL_MAX_AGE.days},
    )


def password_reset_email_build(*, user) -> EmailMessage:
    """The email with a one-time link to choose a new password (valid PASSWORD_RESET_TIMEOUT)."""
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    with translation.override(user.language):
        link = site_url(reverse("accounts:password-reset-confirm", kwargs={"uidb64": uidb64, "token": token}))
    return email_build(
        to=[user.email],
        language=user.language,
        template="accounts/email/password_reset",
        context={
            "email": user.email,
            "link": link,
            "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        },
    )
