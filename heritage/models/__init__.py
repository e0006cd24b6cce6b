from .finance import FinanceAuditEntry
from .images import CustomImage, CustomRendition
from .pages import BasePage, optional_image
from .settings import SiteSettings
from .users import User

__all__ = [
    "BasePage",
    "CustomImage",
    "CustomRendition",
    "FinanceAuditEntry",
    "SiteSettings",
    "User",
    "optional_image",
]
