"""JSON API: pagination links, filters and their errors."""

from __future__ import annotations

import datetime

import pytest

from council.models import Deliberation


@pytest.fixture
def many(council_rows):
    council_rows(published=True, objets=tuple(f"Objet numéro {n}" for n in range(5)), date=datetime.date(2024, 6, 1))
    council_rows(
        published=True,
        collectivite="Communauté de communes du Pic",
        body="Conseil communautaire",
        objets=("Création d'une déchèterie", "Élection du président"),
        outcome=Deliberation.Outcome.REJECTED,
        date=datetime.date(2023, 2, 1),
    )


def test_pagination_walks_every_result_once(client, many):
    seen = []
    url = "/api/v1/deliberations?page_size=3"
    pages = 0
    while url:
        data = client.get(url).json()
        seen += [item["id"] for item in data["results"]]
        assert data["count"] == 7 and data["page_size"] == 3
        url = data["next"]
        pages += 1
    assert pages == 3
    assert len(seen) == len(set(seen)) == 7
    last = client.get("/api/v1/deliberations?page_size=3&page=3").json()
    assert last["next"] is None
    assert "page=2" in last["previous"] and last["previous"].startswith("http://testserver/api/v1/deliberations?")


def test_pagination_keeps_filters_in_links(client, many):
    data = client.get("/api/v1/deliberations", {"collectivite": "ville-de-lunel", "page_size": 2}).json()
    assert data["count"] == 5
    assert "collectivite=ville-de-lunel" in data["next"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"outcome": "rejected"}, {"Création d'une déchèterie", "Élection du président"}),
        ({"q": "dechetterie"}, set()),
        ({"q": "DECHETERIE"}, {"Création d'une déchèterie"}),
        ({"q": "election"}, {"Élection du président"}),
        ({"date_from": "2023-01-01", "date_to": "2023-12-31"}, {"Création d'une déchèterie", "Élection du président"}),
        ({"date_from": "2024-06-01", "q": "numéro 4"}, {"Objet numéro 4"}),
    ],
)
def test_deliberation_filters(client, many, params, expected):
    data = client.get("/api/v1/deliberations", {**params, "page_size": 100}).json()
    assert {item["objet"] for item in data["results"]} == expected


def test_filters_by_collectivite_id_and_body(client, many):
    first = client.get("/api/v1/deliberations", {"outcome": "rejected"}).json()["results"][0]
    by_body = client.get("/api/v1/deliberations", {"body": first["body"]["id"]}).json()
    assert by_body["count"] == 2
    seances = client.get("/api/v1/seances", {"collectivite": "ville-de-lunel", "year": 2024}).json()
    assert [item["date"] for item in seances["results"]] == ["2024-06-01"]
    assert client.get("/api/v1/seances", {"year": 2022}).json()["count"] == 0


@pytest.mark.parametrize(
    "query",
    ["page_size=0", "page_size=1000", "page=abc", "page=0", "date_from=15/05/2024", "outcome=maybe", "body=x"],
)
def test_bad_parameters_are_400_with_a_french_message(client, many, query):
    response = client.get(f"/api/v1/deliberations?{query}")
    assert response.status_code == 400
    assert response.json()["errors"]


def test_page_past_the_end_is_404(client, many):
    assert client.get("/api/v1/deliberations?page=99").status_code == 404


def test_deliberation_detail_has_votes_names_turns_and_links(client, council_rows):
    _, (deliberation,) = council_rows(published=True)
    data = client.get(f"/api/v1/deliberations/{deliberation.pk}").json()
    assert data["votes"] == {
        "for": 25, "against": 2, "abstention": 1, "unanimous": False,
        "names_for": [], "names_against": ["M. DURAND", "Mme MARTIN"], "names_abstention": [],
    }
    assert data["interventions"] == [
        {"speaker": "M. DURAND", "text": "Nous voterons contre ce projet.", "pages": {"start": 1, "end": 1}}
    ]
    assert data["url"] == f"http://testserver/deliberations/{deliberation.pk}/"
    document = client.get(f"/api/v1/documents/{data['document_id']}").json()
    assert [page["number"] for page in document["pages"]] == [1, 2]
    assert document["pages"][0]["image_url"].endswith(f"/documents/{data['document_id']}/pages/1.png")
    assert document["original_url"] is None


def test_openapi_paths_cover_every_route():
    from council.openapi import PATHS

    assert set(PATHS) == {
        "/api/v1/seances", "/api/v1/seances/{id}", "/api/v1/deliberations",
        "/api/v1/deliberations/{id}", "/api/v1/documents/{id}",
    }


@pytest.mark.parametrize("path", ["/seances/", "/api/v1/seances", "/deliberations/", "/api/v1/deliberations",
                                  "/exports/deliberations.csv"])
@pytest.mark.parametrize(
    "query",
    ["year=-99999999999999999999", "year=0", "year=10000", "year=99999999999999999999",
     "body=99999999999999999999999999", "body=-99999999999999999999", "collectivite=99999999999999999999999",
     "page=-99999999999999999999", "page=99999999999999999999", "page_size=99999999999999999999",
     "date_from=9999-12-31&date_to=0001-01-01", "q=budget%00", "collectivite=%00", "collectivite=ville%00de"],
)
def test_hostile_filter_values_are_a_200_400_or_404(client, many, path, query):
    # Found by `python -m bench.load hostile` against gunicorn: « year=-99999999999999999999 » was a 500 (the
    # year lookup builds datetime.date(year, 1, 1)), and so was a NUL in « q » (PostgreSQL refuses it in text).
    response = client.get(f"{path}?{query}")
    assert response.status_code in (200, 400, 404), response.status_code


def test_a_year_out_of_the_calendar_is_a_french_400(client, many):
    response = client.get("/api/v1/seances?year=0")
    assert response.status_code == 400 and "entre 1 et 9999" in response.json()["errors"][0]


def test_a_nul_in_a_text_filter_is_dropped(client, many):
    data = client.get("/api/v1/deliberations?q=d%00echeterie&collectivite=%00").json()
    assert [item["objet"] for item in data["results"]] == ["Création d'une déchèterie"]
