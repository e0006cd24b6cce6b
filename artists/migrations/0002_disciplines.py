from django.db import migrations

DISCIPLINES = [
    ("embroidery", "Embroidery (suzani)", "Вышивка (сюзане)", "Гулдӯзӣ (сӯзанӣ)"),
    ("weaving", "Weaving (atlas, adras)", "Ткачество (атлас, адрас)", "Бофандагӣ (атлас, адрас)"),
    ("carpet", "Carpet weaving", "Ковроткачество", "Қолинбофӣ"),
    ("felt", "Felt making", "Валяние войлока", "Намадмолӣ"),
    ("painting", "Painting", "Живопись", "Наққошӣ"),
    ("miniature", "Miniature", "Миниатюра", "Миниатюра"),
    ("ceramics", "Ceramics", "Керамика", "Кулолӣ"),
    ("jewellery", "Jewellery", "Ювелирное искусство", "Заргарӣ"),
    ("sculpture", "Sculpture and woodcarving", "Скульптура и резьба по дереву", "Ҳайкалтарошӣ ва кандакорӣ"),
    ("photography", "Photography", "Фотография", "Аксбардорӣ"),
    ("illustration", "Illustration and digital art", "Иллюстрация и цифровое искусство", "Тасвиргарӣ ва санъати рақамӣ"),
]


def add(apps, schema_editor):
    Discipline = apps.get_model("artists", "Discipline")
    for order, (slug, en, ru, tg) in enumerate(DISCIPLINES):
        Discipline.objects.update_or_create(
            slug=slug, defaults={"name_en": en, "name_ru": ru, "name_tg": tg, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("artists", "0001_initial")]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
