"""The "Shop" menu of the Wagtail admin: orders, balances and payouts, the ledger, offers,
shipping profiles and the payment provider's webhooks. Orders, payouts, ledger entries and
webhooks are written only by the shop's services, so their listings here are read-only and
every change goes through an action on the order's page or the balances screen."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from heritage.admin.finance import FinanceCreatePermissionPolicy

from .admin_finance import FinanceLogViewSet
from .admin_reviews import ReviewViewSet
from .admin_views import (
    BalancesView,
    OrderInspectView,
    balances_csv,
    order_action,
    payout_record_view,
    payouts_csv,
    user_may,
)
from .models import LedgerEntry, Offer, Order, Payout, ShippingProfile, WebhookEvent
from .money import money_format

# Prices and fees are finance data: editors without the finance permission do not see them in
# the forms, so they cannot create (or copy) an offer or a shipping profile either.
register_permission_policy(Offer, FinanceCreatePermissionPolicy(Offer))
register_permission_policy(ShippingProfile, FinanceCreatePermissionPolicy(ShippingProfile))


def money_column(name: str, label, amount_field: str | None = None) -> Column:
    """A column showing `amount_field` (minor units) in the row's currency, sortable by it."""
    field = amount_field or name
    return Column(
        name,
        label=label,
        accessor=lambda row: money_format(getattr(row, field), row.currency),
        sort_key=field,
    )


class ReadOnlyViewSet(ModelViewSet):
    """A listing with an inspect page and nothing else: no add, edit, copy or delete."""

    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 50
    list_select_related: tuple[str, ...] = ()

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_index_view_kwargs(self, **kwargs):
        if self.list_select_related:
            kwargs.setdefault(
                "queryset", self.model._default_manager.select_related(*self.list_select_related)
            )
        return super().get_index_view_kwargs(**kwargs)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]


class OrderViewSet(ReadOnlyViewSet):
    model = Order
    url_namespace = "shop_orders"
    url_prefix = "shop/orders"
    icon = "clipboard-list"
    menu_label = _("Orders")
    list_display = [
        "number",
        DateColumn("created_at", label=_("Date"), sort_key="created_at"),
        "name",
        "email",
        money_column("total", _("Total")),
        "payment_method",
        "status",
    ]
    list_filter = ["status", "payment_method", "created_at"]
    search_fields = ["number", "email", "name"]
    ordering = ["-created_at"]
    inspect_view_class = OrderInspectView
    inspect_template_name = "shop/admin/order_detail.html"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("action/<int:pk>/<slug:action>/", order_action, name="action"),
        ]


class PayoutViewSet(ReadOnlyViewSet):
    model = Payout
    url_namespace = "shop_payouts"
    url_prefix = "shop/payouts"
    icon = "history"
    menu_label = _("Payouts")
    list_display = [
        "artist",
        money_column("amount", _("Amount")),
        "method",
        "status",
        "reference",
        DateColumn("created_at", label=_("Paid on"), sort_key="created_at"),
        "created_by",
    ]
    list_filter = ["method", "status", "artist", "created_at"]
    search_fields = ["reference", "artist__display_name"]
    ordering = ["-created_at"]
    list_select_related = ("artist", "created_by")


class LedgerEntryViewSet(ReadOnlyViewSet):
    model = LedgerEntry
    url_namespace = "shop_ledger"
    url_prefix = "shop/ledger"
    icon = "list-ol"
    menu_label = _("Ledger")
    list_display = [
        "order",
        "artist",
        "kind",
        "state",
        money_column("gross", _("Gross")),
        money_column("commission", _("Commission")),
        money_column("net", _("Artist net")),
        money_column("shipping", _("Shipping")),
        "payout",
        DateColumn("created_at", label=_("Created"), sort_key="created_at"),
    ]
    list_filter = ["artist", "state", "kind", "currency", "created_at"]
    search_fields = ["order__number", "artist__display_name"]
    ordering = ["-created_at", "-pk"]
    list_select_related = ("order", "artist", "payout__artist")


class WebhookEventViewSet(ReadOnlyViewSet):
    model = WebhookEvent
    url_namespace = "shop_webhook_events"
    url_prefix = "shop/webhooks"
    icon = "code"
    menu_label = _("Webhook events")
    list_display = [
        "event_id",
        "provider",
        "type",
        "order",
        "outcome",
        DateColumn("received_at", label=_("Received"), sort_key="received_at"),
    ]
    list_filter = ["provider", "received_at"]
    search_fields = ["event_id", "type", "order__number"]
    ordering = ["-received_at"]
    list_select_related = ("order",)


class OfferViewSet(SnippetViewSet):
    """Editors may correct an artist's price, stock or whether a work is on sale."""

    model = Offer
    url_namespace = "shop_offers"
    url_prefix = "shop/offers"
    icon = "tag"
    menu_label = _("Offers")
    menu_item_is_registered = True
    list_display = [
        "artwork",
        Column("artist", label=_("Artist"), accessor="artwork.artist"),
        "kind",
        money_column("price", _("Price"), "price_amount"),
        "stock",
        BooleanColumn("active", label=_("On sale"), sort_key="active"),
    ]
    list_filter = ["kind", "active"]
    search_fields = ["artwork__title", "artwork__artist__display_name"]
    list_per_page = 50


class ShippingProfileViewSet(SnippetViewSet):
    model = ShippingProfile
    url_namespace = "shop_shipping"
    url_prefix = "shop/shipping"
    icon = "site"
    menu_label = _("Shipping profiles")
    menu_item_is_registered = True
    list_display = [
        "name_en",
        "name_ru",
        money_column("fee_tj", _("Tajikistan")),
        money_column("fee_cis", _("Central Asia and CIS")),
        money_column("fee_world", _("Rest of the world")),
        "sort_order",
    ]


class BalancesMenuItem(MenuItem):
    def is_shown(self, request):
        return user_may(request.user, Payout, "view")


class BalancesViewSet(ViewSet):
    """What each artist is owed now, manual payouts, and the bank's CSV files."""

    name = "shop_balances"
    url_namespace = "shop_balances"
    url_prefix = "shop/balances"
    icon = "table"
    menu_label = _("Balances")
    menu_item_class = BalancesMenuItem

    def get_urlpatterns(self):
        return [
            path("", BalancesView.as_view(), name="index"),
            path("record/<int:artist_pk>/<str:currency>/", payout_record_view, name="record"),
            path("to-pay.csv", balances_csv, name="csv"),
            path("payouts.csv", payouts_csv, name="payouts_csv"),
        ]


class ShopGroup(ViewSetGroup):
    items = (
        OrderViewSet,
        ReviewViewSet,
        BalancesViewSet,
        PayoutViewSet,
        LedgerEntryViewSet,
        OfferViewSet,
        ShippingProfileViewSet,
        WebhookEventViewSet,
        FinanceLogViewSet,
    )
    menu_icon = "pick"
    menu_label = _("Shop")
    menu_order = 220


# Registered like the other apps' groups; `register_snippet` accepts any viewset group and
# sets up the snippet viewsets in it (offers, shipping profiles) as snippets.
register_snippet(ShopGroup)
