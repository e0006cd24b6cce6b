from django import template

from ..money import money_format

register = template.Library()


@register.simple_tag
def money(amount, currency):
    """{% money order.total order.currency %} → "1,550 TJS"."""
    if amount is None or not currency:
        return ""
    return money_format(int(amount), currency)


@register.filter
def tjs(amount):
    """{{ offer.price_amount|tjs }} for amounts in somoni diram."""
    if amount is None:
        return ""
    return money_format(int(amount), "TJS")
