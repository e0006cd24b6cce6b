from django.core.management.base import BaseCommand

from gallery.tasks_discovery import digests_send


class Command(BaseCommand):
    help = (
        "Email this week's digest of new works to everyone who follows artists or saved a gallery "
        "search. Run once a week; running it again that week sends nothing twice."
    )

    def handle(self, *args, **options):
        report = digests_send()
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.sent} digest(s) queued, {report.already} already sent this week, "
                f"{report.empty} with nothing new."
            )
        )
        if report.failed:
            self.stderr.write(f"{report.failed} could not be sent; see the log, and run again to retry them.")
