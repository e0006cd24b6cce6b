"""Copy media between MEDIA_ROOT and the bucket, verified and resumable.

    manage.py media_to_s3                 # MEDIA_ROOT -> bucket (moving to S3)
    manage.py media_to_s3 --reverse       # bucket -> MEDIA_ROOT (a local copy, leaving S3)
    manage.py media_from_s3               # the same as --reverse

Every file is checked after copying (size and MD5 against the object's ETag), and a file
already in place with the same size and checksum is skipped, so an interrupted run is simply
started again. Each object goes up with the headers of the storage its prefix belongs to
(originals private, renditions with their long Cache-Control; see heritage.storage).
"""

import base64
import hashlib
import math
import mimetypes
import os
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError

from botocore.exceptions import BotoCoreError, ClientError
from tqdm import tqdm

from heritage.storage import (
    ORIGINALS,
    ORIGINALS_PREFIX,
    RENDITIONS,
    RENDITIONS_PREFIX,
    local_media_roots,
    private_media_root,
)

CHUNK = 1024 * 1024
# Part sizes that common uploaders use; a multipart ETag is checked against each of them.
MULTIPART_SIZES = (8 * CHUNK, 5 * CHUNK, 16 * CHUNK)
AGAIN = "Run the command again: files already copied and verified are skipped."


