"""The demo's stories and campaigns: what each is made of; the words, in three languages, are
in `demo/data/stories.json`."""

from dataclasses import dataclass

from .files import data_load
from .pages import PAGE_SPECS


@dataclass(frozen=True)
class DemoCampaign:
    slug: str
    cause: str
    text: dict[str, dict[str, str]]


@dataclass(frozen=True)
class DemoStory:
    """A story told with `person`'s consent; `text` holds each language's title, intro and
    paragraphs; `warning` (optional) each language's content warning."""

    slug: str
    campaign: str
    days_ago: int
    person: str
    tags: tuple[str, ...]
    text: dict[str, dict]
    warning: dict[str, str] | None = None


STORY_INDEX = PAGE_SPECS["stories"]
_STORIES = data_load("stories.json")
CAMPAIGNS = tuple(DemoCampaign(**campaign) for campaign in _STORIES["campaigns"])
STORIES = tuple(DemoStory(**story) for story in _STORIES["stories"])
FOOTER_TEXT = _STORIES["footer_text"]
