from django.apps import AppConfig


class HeritageConfig(AppConfig):
    name = "heritage"
    verbose_name = "TajikHeritage"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from . import caching
        from .admin.finance import FinanceLogPermissionPolicy
        from .finance import audit
        from .images.signal_handlers import register_signal_handlers
        from .models import FinanceAuditEntry

        register_signal_handlers()
        caching.register_signal_handlers()
        audit.register_signal_handlers()
        register_permission_policy(FinanceAuditEntry, FinanceLogPermissionPolicy(FinanceAuditEntry))
