"""exhibitionsection: translatable (a locale and a translation key), so wagtail-localize carries
its words into a page's translations. Existing rows take their page's locale; the rows of
one page's translations that stand at the same place share a translation key."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def keys_give(apps, schema_editor):
    Model = apps.get_model("gallery", "exhibitionsection")
    keys = {}
    rows = Model.objects.select_related("page").order_by("page_id", "sort_order", "pk")
    place = {}
    for row in rows:
        place[row.page_id] = place.get(row.page_id, -1) + 1
        group = (row.page.translation_key, place[row.page_id])
        row.locale_id = row.page.locale_id
        row.translation_key = keys.setdefault(group, uuid.uuid4())
        row.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ("gallery", "0006_search_postgres"),
    ]

    operations = [
        migrations.AddField(
            model_name="exhibitionsection",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="exhibitionsection",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(keys_give, migrations.RunPython.noop),
    ]
