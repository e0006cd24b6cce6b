"""The background tasks' screens, in Django's admin at /django-admin/: what the task worker did,
and above all what it gave up on (an email refused for good or still failing after its last
attempt, heritage.tasks). Only superusers and finance staff may look, after the same two-step
sign-in as the Wagtail admin (heritage.accounts.middleware); the Wagtail admin links here.

A task's arguments are not shown: an email's body may hold a link meant for its recipient only.
"""

from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from heritage.finance.fields import user_manages_finance

FAILED_TASKS_URL = "/django-admin/django_tasks_database/dbtaskresult/?status__exact=FAILED"
# What a task's keyword arguments may show of an email: who it was for and what it was about.
SHOWN_ARGUMENTS = ("to", "subject", "attempt")


def may_see_tasks(user) -> bool:
    """Superusers and finance staff (heritage.manage_finance)."""
    return bool(user.is_active and (user.is_superuser or user_manages_finance(user)))


class TaskAdminSite(admin.AdminSite):
    site_header = _("TajikHeritage background tasks")
    site_title = _("Background tasks")
    index_title = _("Background tasks")
    site_url = "/admin/"

    def has_permission(self, request) -> bool:
        return may_see_tasks(request.user)

    def login(self, request, extra_context=None):
        """One sign-in for staff, the Wagtail admin's (rate limits, two-step sign-in)."""
        if request.user.is_authenticated:
            raise PermissionDenied
        return redirect(f"/admin/login/?{urlencode({'next': request.GET.get('next', '/django-admin/')})}")

    def password_change(self, request, extra_context=None):
        return redirect("/admin/account/")


class TaskResultAdmin(DBTaskResultAdmin):
    list_display = ("task_name", "status", "summary", "enqueued_at", "finished_at")
    search_fields = ("task_path",)

    def has_view_permission(self, request, obj=None) -> bool:
        return may_see_tasks(request.user)

    def has_module_permission(self, request) -> bool:
        return may_see_tasks(request.user)

    def get_readonly_fields(self, request, obj=None) -> list[str]:
        fields = [name for name in super().get_readonly_fields(request, obj) if name != "args_kwargs"]
        return [*fields, "summary"]

    @admin.display(description=_("Details"))
    def summary(self, obj: DBTaskResult) -> str:
        kwargs = (obj.args_kwargs or {}).get("kwargs", {})
        shown = {name: kwargs[name] for name in SHOWN_ARGUMENTS if name in kwargs}
        ids = {name: value for name, value in kwargs.items() if name.endswith("_id")}
        return ", ".join(f"{name}: {value}" for name, value in {**shown, **ids}.items()) or "-"


task_admin_site = TaskAdminSite(name="task_admin")
task_admin_site.register(DBTaskResult, TaskResultAdmin)
