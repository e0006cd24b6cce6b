from django.core.management.base import BaseCommand

from shop.services import orders_expire_report


class Command(BaseCommand):
    help = (
        "Cancel pending orders whose reservation has ended and give their works back. Run every few minutes."
    )

    def handle(self, *args, **options):
        def progress(order, outcome):
            if outcome != "cancelled":
                self.stdout.write(f"{order.number}: {outcome}")

        outcomes = orders_expire_report(progress=progress)
        self.stdout.write(
            self.style.SUCCESS(f"{outcomes['cancelled']} expired order(s) cancelled, stock given back.")
        )
        if outcomes["in_progress"]:
            self.stdout.write(f"{outcomes['in_progress']} left for their payment to be settled (next run).")
        if outcomes["failed"]:
            self.stderr.write(
                f"{outcomes['failed']} could not be cancelled; see the log for each error and run again."
            )
