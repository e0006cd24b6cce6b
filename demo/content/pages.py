"""What a demo page is made of; the pages themselves are in `demo/data/pages.json`.

Terms follow docs/glossary.md so the three languages stay consistent with the interface;
the people quoted are invented for the demo. A body is a list of blocks from
heritage.blocks, written as lists:

    ["heading", text]
    ["paragraph", html]                       -- may contain {email}, the site's contact address
    ["image", image key, caption]
    ["quote", text, attribution]
    ["call_to_action", text, page key, button label]

Image and page keys are resolved by the seeding steps, page keys to the page in the same
language.
"""

from dataclasses import dataclass, field

from .files import data_load


@dataclass(frozen=True)
class DemoPage:
    """A page of the demo tree, in every language.

    `parent` is another page's key (None: directly under the tree root). `images` and
    `links` map the page's fields to the image and page keys they point to, the same in every
    language; `text` maps a language code to the field values written in that language.
    """

    key: str
    model: str
    slug: str
    parent: str | None
    show_in_menus: bool
    text: dict[str, dict]
    images: dict[str, str] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)


SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "ru", "tg")

# Every demo page by its key: the site's own pages, its policies (terms of sale, privacy,
# returns, shipping) and the index pages the steps make.
PAGE_SPECS = {
    key: DemoPage(**spec) for name in ("pages.json", "policies.json") for key, spec in data_load(name).items()
}
