"""The demo site's content: its pictures and its pages in English, Russian and Tajik.

The words are data files in `demo/data/`; these modules read them into frozen specs.
"""

from .images import CREDIT, IMAGES, DemoImage
from .pages import LANGUAGES, PAGE_SPECS, SOURCE_LANGUAGE, DemoPage

# In tree order: a page comes after its parent.
PAGES = [PAGE_SPECS["home"], PAGE_SPECS["about"], PAGE_SPECS["contact"]]

__all__ = ["CREDIT", "IMAGES", "LANGUAGES", "PAGES", "PAGE_SPECS", "SOURCE_LANGUAGE", "DemoImage", "DemoPage"]
