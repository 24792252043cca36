"""Délibérations as open data: one record per act, written as CSV, JSON Lines or SCDL 2.1.5 CSV."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator

from django.urls import reverse

from council.matieres import matiere_label
from council.models import Deliberation

# Columns of the plain CSV and keys of each JSON line, in this order.
EXPORT_FIELDS = (
    "id",
    "url",
    "collectivite",
    "collectivite_siret",
    "body",
    "seance_date",
    "number",
    "objet",
    "rapporteur",
    "votes_for",
    "votes_against",
    "votes_abstention",
    "unanimous",
    "outcome",
    "matiere",
    "names_for",
    "names_against",
    "names_abstention",
    "page_start",
    "page_end",
    "document_id",
    "document_source_path",
    "document_title",
    "published",
    "original_url",
)

# SCDL « délibérations » 2.1.5, fields in the schema's order (schema.json, "fields").
SCDL_FIELDS = (
    "COLL_NOM",
    "COLL_SIRET",
    "DELIB_ID",
    "DELIB_DATE",
    "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM",
    "DELIB_OBJET",
    "BUDGET_ANNEE",
    "BUDGET_NOM",
    "PREF_ID",
    "PREF_DATE",
    "VOTE_EFFECTIF",
    "VOTE_REEL",
    "VOTE_POUR",
    "VOTE_CONTRE",
    "VOTE_ABSTENTION",
    "DELIB_URL",
)
# Required by the schema but not always known: the ACTES matière is chosen at transmission to the préfecture and
# not printed; ingestion reads it from the objet only when the objet names its act (`council.matieres`), a clerk
# sets the others. Left empty rather than guessed.
SCDL_REQUIRED_UNKNOWN = ("DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM")

_SPACES = re.compile(r"\s+")
_SIRET = re.compile(r"^\d{14}$")


def deliberation_record(*, deliberation: Deliberation, base_url: str = "") -> dict:
    """Everything exported about one délibération (its document, séance and collectivité must be loaded)."""
    document = deliberation.document
    collectivite = document.body.collectivite
    seance_date = deliberation.seance.date if deliberation.seance else document.seance_date_declared
    path = deliberation.get_absolute_url()
    return {
        "id": deliberation.pk,
        "url": base_url.rstrip("/") + path if base_url else path,
        "collectivite": collectivite.name,
        "collectivite_siret": collectivite.siret or "",
        "body": document.body.name,
        "seance_date": seance_date.isoformat() if seance_date else None,
        "number": deliberation.number,
        "objet": deliberation.objet,
        "rapporteur": deliberation.rapporteur,
        "votes_for": deliberation.votes_for,
        "votes_against": deliberation.votes_against,
        "votes_abstention": deliberation.votes_abstention,
        "unanimous": deliberation.unanimous,
        "outcome": deliberation.outcome,
        "matiere": deliberation.matiere,
        "names_for": list(deliberation.names_for),
        "names_against": list(deliberation.names_against),
        "names_abstention": list(deliberation.names_abstention),
        "page_start": deliberation.page_start,
        "page_end": deliberation.page_end,
        "document_id": document.pk,
        "document_source_path": document.source_path,
        "document_title": document.title,
        "published": document.published,
        # The original PDF, once a clerk has released it (`ingestion.services.document_original_release`).
        "original_url": (base_url.rstrip("/") + reverse("document-original", args=[document.pk])) if document.personal_data_free else "",
        # Not exported as such: a stable identifier for SCDL when the act has no number.
        "_fallback_id": f"{document.sha256[:12]}-{deliberation.position + 1}",
    }


def deliberation_records(*, deliberations: Iterable[Deliberation], base_url: str = "") -> Iterator[dict]:
    """Records one by one, reading a queryset in chunks so that a whole corpus never sits in memory."""
    if hasattr(deliberations, "iterator"):
        deliberations = deliberations.iterator(chunk_size=500)
    for deliberation in deliberations:
        yield deliberation_record(deliberation=deliberation, base_url=base_url)


def _csv_line(values: list) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue()


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)


def csv_lines(records: Iterable[dict]) -> Iterator[str]:
    """Plain CSV (UTF-8, comma, header first); name lists joined with « ; »."""
    yield _csv_line(list(EXPORT_FIELDS))
    for record in records:
        yield _csv_line([_csv_value(record[name]) for name in EXPORT_FIELDS])


def jsonl_lines(records: Iterable[dict]) -> Iterator[str]:
    """One JSON object per line, keys as in EXPORT_FIELDS."""
    for record in records:
        yield json.dumps({name: record[name] for name in EXPORT_FIELDS}, ensure_ascii=False) + "\n"


def scdl_row(record: dict) -> dict[str, str]:
    """One SCDL 2.1.5 row; unknown values are empty, never invented (see SCDL_REQUIRED_UNKNOWN)."""
    counts = (record["votes_for"], record["votes_against"], record["votes_abstention"])
    siret = (record["collectivite_siret"] or "").replace(" ", "")
    # The act itself when its original is released, else its page on the portal.
    url = record["original_url"] or record["url"]
    url = url if url.startswith(("http://", "https://")) else ""
    return {
        "COLL_NOM": record["collectivite"],
        "COLL_SIRET": siret if _SIRET.match(siret) else "",
        "DELIB_ID": record["number"] or record["_fallback_id"],
        "DELIB_DATE": record["seance_date"] or "",
        "DELIB_MATIERE_CODE": record["matiere"],
        "DELIB_MATIERE_NOM": matiere_label(record["matiere"]),
        "DELIB_OBJET": _SPACES.sub(" ", record["objet"]).strip(),
        "BUDGET_ANNEE": "",
        "BUDGET_NOM": "",
        "PREF_ID": "",
        "PREF_DATE": "",
        # The number of members in office is not extracted; the schema allows it empty.
        "VOTE_EFFECTIF": "",
        # Voters who took part = for + against + abstentions, only when all three are known.
        "VOTE_REEL": str(sum(counts)) if None not in counts else "",
        "VOTE_POUR": _csv_value(record["votes_for"]),
        "VOTE_CONTRE": _csv_value(record["votes_against"]),
        "VOTE_ABSTENTION": _csv_value(record["votes_abstention"]),
        "DELIB_URL": url,
    }


def scdl_lines(records: Iterable[dict]) -> Iterator[str]:
    """SCDL délibérations 2.1.5 as CSV: UTF-8, comma, header with the schema's field names."""
    yield _csv_line(list(SCDL_FIELDS))
    for record in records:
        row = scdl_row(record)
        yield _csv_line([row[name] for name in SCDL_FIELDS])


def scdl_missing_required(row: dict[str, str]) -> list[str]:
    """Required SCDL fields this row leaves empty (the command reports them to the operator)."""
    required = ("COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", *SCDL_REQUIRED_UNKNOWN, "DELIB_OBJET")
    return [name for name in required if not row[name]]
