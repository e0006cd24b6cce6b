"""What the foundation connects once every model is loaded (`HeritageConfig.ready()`)."""

from wagtail.permissions import register_permission_policy

from . import caching
from .admin.finance import FinanceLogPermissionPolicy
from .finance import audit
from .images.signal_handlers import register_signal_handlers
from .models import FinanceAuditEntry


def startup() -> None:
    register_signal_handlers()
    caching.register_signal_handlers()
    audit.register_signal_handlers()
    register_permission_policy(FinanceAuditEntry, FinanceLogPermissionPolicy(FinanceAuditEntry))
