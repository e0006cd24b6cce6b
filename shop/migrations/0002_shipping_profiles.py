from django.db import migrations

PROFILES = [
    # name_en, name_ru, name_tg, fees TJS minor units (tj, cis, world), delivery times
    ("Small parcel (jewellery, small ceramics)", "Маленькая посылка (украшения, мелкая керамика)",
     "Бастаи хурд (ороиш, сафолоти хурд)", 3000, 25000, 45000, 0),
    ("Rolled textile or unframed work", "Свёрнутый текстиль или работа без рамы",
     "Матоъи печонидашуда ё асари бе чорчӯба", 5000, 40000, 70000, 1),
    ("Framed or large work", "Работа в раме или крупная работа",
     "Асар дар чорчӯба ё асари калон", 10000, 80000, 150000, 2),
]


def add(apps, schema_editor):
    ShippingProfile = apps.get_model("shop", "ShippingProfile")
    for name_en, name_ru, name_tg, fee_tj, fee_cis, fee_world, order in PROFILES:
        ShippingProfile.objects.get_or_create(
            name_en=name_en,
            defaults={
                "name_ru": name_ru, "name_tg": name_tg, "fee_tj": fee_tj, "fee_cis": fee_cis,
                "fee_world": fee_world, "sort_order": order, "currency": "TJS",
                "days_tj": "2–5", "days_cis": "7–14", "days_world": "14–30",
            },
        )


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
