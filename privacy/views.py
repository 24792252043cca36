"""Clerk review of a document's redactions: what is masked, what is kept and why, and the clerk's changes."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from council.models import Document
from ingestion.views import staff_required
from privacy.forms import RedactionAddForm, RedactionChangeForm
from privacy.models import Redaction
from privacy.review import document_redaction_decide
from privacy.services import document_privacy_review_mark


def _redaction_pages(redactions: list[Redaction], raw_pages: list[tuple[int, str]]) -> None:
    """Pages where a clerk's own text appears (detection records pages only for what it found)."""
    for redaction in redactions:
        if not redaction.pages:
            needle = redaction.surface.casefold()
            redaction.pages = [number for number, text in raw_pages if needle in text.casefold()]


def _review_render(request: HttpRequest, document: Document, *, add_form=None, status: int = 200) -> HttpResponse:
    redactions = list(document.redactions.all())
    raw_pages = list(document.pages.order_by("number").values_list("number", "raw_text"))
    _redaction_pages(redactions, raw_pages)
    return render(
        request,
        "privacy/redaction_review.html",
        {
            "document": document,
            "masked": [r for r in redactions if r.decision == Redaction.Decision.REDACT],
            "kept": [r for r in redactions if r.decision == Redaction.Decision.KEEP],
            "add_form": add_form or RedactionAddForm(),
            "has_pages": bool(raw_pages),
        },
        status=status,
    )


@require_GET
@staff_required
def redaction_review(request: HttpRequest, pk: int) -> HttpResponse:
    return _review_render(request, get_object_or_404(Document, pk=pk))


@require_POST
@staff_required
def redaction_decide_view(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    if "redaction" in request.POST:
        form = RedactionChangeForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Décision incomplète : rien n'a été changé."))
            return redirect("clerk-redactions", pk=document.pk)
        redaction = get_object_or_404(Redaction, pk=form.cleaned_data["redaction"], document=document)
        surface, decision = redaction.surface, form.cleaned_data["decision"]
        reason = form.cleaned_data["reason"] or (
            _("masquage levé par un agent") if decision == Redaction.Decision.KEEP else _("masqué par un agent")
        )
    else:
        form = RedactionAddForm(request.POST)
        if not form.is_valid():
            return _review_render(request, document, add_form=form, status=400)
        surface, decision = form.cleaned_data["surface"], Redaction.Decision.REDACT
        reason = form.cleaned_data["reason"] or _("masqué par un agent")
    forms, rebuilt = document_redaction_decide(document=document, surface=surface, decision=decision, reason=reason)
    verb = _("n'est plus masqué") if decision == Redaction.Decision.KEEP else _("est masqué")
    message = _("« %(surface)s » %(verb)s.") % {"surface": surface, "verb": verb}
    if len(forms) > 1:
        message += " " + _("Même décision pour les autres formes de ce nom : %(forms)s.") % {
            "forms": ", ".join(f"« {form} »" for form in forms[1:])
        }
    if rebuilt:
        message += " " + _("Le texte public et la recherche plein texte sont à jour ; "
                           "l'indexation sémantique se met à jour en arrière-plan.")
    else:
        message += " " + _("La décision s'appliquera au traitement du document.")
    messages.success(request, message)
    return redirect("clerk-redactions", pk=document.pk)


@require_POST
@staff_required
def redaction_reviewed_view(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    document_privacy_review_mark(document=document, reviewer=request.user.get_username())
    messages.success(request, _("« %(document)s » est relu : il peut être publié.") % {"document": document})
    return redirect("clerk-redactions", pk=document.pk)
