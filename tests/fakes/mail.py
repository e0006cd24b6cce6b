"""A mail server that is down for a moment: the first email fails to go, every later one goes
(into `django.core.mail.outbox`, as with the locmem backend)."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend


class FailOnceEmailBackend(EmailBackend):
    """Configure it in MAILERS; `FailOnceEmailBackend.reset()` before each test."""

    failures = 0

    @classmethod
    def reset(cls) -> None:
        cls.failures = 0

    def send_messages(self, messages):
        if FailOnceEmailBackend.failures == 0:
            FailOnceEmailBackend.failures += 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


FAIL_ONCE = {"default": {"BACKEND": "tests.fakes.mail.FailOnceEmailBackend"}}
