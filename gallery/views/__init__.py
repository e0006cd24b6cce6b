"""Views of the gallery app; `studio` holds the artist's own pages for her works."""
