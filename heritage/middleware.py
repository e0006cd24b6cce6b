from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Addresses that live outside the language prefixes: a 404 there is final, not a hint to
# try /en/… (which Wagtail's catch-all would answer with an HTML page).
UNPREFIXED = ("/api/", "/webhooks/", "/admin/", "/documents/", "/healthz", "/sitemap.xml", "/robots.txt")


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)
