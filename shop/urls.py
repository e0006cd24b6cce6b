"""The buyer's shop, under /<lang>/shop/."""

from django.urls import path

from .views import buyer, inquiries, receipts, returns, reviews

app_name = "shop"

# Secret links are URL-safe tokens; `slug` turns anything else (a NUL byte, which PostgreSQL
# cannot compare) into a 404 before a query is made.

urlpatterns = [
    path("cart/", buyer.cart, name="cart"),
    path("cart/add/", buyer.cart_add_view, name="cart-add"),
    path("cart/update/", buyer.cart_update_view, name="cart-update"),
    path("cart/remove/", buyer.cart_remove_view, name="cart-remove"),
    path("checkout/", buyer.checkout, name="checkout"),
    path("orders/", buyer.order_list, name="order-list"),
    path("orders/<slug:token>/", buyer.order_detail, name="order-detail"),
    path("orders/<slug:token>/pay/", buyer.order_pay, name="order-pay"),
    path("orders/<slug:token>/cancel/", buyer.order_cancel_view, name="order-cancel"),
    path("orders/<slug:token>/return/", returns.order_return, name="order-return"),
    path("orders/<slug:token>/receipt.pdf", receipts.order_receipt, name="order-receipt"),
    path("orders/<slug:token>/review/<int:line>/", reviews.review_write, name="review-write"),
    path("reviews/<int:pk>/report/", reviews.review_report_view, name="review-report"),
    path("ask/<int:pk>/", inquiries.inquiry_create_view, name="inquiry-create"),
    path("inquiries/<slug:token>/", inquiries.inquiry_thread, name="inquiry-thread"),
]
