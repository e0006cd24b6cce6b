from .artwork import Artwork, ArtworkImage, ArtworkTag, Medium
from .pages import ArtistIndexPage

__all__ = ["ArtistIndexPage", "Artwork", "ArtworkImage", "ArtworkTag", "Medium"]
