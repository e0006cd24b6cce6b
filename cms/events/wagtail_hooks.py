"""Registrants in the Wagtail admin: every event with its counts, each event's list of
people with their status, and a CSV of it. Registrations change only through the
services (the visitor's form and cancel link), so these screens only read.

Who may look: holders of "Can view event registration", and whoever may edit the event
page itself (its editors reach the list from the page's header menu).
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets.button import Button

from cms.models.events import EventPage
from heritage.csv import csv_response

from .selectors import event_list_with_registrations, event_source_get, registration_list

VIEW_PERMISSION = "cms.view_eventregistration"


def may_view_registrants(user, event: EventPage | None = None) -> bool:
    if user.has_perm(VIEW_PERMISSION):
        return True
    return event is not None and event.permissions_for_user(user).can_edit()


def _event_for(request, pk: int) -> EventPage:
    event = event_source_get(get_object_or_404(EventPage, pk=pk))
    if not may_view_registrants(request.user, event):
        raise PermissionDenied
    return event


class RegistrantsOverviewView(WagtailAdminTemplateMixin, TemplateView):
    """Every event once, the latest first, with its confirmed, waitlisted and cancelled counts."""

    template_name = "cms/admin/event_registrations_index.html"
    page_title = gettext_lazy("Event registrations")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not may_view_registrants(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            events=event_list_with_registrations(events=EventPage.objects), **kwargs
        )


class RegistrantsView(WagtailAdminTemplateMixin, TemplateView):
    """One event's registrants in the order they came, with status and contact details."""

    template_name = "cms/admin/event_registrations.html"
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        self.event = _event_for(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Registrations: %(event)s") % {"event": self.event.title}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("event_registrations:index"), "label": _("Event registrations")},
            {"url": "", "label": self.event.title},
        ]

    def get_context_data(self, **kwargs):
        registrations = list(registration_list(event=self.event))
        return super().get_context_data(
            event=self.event,
            registrations=registrations,
            confirmed=sum(r.status == "confirmed" for r in registrations),
            waitlisted=sum(r.status == "waitlisted" for r in registrations),
            **kwargs,
        )


def registrants_csv(request, pk: int):
    """The event's registrants as CSV. Names and phones come from the public: a cell that
    starts like a formula is quoted so a spreadsheet shows it as text instead of running it."""
    event = _event_for(request, pk)
    return csv_response(
        f"registrations-{event.slug}-{timezone.localdate():%Y-%m-%d}.csv",
        [_("Name"), _("Email"), _("Phone"), _("Status"), _("Language"), _("Registered at")],
        (
            [
                registration.name,
                registration.email,
                registration.phone,
                registration.get_status_display(),
                registration.language,
                timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
            ]
            for registration in registration_list(event=event)
        ),
    )


class RegistrantsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_registrants(request.user)


class EventRegistrationsViewSet(ViewSet):
    name = "event_registrations"
    url_namespace = "event_registrations"
    url_prefix = "events/registrations"
    icon = "group"
    menu_label = gettext_lazy("Event registrations")
    menu_item_class = RegistrantsMenuItem
    add_to_admin_menu = True
    menu_order = 250

    def get_urlpatterns(self):
        return [
            path("", RegistrantsOverviewView.as_view(), name="index"),
            path("<int:pk>/", RegistrantsView.as_view(), name="event"),
            path("<int:pk>/registrations.csv", registrants_csv, name="csv"),
        ]


@hooks.register("register_admin_viewset")
def register_event_registrations_viewset():
    return EventRegistrationsViewSet()


@hooks.register("register_page_header_buttons")
def event_registrants_button(page, user, view_name, next_url=None):
    """ "Registrations" in an event page's header menu, for those allowed to see them."""
    if (
        page.specific_class is not None
        and issubclass(page.specific_class, EventPage)
        and may_view_registrants(user, page)
    ):
        yield Button(
            _("Registrations"),
            url=reverse("event_registrations:event", args=[page.pk]),
            icon_name="group",
            priority=80,
        )
