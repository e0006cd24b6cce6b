"""The Wagtail admin's sign-in and password reset, with the same rules as the site's own: wrong
passwords slow the account down, reset emails have a silent budget, and a completed reset
forgets the failures (heritage.slowdown)."""

from wagtail.admin.views.account import LoginView, PasswordResetConfirmView, PasswordResetView

from heritage.slowdown import PasswordResetBudgetMixin, PasswordResetProvesOwnerMixin, SignInSlowdownMixin


class AdminLoginView(SignInSlowdownMixin, LoginView):
    password_reset_url_name = "wagtailadmin_password_reset"  # noqa: S105 (a URL name)


class AdminPasswordResetView(PasswordResetBudgetMixin, PasswordResetView):
    pass


class AdminPasswordResetConfirmView(PasswordResetProvesOwnerMixin, PasswordResetConfirmView):
    pass
