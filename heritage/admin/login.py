"""The Wagtail admin's sign-in and password reset, with the same rules as the site's own: wrong
passwords slow the account down, reset emails have a silent budget, and a completed reset
forgets the failures (heritage.slowdown)."""

from wagtail.admin.forms.auth import PasswordResetForm
from wagtail.admin.views.account import LoginView, PasswordResetConfirmView, PasswordResetView

from heritage.accounts.tasks import password_reset_email_send
from heritage.slowdown import PasswordResetBudgetMixin, PasswordResetProvesOwnerMixin, SignInSlowdownMixin


class AdminLoginView(SignInSlowdownMixin, LoginView):
    password_reset_url_name = "wagtailadmin_password_reset"  # noqa: S105 (a URL name)


class AdminPasswordResetForm(PasswordResetForm):
    """Sends the site's own reset email, in her language, from the task worker, which tries
    again while the mail server is down and keeps no link in its queue (heritage.accounts.tasks)."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        password_reset_email_send.enqueue(user_id=context["user"].pk)


class AdminPasswordResetView(PasswordResetBudgetMixin, PasswordResetView):
    def get_form_class(self):
        return AdminPasswordResetForm


class AdminPasswordResetConfirmView(PasswordResetProvesOwnerMixin, PasswordResetConfirmView):
    pass
