"""No address is compared with `__iexact` outside migrations: PostgreSQL's case-insensitive
match folds `ı` to `I` and `ſ` to `S`, which handed look-alike addresses someone else's account.
Addresses are stored in their canonical form and compared exactly (heritage.email_address)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {".venv", "node_modules", "static", "staticfiles", "media", "tests", ".git"}
IEXACT_ON_EMAIL = re.compile(r"email\w*__iexact|__iexact.*email|email.*[\"']__iexact", re.IGNORECASE)


def source_files():
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0] in SKIPPED or "migrations" in parts:
            continue
        yield path


def test_no_email_is_looked_up_with_iexact_outside_migrations():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in source_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if IEXACT_ON_EMAIL.search(line)
    ]
    assert not found, "Compare canonical addresses exactly instead:\n" + "\n".join(found)


def test_the_check_reads_the_code_that_holds_the_lookups():
    files = {str(path.relative_to(ROOT)) for path in source_files()}
    assert {"heritage/models/users.py", "artists/services.py", "heritage/accounts/forms.py"} <= files
