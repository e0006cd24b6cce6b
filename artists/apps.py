from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArtistsConfig(AppConfig):
    name = "artists"
    verbose_name = _("Artists")

    def ready(self):
        from .startup import startup  # imports models: only once the app registry is ready

        startup()
