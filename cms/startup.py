"""What the editorial app registers and connects once every model is loaded
(`CmsConfig.ready()`): its public models with the cache version, and its signal handlers."""

from heritage.caching import public_models_register

from . import signal_handlers
from .models import EventRegistration, NavigationSettings, StoryConsent


def startup() -> None:
    public_models_register(NavigationSettings, EventRegistration, StoryConsent)
    signal_handlers.connect()
