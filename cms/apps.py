from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Editorial")

    def ready(self):
        from .startup import startup  # imports models: only once the app registry is ready

        startup()
