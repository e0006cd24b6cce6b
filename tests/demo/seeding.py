"""Seeding the demo in a test, and what a seeded site is expected to say."""

import re
from io import StringIO

from django.core.management import call_command

from wagtail.models import Page

from heritage.models import CustomImage, User

EDITOR_EMAIL = "editor@tajikheritage.local"
HERO_HEADINGS = {
    "en": "Art by women artists of Tajikistan",
    "ru": "Искусство художниц Таджикистана",
    "tg": "Асарҳои занони ҳунарманди Тоҷикистон",
}
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
TAJIK_LETTERS = re.compile(r"[ҒғӢӣҚқӮӯҲҳҶҷ]")


def seed(**options) -> str:
    """Run `seed_demo` quietly and return what it printed."""
    out = StringIO()
    call_command("seed_demo", quiet=True, stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


def site_snapshot() -> dict:
    """What a second seed must leave exactly as it was."""
    return {
        "pages": Page.objects.count(),
        "images": CustomImage.objects.count(),
        "users": User.objects.count(),
        "titles": sorted(Page.objects.values_list("title", "locale__language_code")),
        "image_titles": sorted(CustomImage.objects.values_list("title", flat=True)),
    }
