"""The shop's part of a backup: how many orders the database holds and what they add up to,
per currency, taken in the dump's snapshot and compared again after a restore (registered
with `heritage.backups` in `ShopConfig.ready()`)."""

from psycopg import sql

from heritage.backups import BackupSummary

from .models import Order


def orders_summary(cursor) -> dict:
    """How many orders the database holds and what they add up to, per currency."""
    cursor.execute(
        sql.SQL(
            "SELECT currency, count(*), coalesce(sum(total), 0), coalesce(sum(refunded_amount), 0) "
            "FROM {} GROUP BY currency ORDER BY currency"
        ).format(sql.Identifier(Order._meta.db_table))
    )
    return {
        currency: {"orders": count, "total": int(total), "refunded": int(refunded)}
        for currency, count, total, refunded in cursor.fetchall()
    }


def orders_lines(summary: dict) -> list[str]:
    return [
        f"{currency}: {figures['orders']} orders, total {figures['total']}, refunded {figures['refunded']}"
        for currency, figures in summary.items()
    ]


ORDERS = BackupSummary(name="orders", take=orders_summary, lines=orders_lines)
