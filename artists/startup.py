"""What the artists app registers and connects once every model is loaded
(`ArtistsConfig.ready()`): its public models with the cache version, and its signal handlers."""

from heritage.caching import public_models_register

from .models import ArtistProfile, Discipline
from .signal_handlers import register_signal_handlers


def startup() -> None:
    public_models_register(ArtistProfile, Discipline)
    register_signal_handlers()
