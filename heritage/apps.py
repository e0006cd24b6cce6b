from django.apps import AppConfig


class HeritageConfig(AppConfig):
    name = "heritage"
    verbose_name = "TajikHeritage"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import caching
        from .images.signal_handlers import register_signal_handlers

        register_signal_handlers()
        caching.register_signal_handlers()
