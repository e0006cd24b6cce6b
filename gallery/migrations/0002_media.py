from django.db import migrations

MEDIA = [
    ("hand-embroidery", "Hand embroidery", "Ручная вышивка", "Гулдӯзии дастӣ"),
    ("ikat-silk", "Ikat silk (atlas)", "Шёлк-икат (атлас)", "Абрешими атлас"),
    ("adras", "Adras (silk and cotton)", "Адрас (шёлк и хлопок)", "Адрас (абрешим ва пахта)"),
    ("wool-carpet", "Wool carpet", "Шерстяной ковёр", "Қолини пашмин"),
    ("felt", "Felt", "Войлок", "Намад"),
    ("oil", "Oil on canvas", "Масло, холст", "Рангҳои равғанӣ дар матоъ"),
    ("acrylic", "Acrylic", "Акрил", "Акрил"),
    ("watercolour", "Watercolour", "Акварель", "Акварел"),
    ("ink-miniature", "Ink and gouache miniature", "Миниатюра (тушь, гуашь)", "Миниатюра (туш, гуаш)"),
    ("glazed-ceramic", "Glazed ceramic", "Глазурованная керамика", "Сафоли сирдор"),
    ("silver", "Silver and stones", "Серебро и камни", "Нуқра ва сангҳо"),
    ("wood", "Carved wood", "Резное дерево", "Чӯби кандакорӣ"),
    ("photo-print", "Photographic print", "Фотопечать", "Чопи акс"),
    ("digital", "Digital print", "Цифровая печать", "Чопи рақамӣ"),
    ("mixed", "Mixed media", "Смешанная техника", "Техникаи омехта"),
]


def add(apps, schema_editor):
    Medium = apps.get_model("gallery", "Medium")
    for order, (slug, en, ru, tg) in enumerate(MEDIA):
        Medium.objects.update_or_create(
            slug=slug, defaults={"name_en": en, "name_ru": ru, "name_tg": tg, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("gallery", "0001_initial")]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
