"""Template helpers for forms: pick a form's fields by name for a part of a long form."""

from django import template

register = template.Library()


@register.filter
def fields_named(form, names: str) -> list:
    """`form|fields_named:"payout_method,payout_details"`: those bound fields, in that order."""
    return [form[name.strip()] for name in names.split(",") if name.strip()]
