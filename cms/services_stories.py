"""Writes for stories: consent and what follows when it is withdrawn.

A woman who appears in a story can withdraw her consent at any time. From that moment the
story — in every language — is taken offline and stays offline: publishing it again
(from the editor, a workflow approval or a scheduled publication) is refused while any of
its consents is revoked. The editors are told by email, after the change is committed.
"""

from django.db import transaction
from django.utils import timezone

from heritage.emails import editors_notify, site_url

from .models import StoryConsent, StoryPage

NOTIFY_PERMISSION = "wagtailadmin.access_admin"


def story_translations(page: StoryPage):
    """The story in every language (itself included)."""
    return StoryPage.objects.filter(translation_key=page.translation_key)


def story_consent_revoked(page: StoryPage) -> bool:
    """Whether anyone in this story, in any of its languages, has withdrawn her consent."""
    return StoryConsent.objects.filter(
        page__translation_key=page.translation_key, revoked_at__isnull=False
    ).exists()


def draft_consent_revoked(page: StoryPage) -> bool:
    """Whether the story as being edited (its consents in memory, not yet saved) records a
    withdrawn consent."""
    return any(consent.revoked_at for consent in page.consents.all())


@transaction.atomic
def story_take_offline(*, page: StoryPage, by=None, reason: str = "") -> list[StoryPage]:
    """Unpublish the story in every language that is live, now, and tell the editors once
    the change is committed. Returns the pages taken offline."""
    taken = []
    for translation in story_translations(page).filter(live=True).select_for_update():
        translation.unpublish(user=by)
        taken.append(translation)
    if taken:
        titles = [story.title for story in taken]
        transaction.on_commit(lambda: _editors_tell(page_pk=page.pk, titles=titles, reason=reason))
    return taken


def _editors_tell(*, page_pk: int, titles: list[str], reason: str) -> None:
    editors_notify(
        permission=NOTIFY_PERMISSION,
        template="cms/email/story_offline",
        context={
            "titles": titles,
            "reason": reason,
            "edit_url": site_url(f"/admin/pages/{page_pk}/edit/"),
        },
    )


@transaction.atomic
def story_consent_revoke(*, consent: StoryConsent, by=None, when=None) -> list[StoryPage]:
    """Record that `consent` is withdrawn (now, unless `when` says otherwise) and take the
    story offline in every language. Returns the pages taken offline."""
    consent.revoked_at = when or timezone.now()
    consent.save(update_fields=["revoked_at"])
    return story_take_offline(page=consent.page, by=by, reason=consent.person_name)


@transaction.atomic
def story_draft_revocations_apply(*, page: StoryPage, by=None) -> list[StoryPage]:
    """After an editor saved a story whose consents say one is withdrawn: record the
    withdrawal on the stored consents (saving a draft alone would keep it in the draft) and
    take the story offline in every language."""
    revoked = {consent.pk: consent.revoked_at for consent in page.consents.all() if consent.revoked_at}
    names = []
    for consent in StoryConsent.objects.filter(pk__in=[pk for pk in revoked if pk], revoked_at__isnull=True):
        consent.revoked_at = revoked[consent.pk]
        consent.save(update_fields=["revoked_at"])
        names.append(consent.person_name)
    if not names:
        names = [consent.person_name for consent in page.consents.all() if consent.revoked_at]
    return story_take_offline(page=page, by=by, reason=", ".join(names))
