"""Search API, search page and OpenAPI schema: filters, facets, publication, hostile input."""

from __future__ import annotations

import itertools
import json
import random

import pytest
from django.urls import reverse

# Every test twice: PostgreSQL's keyword search, then OpenSearch's (tests/search/conftest.py).
pytestmark = pytest.mark.usefixtures("keyword_backend")

HOSTILE_PIECES = [
    '"', '""', '"unbalanced', 'OR', 'OR OR', '-', '--', '- -x', '*', '**', 'a*', '&', '|', '!', '!!', '(', ')', '((',
    ':*', "<->", "'", "''", "l'", "d’", "qu'", "\\", "\\'", "%", "%%", "_", ";", "; DROP TABLE search_passage; --",
    "' OR 1=1 --", "1; SELECT pg_sleep(5)", "$$", "$1", "<script>alert(1)</script>", "<b>", "&amp;", "&#0;", "\x00",
    "\x01\x02\x1f", "\x7f", "\u202e", "\ufeff", "\ue000", "\ue001", "🏊", "𝔭𝔦𝔰𝔠𝔦𝔫𝔢", "ﬁ", "Ⅻ", "piscine", "tarifs",
    "délibération", "ÉCOLE", "é", "-piscine", '"plan local"', "urba*", "OR piscine", "piscine OR", "NOT", "AND",
    "{", "}", "[", "]", "~", "^2", "field:value", "null", "None", "undefined", "0", "-1", "1e309", "NaN", "\t\n\r",
]


def hostile_queries(count: int = 240) -> list[str]:
    """Deterministic mixes of operators, metacharacters and words, plus a few very long inputs."""
    rng = random.Random(20261125)
    queries = [piece for piece in HOSTILE_PIECES]
    while len(queries) < count - 4:
        queries.append("".join(rng.choice(["", " "]) + rng.choice(HOSTILE_PIECES) for _ in range(rng.randint(2, 6))))
    queries += ["a" * 10_240, "piscine " * 1300, '"' * 5000, ("x' OR " * 2000)[:10_240]]
    return queries


def test_hostile_queries_answer_200(client, passages, settings):
    settings.SEARCH_RATE_LIMIT_PER_MINUTE = 0  # hundreds of searches from one client: the limiter is tested apart
    queries = hostile_queries()
    assert len(queries) >= 200
    failures = []
    for query, mode in zip(queries, itertools.cycle(["keyword", "hybrid", "semantic"])):
        response = client.get(reverse("api-search"), {"q": query, "mode": mode, "page": "x", "date_from": "2021-13-45"})
        if response.status_code != 200:
            failures.append((query[:80], mode, response.status_code))
            continue
        payload = response.json()
        if any("2015-01" == (hit["deliberation"] or {}).get("number") for hit in payload["results"]):
            failures.append((query[:80], mode, "unpublished"))
    assert failures == []


@pytest.mark.parametrize("query", ['"plan local', "<script>alert(1)</script>", "piscine\x00", "OR -", "a" * 10_240])
def test_hostile_queries_on_the_page(client, passages, query):
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


@pytest.mark.parametrize("mode", ["keyword", "semantic", "hybrid"])
def test_unpublished_absent_from_api(client, passages, mode):
    payload = client.get(reverse("api-search"), {"q": "piscine tarifs secret intercommunale", "mode": mode}).json()
    numbers = {(hit["deliberation"] or {}).get("number") for hit in payload["results"]}
    assert "2015-01" not in numbers
    assert all(facet["label"] != "" for facet in payload["facets"].get("collectivite", []))
    # The only Chéméré passage about a swimming pool is unpublished: no facet may count it.
    counted = {facet["label"]: facet["count"] for facet in payload["facets"].get("collectivite", [])}
    assert counted.get("Chéméré", 0) <= 2


