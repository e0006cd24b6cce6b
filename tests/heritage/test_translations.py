"""The Russian and Tajik catalogues are complete, and the translations reach the pages and
the messages artists see. The tests read the compiled catalogues (`make test` compiles them)."""

import ast
from pathlib import Path

from django.utils import translation

import pytest

from heritage.images.forms import ALLOWED, upload_error_messages

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("ru", "tg")

SKIP_LINK = {"ru": "Перейти к основному содержанию", "tg": "Гузариш ба мундариҷаи асосӣ"}
NOT_FOUND = {"ru": "Страница не найдена", "tg": "Саҳифа ёфт нашуд"}
NOT_AN_IMAGE = {
    "ru": "Не получается открыть этот файл как изображение.",
    "tg": "Мо ин файлро ҳамчун тасвир кушода наметавонем.",
}


def parse_po(path: Path) -> list[dict]:
    """The entries of a .po file: msgid, msgstr (a list, one per plural form) and flags."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry = {"flags": set(), "msgid": None, "msgstr": []}
        current = None
        for line in block.strip().splitlines():
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                current.append(ast.literal_eval(line))
            else:
                keyword, _, value = line.partition(" ")
                current = [ast.literal_eval(value)]
                if keyword == "msgid":
                    entry["msgid"] = current
                elif keyword.startswith("msgstr"):
                    entry["msgstr"].append(current)
        if entry["msgid"] is not None:
            entry["msgid"] = "".join(entry["msgid"])
            entry["msgstr"] = ["".join(parts) for parts in entry["msgstr"]]
            entries.append(entry)
    return entries


def catalogue(language: str) -> list[dict]:
    return parse_po(ROOT / "locale" / language / "LC_MESSAGES" / "django.po")


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_empty_or_fuzzy_entries(language):
    entries = catalogue(language)
    header, messages = entries[0], entries[1:]
    assert header["msgid"] == ""
    assert "fuzzy" not in header["flags"]
    assert f"Language: {language}\n" in header["msgstr"][0]
    assert messages, "the catalogue has no messages"
    empty = [e["msgid"] for e in messages if not e["msgstr"] or not all(e["msgstr"])]
    fuzzy = [e["msgid"] for e in messages if "fuzzy" in e["flags"]]
    assert not empty, f"untranslated in {language}: {empty}"
    assert not fuzzy, f"fuzzy in {language}: {fuzzy}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_headers(language):
    header = catalogue(language)[0]["msgstr"][0]
    assert "Content-Type: text/plain; charset=UTF-8\n" in header
    nplurals = {"ru": "nplurals=3;", "tg": "nplurals=2;"}[language]
    assert f"Plural-Forms: {nplurals}" in header


@pytest.mark.parametrize("language", LANGUAGES)
def test_interface_text_is_translated(language):
    with translation.override(language):
        text = translation.gettext("Skip to main content")
    assert text == SKIP_LINK[language]
    assert text != "Skip to main content"


@pytest.mark.parametrize("language", LANGUAGES)
def test_upload_error_is_translated_and_lists_the_formats(language):
    with translation.override("en"):
        english = str(upload_error_messages(25 * 1024 * 1024)["invalid_image"])
    with translation.override(language):
        message = str(upload_error_messages(25 * 1024 * 1024)["invalid_image"])
    assert message != english
    assert message.startswith(NOT_AN_IMAGE[language])
    assert "JPEG, PNG, WebP, HEIC" in message
    assert ALLOWED in message


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page_is_in_the_language_of_the_url(client, language):
    response = client.get(f"/{language}/this-page-does-not-exist/")
    assert response.status_code == 404
    body = response.content.decode()
    assert f'<html lang="{language}">' in body
    assert NOT_FOUND[language] in body
    assert "Page not found" not in body
