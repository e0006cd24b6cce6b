"""Finance data in the Wagtail admin: who may read the finance log, who may create records
that carry a price, and how secrets look to those who may not see them."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.views.defaults import permission_denied

from wagtail.permission_policies import ModelPermissionPolicy

from heritage.finance.fields import FINANCE_PERMISSION, finance_fields_of, mask, user_manages_finance


class FinanceLogPermissionPolicy(ModelPermissionPolicy):
    """The finance log is read by finance staff and written by no one in the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and user_manages_finance(user)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        # The permission lives on the log's own model, so the policy's content type is right.
        return self._get_users_with_any_permission_codenames([FINANCE_PERMISSION.split(".")[1]])


class FinanceCreatePermissionPolicy(ModelPermissionPolicy):
    """The model's own permissions, except that creating (or copying) a record needs the
    finance permission as well: a new offer or shipping profile is born with its price or
    fees, which the form leaves out for everyone else."""

    def user_has_permission(self, user, action):
        allowed = super().user_has_permission(user, action)
        return allowed and (action != "add" or user_manages_finance(user))


class FinanceOnlyMixin:
    """For admin views only finance staff open: anyone else gets a plain 403, also for a
    download (rather than Wagtail's redirect to the dashboard)."""

    def dispatch(self, request, *args, **kwargs):
        if not user_manages_finance(request.user):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)


class FinanceMaskedInspectMixin:
    """For an InspectView: secret finance fields (bank details, account ids) show as
    "•••• 1234" to anyone without the finance permission, and the fields in
    `masked_for_viewers` (a phone number) to anyone who may only view the record."""

    masked_for_viewers: tuple[str, ...] = ()

    def is_masked(self, field_name: str) -> bool:
        declaration = finance_fields_of(self.model)
        if declaration and field_name in declaration.secret:
            return not user_manages_finance(self.request.user)
        return field_name in self.masked_for_viewers and not self.user_has_permission("change")

    def get_field_display_value(self, field_name, field):
        if self.is_masked(field_name):
            return mask(getattr(self.object, field_name)) or "—"
        return super().get_field_display_value(field_name, field)
