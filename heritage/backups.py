"""Backups of the site's state: the PostgreSQL database, dumped in pg_dump's custom format,
and a manifest of every media file (path, size, SHA-256) in MEDIA_ROOT or the bucket, in one
timestamped folder with a summary of the orders it holds. A restore goes into an empty
database and is checked against that summary. docs/operations.md, "Backups and restore"."""

import csv
import hashlib
import json
import os
import shutil
import subprocess  # noqa: S404 - runs pg_dump / pg_restore with argument lists, never a shell
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.files.storage import storages
from django.utils import timezone

import psycopg
from psycopg import sql

from heritage.storage import local_media_roots

DUMP = "database.dump"
MANIFEST = "media-manifest.csv"
SUMMARY = "backup.json"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore could not be made; the message says what to do."""


@dataclass(frozen=True)
class Database:
    """Where a PostgreSQL database is, as libpq's environment variables take it (so the
    password never appears in a process list)."""

    name: str
    host: str = ""
    port: str = ""
    user: str = ""
    password: str = ""

    @classmethod
    def from_settings(cls, settings_dict: dict) -> "Database":
        if "postgresql" not in settings_dict.get("ENGINE", ""):
            raise BackupError(
                "Backups need PostgreSQL: DATABASE_URL points at another database. "
                "Copy a SQLite file with `sqlite3 db.sqlite3 .backup copy.sqlite3` instead."
            )
        return cls(
            name=settings_dict["NAME"],
            host=settings_dict.get("HOST") or "",
            port=str(settings_dict.get("PORT") or ""),
            user=settings_dict.get("USER") or "",
            password=settings_dict.get("PASSWORD") or "",
        )

    @classmethod
    def from_url(cls, url: str) -> "Database":
        parts = urlsplit(url)
        if parts.scheme not in {"postgres", "postgresql"} or not parts.path.strip("/"):
            raise BackupError(f"Not a PostgreSQL URL with a database name: {parts.scheme}://…")
        return cls(
            name=unquote(parts.path.strip("/")),
            host=parts.hostname or "",
            port=str(parts.port or ""),
            user=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
        )

    def env(self) -> dict:
        values = {
            "PGDATABASE": self.name,
            "PGHOST": self.host,
            "PGPORT": self.port,
            "PGUSER": self.user,
            "PGPASSWORD": self.password,
        }
        return {**os.environ, **{key: value for key, value in values.items() if value}}

    def connect(self, *, dbname: str | None = None, **kwargs) -> psycopg.Connection:
        params = {"host": self.host, "port": self.port, "user": self.user, "password": self.password}
        try:
            return psycopg.connect(
                dbname=dbname or self.name, **{k: v for k, v in params.items() if v}, **kwargs
            )
        except psycopg.OperationalError as error:
            raise BackupError(f"Could not connect to database {dbname or self.name}: {error}") from error


def pg_binary(name: str, server_version_num: int) -> str:
    """The client program for the server's major version: `PG_BIN_DIR` if set, else Debian's
    /usr/lib/postgresql/<major>/bin, else the one on PATH (pg_dump refuses newer servers)."""
    major = server_version_num // 10000
    folders = [os.environ.get("PG_BIN_DIR", ""), f"/usr/lib/postgresql/{major}/bin"]
    for folder in filter(None, folders):
        candidate = Path(folder) / name
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} was not found: install postgresql-client-{major} or set PG_BIN_DIR.")
    return found


def _run(command: list[str], database: Database) -> None:
    result = subprocess.run(command, env=database.env(), capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip() or result.returncode}")


@dataclass(frozen=True)
class BackupSummary:
    """What an app counts in a backup, taken in the dump's snapshot and checked again after a
    restore. Apps above the foundation register theirs in `AppConfig.ready()` (the shop its
    orders), so the backup itself names none of them."""

    name: str  # its key in summary.json, e.g. "orders"
    take: Callable[[psycopg.Cursor], dict]
    lines: Callable[[dict], list[str]]  # how `backup_restore` reports what it found


SUMMARIES: dict[str, BackupSummary] = {}


def backup_summary_register(summary: BackupSummary) -> None:
    SUMMARIES[summary.name] = summary


def summaries_take(cursor) -> dict[str, dict]:
    """Every registered summary, read with `cursor`."""
    return {name: summary.take(cursor) for name, summary in SUMMARIES.items()}


def _sha256(stream) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def media_files():
    """(path, size, sha256) of every media file: objects in the bucket when media is on S3,
    else files under MEDIA_ROOT and the private media root. Paths use forward slashes, relative
    to their root."""
    storage = storages["default"]
    if getattr(storage, "bucket_name", None):
        client = storage.connection.meta.client
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=storage.bucket_name):
            for entry in page.get("Contents", []):
                if entry["Key"].endswith("/"):
                    continue
                body = client.get_object(Bucket=storage.bucket_name, Key=entry["Key"])["Body"]
                yield entry["Key"], entry["Size"], _sha256(body)
        return
    # Originals live in the private media root under the same relative names (heritage.storage).
    for root in local_media_roots():
        if not root.is_dir():
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            with path.open("rb") as stream:
                yield path.relative_to(root).as_posix(), path.stat().st_size, _sha256(stream)


def manifest_write(path: Path) -> tuple[int, int]:
    """Write the media manifest as CSV; returns (files, bytes)."""
    files = size_total = 0
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["path", "size", "sha256"])
        for name, size, digest in media_files():
            writer.writerow([name, size, digest])
            files += 1
            size_total += size
    return files, size_total


def manifest_read(path: Path) -> dict[str, tuple[int, str]]:
    with path.open(newline="", encoding="utf-8") as stream:
        return {row["path"]: (int(row["size"]), row["sha256"]) for row in csv.DictReader(stream)}


def media_verify(folder: Path) -> list[str]:
    """Compare the media now in place (after copying it back) with the backup's manifest;
    returns one line per file missing or different. Files added since are not a problem."""
    expected = manifest_read(Path(folder) / MANIFEST)
    present = {name: (size, digest) for name, size, digest in media_files()}
    problems = []
    for name, (size, digest) in sorted(expected.items()):
        if name not in present:
            problems.append(f"missing: {name}")
        elif present[name] != (size, digest):
            problems.append(f"different: {name}")
    return problems


def backup_create(*, output: Path, settings_dict: dict, progress=print) -> Path:
    """Dump the database and list the media into `output`/heritage-<UTC time>/. The dump and
    the summaries (the orders) come from one snapshot, so they agree even while orders are placed.
    The database is dumped before the media is listed: every file the dump refers to was
    there when the listing began."""
    database = Database.from_settings(settings_dict)
    folder = Path(output) / f"heritage-{timezone.now():%Y%m%dT%H%M%SZ}"
    folder.mkdir(parents=True, exist_ok=False)
    with database.connect() as conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        with conn.transaction(), conn.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot(), current_setting('server_version_num')::int")
            snapshot, version = cursor.fetchone()
            counted = summaries_take(cursor)
            progress(f"Dumping database {database.name} (PostgreSQL {version // 10000})…")
            pg_dump = pg_binary("pg_dump", version)
            _run([pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={folder / DUMP}"], database)
    progress("Listing media…")
    files, size = manifest_write(folder / MANIFEST)
    summary = {
        "created_at": timezone.now().isoformat(),
        "database": database.name,
        "server_version_num": version,
        "dump_bytes": (folder / DUMP).stat().st_size,
        "media_files": files,
        "media_bytes": size,
        **counted,
    }
    (folder / SUMMARY).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return folder


def backup_restore(*, folder: Path, database_url: str, create: bool = False, progress=print) -> dict:
    """Restore a backup's database into an empty database (made first with `create`), then
    check that it holds what the backup's summaries say (the same orders, with the same
    totals). Returns the restored summaries by name. Media is copied back separately (see
    the docs) and checked with `media_verify`."""
    folder = Path(folder)
    summary = json.loads((folder / SUMMARY).read_text(encoding="utf-8"))
    target = Database.from_url(database_url)
    if create:
        with target.connect(dbname="postgres", autocommit=True) as conn:
            try:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(target.name)))
            except psycopg.errors.DuplicateDatabase as error:
                raise BackupError(f"Database {target.name} exists already: leave out --create.") from error
        progress(f"Created database {target.name}.")
    with target.connect() as conn:
        version = conn.info.server_version
        tables = conn.execute(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
        ).fetchone()[0]
    if tables:
        raise BackupError(
            f"Database {target.name} is not empty ({tables} tables): restore into a new, empty database."
        )
    progress(f"Restoring {folder.name} into {target.name}…")
    pg_restore = pg_binary("pg_restore", version)
    _run(
        [
            pg_restore,
            "--no-owner",
            "--no-acl",
            "--exit-on-error",
            f"--dbname={target.name}",
            str(folder / DUMP),
        ],
        target,
    )
    with target.connect() as conn, conn.cursor() as cursor:
        restored = summaries_take(cursor)
    for name, figures in restored.items():
        if figures != summary.get(name):
            raise BackupError(f"The restored {name} differ from the backup: {figures} != {summary.get(name)}")
    return restored
