"""Backups: `backup_create` dumps PostgreSQL and lists every media file; `backup_restore` puts
the dump into a new, empty database that then holds the same orders with the same totals.
PostgreSQL only (as in CI and production): on SQLite there is nothing for pg_dump to read."""

import csv
import hashlib
import json
import secrets
from io import StringIO

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

import pytest
from psycopg import sql

from heritage.backups import Database
from shop.models import Order
from shop.services import order_refund_record
from tests.factories import OfferFactory, PrintOfferFactory, order_paid, order_place

pytestmark = [
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="backups are PostgreSQL dumps: run with DATABASE_URL=postgres://… (CI does)",
    ),
    pytest.mark.django_db(transaction=True),  # pg_dump sees only committed rows
]


@pytest.fixture
def restore_target():
    """The URL of a database name that does not exist yet; dropped after the test."""
    source = Database.from_settings(connection.settings_dict)
    name = f"heritage_restore_{secrets.token_hex(4)}"
    auth = f"{source.user}:{source.password}@" if source.password else f"{source.user}@"
    yield f"postgres://{auth}{source.host or '127.0.0.1'}:{source.port or 5432}/{name}"
    with source.connect(dbname="postgres", autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def shop_with_orders() -> list[tuple]:
    """Paid, pending and part-refunded orders in two currencies; returns what they add up to."""
    paid = order_paid((OfferFactory(price_amount=150000), 1))
    order_paid((PrintOfferFactory(price_amount=25000, stock=5), 3))
    order_place((OfferFactory(price_amount=90000), 1))
    order_paid((OfferFactory(price_amount=40000, currency="USD"), 1))
    order_refund_record(paid, amount=5000, source="test")
    return sorted(Order.objects.values_list("number", "currency", "status", "total", "refunded_amount"))


def restored_orders(url: str) -> list[tuple]:
    with Database.from_url(url).connect() as conn:
        rows = conn.execute(
            "SELECT number, currency, status, total, refunded_amount FROM shop_order ORDER BY number"
        ).fetchall()
    return sorted(rows)


def backup(tmp_path) -> tuple:
    out = StringIO()
    call_command("backup_create", output=str(tmp_path / "backups"), stdout=out)
    (folder,) = (tmp_path / "backups").iterdir()
    return folder, out.getvalue()


def test_a_backup_restores_into_an_empty_database_with_the_same_orders_and_totals(tmp_path, restore_target):
    orders = shop_with_orders()
    default_storage.save("original_images/suzani.jpg", ContentFile(b"\xff\xd8 suzani"))
    default_storage.save("documents/terms.pdf", ContentFile(b"%PDF terms"))

    folder, output = backup(tmp_path)

    assert folder.name.startswith("heritage-")
    assert {p.name for p in folder.iterdir()} == {"database.dump", "media-manifest.csv", "backup.json"}
    assert f"Backup written to {folder}" in output
    summary = json.loads((folder / "backup.json").read_text())
    assert summary["orders"]["TJS"] == {
        "orders": 3,
        "total": sum(o[3] for o in orders if o[1] == "TJS"),
        "refunded": 5000,
    }
    assert summary["orders"]["USD"]["orders"] == 1

    out = StringIO()
    call_command("backup_restore", str(folder), database_url=restore_target, create=True, stdout=out)

    assert restored_orders(restore_target) == orders
    assert "orders and totals match the backup" in out.getvalue()
    assert "TJS: 3 orders" in out.getvalue()


def test_the_media_manifest_lists_every_file_with_size_and_checksum(tmp_path):
    content = b"\xff\xd8 a photo of a carpet"
    name = default_storage.save("original_images/carpet.jpg", ContentFile(content))

    folder, _output = backup(tmp_path)

    with (folder / "media-manifest.csv").open() as stream:
        rows = {row["path"]: row for row in csv.DictReader(stream)}
    assert rows[name] == {
        "path": name,
        "size": str(len(content)),
        "sha256": hashlib.sha256(content).hexdigest(),
    }


def test_checking_media_after_a_restore_names_missing_and_changed_files(tmp_path, restore_target):
    kept = default_storage.save("original_images/kept.jpg", ContentFile(b"kept"))
    lost = default_storage.save("original_images/lost.jpg", ContentFile(b"lost"))
    changed = default_storage.save("documents/changed.pdf", ContentFile(b"before"))
    folder, _output = backup(tmp_path)
    default_storage.delete(lost)
    with default_storage.open(changed, "wb") as stream:
        stream.write(b"after")

    out = StringIO()
    with pytest.raises(CommandError, match="2 media file"):
        call_command(
            "backup_restore",
            str(folder),
            database_url=restore_target,
            create=True,
            check_media=True,
            stdout=out,
        )
    assert f"missing: {lost}" in out.getvalue()
    assert f"different: {changed}" in out.getvalue()
    assert kept not in out.getvalue()


def test_a_restore_refuses_a_database_that_is_not_empty(tmp_path, restore_target):
    order_place((OfferFactory(), 1))
    folder, _output = backup(tmp_path)
    call_command("backup_restore", str(folder), database_url=restore_target, create=True, stdout=StringIO())

    with pytest.raises(CommandError, match="not empty"):
        call_command("backup_restore", str(folder), database_url=restore_target, stdout=StringIO())
    assert len(restored_orders(restore_target)) == 1


def test_the_restore_notices_a_dump_that_does_not_hold_the_orders_it_should(tmp_path, restore_target):
    order_place((OfferFactory(), 1))
    folder, _output = backup(tmp_path)
    summary = json.loads((folder / "backup.json").read_text())
    summary["orders"]["TJS"]["total"] += 1
    (folder / "backup.json").write_text(json.dumps(summary))

    with pytest.raises(CommandError, match="differ from the backup"):
        call_command(
            "backup_restore", str(folder), database_url=restore_target, create=True, stdout=StringIO()
        )
