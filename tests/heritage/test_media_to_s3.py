"""Moving media between the disk and the bucket: every file verified, each object with the
headers of its kind, and a second run copies only what is missing or different."""

from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command

import pytest

from heritage.management.commands.media_to_s3 import multipart_etag, same_content
from heritage.storage import RENDITION_CACHE_CONTROL, private_media_root
from tests.fakes.s3_server import closed_endpoint

FILES = {
    "original_images/suzani.jpg": b"\xff\xd8 suzani original " * 100,
    "images/suzani.format-webp.width-480.abc1234.webp": b"RIFF rendition " * 50,
    "documents/price-list.pdf": b"%PDF-1.7 prices",
}


def media(settings) -> Path:
    return Path(settings.MEDIA_ROOT)


def write_media(settings, files=FILES) -> None:
    for key, data in files.items():
        path = media(settings) / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def run(*args) -> str:
    out = StringIO()
    call_command(*args, "--no-progress", stdout=out, stderr=StringIO())
    return out.getvalue()


def test_media_go_to_the_bucket_with_the_headers_of_their_kind(s3_bucket, settings):
    write_media(settings)
    assert "Copied 3 files, skipped 0" in run("media_to_s3")
    assert s3_bucket.keys() == sorted(FILES)
    rendition = s3_bucket.head("images/suzani.format-webp.width-480.abc1234.webp")
    assert rendition["CacheControl"] == RENDITION_CACHE_CONTROL
    assert rendition["ContentType"] == "image/webp"
    assert s3_bucket.head("original_images/suzani.jpg")["CacheControl"] == "private, no-store"
    assert s3_bucket.anonymous_get("original_images/suzani.jpg")[0] == 403
    assert s3_bucket.anonymous_get("images/suzani.format-webp.width-480.abc1234.webp")[0] == 200


def test_a_second_run_skips_what_is_copied_and_replaces_what_differs(s3_bucket, settings):
    write_media(settings)
    run("media_to_s3")
    s3_bucket.put("documents/price-list.pdf", b"%PDF half written")
    output = run("media_to_s3")
    assert "Copied 1 files, skipped 2 already in place" in output
    body = s3_bucket.server.client().get_object(Bucket=s3_bucket.name, Key="documents/price-list.pdf")["Body"]
    assert body.read() == FILES["documents/price-list.pdf"]


def test_a_prefix_and_a_dry_run_copy_nothing_else(s3_bucket, settings):
    write_media(settings)
    assert "Would copy 1 files" in run("media_to_s3", "--prefix", "documents/", "--dry-run")
    assert s3_bucket.keys() == []
    run("media_to_s3", "--prefix", "documents/")
    assert s3_bucket.keys() == ["documents/price-list.pdf"]


def test_media_come_back_from_the_bucket_verified_and_resumably(s3_bucket, settings, tmp_path):
    for key, data in FILES.items():
        s3_bucket.put(key, data)
    settings.MEDIA_ROOT = str(tmp_path / "restored")
    (tmp_path / "restored" / "documents").mkdir(parents=True)
    (tmp_path / "restored" / "documents" / "price-list.pdf").write_bytes(FILES["documents/price-list.pdf"])
    assert "Copied 2 files, skipped 1" in run("media_from_s3")
    for key, data in FILES.items():
        # Originals come back to the private media root, out of the published folder.
        root = private_media_root() if key.startswith("original_images/") else media(settings)
        assert (root / key).read_bytes() == data
    assert not (media(settings) / "original_images").exists()
    assert not list(media(settings).rglob(".part-*"))
    assert "Copied 0 files, skipped 3" in run("media_to_s3", "--reverse")


def test_an_unreachable_bucket_says_what_to_do(s3_bucket, settings):
    write_media(settings)
    s3_bucket.point_at(closed_endpoint())
    with pytest.raises(CommandError, match="Could not reach the bucket .* Check AWS_S3_ENDPOINT_URL"):
        run("media_to_s3")


def test_a_missing_bucket_says_how_to_create_it(s3_bucket, settings):
    settings.STORAGES = s3_bucket.storages() | {}
    settings.STORAGES["default"] = {
        **settings.STORAGES["default"],
        "OPTIONS": {**settings.STORAGES["default"]["OPTIONS"], "bucket_name": "heritage-no-such-bucket"},
    }
    with pytest.raises(CommandError, match="does not exist .* Create it"):
        run("media_to_s3")


def test_without_a_bucket_it_says_which_settings_to_set(settings):
    with pytest.raises(CommandError, match="Set AWS_STORAGE_BUCKET_NAME"):
        run("media_to_s3")


def test_large_objects_uploaded_in_parts_are_recognised(tmp_path):
    path = tmp_path / "big.jpg"
    path.write_bytes(b"x" * (9 * 1024 * 1024))
    etag = multipart_etag(path, 8 * 1024 * 1024)
    assert etag.endswith("-2")
    assert same_content(path, size=path.stat().st_size, etag=f'"{etag}"')
    assert not same_content(path, size=path.stat().st_size - 1, etag=f'"{etag}"')
