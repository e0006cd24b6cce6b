"""Emails to people, in the language each of them chose, built from two templates:
`<prefix>_subject.txt` and `<prefix>_body.txt` (plain text: light on old phones)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template import Context
from django.template.loader import get_template
from django.utils import translation

from .tasks import email_deliver


def site_url(path: str = "") -> str:
    """An absolute link to the public site, for emails sent outside a request."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def text_render(template_name: str, context: dict) -> str:
    """A plain-text template rendered without HTML escaping: an email is not a web page, and
    a title like "Grandmother's <garden>" must arrive as typed, not as HTML entities."""
    return get_template(template_name).template.render(Context(context, autoescape=False))


def email_build(*, to: list[str], language: str, template: str, context: dict) -> EmailMessage:
    """Render the subject and body in `language`; links reversed inside get its URL prefix."""
    with translation.override(language):
        context = {"site_url": site_url(), **context}
        subject = text_render(f"{template}_subject.txt", context)
        body = text_render(f"{template}_body.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
    )


def email_send_later(message: EmailMessage) -> None:
    """Send an email from the task worker, which tries again later if the mail server is
    down (heritage.tasks.email_deliver): the caller's work never fails for want of email.
    Plain text, with at most one HTML alternative; no attachments."""
    alternatives = list(getattr(message, "alternatives", None) or [])
    if getattr(message, "attachments", None) or len(alternatives) > 1:
        raise ValueError("Only emails without attachments, with at most an HTML version, can be sent later.")
    html = ""
    if alternatives:
        content, mimetype = alternatives[0]
        if mimetype != "text/html":
            raise ValueError("Only an HTML alternative can be sent later.")
        html = content
    email_deliver.enqueue(
        subject=message.subject,
        body=message.body,
        from_email=message.from_email,
        to=list(message.to),
        cc=list(message.cc),
        bcc=list(message.bcc),
        reply_to=list(message.reply_to),
        headers=dict(message.extra_headers),
        html=html,
    )


def editor_recipients(permission: str) -> dict[str, list[str]]:
    """Active people who hold `permission` ("app_label.codename"), directly, through a group
    (how Wagtail's user screens grant it) or as superusers, grouped by the language each
    chose for emails: {"ru": [...], "en": [...]}."""
    app_label, codename = permission.split(".")
    direct = Q(user_permissions__codename=codename, user_permissions__content_type__app_label=app_label)
    via_group = Q(
        groups__permissions__codename=codename, groups__permissions__content_type__app_label=app_label
    )
    users = (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | direct | via_group, is_active=True)
        .distinct()
        .order_by("email")
    )
    grouped: dict[str, list[str]] = {}
    for email, language in users.values_list("email", "language"):
        grouped.setdefault(language, []).append(email)
    return grouped


def editors_notify(*, permission: str, template: str, context: dict) -> int:
    """Email every editor holding `permission`, each in her own language. Returns the count."""
    sent = 0
    for language, recipients in editor_recipients(permission).items():
        email_build(to=recipients, language=language, template=template, context=context).send()
        sent += len(recipients)
    return sent
