"""Move originals stored under MEDIA_ROOT (as they were before originals became private) to the
private media root, where no web server publishes them.

    manage.py media_originals_private [--dry-run]

Each file keeps its name (`original_images/…`), so image rows need no change. A file is copied,
checked byte for byte, then removed from MEDIA_ROOT; a run that stops half way is finished by
running it again, and a run with nothing left to move says so. With media in a bucket there is
nothing to move: originals there are private already (heritage.storage).
"""

import filecmp
import os
import shutil
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from heritage.storage import ORIGINALS_PREFIX, original_image_storage, storage_is_local


class Command(BaseCommand):
    help = "Move originals from MEDIA_ROOT/original_images/ to the private media root (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only list what would be moved.")

    def handle(self, *args, dry_run=False, **options):
        storage = original_image_storage()
        if not storage_is_local(storage):
            self.stdout.write("Originals are in the bucket, private already: nothing to move.")
            return
        media_root = Path(settings.MEDIA_ROOT)
        private_root = Path(storage.location)
        if private_root.resolve() == media_root.resolve():
            raise CommandError(
                "PRIVATE_MEDIA_ROOT is MEDIA_ROOT, which the web server publishes: set it to another "
                "folder (or leave it unset for MEDIA_ROOT's sibling '-private'), then run this again."
            )
        source = media_root / ORIGINALS_PREFIX
        files = sorted(p for p in source.rglob("*") if p.is_file()) if source.is_dir() else []
        if not files:
            self.stdout.write(f"Nothing to move: no originals under {source}.")
            return
        total, moved, conflicts = len(files), 0, []
        for number, path in enumerate(files, start=1):
            name = path.relative_to(media_root).as_posix()
            target = private_root / name
            if target.exists() and not filecmp.cmp(path, target, shallow=False):
                conflicts.append(name)
                self.stdout.write(
                    f"{number}/{total} {name}: a different file is already in {private_root}, left as is"
                )
                continue
            if dry_run:
                self.stdout.write(f"{number}/{total} {name}: would be moved")
                continue
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                partial = target.with_name(f".{target.name}.partial")
                shutil.copyfile(path, partial)
                if not filecmp.cmp(path, partial, shallow=False):
                    partial.unlink()
                    raise CommandError(f"{name} changed while it was copied; run the command again.")
                os.replace(partial, target)
            path.unlink()
            moved += 1
            self.stdout.write(f"{number}/{total} {name}: moved")
        self.stdout.write(f"{moved} of {total} originals moved to {private_root}.")
        if conflicts:
            raise CommandError(
                f"{len(conflicts)} originals exist in both folders with different content; compare them "
                f"and delete the wrong copy, then run this again: {', '.join(conflicts[:10])}"
            )
