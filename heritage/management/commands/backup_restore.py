from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from heritage.backups import SUMMARIES, BackupError, backup_restore, media_verify


class Command(BaseCommand):
    help = (
        "Restore a backup made by backup_create into an empty PostgreSQL database and check its "
        "orders and totals against the backup; --check-media compares the media in place with "
        "the backup's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="The backup's folder (heritage-<time>).")
        parser.add_argument(
            "--database-url",
            required=True,
            help="The empty database to restore into, e.g. postgres://heritage:…@127.0.0.1:5432/heritage_new",
        )
        parser.add_argument("--create", action="store_true", help="Create that database first.")
        parser.add_argument(
            "--check-media",
            action="store_true",
            help="Also compare the media now in MEDIA_ROOT or the bucket with the manifest.",
        )

    def handle(self, *args, folder, database_url, create, check_media, **options):
        try:
            restored = backup_restore(
                folder=Path(folder), database_url=database_url, create=create, progress=self.stdout.write
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        for name, figures in restored.items():
            for line in SUMMARIES[name].lines(figures):
                self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Database restored; orders and totals match the backup."))
        if check_media:
            problems = media_verify(Path(folder))
            for problem in problems:
                self.stdout.write(problem)
            if problems:
                raise CommandError(f"{len(problems)} media file(s) missing or different from the backup.")
            self.stdout.write(self.style.SUCCESS("Media matches the backup's manifest."))
