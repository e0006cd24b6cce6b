from django.urls import path

from .views import reviews, studio

app_name = "shop_studio"

# Mounted at /<lang>/studio/shop/: the artist's offers, orders, earnings and messages.
urlpatterns = [
    path("artworks/<int:pk>/offers/", studio.offer_list, name="offers"),
    path("artworks/<int:pk>/offers/new/<str:kind>/", studio.offer_create, name="offer-create"),
    path("artworks/<int:pk>/offers/<int:offer_pk>/", studio.offer_edit, name="offer-edit"),
    path("artworks/<int:pk>/offers/<int:offer_pk>/active/", studio.offer_active, name="offer-active"),
    path("orders/", studio.order_list, name="orders"),
    path("orders/<int:pk>/", studio.order_detail, name="order-detail"),
    path("orders/lines/<int:pk>/ship/", studio.line_ship_view, name="line-ship"),
    path("earnings/", studio.earnings, name="earnings"),
    path("inquiries/", studio.inquiry_list, name="inquiries"),
    path("inquiries/<int:pk>/", studio.inquiry_detail, name="inquiry-detail"),
    path("inquiries/<int:pk>/close/", studio.inquiry_close_view, name="inquiry-close"),
    path("reviews/", reviews.studio_reviews, name="reviews"),
]
