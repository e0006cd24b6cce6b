"""Events: reads (`selectors`), registration and the waitlist (`services`), their emails
(`tasks`), the registration form, the calendar feed and cancel views, and the editors'
registrants screens (`wagtail_hooks`, loaded with the app's own hooks). The page models stay
in `cms.models.events`; the registrations in `cms.models.registrations`.
"""
