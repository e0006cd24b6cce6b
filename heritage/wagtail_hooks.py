"""The foundation's Wagtail hooks."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from heritage.accounts.documents import private_document_check
from heritage.admin.tasks_site import FAILED_TASKS_URL, may_see_tasks


# After Wagtail's own check of collection view restrictions (order 0).
@hooks.register("before_serve_document", order=10)
def private_documents_need_two_step_sign_in(document, request):
    return private_document_check(document, request)


class FailedTasksMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_tasks(request.user)


@hooks.register("register_settings_menu_item")
def failed_tasks_menu_item():
    """Emails given up on and other failed background work (heritage.admin.tasks_site)."""
    return FailedTasksMenuItem(_("Failed background tasks"), FAILED_TASKS_URL, icon_name="warning", order=900)
