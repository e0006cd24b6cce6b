from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from heritage import views
from heritage.admin import login as admin_login
from heritage.admin.tasks_site import task_admin_site
from heritage.images import views as image_views
from heritage.sitemaps import AllLanguagesSitemap

urlpatterns = [
    # Before Wagtail's own, so the admin's sign-in counts wrong passwords (heritage.ratelimit).
    path("admin/login/", admin_login.AdminLoginView.as_view()),
    path("admin/password_reset/", admin_login.AdminPasswordResetView.as_view()),
    path(
        "admin/password_reset/confirm/<uidb64>/<token>/",
        admin_login.AdminPasswordResetConfirmView.as_view(),
    ),
    path("admin/", include(wagtailadmin_urls)),
    # The background tasks' screens (failed emails), for superusers and finance staff.
    path("django-admin/", task_admin_site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllLanguagesSitemap}}),
    path(
        "robots.txt",
        TemplateView.as_view(
            template_name="robots.txt",
            content_type="text/plain; charset=utf-8",
            extra_context={"languages": [code for code, _name in settings.LANGUAGES]},
        ),
    ),
    path("healthz", views.health, name="health"),
    # Originals, for staff and their uploader only (heritage.images.views); never under MEDIA_URL.
    path("originals/<path:name>", image_views.image_original, name="image-original"),
    path("api/v2/", include("gallery.api")),
    path("webhooks/", include("shop.urls_webhooks")),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("accounts/", include("heritage.accounts.urls")),
    path("studio/", include("artists.urls")),
    path("studio/artworks/", include("gallery.urls")),
    path("saved/", include("gallery.urls_favourites")),
    path("shop/", include("shop.urls")),
    path("studio/shop/", include("shop.urls_studio")),
    path("events/", include("cms.events.urls")),
    path("search/", include("cms.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler500 = "heritage.views.server_error"
