"""The S3-compatible server for the media storage tests (tests/fakes/s3_server.py)."""

from tests.fakes.s3_server import moto_s3, s3_bucket  # noqa: F401 - fixtures
