"""The pages of two-step sign-in: set up an authenticator app the first time, type its code (or
a recovery code) once per session, and see or renew the recovery codes. The rules live in
`two_factor.py` and `recovery_codes.py`."""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from django_otp import login as otp_login

from heritage.accounts import recovery_codes, two_factor
from heritage.accounts.views import safe_next

TOTP, RECOVERY = "totp", "recovery"
EXPIRED = _("This page had expired. Add the new key below to your app, then type its code.")
WRONG_CODE = _("That code is not right. Codes change every 30 seconds: type the one your app shows now.")
RECOVERY_CODE_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz234567")


class CodeForm(forms.Form):
    """Six digits from the authenticator app or, where `recovery` allows, a recovery code.
    Cleans to `(kind, code)`."""

    code = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )

    def __init__(self, *args, recovery: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.recovery = recovery
        if recovery:
            self.fields["code"].label = _("Code from your authenticator app, or a recovery code")
        else:
            self.fields["code"].widget.attrs["inputmode"] = "numeric"

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if code.isdigit() and len(code) == 6:
            return (TOTP, code)
        recovery_code = recovery_codes.recovery_code_normalise(code)
        if self.recovery and len(recovery_code) == 8 and set(recovery_code) <= RECOVERY_CODE_LETTERS:
            return (RECOVERY, recovery_code)
        if self.recovery:
            raise forms.ValidationError(
                _(
                    "Type the six digits your app shows, or one of your recovery codes "
                    "(eight letters and digits)."
                )
            )
        raise forms.ValidationError(_("Type the six digits your app shows, without letters."))


def _code_accepted(request, form: CodeForm, device):
    """The device `form`'s code proves (her authenticator or her recovery codes), or None with
    the reason added to the form. A recovery code is spent (and logged)."""
    kind, code = form.cleaned_data["code"]
    if kind == RECOVERY:
        used = recovery_codes.recovery_code_use(request.user, code)
        if used is None:
            form.add_error("code", gettext("That recovery code is not right or has been used already."))
        return used
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        form.add_error(None, gettext("Too many wrong codes. Please wait a minute, then try again."))
        return None
    if not device.verify_token(code):
        form.add_error("code", WRONG_CODE)
        return None
    return device


def _signed_in_with(request, device) -> None:
    otp_login(request, device)
    # A new session key for the higher privilege, like Django does at sign-in.
    request.session.cycle_key()


def _page(request, template: str, context: dict, form: CodeForm):
    response = render(request, template, {**context, "form": form}, status=400 if form.errors else 200)
    response["Cache-Control"] = "no-store"
    return response


@login_required
def two_factor_view(request):
    """Set up her authenticator (first time) or type a code, then go where she was going."""
    user = request.user
    device = two_factor.totp_device_get(user)
    if device is None and not two_factor.two_factor_required(user):
        raise Http404
    next_url = safe_next(request) or "/admin/"
    if user.is_verified():
        return redirect(next_url)
    if device is None:
        return _setup(request, next_url)

    form = CodeForm(request.POST or None)
    if form.is_valid():
        used = _code_accepted(request, form, device)
        if used is not None:
            _signed_in_with(request, used)
            if used is not device:  # a recovery code: say how many are left
                left = recovery_codes.recovery_codes_left(user)
                messages.warning(
                    request,
                    ngettext(
                        "You used a recovery code; each works once. %(count)d recovery code left.",
                        "You used a recovery code; each works once. %(count)d recovery codes left.",
                        left,
                    )
                    % {"count": left},
                )
            return redirect(next_url)
    return _page(request, "accounts/two_factor.html", {"setting_up": False, "next": next_url}, form)


def _setup(request, next_url: str):
    """The first time: a key for her app (new on every visit, kept in this session only), then
    her first code, then her recovery codes."""
    user = request.user
    form = CodeForm(request.POST or None, recovery=False)
    pending = None
    if request.method == "POST":
        pending = two_factor.totp_setup_pending(user, request.session)
        if form.is_valid():
            device = two_factor.totp_setup_confirm(user, request.session, form.cleaned_data["code"][1])
            if device is not None:
                _signed_in_with(request, device)
                request.session[recovery_codes.SHOW_SESSION_KEY] = recovery_codes.recovery_codes_create(user)
                query = urlencode({"next": next_url})
                return redirect(f"{reverse('accounts:two-factor-recovery-codes')}?{query}")
            if two_factor.totp_device_get(user) is not None:
                messages.error(
                    request,
                    gettext(
                        "Two-step sign-in has just been set up for this account from another "
                        "browser. Type the code from that authenticator app. If it was not you, "
                        "tell an administrator now."
                    ),
                )
                return redirect(f"{reverse('accounts:two-factor')}?{urlencode({'next': next_url})}")
            if pending is None:
                form.add_error(None, EXPIRED)
            else:
                form.add_error("code", WRONG_CODE)
    if pending is None:
        pending = two_factor.totp_setup_start(user, request.session)
    context = {
        "setting_up": True,
        "next": next_url,
        "secret": two_factor.secret_grouped(pending),
        "config_url": pending.config_url,
        "qr_code": two_factor.qr_code_svg(pending, title=gettext("QR code for your authenticator app")),
    }
    return _page(request, "accounts/two_factor.html", context, form)


@login_required
def recovery_codes_view(request):
    """Her recovery codes: the new ones once, right after they are made; how many are left;
    and new ones (replacing the old) after she types a code again."""
    user = request.user
    device = two_factor.totp_device_get(user)
    if device is None:
        raise Http404
    if not user.is_verified():
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('accounts:two-factor')}?{query}")
    next_url = safe_next(request) or "/admin/"
    codes = request.session.pop(recovery_codes.SHOW_SESSION_KEY, None)
    form = CodeForm(request.POST or None)
    if form.is_valid() and _code_accepted(request, form, device) is not None:
        codes = recovery_codes.recovery_codes_create(user)
        recovery_codes.logger.info("%s made new recovery codes.", user.email)
    context = {
        "codes": [recovery_codes.recovery_code_display(code) for code in codes or ()],
        "left": recovery_codes.recovery_codes_left(user),
        "next": next_url,
    }
    return _page(request, "accounts/recovery_codes.html", context, form)
