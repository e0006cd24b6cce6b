"""The demo site's content: its pictures and its pages in English, Russian and Tajik."""

from .about import ABOUT
from .contact import CONTACT
from .home import HOME
from .images import CREDIT, IMAGES, DemoImage
from .pages import LANGUAGES, SOURCE_LANGUAGE, DemoPage

# In tree order: a page comes after its parent.
PAGES = [HOME, ABOUT, CONTACT]

__all__ = ["CREDIT", "IMAGES", "LANGUAGES", "PAGES", "SOURCE_LANGUAGE", "DemoImage", "DemoPage"]
