"""Template tags for the buttons and counts that sit on pages rendered by other apps."""

from django import template

from .. import services_favourites

register = template.Library()


@register.simple_tag
def studio_audience(artist):
    """`{% studio_audience artist as audience %}`: `audience.saves` (times her published
    works were saved) and `audience.followers`."""
    return services_favourites.artist_audience(artist)


@register.simple_tag(takes_context=True)
def is_following(context, artist):
    """`{% is_following artist as following %}`: whether the signed-in visitor follows her."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return services_favourites.is_following(user=user, artist=artist)


@register.simple_tag(takes_context=True)
def is_saved(context, artwork):
    """`{% is_saved artwork as saved %}`: whether the signed-in visitor saved this work."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return services_favourites.is_saved(user=user, artwork=artwork)
