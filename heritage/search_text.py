"""The one normalisation of search text, the same at index time and at query time.

A buyer abroad types Latin (`suzani`), a Russian speaker types without the Tajik letters
(`сузани`), an artist types Tajik (`сӯзанӣ`): all three must meet the same indexed words.
So every indexed text carries, beside itself, its *folded* form (Unicode NFKC, case-folded,
accents dropped, the Tajik letters written as their Russian neighbours: ӯ→у, ӣ→и, ҳ→х,
қ→к, ғ→г, ҷ→ч, and ё→е), its *Latin key* (the folded form transliterated to Latin, with the
spellings that vary between transliterations made one: kh and x→h, q→k, j and dzh→ch, no y
before a vowel, no doubled letters) and, for Cyrillic words, their *stem key* (the Latin key
without the Tajik endings -ро, -и, -ҳо, -он: PostgreSQL has no Tajik stemmer). A query word
is looked for in all of its forms: folded, Latin key, stem key and, for a Latin word, its
Cyrillic reading, so that PostgreSQL's Russian stemmer sees it too.
"""

import re
import unicodedata
from collections.abc import Iterable

TAJIK_TO_RUSSIAN = str.maketrans({"ӣ": "и", "ӯ": "у", "ҳ": "х", "қ": "к", "ғ": "г", "ҷ": "ч", "ё": "е"})

CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
LATIN_TO_CYRILLIC = [
    ("shch", "щ"), ("dzh", "дж"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"),
    ("ts", "ц"), ("yu", "ю"), ("ya", "я"), ("yo", "е"), ("j", "дж"), ("a", "а"), ("b", "б"),
    ("c", "к"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "х"), ("i", "и"),
    ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("q", "к"),
    ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("w", "в"), ("x", "х"),
    ("y", "й"), ("z", "з"),
]  # fmt: skip
LATIN_SPELLINGS = [
    (re.compile(r"dzh|j"), "ch"),
    (re.compile(r"kh|x"), "h"),
    (re.compile(r"q"), "k"),
    (re.compile(r"w"), "v"),
    (re.compile(r"y(?=[aeiou])"), ""),
    (re.compile(r"([a-z])\1+"), r"\1"),
]
# Tajik adds its endings one after another: the object marker -ро, the izofat -и (-йи after
# a vowel), the plural -ҳо or -он; сӯзаниҳои → сӯзанӣ. Each is taken off once, in that order,
# from a folded Cyrillic word that keeps at least four letters.
TAJIK_ENDINGS = ("ро", "йи", "и", "хо", "он", "и")
STEM_MIN_LETTERS = 4
WORD = re.compile(r"\w+")
LATIN_WORD = re.compile(r"[a-z]+")
CYRILLIC = re.compile(r"[а-я]")
_LATIN_PATTERN = re.compile("|".join(re.escape(latin) for latin, _cyrillic in LATIN_TO_CYRILLIC))
_LATIN_MAP = dict(LATIN_TO_CYRILLIC)


def text_fold(text: str) -> str:
    """Case-folded, accents dropped, Tajik letters as their Russian neighbours."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(TAJIK_TO_RUSSIAN)
    # й keeps its breve: it is a letter of its own in Russian and Tajik, not и with an accent.
    text = text.replace("й", "\0")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", text).replace("\0", "й")


def latin_key(text: str) -> str:
    """The folded text in Latin letters, with the spellings that vary between
    transliterations made one (`Раҳимова`, `Rakhimova` and `Rahimova` give `rahimova`)."""
    folded = text_fold(text)
    latin = "".join(CYRILLIC_TO_LATIN.get(c, c) for c in folded.replace("дж", "j"))
    for pattern, replacement in LATIN_SPELLINGS:
        latin = pattern.sub(replacement, latin)
    return latin


def cyrillic_reading(word: str) -> str:
    """A Latin word read in Cyrillic (`suzani` → `сузани`); "" for any other word."""
    folded = text_fold(word)
    if not LATIN_WORD.fullmatch(folded):
        return ""
    return _LATIN_PATTERN.sub(lambda m: _LATIN_MAP[m.group()], folded)


def stem_key(word: str) -> str:
    """The Latin key of a Cyrillic word without its Tajik endings (`сӯзаниҳои`, `сузани`
    and, read in Cyrillic, `suzani` all give `suzan`); "" for a word with no Cyrillic."""
    folded = text_fold(word)
    if not CYRILLIC.search(folded):
        folded = cyrillic_reading(word)
        if not folded:
            return ""
    for ending in TAJIK_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= STEM_MIN_LETTERS:
            folded = folded[: -len(ending)]
    return latin_key(folded)


def text_forms(text: str) -> str:
    """What the index stores for a text: the text, then its folded form, its Latin key and
    the stem keys of its Cyrillic words, where they differ from what came before. One
    function for every indexed field, so index and query agree."""
    if not text:
        return text
    forms = [text]
    folded = text_fold(text)
    stems = " ".join(stem_key(word) for word in WORD.findall(folded) if CYRILLIC.search(word))
    for form in (folded, latin_key(text), stems):
        if form and form not in forms:
            forms.append(form)
    return "\n".join(forms)


def word_forms(word: str) -> list[str]:
    """The forms under which a query word is looked for: folded, Latin key, for a Latin word
    its Cyrillic reading, and its stem key; each once, in that order."""
    forms: list[str] = []
    for form in (text_fold(word), latin_key(word), cyrillic_reading(word), stem_key(word)):
        if form and form not in forms:
            forms.append(form)
    return forms


def words_split(text: str) -> list[str]:
    """The words of a text, folded; punctuation and operators dropped."""
    return WORD.findall(text_fold(text).replace("_", " "))


def phrase_key(words: Iterable[str]) -> str:
    """One key for a word or phrase however it is spelt or written: its Latin key, words
    separated by single spaces. Equal keys mean the same word to search."""
    return " ".join(latin_key(word) for word in words)
