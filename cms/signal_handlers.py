"""Signal receivers of the editorial app, connected in `CmsConfig.ready()`."""

from django.db import transaction
from django.db.models.signals import post_save

from wagtail.models import Page
from wagtail.signals import page_published

from .events.services import waitlist_promote_after_edit
from .models import EventIndexPage, EventPage, StoryIndexPage, StoryPage
from .services_moderation import moderation_workflow_assign
from .services_stories import story_consent_revoked, story_take_offline


def story_published(sender, instance, **kwargs):
    """Whatever published it — the editor, a workflow approval, a scheduled publication — a
    story whose consent is withdrawn goes straight back offline."""
    if story_consent_revoked(instance):
        story_take_offline(page=instance, reason="")


def event_published(sender, instance, **kwargs):
    """Publishing an event with more places (or with no limit any more) lets the waitlist in."""
    waitlist_promote_after_edit(event=instance)


def moderated_index_created(sender, instance, created, raw=False, **kwargs):
    """A new story or event index (in any language) gets the Moderation workflow."""
    if not created or raw:
        return
    page_pk = instance.pk
    transaction.on_commit(lambda: _assign(page_pk, moderation_workflow_assign))


def _assign(page_pk, assign):
    page = Page.objects.filter(pk=page_pk).first()
    if page is not None:
        assign(page=page)


def connect():
    page_published.connect(story_published, sender=StoryPage, dispatch_uid="cms.story_published")
    page_published.connect(event_published, sender=EventPage, dispatch_uid="cms.event_published")
    for model in (StoryIndexPage, EventIndexPage):
        post_save.connect(
            moderated_index_created,
            sender=model,
            dispatch_uid=f"cms.moderated_index_created.{model.__name__}",
        )
