"""Email fields that hold and compare addresses in their one canonical form
(`heritage.email_address`).

`CanonicalEmailField` (a model field) stores the canonical form on every save, and its
`exact` and `iexact` lookups compare canonical forms: `User.objects.filter(email=typed)` finds
the account however the address was typed, and never one whose address merely folds to the
same letters in the database. `CanonicalEmailFormField` cleans to the canonical form and says
why it refuses a look-alike address.
"""

import contextlib

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.db import models
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _

from heritage.email_address import EmailRefused, email_canonical, email_is_held

MIXED_SCRIPTS_MESSAGE = _(
    "This address mixes letters of different alphabets (such as Latin with Cyrillic or Greek, "
    "or a dotless ı), so it could be mistaken for someone else's. "
    "Please use your address with letters of one alphabet."
)


def email_validation_error(refused: EmailRefused) -> ValidationError:
    """The form error for an address `email_canonical` refused, in the visitor's language."""
    if refused.code == "mixed_scripts":
        return ValidationError(MIXED_SCRIPTS_MESSAGE, code="mixed_scripts")
    return ValidationError(EmailValidator.message, code="invalid")


class CanonicalEmailFormField(forms.EmailField):
    """An email address, cleaned to its canonical form; a look-alike gets a clear error."""

    def clean(self, value):
        value = self.to_python(value)
        self.validate(value)
        if value in self.empty_values:
            return value
        try:
            value = email_canonical(value)
        except EmailRefused as refused:
            raise email_validation_error(refused) from refused
        self.run_validators(value)
        return value


class CanonicalEmailField(models.EmailField):
    """An email address stored in its canonical form, compared in it by `exact` and `iexact`.

    Saving a look-alike address raises `EmailRefused`; forms refuse it first with a clear
    message. An address held by the canonicalising migration (see `emails_canonicalise`) is
    kept as it is until staff replace it.
    """

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value and not email_is_held(value):
            value = email_canonical(value)
            setattr(model_instance, self.attname, value)
        return value

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if value and not email_is_held(value):
            try:
                email_canonical(value)
            except EmailRefused as refused:
                raise email_validation_error(refused) from refused

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CanonicalEmailFormField, **kwargs})


class CanonicalExact(Exact):
    """Equal canonical addresses. Text that has no canonical form is compared as it is, so it
    finds nothing: no stored address is a look-alike."""

    lookup_name = "exact"

    def get_prep_lookup(self):
        if isinstance(self.rhs, str) and self.rhs and not email_is_held(self.rhs):
            with contextlib.suppress(EmailRefused):
                self.rhs = email_canonical(self.rhs)
        return super().get_prep_lookup()


class CanonicalIExact(CanonicalExact):
    """`iexact` on an address means the same as `exact`: the canonical form is already case
    folded, and the database's own case folding (PostgreSQL's `UPPER`) must not be used."""

    lookup_name = "iexact"

    def as_sql(self, compiler, connection):
        return CanonicalExact(self.lhs, self.rhs).as_sql(compiler, connection)


CanonicalEmailField.register_lookup(CanonicalExact)
CanonicalEmailField.register_lookup(CanonicalIExact)
