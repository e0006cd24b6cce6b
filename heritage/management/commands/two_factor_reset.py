"""`manage.py two_factor_reset EMAIL`: remove a staff member's authenticator when she has lost
it. She sets up a new one the next time she opens the admin (see docs/operations.md)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from heritage.accounts.two_factor import two_factor_reset
from heritage.email_address import EmailRefused, email_canonical


class Command(BaseCommand):
    help = "Remove every two-step sign-in device of the account with this email address."

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
            f"Removed {removed} device(s) of {user.email}. At her next sign-in to the admin she "
            "sets up a new authenticator app; check it is really her before telling her so."
        )
