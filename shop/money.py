"""Money is an integer count of minor units (diram, cents) plus an explicit currency.
Nothing in the shop multiplies floats; these helpers only format and split."""

from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _


class Currency(models.TextChoices):
    TJS = "TJS", _("Tajik somoni")
    USD = "USD", _("US dollar")


MINOR_UNITS = {Currency.TJS: 100, Currency.USD: 100}
SYMBOLS = {Currency.TJS: "TJS", Currency.USD: "$"}


def money_format(amount: int, currency: str) -> str:
    """`125000, "TJS"` → "1,250 TJS" (localised separators, decimals only when not whole)."""
    value = Decimal(amount) / MINOR_UNITS[currency]
    places = 0 if value == value.to_integral_value() else 2
    text = number_format(value, decimal_pos=places, force_grouping=True)
    if currency == Currency.USD:
        return f"${text}"
    return f"{text}\u00a0{SYMBOLS[currency]}"


def to_minor(value: Decimal | int | str, currency: str) -> int:
    """A price typed as "1250.50" → 125050 minor units (rounded half up to a minor unit)."""
    return int((Decimal(value) * MINOR_UNITS[currency]).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def to_major(amount: int, currency: str) -> Decimal:
    return Decimal(amount) / MINOR_UNITS[currency]


def commission_split(gross: int, percent: int) -> tuple[int, int]:
    """(commission, artist net) of `gross` minor units at `percent`; the commission is rounded
    half up to a whole minor unit and the artist gets exactly the rest, so the two always
    add up to `gross`."""
    commission = int((Decimal(gross) * percent / 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    return commission, gross - commission


def allocate(total: int, weights: list[int]) -> list[int]:
    """Split `total` minor units in proportion to `weights`, the parts summing exactly to
    `total` (largest remainders get the leftover units)."""
    whole = sum(weights)
    if whole == 0:
        return [0 for _w in weights]
    shares = [total * w // whole for w in weights]
    remainders = sorted(range(len(weights)), key=lambda i: (total * weights[i]) % whole, reverse=True)
    for i in remainders[: total - sum(shares)]:
        shares[i] += 1
    return shares
