from .finance import FinanceAuditEntry
from .images import CustomImage, CustomRendition
from .pages import BasePage
from .settings import SiteSettings
from .users import User

__all__ = ["BasePage", "FinanceAuditEntry", "CustomImage", "CustomRendition", "SiteSettings", "User"]
