"""The editorial moderation workflow: an editor writes and submits, a senior editor approves
and the page goes live (or is scheduled, with "go live" in the page's settings).

Stories, campaigns and events sit under the story index and the event index of each
language, so the "Moderation" workflow is assigned to those index pages: Wagtail applies
it to everything beneath them. Index pages made later get it as they are created (see
`cms.signal_handlers`). The rest of the site keeps Wagtail's default workflow.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

WORKFLOW_NAME = "Moderation"
TASK_NAME = "Senior editors approve"
SENIOR_EDITORS = "Senior editors"
EDITORS = "Editors"
# What a senior editor may do: everything an editor does on pages and images, plus publish.
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
IMAGE_PERMISSIONS = ("add_image", "choose_image", "change_image")
# Choosers for the artwork and artist cards need a view permission on the snippet.
CHOOSER_PERMISSIONS = (("gallery", "view_artwork"), ("artists", "view_artistprofile"))
MODERATED_INDEXES = (("cms", "storyindexpage"), ("cms", "eventindexpage"))


def _group_grant(group: Group, *, page_permissions) -> None:
    """Admin access, the page permissions on the whole tree, images in every collection
    and the choosers the story blocks use."""
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for app_label, codename in CHOOSER_PERMISSIONS:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission:
            group.permissions.add(permission)
    root = Page.get_first_root_node()
    if root is not None:
        for codename in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root,
                permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
            )
    collection = Collection.get_first_root_node()
    if collection is not None:
        for codename in IMAGE_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=Permission.objects.get(content_type__app_label="wagtailimages", codename=codename),
            )


@transaction.atomic
def editor_groups_ensure() -> tuple[Group, Group]:
    """The "Editors" (write and submit) and "Senior editors" (also approve and publish)
    groups with their permissions; missing permissions are added, nothing is taken away."""
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    _group_grant(editors, page_permissions=EDITOR_PAGE_PERMISSIONS)
    seniors, _ = Group.objects.get_or_create(name=SENIOR_EDITORS)
    _group_grant(seniors, page_permissions=PAGE_PERMISSIONS)
    return editors, seniors


@transaction.atomic
def moderation_workflow_ensure() -> Workflow:
    """The "Moderation" workflow with its one task, approval by the senior editors, made
    if missing and assigned to every story and event index page."""
    _editors, seniors = editor_groups_ensure()
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(seniors)
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in moderated_indexes():
        moderation_workflow_assign(page=page, workflow=workflow)
    return workflow


def moderated_indexes():
    """Every story and event index page, in every language."""
    return Page.objects.filter(
        content_type__app_label="cms", content_type__model__in=[model for _app, model in MODERATED_INDEXES]
    )


def moderation_workflow_assign(*, page: Page, workflow: Workflow | None = None) -> None:
    """Put everything under `page` through the Moderation workflow."""
    workflow = workflow or moderation_workflow_ensure()
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
