"""Staff with and without finance rights, and the admin's own forms posted back, in tests."""

from django import forms
from django.contrib.auth.models import Permission

from tests.factories import UserFactory


def permissions(*names: str) -> list[Permission]:
    """Permissions by "app_label.codename"."""
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def staff_with(*names: str, **fields):
    """A member of staff who may open the admin and holds exactly `names`."""
    user = UserFactory(is_staff=True, **fields)
    user.user_permissions.add(*permissions("wagtailadmin.access_admin", *names))
    return user


def admin_form_data(form, **changes) -> dict:
    """What the browser posts back for an admin form as it was shown (its fields and empty
    inline formsets), with `changes` on top. Keys the form does not have can be forged in
    through `changes` too: that is the point of several tests."""
    data = {}
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        value = form[name].value()
        if isinstance(field, forms.BooleanField):
            if value:
                data[key] = "on"
            continue
        if isinstance(value, list | tuple):
            data[key] = [str(item) for item in value]
        else:
            data[key] = "" if value is None else value
    for formset in getattr(form, "formsets", {}).values():
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
    data.update(changes)
    return data
