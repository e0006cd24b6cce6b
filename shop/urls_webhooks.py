"""Payment providers' notifications, outside the language prefixes: /webhooks/stripe/."""

from django.urls import path

from .payments.stripe.webhooks import stripe_webhook

app_name = "shop_webhooks"

urlpatterns = [
    path("stripe/", stripe_webhook, name="stripe"),
]
