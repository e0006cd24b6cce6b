"""Account pages: sign up, confirm the address, sign in and out, passwords, account settings.

Views stay thin; the rules live in `services.py` and `tokens.py`.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from heritage.accounts import services
from heritage.accounts.forms import EmailAuthenticationForm, EmailPasswordResetForm, LanguageForm, SignupForm
from heritage.accounts.tokens import VerificationStatus, email_verification_token_check
from heritage.ratelimit import RateLimitedFormMixin, rate_limited
from heritage.slowdown import PasswordResetBudgetMixin, PasswordResetProvesOwnerMixin, SignInSlowdownMixin


def safe_next(request) -> str:
    """The `next` address from the form or query string, or "" if it leads off this site."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if allowed else ""


class SignupView(RateLimitedFormMixin, FormView):
    rate_limit = "signup"
    form_class = SignupForm
    template_name = "accounts/signup.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("accounts:account")
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"language": get_language()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=safe_next(self.request), **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            user = services.user_sign_up(
                email=data["email"],
                password=data["password1"],
                language=data["language"],
            )
        except IntegrityError:
            form.add_error("email", form.error_messages["duplicate_email"])
            return self.form_invalid(form)
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect(safe_next(self.request) or reverse("accounts:check-email"))


class CheckEmailView(TemplateView):
    """After signing up: the link is on its way; what to do if it does not arrive."""

    template_name = "accounts/check_email.html"


def verify_email(request, token):
    """Open a confirmation link. It works once; other outcomes get a friendly page."""
    check = services.email_verify(token=token)
    return render(request, "accounts/verify_email.html", {"status": check.status, "token": token})


def _verify_resend_account(request, **_url_arguments) -> str:
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"verification:{request.POST.get('token', '')}"


@require_POST
@rate_limited("verify-resend", account=_verify_resend_account)
def verify_resend(request):
    """Send a fresh confirmation link.

    Signed-in people get one for their own address. Anyone holding an authentic but expired
    link may ask for a new one too — it goes to the address the old one was sent to — since
    the link is often opened in a phone's mail app, where she is not signed in.
    """
    user = None
    token = request.POST.get("token", "")
    if token:
        check = email_verification_token_check(token)
        if check.status in (VerificationStatus.EXPIRED, VerificationStatus.VALID):
            user = check.user
    if user is None and request.user.is_authenticated:
        user = request.user
    if user is None:
        return auth_views.redirect_to_login(reverse("accounts:account"))

    if user.email_verified_at is not None:
        messages.info(request, _("Your email address is already confirmed."))
    elif services.verification_email_request(user=user):
        messages.success(request, _("We have sent you a new link. Please check your email."))
    else:
        messages.info(
            request,
            _("We sent you a link less than a minute ago. Please wait a little, and check your spam folder."),
        )
    return redirect("accounts:check-email")


class LoginView(SignInSlowdownMixin, auth_views.LoginView):
    """Sign in. Wrong passwords slow the account down, never lock her out (heritage.slowdown);
    Django gives the session a new key on success, so a planted session id is worthless."""

    authentication_form = EmailAuthenticationForm
    template_name = "accounts/login.html"


class LogoutView(auth_views.LogoutView):
    """Signing out takes a POST. A plain visit shows a page with the sign-out button."""

    http_method_names = ["get", "post", "options"]
    template_name = "accounts/logout.html"

    def get_default_redirect_url(self):
        url = super().get_default_redirect_url()
        # The bare "/" would guess her language again from the browser; keep the one she uses.
        return f"/{get_language()}/" if url == "/" else url


@login_required
def account(request):
    """Her email address and whether it is confirmed, the language of our emails, passwords."""
    if request.method == "POST":
        form = LanguageForm(request.POST)
        if form.is_valid():
            services.user_language_set(user=request.user, language=form.cleaned_data["language"])
            messages.success(request, _("Saved. We will write to you in the language you chose."))
            return redirect("accounts:account")
    else:
        form = LanguageForm(initial={"language": request.user.language})
    return render(request, "accounts/account.html", {"form": form})


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")

    def form_valid(self, form):
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)


class PasswordResetView(PasswordResetBudgetMixin, auth_views.PasswordResetView):
    form_class = EmailPasswordResetForm
    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password-reset-done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(PasswordResetProvesOwnerMixin, auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # The link reached her through her inbox, which is what confirming the address proves.
        services.user_email_mark_verified(user=form.user)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
