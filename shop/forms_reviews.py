"""A buyer's review (rating, words, an optional photo through the site's upload pipeline),
the artist's answer, and a report of a review."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from artists.forms import image_form_errors
from heritage.images.forms import image_upload_form

RATINGS = [(n, str(n)) for n in range(5, 0, -1)]


class ReviewForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Your rating (5 is best)"), choices=RATINGS, coerce=int, widget=forms.RadioSelect
    )
    text = forms.CharField(label=_("Your review"), max_length=2000, widget=forms.Textarea(attrs={"rows": 5}))
    photo = forms.FileField(
        label=_("A photo of the work in its new home"),
        required=False,
        help_text=_("JPEG, PNG, WebP or HEIC, up to 25 MB. Location and camera details are removed."),
        widget=forms.FileInput(attrs={"accept": "image/*"}),
    )

    def __init__(self, *args, line, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = line
        self.user = user if user is not None and user.is_authenticated else None
        self.image_form = None

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("photo")
        if upload:
            image_form = image_upload_form(
                upload=upload,
                title=f"Review of {self.line.title}",
                alt_text=gettext("A buyer's photo of “%(title)s”") % {"title": self.line.title},
                user=self.user,
                sanitize=not self.errors,
            )
            if image_form.is_valid():
                self.image_form = image_form
            else:
                self.add_error("photo", image_form_errors(image_form, upload.name))
        return cleaned

    def photo_save(self):
        return self.image_form.save() if self.image_form is not None else None


class ReviewAnswerForm(forms.Form):
    review = forms.IntegerField(min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput)
    answer = forms.CharField(
        label=_("Your answer"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )


class ReviewReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this review?"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
