"""Where media files live: the filesystem in development, an S3-compatible bucket in production.

With a bucket, three storages share it, each under its own key prefix:

- ``default`` — documents and any other file: private, links signed for an hour.
- ``originals`` — images exactly as stored after upload (``original_images/``): private.
  Signed links valid for a few minutes go only to editors and the owning artist (the
  original-download view in gallery.views.studio); public pages never link them.
- ``renditions`` — the resized images pages show (``images/``): publicly readable through
  the bucket policy (`public_read_policy`), cached for a year; a rendition's name is never
  used twice (`CustomRendition.get_upload_to`), so "immutable" is true.

Without a bucket, renditions and documents are files under MEDIA_ROOT, which the web server
publishes at MEDIA_URL, and originals are files under the private media root
(`private_media_root`: PRIVATE_MEDIA_ROOT, or MEDIA_ROOT's sibling ``<MEDIA_ROOT>-private``),
which nothing publishes: `PrivateFileSystemStorage` gives them addresses of the permission-checked
view (heritage.images.views), and a rendition's name, which shows its original's, leads nowhere
under MEDIA_URL. docs/operations.md ("Media bucket", "Media: originals are private") explains
both set-ups.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.urls import reverse
from django.utils.functional import LazyObject, empty

from botocore.exceptions import BotoCoreError, ClientError

ORIGINALS = "originals"
RENDITIONS = "renditions"
ORIGINALS_PREFIX = "original_images/"
RENDITIONS_PREFIX = "images/"
RENDITION_CACHE_CONTROL = "public, max-age=31536000, immutable"

# What a storage raises when it cannot be reached or refuses a request: botocore's errors
# for a bucket, OSError for a disk (full, read-only, missing file).
STORAGE_ERRORS: tuple[type[Exception], ...] = (BotoCoreError, ClientError, OSError)


def s3_storages(
    *,
    bucket_name: str,
    endpoint_url: str = "",
    region_name: str = "",
    addressing_style: str = "",
    custom_domain: str = "",
    access_key: str = "",
    secret_key: str = "",
    original_url_expire: int = 300,
    document_url_expire: int = 3600,
    max_attempts: int = 3,
) -> dict:
    """The STORAGES entries for media in one bucket (see the module docstring).

    Empty strings mean "not set": boto3 then finds credentials itself (environment, instance
    role) and the region from the endpoint. Every call has a timeout, so a bucket that does not
    answer turns into an error in seconds rather than a hung request.
    """
    from botocore.config import Config  # settings import this module: boto loads only for a bucket

    client_config = Config(
        s3={"addressing_style": addressing_style or "auto"},
        signature_version="s3v4",
        connect_timeout=5,
        read_timeout=30,
        retries={"max_attempts": max_attempts, "mode": "standard"},
    )
    common = {
        "bucket_name": bucket_name,
        "endpoint_url": endpoint_url or None,
        "region_name": region_name or None,
        "access_key": access_key or None,
        "secret_key": secret_key or None,
        "client_config": client_config,
        # Access comes from the bucket policy, never from per-object ACLs: buckets with ACLs
        # disabled (the AWS default) and R2 refuse uploads that carry one.
        "default_acl": None,
    }
    backend = "storages.backends.s3.S3Storage"
    return {
        "default": {
            "BACKEND": backend,
            "OPTIONS": {
                **common,
                "file_overwrite": False,
                "querystring_auth": True,
                "querystring_expire": document_url_expire,
            },
        },
        ORIGINALS: {
            "BACKEND": backend,
            "OPTIONS": {
                **common,
                "file_overwrite": False,
                "querystring_auth": True,
                "querystring_expire": original_url_expire,
                # Signed links must go to the bucket itself: a CDN would cache them for everyone.
                "custom_domain": None,
                "object_parameters": {"CacheControl": "private, no-store"},
            },
        },
        RENDITIONS: {
            "BACKEND": backend,
            "OPTIONS": {
                **common,
                # Names are unique already; skipping the existence check saves a request.
                "file_overwrite": True,
                "querystring_auth": False,
                "custom_domain": custom_domain or None,
                "object_parameters": {"CacheControl": RENDITION_CACHE_CONTROL},
            },
        },
    }


def private_media_root() -> Path:
    """Where originals live on this machine's disk: PRIVATE_MEDIA_ROOT, or else the folder beside
    MEDIA_ROOT named ``<MEDIA_ROOT>-private`` (outside the folder the web server publishes)."""
    configured = getattr(settings, "PRIVATE_MEDIA_ROOT", "")
    if configured:
        return Path(configured)
    media_root = Path(settings.MEDIA_ROOT)
    return media_root.with_name(f"{media_root.name}-private")


def local_media_roots() -> list[Path]:
    """Every folder that holds media on this machine: the public one, then the private one."""
    return [Path(settings.MEDIA_ROOT), private_media_root()]


class PrivateFileSystemStorage(FileSystemStorage):
    """Originals on this machine's disk, under `private_media_root()`, which no web server
    publishes. A file's address is the view that checks who asks (staff or the image's owner)."""

    @property
    def base_location(self):
        return self._value_or_setting(self._location, str(private_media_root()))

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        return reverse("image-original", kwargs={"name": name})


def public_read_policy(bucket_name: str) -> dict:
    """The bucket policy that lets anyone read renditions, and nothing else."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicReadRenditions",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket_name}/{RENDITIONS_PREFIX}*",
            }
        ],
    }


class StorageAlias(LazyObject):
    """One of the STORAGES, looked up when first used and again after STORAGES changes.

    A model field keeps the storage it was given at import time; this stand-in lets the
    field follow the settings instead (tests switch to a bucket per test), and falls back to
    the default storage when the alias is not configured.
    """

    _instances: list[StorageAlias] = []

    def __init__(self, alias: str):
        super().__init__()
        self.__dict__["alias"] = alias
        StorageAlias._instances.append(self)

    def _setup(self):
        alias = self.alias if self.alias in settings.STORAGES else "default"
        self._wrapped = storages[alias]

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (storage_for_alias, (self.alias,))


def _forget_storages(*, setting, **kwargs):
    if setting in {"STORAGES", "MEDIA_ROOT", "MEDIA_URL"}:
        for instance in StorageAlias._instances:
            instance._wrapped = empty


setting_changed.connect(_forget_storages, dispatch_uid="heritage_storage_aliases")

_original_storage = StorageAlias(ORIGINALS)
_rendition_storage = StorageAlias(RENDITIONS)


def storage_for_alias(alias: str) -> StorageAlias:
    return {ORIGINALS: _original_storage, RENDITIONS: _rendition_storage}[alias]


def original_image_storage() -> StorageAlias:
    """Storage of `CustomImage.file` (a callable, so migrations do not depend on settings)."""
    return _original_storage


def rendition_storage() -> StorageAlias:
    """Storage of `CustomRendition.file`."""
    return _rendition_storage


def storage_is_local(storage) -> bool:
    """Whether files have a path on this machine (the filesystem storage)."""
    try:
        storage.path("x")
    except NotImplementedError:
        return False
    return True


def original_download_url(image) -> str | None:
    """A short-lived signed link that downloads the image's stored original, or None when the
    original is on this machine's disk (the caller then sends the file itself).

    Only for people allowed to see the original: editors and the artist whose work it shows.
    """
    storage = image.file.storage
    if storage_is_local(storage):
        return None
    filename = posixpath.basename(image.file.name).replace('"', "")
    return storage.url(
        image.file.name,
        parameters={"ResponseContentDisposition": f'attachment; filename="{filename}"'},
    )
