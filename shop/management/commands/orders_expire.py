from django.core.management.base import BaseCommand

from shop.services import orders_expire


class Command(BaseCommand):
    help = (
        "Cancel pending orders whose reservation has ended and give their works back. Run every few minutes."
    )

    def handle(self, *args, **options):
        cancelled = orders_expire()
        self.stdout.write(self.style.SUCCESS(f"{cancelled} expired order(s) cancelled, stock given back."))
