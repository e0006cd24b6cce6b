"""The demo's artists: the artist index page in three languages, approved artists with their
works, one artist whose new works wait for review, and three applications.

The artists themselves are in `demo/data/portfolios/` (one file for each language they
write in) and `demo/data/applicants.json`. Every artist writes her bio, statement and works
in one language — Tajik, Russian or English — as real artists do; the interface around her
words is translated, her words are not. An artist shows her region only if `show_location`,
and only those artists name a town in their own words. Names are invented; a few are pseudonyms.
"""

from dataclasses import dataclass, field

from .pages import PAGE_SPECS


@dataclass(frozen=True)
class DemoWork:
    """One artwork. `size_cm` is (width, height) or (width, height, depth); `look` is a key of
    `looks.LOOKS`; `close_up` adds a second, detail photograph."""

    title: str
    year: int
    medium: str  # a gallery.Medium slug
    materials: str
    size_cm: tuple
    look: str
    description: str
    close_up: bool = False
    featured: bool = False


@dataclass(frozen=True)
class DemoArtist:
    slug: str
    display_name: str
    language: str
    region: str  # an artists.Region value
    show_location: bool
    disciplines: tuple[str, ...]  # artists.Discipline slugs
    bio: str
    statement: str
    works: tuple[DemoWork, ...] = ()
    # Works she has sent for review; editors find them waiting in the admin.
    submitted: tuple[DemoWork, ...] = ()
    website: str = ""
    instagram: str = ""
    telegram: str = ""


@dataclass(frozen=True)
class DemoApplicant:
    """Someone who has applied and waits for an editor's decision; `samples` are
    (look, title) pairs for the sample images she sent."""

    email: str
    artist: DemoArtist
    samples: tuple[tuple[str, str], ...] = field(default_factory=tuple)


def artist_from(data: dict) -> DemoArtist:
    """A `DemoArtist` from its data (a portfolio file's entry)."""
    works = {key: tuple(DemoWork(**work) for work in data.get(key, ())) for key in ("works", "submitted")}
    return DemoArtist(**{**data, **works})


def applicant_from(data: dict) -> DemoApplicant:
    return DemoApplicant(**{**data, "artist": artist_from(data["artist"])})


ARTIST_INDEX = PAGE_SPECS["artists"]
