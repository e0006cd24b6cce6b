from .images import CustomImage, CustomRendition
from .pages import BasePage
from .settings import SiteSettings
from .users import User

__all__ = ["BasePage", "CustomImage", "CustomRendition", "SiteSettings", "User"]
