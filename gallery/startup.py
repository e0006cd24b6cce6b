"""What the gallery registers once every model is loaded (`GalleryConfig.ready()`): its
public models with the cache version."""

from heritage.caching import public_models_register

from .models import Artwork, ArtworkImage, Medium, SearchTerm


def startup() -> None:
    public_models_register(Artwork, ArtworkImage, Medium, SearchTerm)
