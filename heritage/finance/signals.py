from django.dispatch import Signal

# Sent after a save changed finance fields: sender=the model, instance, changes (a list of
# `FieldChange`), by (the user, or None for the system). Receivers run inside the saving
# transaction; anything they send goes out on commit.
finance_fields_changed = Signal()
