"""Security headers beyond Django's own.

The Content-Security-Policy comes from Django's own middleware (settings.SECURE_CSP); this
module adds what it needs from us: the origins that serve media when they live in a bucket,
the paths left outside the policy (settings.CSP_EXCLUDE_URL_PREFIXES: the Wagtail admin), and
the Permissions-Policy header, which Django does not send.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.views.decorators.csp import csp_override, csp_report_only_override

PERMISSIONS_POLICY_HEADER = "Permissions-Policy"


def media_origins(
    *,
    bucket_name: str,
    endpoint_url: str = "",
    region_name: str = "",
    addressing_style: str = "",
    custom_domain: str = "",
) -> list[str]:
    """The origins from which pages load media when they are kept in `bucket_name`.

    Renditions come from the CDN when `custom_domain` is set; editors and artists also see
    signed links that always go to the bucket itself. Which host the bucket answers on
    depends on the addressing style: `endpoint/bucket/key` ("path") or `bucket.endpoint/key`
    ("virtual"). Left on "auto", boto names AWS buckets the virtual way and may choose either
    for another provider's endpoint, so both are allowed there.
    """
    if not bucket_name:
        return []
    origins = []
    if custom_domain:
        origins.append(f"https://{custom_domain.strip('/')}")
    if endpoint_url:
        parts = urlsplit(endpoint_url)
        scheme, host = parts.scheme or "https", parts.netloc
    else:
        scheme = "https"
        host = f"s3.{region_name}.amazonaws.com" if region_name else "s3.amazonaws.com"
    if addressing_style == "path" or (endpoint_url and addressing_style != "virtual"):
        origins.append(f"{scheme}://{host}")
    if addressing_style != "path":
        origins.append(f"{scheme}://{bucket_name}.{host}")
        if not endpoint_url:
            # AWS names some buckets by the global host, whatever their region.
            origins.append(f"{scheme}://{bucket_name}.s3.amazonaws.com")
    return list(dict.fromkeys(origins))


def permissions_policy_header(policy: dict[str, list[str]]) -> str:
    """`{"camera": [], "fullscreen": ["self", "https://player.vimeo.com"]}` →
    `camera=(), fullscreen=(self "https://player.vimeo.com")`: "self" and "*" stay bare
    tokens, origins are quoted strings, as the header's structured syntax requires."""
    features = []
    for feature, allowed in policy.items():
        members = " ".join(item if item in {"self", "*"} else f'"{item}"' for item in allowed)
        features.append(f"{feature}=({members})")
    return ", ".join(features)


class PermissionsPolicyMiddleware:
    """Sends settings.PERMISSIONS_POLICY as the Permissions-Policy header on every response
    that does not set its own, so that no page (nor anything injected into one) can ask for
    the camera, the microphone, the reader's location or the browser's payment sheet."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", None)
        if policy and PERMISSIONS_POLICY_HEADER not in response:
            response[PERMISSIONS_POLICY_HEADER] = permissions_policy_header(policy)
        return response


class AdminOutsideCSPMiddleware:
    """Leaves the paths in settings.CSP_EXCLUDE_URL_PREFIXES without a Content-Security-Policy:
    the Wagtail admin runs inline scripts and styles of its own. Placed just after Django's
    ContentSecurityPolicyMiddleware, it marks those responses the way `@csp_override({})`
    marks a view, so every other header still reaches them."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.outside_policy = csp_override({})(csp_report_only_override({})(get_response))

    def __call__(self, request):
        prefixes = tuple(getattr(settings, "CSP_EXCLUDE_URL_PREFIXES", ()))
        if prefixes and request.path_info.startswith(prefixes):
            return self.outside_policy(request)
        return self.get_response(request)
