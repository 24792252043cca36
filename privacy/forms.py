"""Forms of the redaction review: a clerk masks a new text, or changes the decision on a listed one."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from privacy.models import Redaction


class RedactionAddForm(forms.Form):
    surface = forms.CharField(
        label=_("Texte à masquer"),
        max_length=500,
        help_text=_("Tel qu'il est écrit dans le document, par exemple « Jean Dupont » ou « 12 rue des Lilas »."),
    )
    reason = forms.CharField(label=_("Motif (facultatif)"), max_length=300, required=False)

    def clean_surface(self) -> str:
        surface = " ".join(self.cleaned_data["surface"].split())
        if len(surface) < 2:
            raise forms.ValidationError(_("Le texte doit compter au moins deux caractères."))
        return surface


class RedactionChangeForm(forms.Form):
    """A listed redaction, named by id: its text may hold a line break that a form would not carry back intact."""

    redaction = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(choices=Redaction.Decision.choices, widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Motif (facultatif)"), max_length=300, required=False)
