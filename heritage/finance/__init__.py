"""Finance data and who may touch it.

Finance fields — where an artist's money goes, commissions, the instructions buyers pay to,
prices and shipping fees — are declared once, on their models, with `@finance_fields(...)`.
From that one declaration:

- the admin's forms leave the fields out for anyone without `heritage.manage_finance`
  (Wagtail's `FieldPanel(permission=...)`, see `finance_panel`), so a forged POST cannot set
  them;
- inspect pages show secrets masked ("•••• 1234") to those people (`admin.views`);
- every save that changes one of them, wherever it comes from (admin, studio, a service),
  writes a `FinanceAuditEntry` with masked values and sends `finance_fields_changed`, which
  the owning app answers (an artist's new payout destination holds her payouts and emails her);
- holders of the permission must use two-step sign-in (`heritage.accounts.two_factor`).
"""

from .fields import (
    FINANCE_PERMISSION,
    FinanceFields,
    finance_fields,
    finance_fields_of,
    finance_panel,
    mask,
    user_manages_finance,
)
from .signals import finance_fields_changed

__all__ = [
    "FINANCE_PERMISSION",
    "FinanceFields",
    "finance_fields",
    "finance_fields_changed",
    "finance_fields_of",
    "finance_panel",
    "mask",
    "user_manages_finance",
]