def test_keyword_syntax(client, passages):
    def numbers(q):
        payload = client.get(reverse("api-search"), {"q": q, "mode": "keyword"}).json()
        return {hit["deliberation"]["number"] for hit in payload["results"]}

    assert numbers('"plan local"') == {"V2022-12"}
    assert numbers("tarifs -piscine") == {"2014-40"}
    assert numbers("piscine OR jardins") == {"V2021-301", "M2022-7"}
    assert numbers("PISCINES") == {"V2021-301"}  # case, plural
    assert numbers("ecole") == {"2014-40"}  # accent: « l'école »
    assert numbers("urba*") == {"V2022-12"}
    assert numbers("l'urbanisme") == {"V2022-12"}  # elision


def test_filters_and_facets(client, passages):
    montpellier = passages[2].collectivite_id
    url = reverse("api-search")
    payload = client.get(url, {"q": "tarifs OR subvention OR urbanisme OR cession", "mode": "keyword"}).json()
    assert payload["total"] == 5
    facets = {name: {f["label"]: f["count"] for f in values} for name, values in payload["facets"].items()}
    assert facets["collectivite"] == {"Montpellier": 3, "Chéméré": 2}
    assert facets["outcome"] == {"adoptée": 4, "rejetée": 1}
    assert facets["year"] == {"2013": 1, "2014": 1, "2021": 1, "2022": 2}
    # Thèmes as ingestion reads them from the objets: two tariffs and a subsidy, a sale, a PLU.
    assert facets["theme"] == {"Finances locales": 3, "Domaine et patrimoine": 1, "Urbanisme": 1}

    def numbers(**params):
        response = client.get(url, {"q": "tarifs OR subvention OR urbanisme OR cession", "mode": "keyword", **params})
        return [hit["deliberation"]["number"] for hit in response.json()["results"]]

    assert set(numbers(collectivite=montpellier)) == {"V2021-301", "V2022-12", "M2022-7"}
    assert numbers(outcome="rejected") == ["V2022-12"]
    assert set(numbers(theme="7")) == {"2014-40", "V2021-301", "M2022-7"}
    assert set(numbers(theme=["2", "3"])) == {"V2022-12", "2013-21"}
    assert set(numbers(kind="proces_verbal")) == {"2013-21", "2014-40"}
    assert set(numbers(date_from="2022-01-01", date_to="2022-04-01")) == {"V2022-12"}
    metropole = passages[4].body_id
    assert numbers(body=metropole) == ["M2022-7"]
    assert numbers(sort="date") == ["M2022-7", "V2022-12", "V2021-301", "2014-40", "2013-21"]
    assert numbers(page_size=2, page=3) == [numbers(page_size=5)[4]]


def test_hit_carries_citation(client, passages):
    hit = client.get(reverse("api-search"), {"q": "bassin de rétention", "mode": "hybrid"}).json()["results"][0]
    assert hit["deliberation"]["number"] == "2013-21"
    assert "Cession de la parcelle" in hit["deliberation"]["objet"]
    assert hit["seance_date"] == "2013-04-17"
    assert (hit["page_start"], hit["page_end"]) == (3, 4)
    assert hit["page_url"].endswith(f"/documents/{hit['document']['id']}/pages/3/")
    assert "<mark>" in hit["snippet"]


def test_search_page_renders_results_without_javascript(client, passages):
    response = client.get(reverse("search"), {"q": "piscine", "mode": "keyword"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "V2021-301" in body and "<mark>piscine</mark>" in body.lower()
    assert "<script" not in body
    assert 'role="search"' in body and 'for="q"' in body


def test_openapi_describes_search(client):
    schema = client.get(reverse("api-openapi")).json()
    assert schema["openapi"].startswith("3.")
    parameters = {p["name"] for p in schema["paths"]["/api/v1/search"]["get"]["parameters"]}
    assert {"q", "mode", "collectivite", "body", "date_from", "date_to", "kind", "outcome", "sort", "page"} <= parameters
    # Every $ref resolves inside the document.
    text = json.dumps(schema)
    for ref in {part.split('"')[0] for part in text.split('"$ref": "#/components/schemas/')[1:]}:
        assert ref in schema["components"]["schemas"]
