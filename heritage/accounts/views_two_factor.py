"""The code page of two-factor sign-in: set up an authenticator app the first time, then type
its six-digit code once per session. The rules live in `two_factor.py`."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from django_otp import login as otp_login

from heritage.accounts import two_factor
from heritage.accounts.views import safe_next


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError(_("Type the six digits your app shows, without letters."))
        return code


@login_required
def two_factor_view(request):
    """Set up her authenticator (first time) or type its code, then go where she was going."""
    user = request.user
    device = two_factor.totp_device_get(user)
    if device is None and not two_factor.two_factor_required(user):
        raise Http404
    next_url = safe_next(request) or "/admin/"
    if user.is_verified():
        return redirect(next_url)
    setting_up = device is None
    if setting_up:
        device = two_factor.totp_device_for_setup(user)

    form = CodeForm(request.POST or None)
    if form.is_valid():
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            form.add_error(None, gettext("Too many wrong codes. Please wait a minute, then try again."))
        elif device.verify_token(form.cleaned_data["code"]):
            if setting_up:
                two_factor.totp_device_confirm(device)
            otp_login(request, device)
            # A new session key for the higher privilege, like Django does at sign-in.
            request.session.cycle_key()
            return redirect(next_url)
        else:
            form.add_error(
                "code",
                gettext(
                    "That code is not right. Codes change every 30 seconds: type the one your app shows now."
                ),
            )

    context = {"form": form, "setting_up": setting_up, "next": next_url}
    if setting_up:
        context.update(
            secret=two_factor.secret_grouped(device),
            config_url=device.config_url,
            qr_code=two_factor.qr_code_svg(device, title=gettext("QR code for your authenticator app")),
        )
    response = render(request, "accounts/two_factor.html", context, status=400 if form.errors else 200)
    response["Cache-Control"] = "no-store"
    return response
