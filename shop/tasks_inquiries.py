"""Emails that relay a buyer's question to the artist and the artist's answer to the buyer."""

from django.tasks import task
from django.urls import reverse
from django.utils import translation

from heritage.emails import email_build, email_send_later, site_url

from .models import Inquiry, InquiryMessage


@task
def inquiry_message_notify(*, inquiry_id: int, sender: str) -> bool:
    """Tell the other side that a new message is waiting, with the message itself and a link
    to answer (the artist's studio, or the buyer's secret link). No addresses are shared. The
    email is sent by its own task, retried while the mail server is down."""
    inquiry = Inquiry.objects.select_related("artist__user", "artwork").filter(pk=inquiry_id).first()
    if inquiry is None:
        return False
    message = inquiry.messages.order_by("-created_at", "-pk").first()
    if sender == InquiryMessage.Sender.BUYER:
        user = inquiry.artist.user
        if user is None or not user.email:
            return False
        language, to = user.language, user.email
        with translation.override(language):
            link = site_url(reverse("shop_studio:inquiry-detail", kwargs={"pk": inquiry.pk}))
        template = "shop/email/inquiry_to_artist"
    else:
        language, to = inquiry.language, inquiry.email
        with translation.override(language):
            link = site_url(reverse("shop:inquiry-thread", kwargs={"token": inquiry.token}))
        template = "shop/email/inquiry_to_buyer"
    email_send_later(
        email_build(
            to=[to],
            language=language,
            template=template,
            context={"inquiry": inquiry, "message": message, "link": link},
        )
    )
    return True
