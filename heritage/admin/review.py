"""The editors' review screen for things people submit (artist applications, artworks):
see what was sent, then decide — each decision calls a service that records it and emails
the person in her language. Subclasses name the decisions and the template that shows the
object."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin


@dataclass(frozen=True)
class Decision:
    label: str
    perform: Callable  # (obj, *, by, reason) -> None; raises the app's error for bad moves
    needs_reason: bool = False
    allowed: Callable = lambda obj: True  # noqa: E731 — whether it applies to obj's state
    message: str = ""


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason (sent to the artist)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when rejecting or suspending. Write it so she knows what to change."),
    )

    def __init__(self, *args, decisions: dict[str, Decision], **kwargs):
        super().__init__(*args, **kwargs)
        self.decisions = decisions
        self.fields["decision"].choices = [(key, d.label) for key, d in decisions.items()]

    def clean(self):
        cleaned = super().clean()
        decision = self.decisions.get(cleaned.get("decision", ""))
        if decision and decision.needs_reason and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Write the reason the artist will read."))
        return cleaned


class ReviewView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """GET shows the object and the decisions its state allows; POST performs one."""

    model = None
    permission_required = "change"
    template_name = "heritage/admin/review.html"
    object_template_name = ""
    error_class: type[Exception] = Exception
    header_icon = "tasks"
    # The snippet viewset's URL namespace: its "list" and "edit" views frame this screen.
    url_namespace = ""

    @property
    def index_url_name(self) -> str:
        return f"{self.url_namespace}:list"

    @property
    def edit_url_name(self) -> str:
        return f"{self.url_namespace}:edit"

    def get_decisions(self) -> dict[str, Decision]:
        raise NotImplementedError

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(self.model, pk=kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance("change", self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def allowed_decisions(self) -> dict[str, Decision]:
        return {k: d for k, d in self.get_decisions().items() if d.allowed(self.object)}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "decisions": self.allowed_decisions()}

    def get_form_class(self):
        return DecisionForm

    def get_page_title(self):
        return _("Review")

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": self.model._meta.verbose_name_plural.capitalize()},
            {"url": "", "label": str(self.object)},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            object_template_name=self.object_template_name,
            edit_url=reverse(self.edit_url_name, args=[self.object.pk]),
            **kwargs,
        )

    def form_valid(self, form):
        decision = form.decisions[form.cleaned_data["decision"]]
        try:
            decision.perform(self.object, by=self.request.user, reason=form.cleaned_data["reason"])
        except self.error_class as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, decision.message or _("Saved."))
        return redirect(self.index_url_name)
