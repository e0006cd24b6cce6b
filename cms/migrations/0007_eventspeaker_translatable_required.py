import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ("cms", "0006_eventspeaker_translatable"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="eventspeaker",
            options={"ordering": ["sort_order"], "verbose_name": "speaker", "verbose_name_plural": "speakers"},
        ),
        migrations.AlterField(
            model_name="eventspeaker",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="eventspeaker",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="eventspeaker",
            unique_together={("translation_key", "locale")},
        ),
    ]
