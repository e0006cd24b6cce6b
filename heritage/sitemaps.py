"""The sitemap lists every public page in every language, each with `xhtml:link` alternates
to its translations and an `x-default` (heritage.seo), as the page's own `hreflang` links do.

Wagtail's own sitemap starts from the site's root page, which is the English home; the
Russian and Tajik homes are its translations beside it, so they are added here with
everything under them. A routable page's addresses (works under the gallery, portfolios
under the artist index) share their path after the page in every language, so each one's
alternates are its translations' addresses with the same ending.
"""

from collections import defaultdict
from functools import cached_property, reduce
from operator import or_

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from heritage.seo import hreflang_alternates


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

    @cached_property
    def _translations(self) -> dict:
        """{translation key: {language: absolute address}} of every page listed, read once."""
        found = defaultdict(dict)
        pages = Page.objects.filter(pk__in=self.items().values("pk")).select_related("locale")
        for page in pages.only("pk", "url_path", "translation_key", "locale__language_code"):
            url = page.get_full_url(self.request)
            if url:
                found[page.translation_key][page.locale.language_code] = url
        return found

    def _urls(self, page, protocol, domain):
        urls = []
        last_mods = set()
        for item in self.paginator.page(page).object_list.iterator():
            own = item.get_full_url(self.request) or ""
            translations = self._translations.get(item.translation_key, {})
            for url_info in item.get_sitemap_urls(self.request):
                location = url_info["location"]
                suffix = location[len(own) :] if own and location.startswith(own) else None
                if suffix is not None:
                    url_info["alternates"] = [
                        {"lang_code": code, "location": url}
                        for code, url in hreflang_alternates(translations, suffix)
                    ]
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
