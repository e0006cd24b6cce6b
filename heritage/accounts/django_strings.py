"""Django's own sign-up and password messages that its Tajik catalogue leaves untranslated.

Naming them here brings them into our catalogue (`makemessages` reads this file), and our
catalogue takes precedence over Django's, so a Tajik speaker choosing a password reads
Tajik. Nothing imports this module. Keep the texts identical to Django's.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

MESSAGES = (
    gettext_noop("The two password fields didn’t match."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
)
