"""The Wagtail admin's sign-in and password reset, with the same limits as the site's own: wrong
passwords count against the address, and a completed reset clears them."""

from wagtail.admin.views.account import LoginView, PasswordResetConfirmView, PasswordResetView

from heritage.ratelimit import RateLimitedFormMixin, rate_limit_clear


class AdminLoginView(RateLimitedFormMixin, LoginView):
    rate_limit = "login"
    rate_limit_account_field = "username"


class AdminPasswordResetView(RateLimitedFormMixin, PasswordResetView):
    rate_limit = "password-reset"


class AdminPasswordResetConfirmView(PasswordResetConfirmView):
    def form_valid(self, form):
        response = super().form_valid(form)
        rate_limit_clear("login", account=form.user.email)
        return response
