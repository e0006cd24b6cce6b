from django.dispatch import Signal

# Sent once, when a person first proves she reads her account's inbox. Args: user.
email_verified = Signal()
