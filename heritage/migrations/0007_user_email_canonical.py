"""Every account's address in its canonical form (heritage.email_address).

Two accounts whose addresses come to the same canonical address are not merged: one keeps the
address and the other is held (it cannot sign in until staff give it a real address), and
each hold is printed here and logged. See docs/operations.md, "Held email addresses"."""

from django.db import migrations

import heritage.email_fields
from heritage.email_address import emails_canonicalise


def users_canonicalise(apps, schema_editor):
    held = emails_canonicalise(apps.get_model("heritage", "User"), "email", unique=True)
    for entry in held:
        print(f"\n  Account #{entry.pk} held: {entry.old!r} is now {entry.new!r} ({entry.reason}).")
    if held:
        print(f"\n  {len(held)} account(s) held: staff must give each a real address (docs/operations.md).")


class Migration(migrations.Migration):

    dependencies = [
        ("heritage", "0006_finance_audit"),
    ]

    operations = [
        migrations.RunPython(users_canonicalise, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="user",
            name="email",
            field=heritage.email_fields.CanonicalEmailField(
                max_length=254, unique=True, verbose_name="email address"
            ),
        ),
    ]
