"""What a demo page is made of.

Terms follow docs/glossary.md so the three languages stay consistent with the interface;
the people quoted are invented for the demo. A body is a list of blocks from
heritage.blocks, written as tuples:

    ("heading", text)
    ("paragraph", html)                       -- may contain {email}, the site's contact address
    ("image", image key, caption)
    ("quote", text, attribution)
    ("call_to_action", text, page key, button label)

Image and page keys are resolved by the seeding steps, page keys to the page in the same
language.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoPage:
    """A page of the demo tree. `parent` is another page's key (None: under the tree root).
    `links` name the images and pages its fields point to, the same in every language."""

    key: str
    model: str
    slug: str
    parent: str | None
    show_in_menus: bool
    links: dict
    text: dict  # language code -> field values
