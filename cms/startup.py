"""What the editorial app registers and connects once every model is loaded
(`CmsConfig.ready()`): its public models with the cache version, its signal handlers, and the policy pages the
shop links to and records the accepted terms of."""

from heritage.caching import public_models_register
from shop.policies import policies_register

from . import signal_handlers
from .models import EventRegistration, NavigationSettings, StoryConsent
from .policies import PagePolicies


def startup() -> None:
    public_models_register(NavigationSettings, EventRegistration, StoryConsent)
    signal_handlers.connect()
    policies_register(PagePolicies())
