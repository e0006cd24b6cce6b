"""The sitemap lists every public page in every language. Wagtail's own sitemap starts from
the site's root page, which is the English home; the Russian and Tajik homes are its
translations beside it, so they are added here with everything under them."""

from functools import reduce
from operator import or_

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLanguagesSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        under_any_root = reduce(or_, (Q(path__startswith=root.path) for root in roots))
        return (
            Page.objects.filter(under_any_root)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
