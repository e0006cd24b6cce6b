"""Signal receivers of the editorial app, connected in `CmsConfig.ready()`."""

from django.db import transaction
from django.db.models.signals import post_save

from wagtail.signals import page_published


def story_published(sender, instance, **kwargs):
    """Whatever published it — the editor, a workflow approval, a scheduled publication — a
    story whose consent is withdrawn goes straight back offline."""
    from .services_stories import story_consent_revoked, story_take_offline

    if story_consent_revoked(instance):
        story_take_offline(page=instance, reason="")


def event_published(sender, instance, **kwargs):
    """Publishing an event with more places (or with no limit any more) lets the waitlist in."""
    from .services_events import waitlist_promote_after_edit

    waitlist_promote_after_edit(event=instance)


def moderated_index_created(sender, instance, created, raw=False, **kwargs):
    """A new story or event index (in any language) gets the Moderation workflow."""
    if not created or raw:
        return
    from .services_moderation import moderation_workflow_assign

    page_pk = instance.pk
    transaction.on_commit(lambda: _assign(page_pk, moderation_workflow_assign))


def _assign(page_pk, assign):
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_pk).first()
    if page is not None:
        assign(page=page)


def connect():
    from .models import EventIndexPage, EventPage, StoryIndexPage, StoryPage

    page_published.connect(story_published, sender=StoryPage, dispatch_uid="cms.story_published")
    page_published.connect(event_published, sender=EventPage, dispatch_uid="cms.event_published")
    for model in (StoryIndexPage, EventIndexPage):
        post_save.connect(
            moderated_index_created,
            sender=model,
            dispatch_uid=f"cms.moderated_index_created.{model.__name__}",
        )
