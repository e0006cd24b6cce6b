"""The weekly digest (`manage.py discovery_digest`, run once a week by a timer): for each
person with a follow or a saved search still emailing, one email — in her language, plain
text and HTML, with each new work's picture — or none when nothing is new.

Running it twice in a week sends nothing twice: each digest is recorded (`DigestSent`, one
per person per ISO week) in the same transaction that queues its email, so with the
database task queue a digest is either recorded and queued, or neither. The email goes
through `heritage.tasks.email_deliver`, which tries again while the mail server is down.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from heritage.emails import email_send_later, site_url, text_render

from .models import ArtistIndexPage, DigestSent, GalleryPage
from .selectors.discovery import digest_collect, digest_recipients, saved_search_describe
from .services_discovery import digest_record, unsubscribe_url

logger = logging.getLogger(__name__)

# The card's small JPEG (heritage.images.renditions.CARD_RENDITIONS): made at upload already.
EMAIL_RENDITION = "format-jpeg|fill-320x320"
TEMPLATE = "gallery/email/digest"


@dataclass
class DigestReport:
    sent: int = 0
    already: int = 0
    empty: int = 0
    failed: int = 0


def week_of(moment: datetime):
    """The Monday of `moment`'s ISO week, in UTC: the key of one digest per week."""
    day = moment.astimezone(timezone.UTC).date() if timezone.is_aware(moment) else moment.date()
    return day - timedelta(days=day.weekday())


def _absolute(url: str) -> str:
    return site_url(url) if url.startswith("/") else url


def _picture(work) -> dict | None:
    image = work.primary_image
    if image is None:
        return None
    rendition = image.get_rendition(EMAIL_RENDITION)
    return {
        "url": _absolute(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text,
    }


def _links():
    """Her language's gallery and artist index (as `translation.override` chose)."""
    return GalleryPage.for_active_locale(), ArtistIndexPage.for_active_locale()


def _work_item(work, gallery) -> dict:
    url = ""
    if gallery is not None:
        path = gallery.reverse_subpage("artwork", kwargs={"artist_slug": work.artist.slug, "slug": work.slug})
        url = _absolute(gallery.get_url() + path)
    return {"work": work, "url": url, "picture": _picture(work)}


def digest_context(user, digest) -> dict:
    """The template context of her digest, rendered inside her language."""
    gallery, artists = _links()
    gallery_url = _absolute(gallery.get_url()) if gallery is not None else site_url("/")
    sections = []
    for section in digest.artists:
        artist = section.follow.artist
        more_url = _absolute(artists.artist_url(artist)) if artists is not None else gallery_url
        sections.append(
            {
                "kind": "artist",
                "title": artist.display_name,
                "items": [_work_item(work, gallery) for work in section.works],
                "more": section.more,
                "more_url": more_url,
                "unsubscribe_url": unsubscribe_url(user=user, subscription=section.follow),
            }
        )
    for section in digest.searches:
        sections.append(
            {
                "kind": "search",
                "title": saved_search_describe(section.search.query),
                "items": [_work_item(work, gallery) for work in section.works],
                "more": section.more,
                "more_url": f"{gallery_url}?{section.search.query}",
                "unsubscribe_url": unsubscribe_url(user=user, subscription=section.search),
            }
        )
    return {
        "user": user,
        "sections": sections,
        "count": len(digest.works),
        "site_url": site_url(),
        "unsubscribe_url": unsubscribe_url(user=user),
    }


def digest_email(user, digest) -> EmailMultiAlternatives:
    """Her digest as an email: subject and plain text (`text_render`, no HTML escaping) and
    the HTML version, with RFC 8058 one-click unsubscribe headers stopping every digest."""
    with translation.override(user.language):
        context = digest_context(user, digest)
        subject = " ".join(text_render(f"{TEMPLATE}_subject.txt", context).split())
        body = text_render(f"{TEMPLATE}_body.txt", context)
        html = render_to_string(f"{TEMPLATE}_body.html", {**context, "LANGUAGE_CODE": user.language})
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def digests_send(*, now: datetime | None = None, progress=None) -> DigestReport:
    """Send this week's digests; safe to run again (what was sent is recorded)."""

    now = now or timezone.now()
    week = week_of(now)
    report = DigestReport()
    for user in digest_recipients():
        if DigestSent.objects.filter(user=user, week=week).exists():
            report.already += 1
            continue
        with translation.override(user.language):
            digest = digest_collect(user=user, until=now)
        works = digest.works
        if not works:
            report.empty += 1
            continue
        try:
            message = digest_email(user, digest)
            with transaction.atomic():
                if digest_record(user=user, week=week, until=now, artworks=works) is None:
                    report.already += 1
                    continue
                email_send_later(message)
        except Exception:
            # One person's digest (a broken picture, tasks run inline with the mail server
            # down) must not stop everyone else's; nothing was recorded, so the next run
            # tries her again.
            logger.exception("Weekly digest for user %s not sent", user.pk)
            report.failed += 1
            continue
        report.sent += 1
        if progress is not None:
            progress(user, len(works))
    return report
