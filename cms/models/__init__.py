from .events import EventIndexPage, EventPage, EventSpeaker
from .home import HomeFeaturedArtwork, HomePage, StandardPage
from .policies import PolicyPage
from .registrations import EventRegistration
from .settings import NavigationSettings
from .stories import CampaignArtwork, CampaignPage, Cause, StoryConsent, StoryIndexPage, StoryPage, StoryTag

__all__ = [
    "CampaignArtwork",
    "CampaignPage",
    "Cause",
    "EventIndexPage",
    "EventPage",
    "EventRegistration",
    "EventSpeaker",
    "HomeFeaturedArtwork",
    "HomePage",
    "NavigationSettings",
    "PolicyPage",
    "StandardPage",
    "StoryConsent",
    "StoryIndexPage",
    "StoryPage",
    "StoryTag",
]
