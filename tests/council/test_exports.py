"""Exports of délibérations: CSV, JSON Lines, SCDL 2.1.5 (checked against the schema's own constraints), and the command."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from council import exports
from ingestion.services import document_original_release
from tests.corpus import corpus_root


def _body(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def _scdl_schema() -> dict:
    path = corpus_root() / "scdl_deliberations" / "schema" / "2.1.5" / "schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _scdl_violations(rows: list[dict[str, str]], header: list[str], schema: dict) -> list[str]:
    """Breaches of the schema's field list, required fields, types, patterns, formats and enums."""
    fields = schema["fields"]
    problems = []
    if header != [field["name"] for field in fields]:
        problems.append(f"header {header} differs from the schema's fields")
    for number, row in enumerate(rows, start=2):
        for field in fields:
            value = row.get(field["name"], "")
            constraints = field.get("constraints", {})
            if not value:
                if constraints.get("required") and field["name"] not in exports.SCDL_REQUIRED_UNKNOWN:
                    problems.append(f"line {number}: {field['name']} is required")
                continue
            kind = field.get("type")
            if kind == "integer" and not re.fullmatch(r"-?\d+", value):
                problems.append(f"line {number}: {field['name']}={value!r} is not an integer")
            if kind == "date":
                try:
                    datetime.date.fromisoformat(value)
                except ValueError:
                    problems.append(f"line {number}: {field['name']}={value!r} is not a date")
            if field.get("format") == "uri" and not re.match(r"^https?://[^\s/]+", value):
                problems.append(f"line {number}: {field['name']}={value!r} is not a URI")
            if "pattern" in constraints and not re.fullmatch(constraints["pattern"], value):
                problems.append(f"line {number}: {field['name']}={value!r} does not match {constraints['pattern']}")
            if "enum" in constraints and value not in constraints["enum"]:
                problems.append(f"line {number}: {field['name']}={value!r} not in enum")
        counts = [row["VOTE_POUR"], row["VOTE_CONTRE"], row["VOTE_ABSTENTION"]]
        if row["VOTE_REEL"] and all(counts) and int(row["VOTE_REEL"]) != sum(int(count) for count in counts):
            problems.append(f"line {number}: VOTE_REEL is not the sum of the votes")
    return problems


@pytest.fixture
def exported(council_rows):
    document, items = council_rows(
        published=True,
        siret="21340145700019",
        objets=("Subvention au club de football,\nsaison 2024", "Tarifs de la cantine"),
    )
    items[1].votes_for = None
    items[1].votes_against = None
    items[1].votes_abstention = None
    items[1].unanimous = True
    items[1].number = ""
    items[1].save()
    items[0].matiere = "7.5"
    items[0].save()
    hidden, _ = council_rows(published=False, objets=("Projet non publié",))
    return document, items, hidden


def test_scdl_export_follows_the_schema(client, exported):
    schema = _scdl_schema()
    assert tuple(field["name"] for field in schema["fields"]) == exports.SCDL_FIELDS
    response = client.get(reverse("export-deliberations-scdl"))
    assert response["Content-Type"].startswith("text/csv")
    reader = csv.DictReader(io.StringIO(_body(response)))
    rows = list(reader)
    assert _scdl_violations(rows, reader.fieldnames, schema) == []
    first, second = rows
    assert first["COLL_SIRET"] == "21340145700019"
    assert first["DELIB_DATE"] == "2024-05-15"
    assert first["DELIB_OBJET"] == "Subvention au club de football, saison 2024"
    assert (first["VOTE_POUR"], first["VOTE_CONTRE"], first["VOTE_ABSTENTION"], first["VOTE_REEL"]) == ("25", "2", "1", "28")
    assert first["DELIB_URL"].startswith("http://testserver/deliberations/")
    # The matière, as SCDL spells it: the ACTES code and « niveau 1/niveau 2 » in lower case.
    assert (first["DELIB_MATIERE_CODE"], first["DELIB_MATIERE_NOM"]) == ("7.5", "finances locales/subventions")
    assert (second["DELIB_MATIERE_CODE"], second["DELIB_MATIERE_NOM"]) == ("", "")
    # Once the clerk releases the original, the act itself is the URL.
    document = exported[0]
    document.privacy_reviewed_at = datetime.datetime(2024, 6, 1, tzinfo=datetime.timezone.utc)
    document_original_release(document=document, released=True)
    rows = list(csv.DictReader(io.StringIO(_body(client.get(reverse("export-deliberations-scdl"))))))
    assert rows[0]["DELIB_URL"] == f"http://testserver{reverse('document-original', args=[document.pk])}"
    # No number printed: a stable identifier from the document's hash and the act's position.
    assert re.fullmatch(r"[0-9a-f]{12}-2", second["DELIB_ID"])
    assert second["VOTE_POUR"] == second["VOTE_REEL"] == ""


