from datetime import timedelta

from django.core.management.base import BaseCommand

from shop.payments import transfers_gateway
from shop.services.reconcile import STALE_AFTER, orders_reconcile, orders_stale, payouts_reconcile


class Command(BaseCommand):
    help = (
        "Ask the payment provider about card orders still pending after --minutes, refunds and "
        "transfers whose answer was lost, and apply what it says as its webhook would have. "
        "Safe to run again; run every few minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--minutes",
            type=int,
            default=int(STALE_AFTER.total_seconds() // 60),
            help="Only orders placed at least this many minutes ago (default: %(default)s).",
        )

    def handle(self, *args, minutes, **options):
        older_than = timedelta(minutes=minutes)
        total = orders_stale(older_than=older_than).count()
        self.stdout.write(f"{total} card order(s) pending for more than {minutes} minutes.")
        done = 0

        def progress(order, outcome):
            nonlocal done
            done += 1
            if options["verbosity"] >= 1:
                self.stdout.write(f"[{done}/{total}] {order.number}: {outcome}")

        outcomes = orders_reconcile(older_than=older_than, progress=progress)
        counts = [f"{count} {outcome}" for outcome, count in sorted(outcomes.items())]
        summary = ", ".join(counts) or "nothing to do"
        style = self.style.WARNING if outcomes.get("failed") else self.style.SUCCESS
        self.stdout.write(style(f"Reconciled: {summary}."))
        transfers = payouts_reconcile(gateway=transfers_gateway())
        if transfers:
            counts = ", ".join(f"{count} {outcome}" for outcome, count in sorted(transfers.items()))
            self.stdout.write(f"Transfers whose answer was lost: {counts}.")
