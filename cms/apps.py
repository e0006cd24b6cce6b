from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Editorial")

    def ready(self):
        # wagtail_hooks_events: Wagtail itself imports only `wagtail_hooks` modules.
        from . import signal_handlers, wagtail_hooks_events  # noqa: F401

        signal_handlers.connect()
