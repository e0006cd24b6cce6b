"""The finance log in the admin, under the Shop menu: every change of a payout destination,
commission, payment instruction, price or shipping fee, read-only, for finance staff only,
with a CSV and Excel download. Values are stored masked where secret, so the download holds
no account numbers; every cell is made safe from spreadsheet formulas."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from heritage.admin.finance import FinanceOnlyMixin
from heritage.csv import csv_safe
from heritage.models import FinanceAuditEntry


class FinanceLogIndexView(FinanceOnlyMixin, IndexView):
    def stream_csv(self, queryset):
        # The byte-order mark makes spreadsheet programs read Cyrillic names as UTF-8.
        yield "\ufeff"
        yield from super().stream_csv(queryset)

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: csv_safe(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )


class FinanceLogInspectView(FinanceOnlyMixin, InspectView):
    pass


class FinanceLogViewSet(ModelViewSet):
    model = FinanceAuditEntry
    url_namespace = "finance_log"
    url_prefix = "finance/audit"
    icon = "history"
    menu_label = _("Finance log")
    index_view_class = FinanceLogIndexView
    inspect_view_class = FinanceLogInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 50
    ordering = ["-created_at", "-pk"]
    list_display = [
        "created_at",
        "user_label",
        "object_type",
        "object_label",
        "field_label",
        "old_value",
        "new_value",
    ]
    list_filter = ["object_type", "field_name", "user", "created_at"]
    search_fields = ["object_label", "user_label", "field_label"]
    list_export = [
        "created_at",
        "user_label",
        "object_type",
        "object_id",
        "object_label",
        "field_name",
        "old_value",
        "new_value",
    ]
    export_filename = "finance-log"

    def get_queryset(self, request):
        return FinanceAuditEntry.objects.select_related("object_type", "user")

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]
