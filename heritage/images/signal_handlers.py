"""Queue the public renditions of an image once it is stored: on upload, or when its file
is replaced. The task runs after the transaction commits, so it always sees the new file."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_init, post_save

from wagtail.images import get_image_model

from .tasks import renditions_generate

UNKNOWN = object()


def _file_name(instance):
    """The stored file's name, without a query: UNKNOWN when the field was deferred."""
    value = instance.__dict__.get("file", UNKNOWN)
    if value is UNKNOWN:
        return UNKNOWN
    return getattr(value, "name", value) or ""


def _remember_file_name(sender, instance, **kwargs):
    instance._file_name_at_load = _file_name(instance)


def _queue_renditions(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if not settings.HERITAGE_RENDITIONS_AFTER_UPLOAD:
        return
    if raw or not instance.file or (update_fields is not None and "file" not in update_fields):
        return
    file_name = instance.file.name
    previous = getattr(instance, "_file_name_at_load", UNKNOWN)
    instance._file_name_at_load = file_name
    if not created and previous == file_name:
        return
    if not created and previous is not UNKNOWN:
        # A new file: renditions of the previous one would otherwise count as made.
        instance.renditions.all().delete()
    transaction.on_commit(partial(renditions_generate.enqueue, instance.pk))


def register_signal_handlers():
    image_model = get_image_model()
    post_init.connect(_remember_file_name, sender=image_model, dispatch_uid="heritage_image_file_name")
    post_save.connect(_queue_renditions, sender=image_model, dispatch_uid="heritage_image_renditions")
