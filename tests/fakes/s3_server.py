"""An S3-compatible server for the test suite: moto's `moto_server`, run as a subprocess on
127.0.0.1 and spoken to over real HTTP, exactly as the site speaks to a production bucket.

`moto_s3` (session) starts the server on a free port and stops it at the end. `s3_bucket`
gives each test a bucket of its own, with the production bucket policy (renditions public,
everything else private), and points the site's media storages at it:

    def test_something(s3_bucket):
        image = ImageFactory()                       # stored in the bucket
        s3_bucket.keys()                             # ["original_images/…"]
        s3_bucket.anonymous_get(image.file.name)     # (403, headers, body)
        s3_bucket.point_at(CLOSED_PORT_URL)          # the storage is now unreachable
"""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import boto3
import pytest

from heritage.storage import public_read_policy, s3_storages

ACCESS_KEY = "testing"
SECRET_KEY = "testing"  # noqa: S105
REGION = "us-east-1"


def free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def closed_endpoint() -> str:
    """An address where nothing listens: a bucket that does not answer."""
    return f"http://127.0.0.1:{free_port()}"


@dataclass
class MotoServer:
    url: str
    process: subprocess.Popen

    def client(self, endpoint_url: str | None = None):
        return boto3.client(
            "s3",
            endpoint_url=endpoint_url or self.url,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name=REGION,
        )


def _moto_server_command(port: int) -> list[str]:
    script = Path(sys.executable).with_name("moto_server")
    return [str(script), "-H", "127.0.0.1", "-p", str(port)]


@pytest.fixture(scope="session")
def moto_s3():
    """A running moto_server on 127.0.0.1, for the whole session."""
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - our own venv's script, fixed arguments
        _moto_server_command(port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        if process.poll() is not None:
            pytest.fail(f"moto_server exited with code {process.returncode}; is moto[server] installed?")
        try:
            urllib.request.urlopen(url + "/", timeout=1).close()  # noqa: S310 - local test server
            break
        except urllib.error.HTTPError:
            break  # it answers, even if with an error status
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail("moto_server did not answer within 30 seconds")
            time.sleep(0.1)
    try:
        yield MotoServer(url=url, process=process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class Bucket:
    """One test's bucket, and the settings that point the site at it."""

    name: str
    server: MotoServer
    settings: object

    def storages(self, endpoint_url: str | None = None) -> dict:
        return {
            "staticfiles": self.settings.STORAGES["staticfiles"],
            **s3_storages(
                bucket_name=self.name,
                endpoint_url=endpoint_url or self.server.url,
                region_name=REGION,
                addressing_style="path",
                access_key=ACCESS_KEY,
                secret_key=SECRET_KEY,
                max_attempts=1,
            ),
        }

    def point_at(self, endpoint_url: str) -> None:
        """Send the site's media calls to another endpoint, e.g. `closed_endpoint()`."""
        self.settings.STORAGES = self.storages(endpoint_url)

    def keys(self, prefix: str = "") -> list[str]:
        response = self.server.client().list_objects_v2(Bucket=self.name, Prefix=prefix)
        return sorted(item["Key"] for item in response.get("Contents", []))

    def head(self, key: str) -> dict:
        return self.server.client().head_object(Bucket=self.name, Key=key)

    def put(self, key: str, body: bytes) -> None:
        self.server.client().put_object(Bucket=self.name, Key=key, Body=body)

    def anonymous_get(self, key: str) -> tuple[int, Message, bytes]:
        """GET the object's plain URL with no credentials, as any visitor could."""
        return http_get(f"{self.server.url}/{self.name}/{key}")


def http_get(url: str) -> tuple[int, Message, bytes]:
    """Status, headers (any case) and body of a GET over HTTP, error statuses included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - local test server
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture
def s3_bucket(moto_s3, settings):
    """A fresh bucket with the production policy; the site's media storages use it."""
    name = f"heritage-test-{uuid.uuid4().hex[:12]}"
    client = moto_s3.client()
    client.create_bucket(Bucket=name)
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read_policy(name)))
    bucket = Bucket(name=name, server=moto_s3, settings=settings)
    settings.STORAGES = bucket.storages()
    yield bucket
    keys = [{"Key": key} for key in bucket.keys()]  # noqa: SIM118 - a method, not a dict
    if keys:
        client.delete_objects(Bucket=name, Delete={"Objects": keys})
    client.delete_bucket(Bucket=name)
