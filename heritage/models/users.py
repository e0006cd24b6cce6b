import contextlib

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from heritage.email_address import EmailRefused, email_canonical
from heritage.email_fields import CanonicalEmailField


class EmailUserManager(UserManager):
    """Users sign in with their email address, in its canonical form; there is no user name."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=email_canonical(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        try:
            return self.get(email=email_canonical(username))
        except EmailRefused as refused:
            raise self.model.DoesNotExist from refused


class User(AbstractUser):
    """A person with an account: artist, buyer or editor. The email address is the login, stored
    in its canonical form (`heritage.email_address`): one account per address.

    `language` is the language we write to her in (emails, notifications), whatever the
    language of the page she happens to be on.
    """

    username = None
    email = CanonicalEmailField(_("email address"), unique=True)
    language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="en",
    )
    email_verified_at = models.DateTimeField(_("email verified at"), null=True, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    def clean(self):
        super().clean()
        with contextlib.suppress(EmailRefused):  # the field's own validation says why
            self.email = email_canonical(self.email)
