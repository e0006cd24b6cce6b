"""The finance log: every change of a finance field, wherever the save comes from.

The rule sits on the models' save signals, so the admin, the studio, services and the shell
all pass through it. Before a save the stored values are read; after it, each field whose
value differs is written to `FinanceAuditEntry` (masked when secret) and
`finance_fields_changed` is sent. A new row is not a change and is not logged; neither are
`QuerySet.update()` calls, which no code uses on these fields.

Who made the change is the user of Wagtail's log context: the admin sets it for every view,
the studio for hers (`artists.permissions.artist_required`); without one the change is the
system's.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save, pre_save

from wagtail.log_actions import get_active_log_context

from heritage.models.finance import FinanceAuditEntry

from .fields import finance_fields_of, finance_models
from .signals import finance_fields_changed

STORED_ATTRIBUTE = "_finance_stored_values"


@dataclass(frozen=True)
class FieldChange:
    name: str
    old: object
    new: object


def _watched(instance, update_fields) -> list[str]:
    names = finance_fields_of(instance).names
    if update_fields is not None:
        names = [name for name in names if name in update_fields]
    return list(names)


def _comparable(model, name: str, value):
    """The value as it means: a browser sends a textarea back with CRLF line ends and the
    form strips the ends, which does not change where money goes."""
    field = model._meta.get_field(name)
    value = field.to_python(value)
    if value is None and field.empty_strings_allowed:
        return ""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    return value


def remember_stored_values(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save: keep the values the row holds now, to compare after the save."""
    if raw or instance._state.adding or instance.pk is None:
        return
    names = _watched(instance, update_fields)
    if not names:
        return
    stored = sender._base_manager.using(kwargs.get("using")).filter(pk=instance.pk).values(*names).first()
    setattr(instance, STORED_ATTRIBUTE, stored)


def acting_user():
    user = get_active_log_context().user
    return user if user is not None and user.is_authenticated else None


def record_changes(sender, instance, created=False, raw=False, **kwargs):
    """post_save: log each finance field the save changed, then tell the owning app."""
    stored = instance.__dict__.pop(STORED_ATTRIBUTE, None)
    if raw or created or not stored:
        return
    declaration = finance_fields_of(instance)
    changes = [
        FieldChange(name, old, getattr(instance, name))
        for name, old in stored.items()
        if _comparable(sender, name, old) != _comparable(sender, name, getattr(instance, name))
    ]
    if not changes:
        return
    by = acting_user()
    object_type = ContentType.objects.db_manager(kwargs.get("using")).get_for_model(sender)
    FinanceAuditEntry.objects.using(kwargs.get("using")).bulk_create(
        FinanceAuditEntry(
            user=by,
            user_label=by.get_username() if by else "",
            object_type=object_type,
            object_id=str(instance.pk),
            object_label=str(instance)[:255],
            field_name=change.name,
            field_label=str(sender._meta.get_field(change.name).verbose_name)[:120],
            old_value=declaration.value_for_log(change.name, change.old)[:255],
            new_value=declaration.value_for_log(change.name, change.new)[:255],
        )
        for change in changes
    )
    finance_fields_changed.send(sender=sender, instance=instance, changes=changes, by=by)


def register_signal_handlers():
    """Watch every model declared with `@finance_fields` (all are imported by now)."""
    for model in finance_models():
        uid = f"heritage.finance.{model._meta.label_lower}"
        pre_save.connect(remember_stored_values, sender=model, dispatch_uid=f"{uid}.pre")
        post_save.connect(record_changes, sender=model, dispatch_uid=f"{uid}.post")
