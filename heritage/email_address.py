"""One form of an email address, wherever an address is stored, compared or counted.

An address is the same account however it is typed: `email_canonical()` applies Unicode NFKC,
case folding, and writes the domain in its IDNA ASCII form (punycode). Databases compare text
differently — PostgreSQL's case-insensitive match folds a dotless `ı` to `I` and a long `ſ` to
`S`, SQLite's does not — so nothing compares addresses case-insensitively in the database
(no `__iexact`): every address is stored in this form and compared exactly
(`heritage.email_fields`).

An address whose local part or a domain label mixes scripts — Latin with Cyrillic or Greek
look-alikes, or a dotless `ı` among Latin letters — is refused: such addresses are made to be
mistaken for someone else's (`madina@gmaıl.com` for `madina@gmail.com`), and a person who
switched keyboard layout mid-word is better told than given a second account.

Rows saved before this rule are brought to it by `emails_canonicalise()` (a data migration):
where two accounts come to the same address, one keeps it and the other is *held* (see there).
"""

import logging
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

import idna

logger = logging.getLogger(__name__)

# Never in a canonical address; tells the look-alike `ı` (and `İ`, which folds to `i` with a
# combining dot above) apart from Latin, although Unicode counts them as Latin letters.
DOTLESS_I = "ı"
COMBINING_DOT_ABOVE = "\u0307"
# Scripts that are written together in one word.
SCRIPTS_WRITTEN_TOGETHER = ({"HIRAGANA", "KATAKANA", "CJK"}, {"HANGUL", "CJK"})


class EmailRefused(ValueError):
    """The text is not an address we accept. `code` is "invalid" or "mixed_scripts"."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def _fold(text: str) -> str:
    """NFKC case folding (Unicode's NFKC_Casefold, without its removal of ignorables)."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text.strip()).casefold())


def _script(char: str) -> str | None:
    """The script of a letter as its Unicode name begins (LATIN, CYRILLIC, GREEK, …); None for
    digits, punctuation and marks, which go with any script."""
    if char in (DOTLESS_I, COMBINING_DOT_ABOVE):
        return "DOTLESS-I"
    if not unicodedata.category(char).startswith("L"):
        return None
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def _one_script(part: str) -> None:
    scripts = {script for script in map(_script, part) if script}
    if len(scripts) > 1 and not any(scripts <= together for together in SCRIPTS_WRITTEN_TOGETHER):
        raise EmailRefused("mixed_scripts")


def _domain_ascii(domain: str) -> str:
    if domain.startswith("[") and domain.endswith("]"):  # an address literal
        return domain
    domain = domain.removesuffix(".")
    labels = domain.split(".")
    if domain.isascii() and not any(label.startswith("xn--") for label in labels):
        for label in labels:
            if not label:
                raise EmailRefused("invalid")
        return domain
    try:
        ascii_domain = idna.encode(domain, uts46=True).decode("ascii")
        unicode_labels = idna.decode(ascii_domain).split(".")
    except (idna.IDNAError, UnicodeError) as error:
        raise EmailRefused("invalid") from error
    for label in unicode_labels:
        _one_script(label)
    return ascii_domain


def email_canonical(value: str) -> str:
    """The one form of the address `value` in which it is stored and compared.

    Raises `EmailRefused` for text that is not an address (no local part or domain, spaces or
    control characters, a domain IDNA refuses) or that mixes scripts within the local part
    or a domain label. Applying it to its own result changes nothing.
    """
    text = _fold(value)
    local, at, domain = text.rpartition("@")
    if not at or not local or not domain:
        raise EmailRefused("invalid")
    if any(char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn") for char in text):
        raise EmailRefused("invalid")
    _one_script(local)
    return f"{local}@{_domain_ascii(domain)}"


def email_counter_key(value: str) -> str:
    """What a rate-limit counter of an account is kept under, for any typed text; never raises.

    The canonical address where there is one. A refused look-alike counts against the address
    it imitates (`ı` read as `i`), so spellings never give a robot fresh counters; text that
    is no address at all is folded as it is.
    """
    try:
        return email_canonical(value)
    except EmailRefused:
        pass
    folded = _fold(value).replace(DOTLESS_I, "i").replace(COMBINING_DOT_ABOVE, "")
    try:
        return email_canonical(folded)
    except EmailRefused:
        return folded


# A held address: the row's old address, then why it is held. It has a space, which no
# canonical address has, so nobody can type it to sign in or to receive a reset link.
HELD = re.compile(r" \(held #\d+: [^()]*\)\Z")


def email_held(value: str, *, pk, reason: str, max_length: int = 254) -> str:
    """The value that stands in for the address of row `pk` until staff settle it."""
    suffix = f" (held #{pk}: {reason})"
    return value[: max_length - len(suffix)] + suffix


def email_is_held(value: str) -> bool:
    return bool(value) and HELD.search(value) is not None


@dataclass(frozen=True)
class HeldAddress:
    """A row whose address could not be made canonical as it was: what it had, what it has."""

    pk: object
    old: str
    new: str
    reason: str


def emails_canonicalise(model, field: str = "email", *, unique: bool = True) -> list[HeldAddress]:
    """Bring the addresses in `model.field` to their canonical form; return the rows held.

    A refused address (mixed scripts, not an address) is held. With `unique`, where several
    rows come to the same canonical address, one keeps it — the row that already holds it
    exactly, else a confirmed account (`email_verified_at`), else the oldest (`date_joined`,
    then pk) — and the others are held, never merged: a held row cannot sign in until staff
    give it a real address (docs/operations.md). Holds are logged as warnings.
    """
    fields = {f.name for f in model._meta.get_fields()}
    order = ["date_joined", "pk"] if "date_joined" in fields else ["pk"]
    columns = ["pk", field] + [name for name in ("email_verified_at", "date_joined") if name in fields]
    rows = model._default_manager.order_by(*order).values(*columns)
    groups: dict[str, list[dict]] = defaultdict(list)
    held: list[HeldAddress] = []

    def hold(row, reason):
        max_length = model._meta.get_field(field).max_length
        new = email_held(row[field], pk=row["pk"], reason=reason, max_length=max_length)
        held.append(HeldAddress(pk=row["pk"], old=row[field], new=new, reason=reason))

    for row in rows:
        value = row[field]
        if not value or email_is_held(value):
            continue
        try:
            groups[email_canonical(value)].append(row)
        except EmailRefused as refused:
            hold(row, "mixed scripts" if refused.code == "mixed_scripts" else "not an address")

    changed: dict[object, str] = {}
    for canonical, members in groups.items():
        if unique:
            # Rows come oldest first and the sort is stable: the exact holder, then a
            # confirmed account, then the oldest.
            members.sort(key=lambda row: (row[field] != canonical, row.get("email_verified_at") is None))
            keeper, *others = members
            for other in others:
                hold(other, f"same address as #{keeper['pk']}")
            members = [keeper]
        for row in members:
            if row[field] != canonical:
                changed[row["pk"]] = canonical

    manager = model._default_manager
    # Held rows first, so that a row coming to its canonical address never meets the old
    # holder of that address (the unique constraint holds at every step).
    for entry in held:
        manager.filter(pk=entry.pk).update(**{field: entry.new})
        logger.warning(
            "%s #%s held: %r is now %r (%s)", model.__name__, entry.pk, entry.old, entry.new, entry.reason
        )
    for pk, canonical in changed.items():
        manager.filter(pk=pk).update(**{field: canonical})
    return held
