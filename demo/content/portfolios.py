"""The demo's artists, gathered from the three languages they write in, and the applicants."""

from .artists import applicant_from, artist_from
from .files import data_load

_PORTFOLIOS = {language: data_load(f"portfolios/{language}.json") for language in ("tg", "ru", "en")}

ARTISTS = [artist_from(artist) for portfolio in _PORTFOLIOS.values() for artist in portfolio["artists"]]
PENDING_REVIEW = artist_from(_PORTFOLIOS["tg"]["pending_review"])
APPLICANTS = [applicant_from(applicant) for applicant in data_load("applicants.json")]

__all__ = ["APPLICANTS", "ARTISTS", "PENDING_REVIEW"]
