from .artwork import Artwork, ArtworkImage, ArtworkTag, Medium
from .discovery import DigestOptOut, DigestSent, SavedSearch
from .exhibition import ExhibitionIndexPage, ExhibitionPage, ExhibitionSection
from .favourites import Favourite, Follow
from .pages import ArtistIndexPage, GalleryPage
from .search_terms import SearchTerm

__all__ = [
    "ArtistIndexPage",
    "Artwork",
    "ArtworkImage",
    "ArtworkTag",
    "DigestOptOut",
    "DigestSent",
    "ExhibitionIndexPage",
    "ExhibitionPage",
    "ExhibitionSection",
    "Favourite",
    "Follow",
    "GalleryPage",
    "Medium",
    "SavedSearch",
    "SearchTerm",
]
