from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo and large-scale seeding (`manage.py seed_demo`): the one app that knows every other
    app, so none of them holds demo code. It has no models."""

    name = "demo"
    verbose_name = "Demo content"
