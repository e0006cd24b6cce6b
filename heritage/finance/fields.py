"""The declaration of finance fields and how their values are shown to those who may not
see them."""

from dataclasses import dataclass

from wagtail.admin.panels import FieldPanel

FINANCE_PERMISSION = "heritage.manage_finance"
MASK = "••••"


@dataclass(frozen=True)
class FinanceFields:
    """The finance fields of one model. `secret` ones (account numbers, payment
    instructions) are masked in the log and for editors without the permission; the others
    (prices, fees, rates, a payout method) are logged as they are."""

    names: tuple[str, ...]
    secret: frozenset[str]

    def value_for_log(self, name: str, value) -> str:
        return mask(value) if name in self.secret else ("" if value is None else str(value))


_registry: dict[type, FinanceFields] = {}


def finance_fields(*names: str, secret: tuple[str, ...] = ()):
    """Class decorator declaring `names` as finance fields of a model (see the package's
    docstring for what follows from it)."""
    unknown = set(secret) - set(names)
    if unknown:
        raise ValueError(f"Secret fields must be finance fields too: {sorted(unknown)}")

    def register(model):
        _registry[model] = FinanceFields(names=tuple(names), secret=frozenset(secret))
        return model

    return register


def finance_fields_of(model) -> FinanceFields | None:
    """The declaration for `model` (a class or an instance), if it has finance fields."""
    model = model if isinstance(model, type) else type(model)
    return _registry.get(model)


def finance_models() -> dict[type, FinanceFields]:
    return dict(_registry)


def finance_panel(field_name: str, **kwargs) -> FieldPanel:
    """A panel for a finance field: Wagtail leaves it out of the form (not only the page)
    for anyone without the finance permission, so a POST from them cannot set it."""
    return FieldPanel(field_name, permission=FINANCE_PERMISSION, **kwargs)


def user_manages_finance(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm(FINANCE_PERMISSION))


def mask(value) -> str:
    """ "•••• 1234": the last four characters (spaces left out), enough to tell two accounts apart and
    too few to pay into one. Short values show only the dots; an empty value stays empty."""
    text = "" if value is None else "".join(str(value).split())
    if not text:
        return ""
    if len(text) <= 6:
        return MASK
    return f"{MASK} {text[-4:]}"
