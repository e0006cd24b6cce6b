import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from heritage.backups import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Back up the site: a PostgreSQL dump (custom format), a manifest of every media file "
        "(path, size, SHA-256) and an order summary, in a new timestamped folder."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=os.environ.get("BACKUP_DIR", "backups"),
            help="Folder that receives the backup's folder (default: $BACKUP_DIR or ./backups).",
        )

    def handle(self, *args, output, **options):
        try:
            folder = backup_create(
                output=Path(output),
                settings_dict=connections["default"].settings_dict,
                progress=self.stdout.write,
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        summary = (folder / "backup.json").read_text(encoding="utf-8")
        self.stdout.write(summary)
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