def test_scdl_checks_catch_bad_values(exported):
    document, items, _ = exported
    document.body.collectivite.siret = "123"
    record = next(exports.deliberation_records(deliberations=[items[0]], base_url="https://portail.example"))
    row = exports.scdl_row(record)
    # A malformed SIRET is never exported: the column is left empty and reported missing.
    assert row["COLL_SIRET"] == ""
    assert exports.scdl_missing_required(row) == ["COLL_SIRET"]
    row.update(VOTE_REEL="99", DELIB_DATE="15/05/2024")
    assert _scdl_violations([row], list(exports.SCDL_FIELDS), _scdl_schema()) == [
        "line 2: COLL_SIRET is required",
        "line 2: DELIB_DATE='15/05/2024' is not a date",
        "line 2: VOTE_REEL is not the sum of the votes",
    ]
    row.update(COLL_SIRET="123", VOTE_REEL="28", DELIB_DATE="2024-05-15")
    assert _scdl_violations([row], list(exports.SCDL_FIELDS), _scdl_schema()) == [
        "line 2: COLL_SIRET='123' does not match ^\\d{14}$"
    ]


def test_csv_and_jsonl_exports(client, exported):
    document, items, _ = exported
    rows = list(csv.DictReader(io.StringIO(_body(client.get(reverse("export-deliberations-csv"))))))
    assert [row["objet"] for row in rows] == ["Subvention au club de football,\nsaison 2024", "Tarifs de la cantine"]
    assert rows[0]["names_against"] == "M. DURAND; Mme MARTIN"
    assert rows[0]["document_source_path"] == document.source_path
    assert rows[0]["seance_date"] == "2024-05-15"
    assert (rows[0]["page_start"], rows[0]["page_end"]) == ("1", "2")
    lines = _body(client.get(reverse("export-deliberations-jsonl"))).splitlines()
    records = [json.loads(line) for line in lines]
    assert list(records[0]) == list(exports.EXPORT_FIELDS)
    assert records[0]["votes_for"] == 25 and records[1]["votes_for"] is None and records[1]["unanimous"] is True
    assert records[0]["names_against"] == ["M. DURAND", "Mme MARTIN"]


def test_http_exports_take_the_same_filters(client, council_rows):
    council_rows(published=True, objets=("Vote du budget primitif",), date=datetime.date(2024, 3, 1))
    council_rows(published=True, objets=("Cantine scolaire",), date=datetime.date(2023, 3, 1))
    body = _body(client.get(reverse("export-deliberations-csv"), {"date_from": "2024-01-01"}))
    assert "budget primitif" in body and "Cantine" not in body
    assert client.get(reverse("export-deliberations-csv"), {"date_from": "hier"}).status_code == 400


def test_command_exports_everything_unless_published_only(exported, tmp_path):
    out = io.StringIO()
    call_command("export_deliberations", "--format", "jsonl", stdout=out, stderr=io.StringIO())
    objets = [json.loads(line)["objet"] for line in out.getvalue().splitlines()]
    assert "Projet non publié" in objets and len(objets) == 3

    target = tmp_path / "scdl.csv"
    errors = io.StringIO()
    call_command(
        "export_deliberations", "--format", "scdl", "--published-only", "--output", str(target),
        "--base-url", "https://deliberations.example.fr", stdout=io.StringIO(), stderr=errors,
    )
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert len(rows) == 2 and all("non publié" not in row["DELIB_OBJET"] for row in rows)
    assert rows[0]["DELIB_URL"].startswith("https://deliberations.example.fr/deliberations/")
    assert "DELIB_MATIERE_CODE (1 ligne(s))" in errors.getvalue()

    out = io.StringIO()
    call_command("export_deliberations", "--format", "csv", stdout=out, stderr=io.StringIO())
    assert out.getvalue().splitlines()[0].split(",") == list(exports.EXPORT_FIELDS)
