"""Writes for event registration: take a place (or a waitlist spot) and give it back.

Places are counted on the event's original page (see `event_source_get`), whose row is
locked for the whole decision, so two people can never both take the last place: on
PostgreSQL through `SELECT … FOR UPDATE`; on SQLite a writing transaction already excludes
every other writer. Emails leave only after the decision is committed.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models.registrations import EventRegistration
from heritage.email_address import email_canonical

from .selectors import event_source_get
from .tasks import registration_notify


class RegistrationError(Exception):
    """Why a registration was refused, in words for the visitor."""

    message = _("Registration is not possible right now.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class RegistrationClosed(RegistrationError):
    message = _("Registration for this event is closed.")


class AlreadyRegistered(RegistrationError):
    message = _(
        "This email address is already registered for this event. "
        "To change anything, use the cancel link in the email we sent you, then register again."
    )


def registration_is_open(event) -> bool:
    """Open while editors leave it open and the event has not begun."""
    return event.registration_open and event.start > timezone.now()


def _event_lock(event):
    """The original page of `event`, read again with its row locked until the transaction ends."""
    source = event_source_get(event)
    return type(source).objects.select_for_update(of=("self",)).get(pk=source.pk)


def _notify_on_commit(registration: EventRegistration, kind: str) -> None:
    registration_id = registration.pk
    transaction.on_commit(lambda: registration_notify.enqueue(registration_id=registration_id, kind=kind))


@transaction.atomic
def registration_create(
    *, event, name: str, email: str, phone: str = "", language: str = "en"
) -> EventRegistration:
    """Register someone for `event` (any translation of it).

    She gets a confirmed place while the event has places left, and a waitlist spot after
    that (an event without capacity never fills). One active registration per email address
    and event: a second one is refused. Refused too once registration is closed. She is
    emailed in `language`: the confirmation (with the online link, if any) or the waitlist
    notice, each with a link to cancel.
    """
    source = _event_lock(event)
    if not registration_is_open(source):
        raise RegistrationClosed
    email = email_canonical(email)  # one registration per address however it is typed
    active = source.registrations.exclude(status=EventRegistration.Status.CANCELLED)
    if active.filter(email=email).exists():
        raise AlreadyRegistered
    confirmed = active.filter(status=EventRegistration.Status.CONFIRMED).count()
    full = source.capacity is not None and confirmed >= source.capacity
    registration = EventRegistration(
        event=source,
        name=name.strip(),
        email=email,
        phone=phone.strip(),
        language=language,
        status=EventRegistration.Status.WAITLISTED if full else EventRegistration.Status.CONFIRMED,
    )
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as error:  # the one-per-email constraint: the lock makes this rare
        raise AlreadyRegistered from error
    _notify_on_commit(registration, registration.status)
    return registration


@transaction.atomic
def registration_cancel(*, token: str) -> EventRegistration | None:
    """Give back the place (or waitlist spot) behind `token`; None if the token is unknown.

    Cancelling twice changes nothing. A freed confirmed place goes to the first person on
    the waitlist (and to the next ones while places remain), each emailed that she is in,
    as long as the event has not begun.
    """
    registration = EventRegistration.objects.filter(token=token).only("pk", "event_id").first()
    if registration is None:
        return None
    # The event page's model, through the registration's own relation: the page models
    # import these services, so the services do not import them.
    event_model = EventRegistration._meta.get_field("event").related_model
    source = event_model.objects.select_for_update(of=("self",)).get(pk=registration.event_id)
    registration = EventRegistration.objects.get(pk=registration.pk)
    if registration.status == EventRegistration.Status.CANCELLED:
        return registration
    registration.status = EventRegistration.Status.CANCELLED
    registration.save(update_fields=["status"])
    _notify_on_commit(registration, "cancelled")
    waitlist_promote(event=source)
    return registration


@transaction.atomic
def waitlist_promote_after_edit(*, event) -> list[EventRegistration]:
    """After an editor publishes the event (more places, say): those on the waitlist who
    now fit are moved up and emailed, as when someone cancels."""
    return waitlist_promote(event=_event_lock(event))


def waitlist_promote(*, event) -> list[EventRegistration]:
    """Move people from the waitlist to confirmed places, first come first served, while
    `event` (an original page, locked by the caller) has places free and has not begun.
    Returns those promoted; each is emailed."""
    if event.start <= timezone.now():
        return []
    waiting = event.registrations.filter(status=EventRegistration.Status.WAITLISTED).order_by(
        "created_at", "pk"
    )
    if event.capacity is not None:
        confirmed = event.registrations.filter(status=EventRegistration.Status.CONFIRMED).count()
        waiting = waiting[: max(event.capacity - confirmed, 0)]
    promoted = list(waiting)
    for registration in promoted:
        registration.status = EventRegistration.Status.CONFIRMED
        registration.save(update_fields=["status"])
        _notify_on_commit(registration, "promoted")
    return promoted
