"""Keeps the Wagtail admin, and the background tasks' screens of Django's admin, shut to staff
who must use a second factor until they have."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from heritage.accounts.two_factor import two_factor_required

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
# Signing in and out of the admin happen before and after the second factor.
OPEN_ADMIN_PATHS = ("/admin/login/", "/admin/logout/", "/admin/password_reset/")


class StaffTwoFactorMiddleware:
    """Sends a person who needs two-factor sign-in (see `two_factor_required`) and has not
    typed a code this session from any admin page to the code page, and back afterwards.
    Needs django-otp's OTPMiddleware before it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if (
            path.startswith(ADMIN_PREFIXES)
            and not path.startswith(OPEN_ADMIN_PATHS)
            and two_factor_required(request.user)
            and not request.user.is_verified()
        ):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts:two-factor')}?{query}")
        return self.get_response(request)
