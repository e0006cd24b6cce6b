"""What the foundation connects once every model is loaded (`HeritageConfig.ready()`)."""

from . import caching
from .images.signal_handlers import register_signal_handlers


def startup() -> None:
    register_signal_handlers()
    caching.register_signal_handlers()
