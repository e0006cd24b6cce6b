"""Moderation: an editor submits, a senior editor approves, the page goes live; scheduled
publishing works."""

import datetime
import time

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Workflow

import pytest

from cms.models import StoryPage
from cms.services_moderation import SENIOR_EDITORS, moderation_workflow_ensure
from tests.cms.editorial import story_index_make, story_make
from tests.factories import UserFactory, build_site


@pytest.fixture
def index(db):
    site = build_site()
    index = story_index_make(site)
    moderation_workflow_ensure()
    return index


@pytest.fixture
def people(index):
    from django.contrib.auth.models import Group

    editor = UserFactory(email="editor@example.org")
    editor.groups.add(Group.objects.get(name="Editors"))
    senior = UserFactory(email="senior@example.org")
    senior.groups.add(Group.objects.get(name=SENIOR_EDITORS))
    return editor, senior


def test_stories_in_every_language_go_through_the_moderation_workflow(index):
    story = story_make(index["ru"], title="Черновик", live=False)

    assert story.get_workflow() == Workflow.objects.get(name="Moderation")


def test_a_submitted_story_goes_live_when_a_senior_editor_approves_it(index, people):
    editor, senior = people
    story = story_make(index["en"], title="Awaiting approval", live=False)
    workflow = story.get_workflow()

    state = workflow.start(story, editor)
    task_state = state.current_task_state
    assert not StoryPage.objects.get(pk=story.pk).live
    assert [name for name, *_ in task_state.task.specific.get_actions(story, editor)] == []

    task_state.task.specific.on_action(task_state, senior, "approve")

    story.refresh_from_db()
    state.refresh_from_db()
    assert story.live
    assert state.status == state.STATUS_APPROVED


def test_a_story_scheduled_to_go_live_is_published_by_publish_scheduled(index):
    story = story_make(index["en"], title="Tomorrow's story", live=False)
    story.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    story.save_revision().publish()
    story.refresh_from_db()
    assert not story.live

    call_command("publish_scheduled")
    story.refresh_from_db()
    assert not story.live  # not yet

    time.sleep(2.5)
    call_command("publish_scheduled")

    story.refresh_from_db()
    assert story.live
