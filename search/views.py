"""Search page and JSON search API: parse the request, call the selector, render; bad input is searched as text."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config.ratelimit import client_rate_exceeded
from council.matieres import THEMES
from council.models import Body, Collectivite, Deliberation, Document
from search.alerts import (
    AlertRefused,
    saved_search_confirm,
    saved_search_get,
    saved_search_subscribe,
    saved_search_unsubscribe,
)
from search.backends.base import SearchHit, SearchQuery, SearchResults
from search.openapi import openapi_schema
from search.selectors import MODES, hit_deliberation_url, hit_page_url, passages_search, search_query_parse

# Subscriptions send an e-mail each: a client may ask a few a minute, not flood an address.
ALERTS_PER_MINUTE = 5


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
    query = search_query_parse(request.GET)
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
    query = search_query_parse(request.GET)
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


@require_POST
def alert_subscribe(request: HttpRequest) -> HttpResponse:
    """The search page's « recevoir par courriel » form: the address and the search's parameters."""
    if client_rate_exceeded(request, scope="alert", limit=ALERTS_PER_MINUTE):
        return _too_many(request, api=False)
    params = QueryDict(request.POST.get("params", ""))
    try:
        saved = saved_search_subscribe(email=request.POST.get("email", ""), params=params)
    except AlertRefused as refusal:
        return render(request, "search/alert.html", {"state": "refused", "message": str(refusal),
                                                     "search_params": params.urlencode()}, status=400)
    return render(request, "search/alert.html", {"state": "sent", "email": saved.email,
                                                 "search_params": saved.params})


def _alert_step(request: HttpRequest, token: str, *, asking: str, done: str, act) -> HttpResponse:
    """A link of an alert's e-mail: GET shows the button (a link opened by a mail scanner does nothing), POST acts."""
    saved = saved_search_get(token=token)
    if saved is None:
        return render(request, "search/alert.html", {"state": "unknown"}, status=404)
    params = saved.params
    if request.method == "POST":
        act(saved=saved)
        return render(request, "search/alert.html", {"state": done, "search_params": params})
    return render(request, "search/alert.html", {"state": asking, "search_params": params})


@require_http_methods(["GET", "POST"])
def alert_confirm(request: HttpRequest, token: str) -> HttpResponse:
    return _alert_step(request, token, asking="confirm", done="confirmed", act=saved_search_confirm)


# Mail clients send RFC 8058's one-click « List-Unsubscribe=One-Click » POST without any CSRF token: the token in
# the address is the secret.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def alert_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """Stopped: the address is deleted."""
    return _alert_step(request, token, asking="unsubscribe", done="unsubscribed", act=saved_search_unsubscribe)
