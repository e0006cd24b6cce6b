"""What the seeding steps share while they build the demo site."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from wagtail.models import Locale, Page

from heritage.models import CustomImage


@dataclass
class SeedContext:
    """The state one run of the demo seed passes from step to step.

    Every step first looks for what an earlier run made (pages by slug and locale, images by
    title, the editor by email) and creates only what is missing, leaving existing content as
    it is: that is what makes the seed safe to run again. What a step finds or makes goes
    into `locales`, `images` and `pages` for the steps after it; `made` counts what is new.
    """

    editor_email: str
    editor_password: str
    report: Callable[[str], None] = lambda message: None
    locales: dict[str, Locale] = field(default_factory=dict)
    images: dict[str, CustomImage] = field(default_factory=dict)
    pages: dict[tuple[str, str], Page] = field(default_factory=dict)
    made: Counter = field(default_factory=Counter)
    editor_password_known: bool = False

    def page(self, key: str, language: str) -> Page:
        """The demo page `key` (e.g. "about") in `language`."""
        return self.pages[(key, language)]
