"""`seed_demo --scale large`: a catalogue the size the site must serve well, for `bench/`."""

from .catalogue import LargeCatalogue
from .words import SLUG_PREFIX

__all__ = ["SLUG_PREFIX", "LargeCatalogue"]
