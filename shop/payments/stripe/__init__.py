"""Stripe Checkout for card payments and Stripe Connect transfers to artists: `api` talks to
Stripe, `gateway` is the shop's `Gateway`, `webhooks` applies Stripe's signed events."""
