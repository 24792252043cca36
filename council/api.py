"""JSON API on séances, délibérations and documents: read-only, published documents only."""

from __future__ import annotations

from django.core.paginator import EmptyPage, Paginator
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from council import selectors
from council.models import Deliberation, Document, Seance

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def _error(status: int, message: str | list[str]) -> JsonResponse:
    messages = message if isinstance(message, list) else [message]
    return JsonResponse({"errors": messages}, status=status, json_dumps_params={"ensure_ascii": False})


def _json(data: dict) -> JsonResponse:
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def _paginate(request, items, serialise) -> JsonResponse:
    errors = []
    try:
        page_size = int(request.GET.get("page_size") or DEFAULT_PAGE_SIZE)
        number = int(request.GET.get("page") or 1)
    except ValueError:
        return _error(400, _("« page » et « page_size » doivent être des nombres entiers."))
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        errors.append(_("« page_size » doit être compris entre 1 et %(max)d.") % {"max": MAX_PAGE_SIZE})
    if number < 1:
        errors.append(_("« page » doit être supérieur ou égal à 1."))
    if errors:
        return _error(400, errors)
    paginator = Paginator(items, page_size)
    try:
        page = paginator.page(number)
    except EmptyPage:
        return _error(404, _("Cette page de résultats n'existe pas."))

    def link(target: int) -> str:
        params = request.GET.copy()
        params["page"] = str(target)
        params["page_size"] = str(page_size)
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    return _json(
        {
            "count": paginator.count,
            "page": number,
            "page_size": page_size,
            "next": link(number + 1) if page.has_next() else None,
            "previous": link(number - 1) if page.has_previous() else None,
            "results": [serialise(request, item) for item in page.object_list],
        }
    )


def _absolute(request, name: str, *args) -> str:
    return request.build_absolute_uri(reverse(name, args=args))


def seance_summary(request, seance: Seance) -> dict:
    return {
        "id": seance.pk,
        "date": seance.date.isoformat(),
        "kind": seance.kind,
        "collectivite": {"slug": seance.body.collectivite.slug, "name": seance.body.collectivite.name},
        "body": {"id": seance.body_id, "name": seance.body.name},
        "url": _absolute(request, "seance-detail", seance.pk),
        "api_url": _absolute(request, "api-seance-detail", seance.pk),
    }


def document_summary(request, document: Document) -> dict:
    return {
        "id": document.pk,
        "title": document.title,
        "kind": document.kind,
        "page_count": document.page_count,
        "url": _absolute(request, "document-detail", document.pk),
        "api_url": _absolute(request, "api-document-detail", document.pk),
        "original_url": _absolute(request, "document-original", document.pk) if document.personal_data_free else None,
        "original_sha256": document.sha256 if document.personal_data_free else None,
    }


def deliberation_summary(request, deliberation: Deliberation) -> dict:
    document = deliberation.document
    return {
        "id": deliberation.pk,
        "number": deliberation.number,
        "objet": deliberation.objet,
        "rapporteur": deliberation.rapporteur,
        # The person, « le Maire » resolved to the mayor the minutes name; null for a function or a masked name.
        "rapporteur_person": selectors.rapporteur_person(deliberation) or None,
        "seance_date": deliberation.seance.date.isoformat() if deliberation.seance else None,
        "seance_id": deliberation.seance_id,
        "collectivite": {"slug": document.body.collectivite.slug, "name": document.body.collectivite.name},
        "body": {"id": document.body_id, "name": document.body.name},
        "votes": {
            "for": deliberation.votes_for,
            "against": deliberation.votes_against,
            "abstention": deliberation.votes_abstention,
            "unanimous": deliberation.unanimous,
        },
        "outcome": deliberation.outcome,
        # ACTES: {"code": "7.5", "name": "Subventions", "theme": "7", "theme_name": "Finances locales"}, or null.
        "matiere": {"code": deliberation.matiere, "name": deliberation.matiere_name, "theme": deliberation.theme,
                    "theme_name": deliberation.theme_name} if deliberation.matiere else None,
        "document_id": document.pk,
        "pages": {"start": deliberation.page_start, "end": deliberation.page_end},
        "url": _absolute(request, "deliberation-detail", deliberation.pk),
        "api_url": _absolute(request, "api-deliberation-detail", deliberation.pk),
    }


@require_safe
def seance_list(request):
    filters, errors = selectors.seance_filters_parse(request.GET)
    if errors:
        return _error(400, errors)
    return _paginate(request, selectors.seance_list(filters=filters), seance_summary)


@require_safe
def seance_detail(request, pk: int):
    seance = selectors.seance_get(pk=pk)
    if seance is None:
        return _error(404, _("Séance introuvable."))
    data = seance_summary(request, seance)
    data["documents"] = [document_summary(request, document) for document in seance.documents.all()]
    data["deliberations"] = [deliberation_summary(request, item) for item in seance.deliberations.all()]
    return _json(data)


@require_safe
def deliberation_list(request):
    filters, errors = selectors.deliberation_filters_parse(request.GET)
    if errors:
        return _error(400, errors)
    return _paginate(request, selectors.deliberation_list(filters=filters), deliberation_summary)


@require_safe
def deliberation_detail(request, pk: int):
    deliberation = selectors.deliberation_get(pk=pk)
    if deliberation is None:
        return _error(404, _("Délibération introuvable."))
    data = deliberation_summary(request, deliberation)
    data["votes"].update(
        {
            "names_for": deliberation.names_for,
            "names_against": deliberation.names_against,
            "names_abstention": deliberation.names_abstention,
        }
    )
    data["interventions"] = [
        {"speaker": turn.speaker, "text": turn.text, "pages": {"start": turn.page_start, "end": turn.page_end}}
        for turn in deliberation.interventions.all()
    ]
    data["passages"] = [
        {"text": passage.text, "pages": {"start": passage.page_start, "end": passage.page_end}}
        for passage in deliberation.passages.all()
    ]
    return _json(data)


@require_safe
def document_detail(request, pk: int):
    document = selectors.document_get_public(pk=pk)
    if document is None:
        return _error(404, _("Document introuvable."))
    data = document_summary(request, document)
    data.update(
        {
            "collectivite": {"slug": document.body.collectivite.slug, "name": document.body.collectivite.name},
            "body": {"id": document.body_id, "name": document.body.name},
            "seance": seance_summary(request, document.seance) if document.seance else None,
            "deliberations": [
                {
                    "id": item.pk,
                    "number": item.number,
                    "objet": item.objet,
                    "api_url": _absolute(request, "api-deliberation-detail", item.pk),
                }
                for item in selectors.document_deliberations(document=document)
            ],
            "pages": [
                {
                    "number": page.number,
                    "text": page.text,
                    "url": _absolute(request, "document-page", document.pk, page.number),
                    "image_url": _absolute(request, "document-page-image", document.pk, page.number),
                }
                for page in selectors.document_pages_public(document=document)
            ],
        }
    )
    return _json(data)
