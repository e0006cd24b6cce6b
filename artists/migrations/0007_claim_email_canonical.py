"""The address an editor recorded to hand over a listed profile, in its canonical form. A
look-alike address (mixed scripts) is held, so that nobody can claim the profile with it
until an editor types the real one; each is printed here and logged."""

from django.db import migrations

import heritage.email_fields
from heritage.email_address import emails_canonicalise


def claim_emails_canonicalise(apps, schema_editor):
    held = emails_canonicalise(apps.get_model("artists", "ArtistProfile"), "claim_email", unique=False)
    for entry in held:
        print(f"\n  Artist profile #{entry.pk}: claim address {entry.old!r} held as {entry.new!r} ({entry.reason}).")


class Migration(migrations.Migration):

    dependencies = [
        ("artists", "0006_artistprofile_payouts_held_until"),
        ("heritage", "0007_user_email_canonical"),
    ]

    operations = [
        migrations.RunPython(claim_emails_canonicalise, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="artistprofile",
            name="claim_email",
            field=heritage.email_fields.CanonicalEmailField(
                blank=True,
                help_text="Private. When she signs up with this address and confirms it, the profile becomes hers.",
                max_length=254,
                verbose_name="her email address, to take over the profile",
            ),
        ),
    ]
