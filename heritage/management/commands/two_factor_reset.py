"""`manage.py two_factor_reset EMAIL`: remove a staff member's authenticator and recovery codes
when she has lost her phone and her codes — the last resort (see docs/operations.md, "Two-step
sign-in and recovery"). She sets up a new one the next time she opens the admin."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from heritage.accounts.two_factor import two_factor_reset
from heritage.email_address import EmailRefused, email_canonical


class Command(BaseCommand):
    help = (
        "Remove every two-step sign-in device (authenticator and recovery codes) of the account "
        "with this email address."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        try:
            user = get_user_model()._default_manager.filter(email=email_canonical(email)).first()
        except EmailRefused:
            user = None
        if user is None:
            raise CommandError(f"No account has the email address {email!r}.")
        removed = two_factor_reset(user)
        self.stdout.write(
            f"Removed {removed} device(s) of {user.email} (authenticator, recovery codes). At her "
            "next sign-in to the admin she sets up a new authenticator app and gets new recovery "
            "codes; check it is really her before telling her so."
        )
