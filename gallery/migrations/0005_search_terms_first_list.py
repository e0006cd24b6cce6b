from django.db import migrations

# slug, English, Russian, Tajik, other spellings, media, materials and tags.
TERMS = [
    ("suzani", "Suzani", "Сюзане", "Сӯзанӣ", "suzani, suzane, suzany, susani, сузани, сюзани, сузане, сӯзани",
     ["hand-embroidery"], "suzani"),
    ("gulduzi", "Embroidery", "Вышивка", "Гулдӯзӣ",
     "gulduzi, gulduzy, гулдузи, кашидадӯзӣ, kashidaduzi, embroidered, вышитый, вышитая, вышивкой",
     ["hand-embroidery"], ""),
    ("chakan", "Chakan", "Чакан", "Чакан", "chakan, chakkan, chekan, чакон", ["hand-embroidery"], "chakan, чакан"),
    ("atlas", "Atlas silk", "Атлас", "Атлас", "atlas, atlas silk, khan-atlas, хан-атлас, атласный",
     ["ikat-silk"], "atlas, атлас"),
    ("adras", "Adras", "Адрас", "Адрас", "adras, adres, адраси", ["adras"], "adras, адрас"),
    ("ikat", "Ikat", "Икат", "Икат", "ikat, ikkat, abr, абр, абрбандӣ", ["ikat-silk", "adras"], "ikat, икат"),
    ("kurpacha", "Kurpacha (quilt)", "Курпача", "Кӯрпача",
     "kurpacha, kurpacha quilt, курпача, курпачи, кӯрпа, kurpa, quilt, одеяло", [], "одеяло, quilt, кӯрпа"),
    ("pottery", "Pottery and ceramics", "Керамика", "Кулолӣ",
     "pottery, ceramics, ceramic, potter, керамика, гончарный, гончарство, кулоли, kuloli, сафол, safol, гил, clay",
     ["glazed-ceramic"], "stoneware, earthenware, глина, гил, сир, глазурь, glaze"),
    ("lagan", "Lagan (serving dish)", "Ляган", "Лаган", "lagan, lyagan, ляган, лаган, лаганча, dish, блюдо",
     ["glazed-ceramic"], "блюдо, dish, лаган, ляган"),
    ("carpet", "Carpet", "Ковёр", "Қолин", "carpet, carpets, rug, ковер, ковры, колин, qolin, kolin, палос, palos, gilim",
     ["wool-carpet"], "carpet, палос"),
    ("felt", "Felt", "Войлок", "Намад", "felt, namad, намат, войлок, кошма, kiyiz, shyrdak", ["felt"],
     "felt, войлок, намад"),
    ("jewellery", "Jewellery", "Украшения", "Заргарӣ",
     "jewellery, jewelry, jeweller, ювелирные, украшение, бижутерия, заргари, zargari, ороишот",
     ["silver"], "pendant, ring, necklace, earrings, овеза, гарданбанд, гӯшвора, дастпона"),
    ("silver", "Silver", "Серебро", "Нуқра", "silver, nukra, nuqra, нукра, серебряный, нуқрагӣ", ["silver"],
     "silver, серебро, нуқра"),
    ("miniature", "Miniature", "Миниатюра", "Миниатюра", "miniature, miniatures, миниатюры, minyatura",
     ["ink-miniature"], "gouache, гуашь, гуаш"),
    ("wood-carving", "Wood carving", "Резьба по дереву", "Кандакорӣ",
     "wood carving, woodcarving, carved wood, carving, резьба, резное дерево, кандакори, kandakori",
     ["wood"], "орех, чинара, walnut"),
    ("silk", "Silk", "Шёлк", "Абрешим", "silk, shelk, шелковый, абрешимӣ, abreshim", [], "silk, шёлк, абрешим, атлас"),
    ("cotton", "Cotton", "Хлопок", "Пахта", "cotton, хлопковый, пахтагӣ, pakhta", [], "cotton, хлопок, пахта"),
    ("wool", "Wool", "Шерсть", "Пашм", "wool, woollen, шерстяной, пашмин, pashm", [], "wool, шерсть, пашм"),
    ("pomegranate", "Pomegranate", "Гранат", "Анор", "pomegranate, pomegranates, гранаты, гранатом, anor, анорҳо",
     [], "pomegranate, гранат, анор"),
    ("painting", "Painting", "Живопись", "Рассомӣ", "painting, paintings, oil painting, живопись, картина, расм",
     ["oil", "acrylic", "watercolour"], ""),
    ("watercolour", "Watercolour", "Акварель", "Акварел", "watercolour, watercolor, aquarelle, акварел",
     ["watercolour"], "акварель, watercolour"),
    ("photography", "Photography", "Фотография", "Аккосӣ", "photography, photo, photograph, фото, снимок, акс, aks",
     ["photo-print"], ""),
]


def add(apps, schema_editor):
    SearchTerm = apps.get_model("gallery", "SearchTerm")
    Medium = apps.get_model("gallery", "Medium")
    for order, (slug, en, ru, tg, spellings, media, related) in enumerate(TERMS):
        term, created = SearchTerm.objects.get_or_create(
            slug=slug,
            defaults={
                "name_en": en,
                "name_ru": ru,
                "name_tg": tg,
                "spellings": spellings,
                "related_words": related,
                "sort_order": order,
            },
        )
        if created:
            term.media.set(Medium.objects.filter(slug__in=media))


class Migration(migrations.Migration):
    dependencies = [("gallery", "0004_search_terms")]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
