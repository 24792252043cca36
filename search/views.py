"""Search page and JSON search API: parse the request, call the selector, render; bad input is searched as text."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from config.ratelimit import client_rate_exceeded
from council.matieres import THEMES
from council.models import Body, Collectivite, Deliberation, Document
from search.backends.base import SearchFilters, SearchHit, SearchQuery, SearchResults
from search.openapi import openapi_schema
from search.query import query_clean
from search.selectors import MODES, hit_deliberation_url, hit_page_url, passages_search

PAGE_SIZE = 10
MAX_PAGE_SIZE = 50


def _ints(values: list[str]) -> tuple[int, ...]:
    return tuple(int(v) for v in values if v.strip().isdigit() and len(v.strip()) < 12)


def _date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((value or "").strip()[:10])
    except ValueError:
        return None


def _int(value: str | None, *, default: int, low: int, high: int) -> int:
    text = (value or "").strip()
    return max(low, min(int(text), high)) if text.isdigit() and len(text) < 6 else default


def search_query_from_request(request: HttpRequest, *, default_mode: str = "hybrid") -> SearchQuery:
    """Every parameter is optional and anything unexpected falls back to its default."""
    params = request.GET
    kinds, outcomes = set(Document.Kind.values), set(Deliberation.Outcome.values)
    mode = params.get("mode", default_mode)
    return SearchQuery(
        text=query_clean(params.get("q", "")),
        mode=mode if mode in MODES else default_mode,
        filters=SearchFilters(
            collectivite_ids=_ints(params.getlist("collectivite")),
            body_ids=_ints(params.getlist("body")),
            date_from=_date(params.get("date_from")),
            date_to=_date(params.get("date_to")),
            document_kinds=tuple(k for k in params.getlist("kind") if k in kinds),
            outcomes=tuple(o for o in params.getlist("outcome") if o in outcomes),
            themes=tuple(t for t in params.getlist("theme") if t in THEMES),
        ),
        sort="date" if params.get("sort") == "date" else "relevance",
        page=_int(params.get("page"), default=1, low=1, high=100),
        page_size=_int(params.get("page_size"), default=PAGE_SIZE, low=1, high=MAX_PAGE_SIZE),
        with_facets=True,
        with_highlights=True,
    )


def _too_many(request: HttpRequest, *, api: bool) -> HttpResponse:
    """Per client (hashed address, shared cache): searches are dearer than pages (an embedding, two scans)."""
    message = _("Trop de recherches en une minute : merci de patienter un instant.")
    if api:
        response = JsonResponse({"error": message}, status=429)
    else:
        response = render(request, "429.html", {"message": message}, status=429)
    response["Retry-After"] = "60"
    return response


def _rate_exceeded(request: HttpRequest) -> bool:
    return bool(request.GET.get("q")) and client_rate_exceeded(
        request, scope="search", limit=settings.SEARCH_RATE_LIMIT_PER_MINUTE
    )


def _results(query: SearchQuery) -> SearchResults:
    if not query.text:
        return SearchResults(hits=[], total=0, facets={})
    return passages_search(query=query)


def hit_as_dict(hit: SearchHit) -> dict:
    return {
        "passage_id": hit.passage_id,
        "score": round(hit.score, 6),
        "snippet": hit.snippet,
        "text": hit.text,
        "page_start": hit.page_start,
        "page_end": hit.page_end,
        "page_url": hit_page_url(hit=hit),
        "seance_date": hit.seance_date.isoformat() if hit.seance_date else None,
        "collectivite": hit.collectivite,
        "body": hit.body,
        "document": {"id": hit.document_id, "title": hit.document_title},
        "deliberation": (
            {
                "id": hit.deliberation_id,
                "number": hit.deliberation_number,
                "objet": hit.deliberation_objet,
                "url": hit_deliberation_url(hit=hit),
            }
            if hit.deliberation_id
            else None
        ),
    }


@require_GET
def search_api(request: HttpRequest) -> JsonResponse:
    if _rate_exceeded(request):
        return _too_many(request, api=True)
    query = search_query_from_request(request)
    results = _results(query)
    return JsonResponse(
        {
            "query": query.text,
            "mode": query.mode,
            "sort": query.sort,
            "page": query.page,
            "page_size": query.page_size,
            "total": results.total,
            "results": [hit_as_dict(hit) for hit in results.hits],
            "facets": {
                name: [{"value": f.value, "label": f.label, "count": f.count} for f in values]
                for name, values in results.facets.items()
            },
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def openapi_json(request: HttpRequest) -> JsonResponse:
    return JsonResponse(openapi_schema(), json_dumps_params={"ensure_ascii": False})


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    if _rate_exceeded(request):
        return _too_many(request, api=False)
    query = search_query_from_request(request)
    results = _results(query)
    pages = max(1, -(-results.total // query.page_size))
    params = request.GET.copy()
    params.pop("page", None)
    base = params.urlencode()
    hits = [{"hit": hit, "page_url": hit_page_url(hit=hit), "deliberation_url": hit_deliberation_url(hit=hit)} for hit in results.hits]
    context = {
        "query": query,
        "results": results,
        "hits": hits,
        "searched": bool(query.text),
        "modes": [("hybrid", _("Tout (mots et sens)")), ("keyword", _("Mots exacts")), ("semantic", _("Sens proche"))],
        # Only where something is published: an unpublished collectivité's name is not public.
        "collectivites": Collectivite.objects.filter(documents__published=True).distinct().order_by("name"),
        "bodies": Body.objects.filter(documents__published=True).distinct().select_related("collectivite")
        .order_by("collectivite__name", "name"),
        "kinds": Document.Kind.choices,
        "outcomes": Deliberation.Outcome.choices,
        "themes": list(THEMES.items()),
        "facet_titles": {
            "collectivite": _("Collectivité"),
            "body": _("Instance"),
            "document_kind": _("Type de document"),
            "outcome": _("Résultat du vote"),
            "theme": _("Thème"),
            "year": _("Année"),
        },
        "facet_params": {"collectivite": "collectivite", "body": "body", "document_kind": "kind", "outcome": "outcome",
                         "theme": "theme"},
        "base_query": base,
        "previous_page": query.page - 1 if query.page > 1 else None,
        "next_page": query.page + 1 if query.page < min(pages, 100) else None,
        "pages": pages,
        "first_rank": (query.page - 1) * query.page_size + 1,
    }
    return render(request, "search/search.html", context)
