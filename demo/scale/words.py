"""The large catalogue's made-up words: names, motifs, media and paragraphs, and the rules
that derive an artist's or a work's fields from its number, so every run makes the same."""

import zlib
from datetime import datetime, timedelta
from decimal import Decimal

from django.utils import timezone

ARTISTS = 200
WORKS_PER_ARTIST = 25
ARTIST_BATCHES = 10
IMAGE_POOL = 12
EXHIBITIONS = 40
STORIES = 100
EVENTS = 60
ROOM_SIZE = 8
SLUG_PREFIX = "scale-"
SOMONI_PER_DOLLAR = 11

FIRST_NAMES = [
    "Malika", "Nigina", "Zarina", "Madina", "Gulnora", "Farzona", "Shahnoza", "Dilorom", "Tahmina",
    "Parvina", "Manizha", "Nilufar", "Zebo", "Mavzuna", "Rukhshona", "Suraiyo", "Khursheda",
    "Sitora", "Mehrangez", "Firuza",
]  # fmt: skip
LAST_NAMES = [
    "Karimova", "Rahimova", "Nazarova", "Sharipova", "Saidova", "Yusupova", "Davlatova",
    "Hakimova", "Mirzoeva", "Kholova",
]  # fmt: skip
REGIONS = ["dushanbe", "sughd", "khatlon", "gbao", "drs", "abroad"]
# medium slug -> discipline slug, an English title word, Russian description words
MEDIA = {
    "hand-embroidery": ("embroidery", "Suzani", "Ручная вышивка шёлковой нитью по хлопку"),
    "ikat-silk": ("weaving", "Ikat", "Шёлк атлас, ткачество икат, натуральные красители"),
    "adras": ("weaving", "Adras", "Адрас ручного ткачества, шёлк и хлопок"),
    "wool-carpet": ("carpet", "Carpet", "Шерстяной ковёр ручной работы, вышивка по краю"),
    "felt": ("felt", "Felt", "Валяная шерсть, узор с вышивка-аппликацией"),
    "oil": ("painting", "Oil", "Масло, холст; горный пейзаж"),
    "acrylic": ("painting", "Acrylic", "Акрил на холсте"),
    "watercolour": ("painting", "Watercolour", "Акварель на бумаге"),
    "ink-miniature": ("miniature", "Miniature", "Миниатюра, тушь и золото"),
    "glazed-ceramic": ("ceramics", "Bowl", "Глазурованная керамика, роспись"),
    "silver": ("jewellery", "Silver", "Серебро, сердолик; чеканка"),
    "wood": ("sculpture", "Carving", "Резьба по дереву, орех"),
    "photo-print": ("photography", "Photograph", "Фотопечать, архивная бумага"),
    "digital": ("illustration", "Illustration", "Цифровая иллюстрация, печать"),
    "mixed": ("painting", "Collage", "Смешанная техника, вышивка и акрил"),
}
MOTIFS = [
    "Pomegranate Garden", "Mountain Light", "Pamir Morning", "Tulips of Varzob", "Silk Road",
    "Grandmother's Pattern", "Apricot Blossom", "River Vakhsh", "Spring in Khujand", "Night Market",
    "Hisor Valley", "Blue Tiles", "Wedding Song", "Moon over Iskanderkul", "Cotton Harvest",
    "Almond Tree", "Sun Disc", "Bird of Paradise", "Old Dushanbe", "Navruz",
]  # fmt: skip


def text_hash(text: str) -> int:
    return zlib.crc32(text.encode())


def artist_name(n: int) -> str:
    return f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {LAST_NAMES[n // len(FIRST_NAMES) % len(LAST_NAMES)]}"


def artist_slug(n: int) -> str:
    return f"{SLUG_PREFIX}{artist_name(n).lower().replace(' ', '-')}-{n + 1:03d}"


def artist_number(slug: str) -> int:
    return int(slug.rsplit("-", 1)[-1]) - 1


def work_fields(n: int, k: int, media: dict) -> dict:
    """The fields of artist `n`'s `k`-th work: her main medium for most works, two others
    for the rest; sizes, year and publication moment derived from the numbers."""
    slugs = list(MEDIA)
    medium_slug = slugs[(n + (k % 5 == 4) * (k // 5 + 1)) % len(slugs)]
    _discipline, word, russian = MEDIA[medium_slug]
    motif = MOTIFS[(n * 7 + k) % len(MOTIFS)]
    h = text_hash(f"{n}/{k}")
    published = timezone.make_aware(datetime(2018, 11, 1)) + timedelta(minutes=h % (8 * 365 * 24 * 60))
    width, height = 20 + h % 180, 20 + (h // 180) % 180
    return {
        "title": f"{motif} ({word}, No. {k + 1})",
        "slug": f"{motif.lower().replace(' ', '-').replace(chr(39), '')}-{word.lower()}-{k + 1}",
        "year": published.year,
        "medium": media.get(medium_slug),
        "materials": russian.split(",")[0],
        "width_cm": Decimal(width),
        "height_cm": Decimal(height),
        "description": f"{russian}. {motif}: {paragraph(n + k)}",
        "created_at": published,
        "submitted_at": published,
        "published_at": published,
    }


def paragraph(n: int) -> str:
    sentences = [
        "She learnt the stitches from her grandmother in a village above the river.",
        "The colours come from walnut husks, pomegranate rind and madder root.",
        "Each piece takes weeks; the pattern is drawn by hand before the first stitch.",
        "The motifs carry wishes for a long life, a good harvest and a safe journey.",
        "Her studio is a room in the family house, shared with her two daughters.",
        "Работа выполнена вручную; узор повторяет старинный мотив долины.",
    ]
    return " ".join(sentences[(n + i) % len(sentences)] for i in range(4))
