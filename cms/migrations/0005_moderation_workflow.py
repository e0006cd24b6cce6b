"""The "Moderation" workflow: editors submit stories, campaigns and events, the "Senior
editors" group approves them. Made here for existing databases (and assigned to the index
pages they already have); `cms.services_moderation.moderation_workflow_ensure()` does the
same for the demo seed and adds the permissions created after migrations."""

from django.db import migrations

WORKFLOW_NAME = "Moderation"
TASK_NAME = "Senior editors approve"
SENIOR_EDITORS = "Senior editors"
PAGE_CODENAMES = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")


def moderation_workflow_create(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    seniors, _ = Group.objects.get_or_create(name=SENIOR_EDITORS)
    admin_access = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    seniors.permissions.add(*admin_access)
    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is not None:
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=PAGE_CODENAMES
        ):
            GroupPagePermission.objects.get_or_create(group=seniors, page=root, permission=permission)

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(seniors)
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    indexes = Page.objects.filter(
        content_type__app_label="cms", content_type__model__in=["storyindexpage", "eventindexpage"]
    )
    for page in indexes:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_navigation_settings"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(moderation_workflow_create, migrations.RunPython.noop)]
