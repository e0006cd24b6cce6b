"""The demo's artists, gathered from the three languages they write in, and the applicants."""

from demo.content.artists import DemoApplicant, DemoArtist

from . import english, russian, tajik

ARTISTS = [*tajik.ARTISTS, *russian.ARTISTS, *english.ARTISTS]
PENDING_REVIEW = tajik.PENDING_REVIEW

APPLICANTS = [
    DemoApplicant(
        email="khursheda.haydarova@example.org",
        artist=DemoArtist(
            slug="khursheda-haydarova",
            display_name="Хуршеда Ҳайдарова",
            language="tg",
            region="gbao",
            show_location=False,
            disciplines=("embroidery",),
            bio="Гулдӯзӣ мекунам. Мехоҳам корҳоямро ба харидорони дигар кишварҳо нишон диҳам.",
            statement="Гулдӯзӣ барои ман роҳи ором шудан аст.",
        ),
        samples=(("chakan", "Гулҳои сурх"), ("suzani_green", "Баҳор")),
    ),
    DemoApplicant(
        email="nilufar.karimova@example.org",
        artist=DemoArtist(
            slug="nilufar-karimova",
            display_name="Nilufar Karimova",
            language="en",
            region="dushanbe",
            show_location=True,
            disciplines=("painting",),
            bio="Final-year painting student in Dushanbe. I paint the mountains around the city in oil.",
            statement="I would like my first sales to pay for my paints.",
        ),
        samples=(("winter", "First snow"),),
    ),
    DemoApplicant(
        email="bahor.umarova@example.org",
        artist=DemoArtist(
            slug="bahor-umarova",
            display_name="Бахор Умарова",
            language="ru",
            region="sughd",
            show_location=True,
            disciplines=("ceramics",),
            bio="Керамист из Истаравшана, работаю в семейной мастерской.",
            statement="Хочу, чтобы наши ляганы знали не только на базаре.",
        ),
        samples=(("plate_cobalt", "Ляган"), ("plate_earth", "Пиала")),
    ),
]

__all__ = ["APPLICANTS", "ARTISTS", "PENDING_REVIEW"]
