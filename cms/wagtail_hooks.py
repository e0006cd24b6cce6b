"""Admin hooks for stories: a withdrawn consent takes the story offline as soon as the
editor saves it, and publishing is refused while any consent is withdrawn."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail import hooks

from .events import wagtail_hooks as events_hooks  # noqa: F401 - the events' admin screens
from .models import StoryPage
from .services_stories import draft_consent_revoked, story_consent_revoked, story_draft_revocations_apply


def _withdrawn_story_offline(request, page) -> list:
    taken = story_draft_revocations_apply(page=page, by=request.user)
    return taken


@hooks.register("after_edit_page")
def story_consent_withdrawn_on_save(request, page):
    """Saving a draft in which a consent is marked withdrawn takes the story offline now,
    in every language, instead of waiting for the draft to be published."""
    if isinstance(page, StoryPage) and draft_consent_revoked(page):
        _withdrawn_story_offline(request, page)
        messages.warning(
            request,
            _("A consent is withdrawn: the story is offline in every language and cannot be published."),
        )


@hooks.register("before_publish_page")
def story_publish_refused_without_consent(request, page):
    """No story is published while one of its consents is withdrawn; the withdrawal in the
    submitted form takes effect at once."""
    if not isinstance(page, StoryPage):
        return None
    if draft_consent_revoked(page) or story_consent_revoked(page):
        _withdrawn_story_offline(request, page)
        messages.error(
            request,
            _(
                "This story cannot be published: a person in it has withdrawn her consent. "
                "It is offline in every language."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
