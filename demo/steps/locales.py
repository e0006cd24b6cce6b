from wagtail.models import Locale

from demo.content import LANGUAGES
from demo.context import SeedContext


def locales_ensure(ctx: SeedContext) -> None:
    """Make sure a Wagtail locale exists for each language the demo is written in."""
    for code in LANGUAGES:
        locale, created = Locale.objects.get_or_create(language_code=code)
        if created:
            ctx.made["locales"] += 1
            ctx.report(f"Added the {code} locale.")
        ctx.locales[code] = locale
