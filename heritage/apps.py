from django.apps import AppConfig


class HeritageConfig(AppConfig):
    name = "heritage"
    verbose_name = "TajikHeritage"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .startup import startup  # imports models: only once the app registry is ready

        startup()
