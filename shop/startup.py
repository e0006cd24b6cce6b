"""What the shop contributes to the apps below it, registered once every model is loaded
(`ShopConfig.ready()`): its public models with the cache version (an order paid or cancelled
decides whether a work shows as reserved or sold), its order summary with the backups, price
and availability and buyers' ratings for the gallery, and payout proofs as private documents. Importing
`signal_handlers` connects them."""

from gallery.ratings import artwork_rating_register
from gallery.sales import artwork_sale_register
from heritage.accounts.documents import private_document_rule_register
from heritage.backups import backup_summary_register
from heritage.caching import public_models_register

from . import backups, sales, signal_handlers  # noqa: F401 - signal_handlers connects on import
from .models import Offer, Order, Payout, Review, ShippingProfile
from .payments import gateway_for
from .selectors_reviews import artwork_rating_annotate, artwork_reviews_latest
from .services.gateways import gateway_register


def startup() -> None:
    public_models_register(Offer, Order, ShippingProfile, Review)
    backup_summary_register(backups.ORDERS)
    artwork_sale_register(sales.artwork_sale_annotate)
    artwork_rating_register(annotate=artwork_rating_annotate, reviews=artwork_reviews_latest)
    gateway_register(gateway_for)
    private_document_rule_register(payout_proof)


def payout_proof(document) -> bool:
    """Payout proofs (bank slips, signed receipts) show an artist's bank details and money:
    private wherever an editor filed them."""
    return Payout.objects.filter(proof=document).exists()
