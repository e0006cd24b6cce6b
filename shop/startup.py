"""What the shop contributes to the apps below it, registered once every model is loaded
(`ShopConfig.ready()`): its public models with the cache version (an order paid or cancelled
decides whether a work shows as reserved or sold), its order summary with the backups, and
price and availability for the gallery. Importing `signal_handlers` connects them."""

from gallery.sales import artwork_sale_register
from heritage.backups import backup_summary_register
from heritage.caching import public_models_register

from . import backups, sales, signal_handlers  # noqa: F401 - signal_handlers connects on import
from .models import Offer, Order, ShippingProfile
from .payments import gateway_for
from .services.gateways import gateway_register


def startup() -> None:
    public_models_register(Offer, Order, ShippingProfile)
    backup_summary_register(backups.ORDERS)
    artwork_sale_register(sales.artwork_sale_annotate)
    gateway_register(gateway_for)
