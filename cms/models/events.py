from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from cms.events.forms import EventRegistrationForm
from cms.events.selectors import (
    EventFilters,
    event_cities,
    event_list_past,
    event_list_upcoming,
    event_places_left,
    event_source_get,
)
from cms.events.services import RegistrationError, registration_create, registration_is_open
from heritage.models import BasePage, optional_image
from heritage.ratelimit import rate_limit_refusal
from heritage.search import search_fields_folded

from ..blocks import StoryStreamBlock
from ..selectors_jsonld import event_jsonld
from .registrations import EventRegistration

PAST_PER_PAGE = 12


class EventIndexPage(BasePage):
    """Upcoming events first, then the archive; filters by type and city."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index page")

    def events(self):
        """Its live events in its own language."""
        return EventPage.objects.child_of(self).live().filter(locale_id=self.locale_id)

    def get_context(self, request, *args, **kwargs):
        """Its live events (in its language), upcoming first and the paged archive after,
        both narrowed by the type and city chosen in the query string."""
        context = super().get_context(request, *args, **kwargs)
        cities = event_cities(index=self)
        filters = EventFilters.from_query(request.GET, cities=cities, types=EventPage.Type.values)
        past = Paginator(event_list_past(index=self, filters=filters), PAST_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context.update(
            filters=filters,
            cities=cities,
            event_types=EventPage.Type.choices,
            upcoming=list(event_list_upcoming(index=self, filters=filters)),
            past=past,
        )
        return context


class EventPage(BasePage):
    """A workshop, master class, information session, talk or opening, in a place or online,
    with registration up to `capacity` and a waitlist after it. Times are kept in UTC and
    shown and entered in Asia/Dushanbe."""

    class Type(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        MASTER_CLASS = "master_class", _("Master class")
        INFO_SESSION = "info_session", _("Information session")
        TALK = "talk", _("Talk")
        OPENING = "opening", _("Exhibition opening")

    event_type = models.CharField(_("type"), max_length=16, choices=Type.choices)
    start = models.DateTimeField(_("starts"), db_index=True)
    end = models.DateTimeField(_("ends"))
    is_online = models.BooleanField(_("online"), default=False)
    venue = models.CharField(_("venue"), max_length=160, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True, db_index=True)
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Sent to registered people only, never shown publicly.")
    )
    event_language = models.CharField(
        _("language of the event"),
        max_length=8,
        choices=[("tg", "Тоҷикӣ"), ("ru", "Русский"), ("en", "English")],
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit. After it, people join a waitlist."),
    )
    registration_open = models.BooleanField(_("registration open"), default=True)
    intro = models.TextField(_("introduction"), max_length=600)
    hero_image = optional_image(_("image"))
    body = StreamField(StoryStreamBlock(), verbose_name=_("body"), blank=True)

    search_fields = search_fields_folded(
        [*BasePage.search_fields, index.SearchField("intro"), index.FilterField("start")]
    )
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("event_type"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When (Dushanbe time)")),
        MultiFieldPanel(
            [
                FieldPanel("is_online"),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("city"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("event_language"),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_open")], heading=_("Registration")),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        InlinePanel("speakers", label=_("Speakers")),
    ]
    parent_page_types = ["cms.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event page")

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if self.is_online and not self.online_url:
            errors["online_url"] = _("An online event needs the link registered people will join by.")
        if not self.is_online and not self.venue:
            errors["venue"] = _("Give the venue, or mark the event as online.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, form=None, **kwargs):
        """The event with its places left and, while registration is open, the form."""
        context = super().get_context(request, *args, **kwargs)
        source = event_source_get(self)
        is_open = registration_is_open(source)
        context.update(
            places_left=event_places_left(self),
            registration_is_open=is_open,
            form=(form or EventRegistrationForm()) if is_open else None,
            speakers=list(self.speakers.all()),
            jsonld=event_jsonld(self, request=request),
        )
        return context

    def serve(self, request, *args, **kwargs):
        """A POST registers the visitor (see `registration_create`) and sends her back to
        the page with the outcome; an invalid form is shown again with its errors."""
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        refusal = rate_limit_refusal(
            request, "event-registration", account=request.POST.get("registration-email")
        )
        if refusal:
            return refusal
        form = EventRegistrationForm(request.POST)
        if form.is_valid():
            try:
                registration = registration_create(
                    event=self, language=translation.get_language() or "en", **form.cleaned_data
                )
            except RegistrationError as error:
                form.add_error(None, error.message)
            else:
                if registration.status == EventRegistration.Status.CONFIRMED:
                    messages.success(
                        request,
                        _("Your place is confirmed. We have sent the details to %(email)s.")
                        % {"email": registration.email},
                    )
                else:
                    messages.info(
                        request,
                        _(
                            "The event is full, so you are on the waitlist. We will email %(email)s "
                            "as soon as a place frees up."
                        )
                        % {"email": registration.email},
                    )
                return redirect(self.get_url(request) + "#registration")
        context = self.get_context(request, *args, form=form, **kwargs)
        return TemplateResponse(request, self.get_template(request, *args, **kwargs), context, status=400)


class EventSpeaker(TranslatableMixin, Orderable):
    """A speaker of an event; translatable, so her role reads in the page's language."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=160, blank=True)
    artist = models.ForeignKey(
        "artists.ArtistProfile",
        verbose_name=_("artist"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("artist")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return self.name
