"""Writes the Tajik names of the countries django-countries lists into
locale/countries/tg/LC_MESSAGES/django.po, from the Unicode CLDR (through Babel).

django-countries ships no Tajik catalogue, so without this the checkout's country list stays
in English on Tajik pages. Its msgids are django-countries' English names; Django merges this
catalogue with the others (it is the second entry of LOCALE_PATHS), and `make compilemessages`
compiles it. Run again after upgrading django-countries:

    .venv/bin/python -m pip install babel && .venv/bin/python locale/countries/generate.py
"""

import os
import sys
from pathlib import Path

import django

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heritage.settings.dev")


def main() -> int:
    django.setup()
    from django.utils import translation  # noqa: PLC0415 - after django.setup()

    import polib  # noqa: PLC0415 - a tool's import, kept with the others of main()
    from babel import Locale  # noqa: PLC0415 - Babel is installed only to run this tool (docstring)
    from django_countries.data import COUNTRIES  # noqa: PLC0415 - after django.setup()

    names = Locale.parse("tg").territories
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = {
        "Project-Id-Version": "TajikHeritage country names",
        "Language": "tg",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    missing = []
    with translation.override(None):
        for code, name in sorted(COUNTRIES.items()):
            if code not in names:
                missing.append(code)
                continue
            catalogue.append(polib.POEntry(msgid=str(name), msgstr=names[code], comment=code))
    target = HERE / "tg" / "LC_MESSAGES" / "django.po"
    target.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(target))
    print(f"{len(catalogue)} Tajik country names written to {target.relative_to(HERE.parents[1])}")
    if missing:
        print(f"No Tajik name in the CLDR for: {', '.join(missing)}; add them by hand.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
