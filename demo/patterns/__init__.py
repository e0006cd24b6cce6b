"""Textile and tile patterns in the spirit of Central Asian crafts, drawn with Pillow.

The demo site needs pictures without shipping or downloading any: these stand in for
photographs of artworks until real ones are uploaded. Every generator takes a size and a
seed and is deterministic — the same seed and size give the same pixels — so a re-seeded
demo looks the same. Smooth shapes are drawn at twice the size and scaled down, which
anti-aliases their edges.
"""

from .chakan import chakan
from .ikat import ADRAS, ATLAS, ikat
from .suzani import suzani
from .tiles import pomegranate_tiles

__all__ = ["ADRAS", "ATLAS", "chakan", "ikat", "pomegranate_tiles", "suzani"]
