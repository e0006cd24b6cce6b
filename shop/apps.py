from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShopConfig(AppConfig):
    name = "shop"
    verbose_name = _("Shop")

    def ready(self):
        from . import signal_handlers  # noqa: F401
        from .payments import gateway_for
        from .services.gateways import gateway_register

        gateway_register(gateway_for)
