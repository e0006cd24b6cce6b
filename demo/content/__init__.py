"""The demo site's content: its pictures and its pages in English, Russian and Tajik.

The words are data files in `demo/data/`; these modules read them into frozen specs.
"""

from .images import CREDIT, IMAGES, DemoImage
from .pages import LANGUAGES, PAGE_SPECS, SOURCE_LANGUAGE, DemoPage

# In tree order: a page comes after its parent.
PAGES = [PAGE_SPECS[key] for key in ("home", "about", "contact", "terms", "privacy", "returns", "shipping")]

__all__ = ["CREDIT", "IMAGES", "LANGUAGES", "PAGES", "PAGE_SPECS", "SOURCE_LANGUAGE", "DemoImage", "DemoPage"]
