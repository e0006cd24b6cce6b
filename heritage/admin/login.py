"""The Wagtail admin's sign-in, with the same limits on wrong passwords as the site's own."""

from wagtail.admin.views.account import LoginView

from heritage.ratelimit import RateLimitedFormMixin


class AdminLoginView(RateLimitedFormMixin, LoginView):
    rate_limit = "login"
    rate_limit_account_field = "username"
