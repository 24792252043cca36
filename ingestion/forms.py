"""Forms of the clerk pages: sending minutes, filtering the document list."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from council.matieres import MATIERES
from council.models import Collectivite, Document
from council.services import DEFAULT_BODY


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked by the service, not here, so one bad file refuses only itself."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        # An empty file gets the same per-file refusal as any other bad file, from the service.
        super().__init__(allow_empty_file=True, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        single_clean = super().clean
        return [single_clean(item, initial) for item in files]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Fichiers PDF"),
        required=False,
        help_text=_("Un ou plusieurs procès-verbaux, comptes rendus ou délibérations au format PDF, ou une archive "
                    "ZIP qui en contient : chaque PDF de l'archive est reçu à part."),
        widget=MultipleFileInput(attrs={"accept": "application/pdf,.pdf,application/zip,.zip"}),
    )
    collectivite = forms.ModelChoiceField(
        label=_("Collectivité"),
        queryset=Collectivite.objects.all(),
        required=False,
        empty_label=_("— choisir —"),
    )
    collectivite_new = forms.CharField(
        label=_("ou nouvelle collectivité"),
        required=False,
        max_length=200,
        help_text=_("Par exemple : Ville de Montreuil. Laissez vide si vous avez choisi une collectivité."),
    )
    body = forms.CharField(
        label=_("Instance"),
        initial=DEFAULT_BODY,
        max_length=200,
        help_text=_("Conseil municipal, conseil communautaire…"),
    )
    seance_date = forms.DateField(
        label=_("Date de la séance (facultatif)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Si vous la laissez vide, elle est lue dans le document."),
    )

    def clean(self):
        data = super().clean()
        chosen, typed = data.get("collectivite"), (data.get("collectivite_new") or "").strip()
        if chosen and typed:
            raise forms.ValidationError(_("Choisissez une collectivité existante ou saisissez-en une nouvelle, pas les deux."))
        if not chosen and not typed:
            raise forms.ValidationError(_("Indiquez la collectivité : choisissez-la dans la liste ou saisissez son nom."))
        data["collectivite_new"] = typed
        return data


class DocumentFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("État"),
        required=False,
        choices=[("", _("Tous"))] + list(Document.Status.choices),
    )
    collectivite = forms.ModelChoiceField(
        label=_("Collectivité"),
        queryset=Collectivite.objects.all(),
        required=False,
        empty_label=_("Toutes"),
    )


class MetadataForm(forms.Form):
    """A clerk's corrections of a document's collectivité and séance (`ingestion.services.document_metadata_correct`)."""

    siret = forms.CharField(
        label=_("SIRET de la collectivité"), required=False, max_length=20,
        help_text=_("14 chiffres ; repris dans les exports SCDL (COLL_SIRET). Laissez vide s'il n'est pas connu."),
    )
    seance_date = forms.DateField(
        label=_("Date de la séance"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Gardée si le document est relu (nouvelle tentative, décision d'anonymisation)."),
    )


class DeliberationMetadataForm(forms.Form):
    """A clerk's corrections of one délibération; kept when the document is read again."""

    number = forms.CharField(label=_("Numéro"), required=False, max_length=100)
    objet = forms.CharField(label=_("Objet"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2, "cols": 80}))
    rapporteur = forms.CharField(label=_("Rapporteur"), required=False, max_length=300)
    matiere = forms.ChoiceField(
        label=_("Matière (nomenclature ACTES)"), required=False,
        choices=[("", _("— non classée —"))] + [(code, f"{code} {name}") for code, name in MATIERES.items()],
        help_text=_("Reprise dans les exports SCDL (DELIB_MATIERE_CODE) et les pages « Thèmes »."),
    )