def file_md5(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as f:
        while block := f.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def multipart_etag(path: Path, part_size: int) -> str:
    """The ETag S3 gives an object uploaded in parts of `part_size` bytes."""
    digests = []
    with path.open("rb") as f:
        while block := f.read(part_size):
            digests.append(hashlib.md5(block, usedforsecurity=False).digest())
    joined = hashlib.md5(b"".join(digests), usedforsecurity=False).hexdigest()
    return f"{joined}-{len(digests)}"


def same_content(path: Path, *, size: int, etag: str, md5: str | None = None) -> bool:
    """Whether the local file is the object: same size and an ETag that matches its MD5."""
    if not path.is_file() or path.stat().st_size != size:
        return False
    etag = etag.strip('"')
    if "-" not in etag:
        return (md5 or file_md5(path)) == etag
    parts = int(etag.rsplit("-", 1)[1] or 1)
    # The part size its uploader chose: the usual ones, and the size the count implies.
    per_part = math.ceil(size / parts)
    implied = math.ceil(per_part / CHUNK) * CHUNK
    return any(multipart_etag(path, part) == etag for part in dict.fromkeys((*MULTIPART_SIZES, implied)))


def storage_alias(key: str) -> str:
    if key.startswith(ORIGINALS_PREFIX) and ORIGINALS in settings.STORAGES:
        return ORIGINALS
    if key.startswith(RENDITIONS_PREFIX) and RENDITIONS in settings.STORAGES:
        return RENDITIONS
    return "default"


class Command(BaseCommand):
    help = "Copy media files from MEDIA_ROOT to the S3 bucket (or back with --reverse), verified."
    reverse = False

    def add_arguments(self, parser):
        if not self.reverse:
            parser.add_argument(
                "--reverse", action="store_true", help="Copy from the bucket to MEDIA_ROOT instead."
            )
        parser.add_argument(
            "--prefix",
            action="append",
            default=[],
            help="Only keys under this prefix, e.g. original_images/ (repeatable).",
        )
        parser.add_argument("--dry-run", action="store_true", help="List what would be copied.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, **options):
        self.options = options
        storage = storages["default"]
        if not getattr(storage, "bucket_name", None):
            raise CommandError(
                "No bucket is configured. Set AWS_STORAGE_BUCKET_NAME (and AWS_S3_ENDPOINT_URL "
                "unless the bucket is on AWS, plus the access keys), then run the command again."
            )
        self.client = storage.connection.meta.client
        self.bucket = storage.bucket_name
        self.endpoint = storage.endpoint_url or "AWS S3"
        self.media_root = Path(settings.MEDIA_ROOT)
        self.check_bucket()
        reverse = self.reverse or options.get("reverse")
        items = self.bucket_items() if reverse else self.local_items()
        prefixes = tuple(options["prefix"])
        if prefixes:
            items = [item for item in items if item[0].startswith(prefixes)]
        copy = self.download if reverse else self.upload
        copied = skipped = 0
        failures: list[str] = []
        progress = tqdm(
            total=sum(size for _key, size, _etag in items),
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            desc="from bucket" if reverse else "to bucket",
            file=getattr(self.stderr, "_out", sys.stderr),
            disable=options["no_progress"],
        )
        with progress:
            for key, size, etag in items:
                try:
                    done = copy(key, size, etag)
                except (BotoCoreError, ClientError, OSError) as error:
                    failures.append(f"{key}: {error}")
                    done = None
                if done is True:
                    copied += 1
                elif done is False:
                    skipped += 1
                progress.update(size)
        verb = "Would copy" if options["dry_run"] else "Copied"
        self.stdout.write(
            f"{verb} {copied} files, skipped {skipped} already in place and verified, {len(failures)} failed."
        )
        if failures:
            shown = "\n  ".join(failures[:20])
            more = f"\n  … and {len(failures) - 20} more" if len(failures) > 20 else ""
            raise CommandError(
                f"{len(failures)} files were not copied or did not verify:\n  {shown}{more}\n{AGAIN}"
            )

    def check_bucket(self) -> None:
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except ClientError as error:
            code = error.response.get("Error", {}).get("Code", "")
            if code in {"404", "NoSuchBucket"}:
                raise CommandError(
                    f"The bucket {self.bucket} does not exist at {self.endpoint}. Create it "
                    '(docs/operations.md, "Media bucket"), then run the command again.'
                ) from error
            raise CommandError(
                f"The bucket {self.bucket} refused access ({code}). The access key needs "
                "s3:ListBucket, s3:GetObject and s3:PutObject on it; fix that, then run the command again."
            ) from error
        except BotoCoreError as error:
            raise CommandError(
                f"Could not reach the bucket at {self.endpoint}: {error}. Check AWS_S3_ENDPOINT_URL, "
                f"the credentials and the network. {AGAIN}"
            ) from error

    # MEDIA_ROOT -> bucket --------------------------------------------------------------

    def local_items(self) -> list[tuple[str, int, str]]:
        if not self.media_root.is_dir():
            raise CommandError(
                f"MEDIA_ROOT {self.media_root} is not a folder: set MEDIA_ROOT to where the media are."
            )
        items = {}
        # Originals live in the private media root under the same names (heritage.storage).
        for root in local_media_roots():
            for folder, dirs, files in os.walk(root):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    path = Path(folder) / name
                    items.setdefault(path.relative_to(root).as_posix(), (path.stat().st_size, ""))
        return [(key, size, etag) for key, (size, etag) in sorted(items.items())]

    def local_path(self, key: str) -> tuple[Path, Path]:
        """(root, path) of `key` on this machine: originals in the private media root, unless
        one is still where it was before originals became private."""
        if key.startswith(ORIGINALS_PREFIX):
            private = private_media_root()
            if (private / key).exists() or not (self.media_root / key).exists():
                return private, private / key
        return self.media_root, self.media_root / key

    def upload(self, key: str, size: int, _etag: str) -> bool:
        _root, path = self.local_path(key)
        md5 = file_md5(path)
        head = self.head(key)
        if head and same_content(path, size=head["ContentLength"], etag=head["ETag"], md5=md5):
            return False
        if self.options["dry_run"]:
            return True
        params = storages[storage_alias(key)].get_object_parameters(key)
        params.setdefault("ContentType", mimetypes.guess_type(key)[0] or "application/octet-stream")
        with path.open("rb") as body:
            self.client.put_object(
                Bucket=self.bucket,
                Key=key,
                Body=body,
                ContentMD5=base64.b64encode(bytes.fromhex(md5)).decode(),
                **params,
            )
        head = self.head(key)
        if not head or not same_content(path, size=head["ContentLength"], etag=head["ETag"], md5=md5):
            raise OSError("the copy in the bucket differs from the file (size or MD5)")
        return True

    def head(self, key: str) -> dict | None:
        try:
            return self.client.head_object(Bucket=self.bucket, Key=key)
        except ClientError as error:
            if error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") == 404:
                return None
            raise

    # bucket -> MEDIA_ROOT --------------------------------------------------------------

    def bucket_items(self) -> list[tuple[str, int, str]]:
        items = []
        paginator = self.client.get_paginator("list_objects_v2")
        try:
            for page in paginator.paginate(Bucket=self.bucket):
                for entry in page.get("Contents", []):
                    if not entry["Key"].endswith("/"):
                        items.append((entry["Key"], entry["Size"], entry["ETag"]))
        except (BotoCoreError, ClientError) as error:
            raise CommandError(f"Could not list the bucket {self.bucket}: {error}. {AGAIN}") from error
        return items

    def download(self, key: str, size: int, etag: str) -> bool:
        root, path = self.local_path(key)
        if not path.resolve().is_relative_to(root.resolve()):
            raise OSError("the key points outside MEDIA_ROOT; copy it by hand if it is wanted")
        if same_content(path, size=size, etag=etag):
            return False
        if self.options["dry_run"]:
            return True
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written beside the target and moved into place only once verified: an interrupted
        # run never leaves a half-written file under the real name.
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        try:
            with os.fdopen(handle, "wb") as out:
                self.client.download_fileobj(self.bucket, key, out)
            if not same_content(Path(temporary), size=size, etag=etag):
                raise OSError("the downloaded file differs from the object (size or MD5)")
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        return True
