from wagtail.models import Page
from wagtail.search import index

from demo.context import SeedContext


def search_index_update(ctx: SeedContext) -> None:
    """Put the demo pages and images in the search index as they are now, published."""
    for page in Page.objects.filter(pk__in=[p.pk for p in ctx.pages.values()]).specific():
        index.insert_or_update_object(page)
    for image in ctx.images.values():
        index.insert_or_update_object(image)
