"""Public pages: séances, délibérations, documents, originals, exports and the transparency page (page images: privacy)."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from council import exports, selectors
from council.matieres import THEMES
from council.models import Deliberation, Page

SEANCES_PER_PAGE = 20
DELIBERATIONS_PER_PAGE = 25
HOME_SEANCES = 8
# The latest speaker turns on an élu's page; the rest through the délibérations' pages.
OFFICIAL_TURNS = 50


def _page_of(request, items, per_page: int):
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def _query_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@require_safe
def home(request):
    return render(
        request,
        "council/home.html",
        {"seances": selectors.seance_list()[:HOME_SEANCES], "collectivites": selectors.collectivite_list()},
    )


# The bars of a dashboard's chart: drawn on the server (no JavaScript), the table beside it says the same.
CHART_BAR_WIDTH, CHART_HEIGHT = 28, 120


@require_safe
def collectivite_detail(request, slug: str):
    collectivite = selectors.collectivite_get(slug=slug)
    if collectivite is None:
        raise Http404(_("Collectivité introuvable."))
    years = selectors.collectivite_years(collectivite=collectivite)
    most = max((year.deliberations for year in years), default=0) or 1
    # One row per year: its figures for the table, its bar's geometry for the chart.
    bars = []
    for index, year in enumerate(years):
        height, unanimous = round(CHART_HEIGHT * year.deliberations / most), round(CHART_HEIGHT * year.unanimous / most)
        x = index * (CHART_BAR_WIDTH + 8) + 4
        bars.append({"year": year, "x": x, "label_x": x + CHART_BAR_WIDTH // 2, "y": CHART_HEIGHT - height,
                     "height": height, "unanimous_y": CHART_HEIGHT - unanimous, "unanimous_height": unanimous,
                     "percent": round(100 * year.unanimous_share)})
    return render(request, "council/collectivite_detail.html", {
        "collectivite": collectivite, "bars": bars, "bar_width": CHART_BAR_WIDTH,
        "chart_height": CHART_HEIGHT, "chart_width": len(bars) * (CHART_BAR_WIDTH + 8) + 8,
        "seances": selectors.seance_list(filters=selectors.SeanceFilters(collectivite=collectivite.slug))[:HOME_SEANCES],
        "total": sum(year.deliberations for year in years),
    })


@require_safe
def official_list(request, slug: str):
    collectivite = selectors.collectivite_get(slug=slug)
    if collectivite is None:
        raise Http404(_("Collectivité introuvable."))
    return render(request, "council/official_list.html",
                  {"collectivite": collectivite, "officials": selectors.officials_list(collectivite=collectivite)})


@require_safe
def official_detail(request, slug: str, official: str):
    collectivite = selectors.collectivite_get(slug=slug)
    found = selectors.official_get(collectivite=collectivite, slug=official) if collectivite else None
    if found is None:
        raise Http404(_("Élu introuvable."))
    person, reported, turns = found
    return render(request, "council/official_detail.html", {
        "collectivite": collectivite, "official": person, "reported": reported, "turns": turns[:OFFICIAL_TURNS],
        "turns_total": len(turns),
    })


@require_safe
def seance_list(request):
    filters, errors = selectors.seance_filters_parse(request.GET)
    return render(
        request,
        "council/seance_list.html",
        {
            "page_obj": _page_of(request, selectors.seance_list(filters=filters), SEANCES_PER_PAGE),
            "filters": filters,
            "errors": errors,
            "collectivites": selectors.collectivite_list(),
            "bodies": selectors.body_list(collectivite=filters.collectivite),
            "years": selectors.seance_years(),
            "query": _query_without_page(request),
        },
    )


@require_safe
def seance_detail(request, pk: int):
    seance = selectors.seance_get(pk=pk)
    if seance is None:
        raise Http404(_("Séance introuvable."))
    return render(request, "council/seance_detail.html", {"seance": seance})


@require_safe
def deliberation_list(request):
    filters, errors = selectors.deliberation_filters_parse(request.GET)
    query = _query_without_page(request)
    return render(
        request,
        "council/deliberation_list.html",
        {
            "page_obj": _page_of(request, selectors.deliberation_list(filters=filters), DELIBERATIONS_PER_PAGE),
            "filters": filters,
            "errors": errors,
            "collectivites": selectors.collectivite_list(),
            "bodies": selectors.body_list(collectivite=filters.collectivite),
            "outcomes": Deliberation.Outcome.choices,
            "themes": list(THEMES.items()),
            "query": query,
        },
    )


@require_safe
def theme_list(request):
    """The thèmes of the ACTES nomenclature the published délibérations fall under, each with its count, its list
    and its feed."""
    filters, errors = selectors.deliberation_filters_parse(request.GET)
    return render(request, "council/theme_list.html", {
        "themes": selectors.theme_counts(filters=filters), "filters": filters, "errors": errors,
        "collectivites": selectors.collectivite_list(),
    })


@require_safe
def deliberation_detail(request, pk: int):
    deliberation = selectors.deliberation_get(pk=pk)
    if deliberation is None:
        shown = selectors.deliberation_shown_as(pk=pk)
        if shown is not None:
            # Another printing of an act shown once: its page is the act's.
            return redirect("deliberation-detail", pk=shown, permanent=True)
        raise Http404(_("Délibération introuvable."))
    return render(
        request,
        "council/deliberation_detail.html",
        {
            "deliberation": deliberation,
            "page_numbers": range(deliberation.page_start, deliberation.page_end + 1),
            "sources": selectors.deliberation_sources(deliberation=deliberation),
            "timeline": selectors.matter_timeline(deliberation=deliberation),
            "rapporteur_person": selectors.rapporteur_person(deliberation),
            # « le Maire » resolved to the mayor the minutes name: the function is shown beside the name.
            "rapporteur_function": not selectors.official_name(deliberation.rapporteur),
        },
    )


@require_safe
def document_detail(request, pk: int):
    document = selectors.document_get_public(pk=pk)
    if document is None:
        raise Http404(_("Document introuvable."))
    return render(
        request,
        "council/document_detail.html",
        {
            "document": document,
            "pages": selectors.document_pages_public(document=document),
            "deliberations": selectors.document_deliberations(document=document),
            "original_allowed": selectors.document_get_for_original(pk=pk, user=request.user) is not None,
        },
    )


@require_safe
def document_page(request, pk: int, number: int):
    page = selectors.page_get_public(document_pk=pk, number=number)
    if page is None:
        raise Http404(_("Page introuvable."))
    document = page.document
    return render(
        request,
        "council/document_page.html",
        {
            "page": page,
            "document": document,
            "previous_number": number - 1 if number > 1 else None,
            "next_number": number + 1 if number < document.page_count else None,
            "ocr": page.origin == Page.Origin.OCR,
        },
    )


@require_safe
def document_original(request, pk: int):
    document = selectors.document_get_for_original(pk=pk, user=request.user)
    if document is None:
        raise Http404(_("Document introuvable."))
    name = document.original_name if document.original_name.lower().endswith(".pdf") else f"{document.pk}.pdf"
    return FileResponse(document.file.open("rb"), content_type="application/pdf", filename=name)


def _export_response(request, *, content_type: str, filename: str, lines) -> StreamingHttpResponse:
    response = StreamingHttpResponse(lines, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _export_records(request):
    filters, errors = selectors.deliberation_filters_parse(request.GET)
    if errors:
        return None, errors
    deliberations = selectors.deliberations_for_export(filters=filters, published_only=True)
    return exports.deliberation_records(deliberations=deliberations, base_url=request.build_absolute_uri("/")), []


def _bad_request(errors: list[str]) -> HttpResponse:
    return HttpResponse("\n".join(errors), status=400, content_type="text/plain; charset=utf-8")


# Each download: content type, file name, and the function that writes its lines.
EXPORT_FORMATS = {
    "csv": ("text/csv; charset=utf-8", "deliberations.csv", exports.csv_lines),
    "jsonl": ("application/x-ndjson; charset=utf-8", "deliberations.jsonl", exports.jsonl_lines),
    "scdl": ("text/csv; charset=utf-8", "deliberations.scdl.csv", exports.scdl_lines),
}


@require_safe
def export_deliberations(request, export_format: str):
    records, errors = _export_records(request)
    if errors:
        return _bad_request(errors)
    content_type, filename, lines = EXPORT_FORMATS[export_format]
    return _export_response(request, content_type=content_type, filename=filename, lines=lines(records))


@require_safe
def transparency(request):
    return render(
        request,
        "pages/transparence.html",
        {
            "embeddings_backend": settings.EMBEDDINGS_BACKEND,
            "embeddings_model": settings.EMBEDDINGS_MODEL,
            "embeddings_url": settings.EMBEDDINGS_URL,
            "llm_model": settings.LLM_MODEL if settings.LLM_BASE_URL and settings.LLM_MODEL else "",
            "retention_days": settings.QUESTION_LOG_RETENTION_DAYS,
            "rate_limit": settings.ASK_RATE_LIMIT_PER_MINUTE,
            "accuracy": selectors.accuracy_measured(),
        },
    )
