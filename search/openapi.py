"""OpenAPI 3.1 description of the JSON API, built from each app's part (PATHS, SCHEMAS in `<app>.openapi`)."""

from __future__ import annotations

import copy
import importlib

from council.matieres import THEMES

# Apps whose `openapi` module describes their own routes; a missing one is simply left out.
PARTS = ("council", "qa")

_LIST = {"type": "array", "items": {"type": "string"}}

SCHEMAS = {
    "SearchHit": {
        "type": "object",
        "required": ["passage_id", "score", "page_start", "page_end", "page_url", "document"],
        "properties": {
            "passage_id": {"type": "integer"},
            "score": {"type": "number", "description": "Plus haut : plus pertinent (non comparable d'un mode à l'autre)."},
            "snippet": {"type": "string", "description": "Extrait HTML sûr : termes trouvés dans <mark>, le reste échappé."},
            "text": {"type": "string", "description": "Texte public du passage (personnes privées pseudonymisées)."},
            "page_start": {"type": "integer"},
            "page_end": {"type": "integer"},
            "page_url": {"type": "string", "description": "Lien vers la page exacte du document."},
            "seance_date": {"type": ["string", "null"], "format": "date"},
            "collectivite": {"type": "string"},
            "body": {"type": "string"},
            "document": {
                "type": "object",
                "properties": {"id": {"type": "integer"}, "title": {"type": "string"}},
            },
            "deliberation": {
                "oneOf": [
                    {
                        "type": "object",
                        "properties": {
                            "id": {"type": "integer"},
                            "number": {"type": "string"},
                            "objet": {"type": "string"},
                            "url": {"type": "string"},
                        },
                    },
                    {"type": "null"},
                ]
            },
        },
    },
    "FacetValue": {
        "type": "object",
        "properties": {"value": {"type": "string"}, "label": {"type": "string"}, "count": {"type": "integer"}},
    },
    "SearchResults": {
        "type": "object",
        "required": ["query", "mode", "total", "results", "facets"],
        "properties": {
            "query": {"type": "string"},
            "mode": {"type": "string", "enum": ["keyword", "semantic", "hybrid"]},
            "sort": {"type": "string", "enum": ["relevance", "date"]},
            "page": {"type": "integer"},
            "page_size": {"type": "integer"},
            "total": {"type": "integer"},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/SearchHit"}},
            "facets": {
                "type": "object",
                "description": "collectivite, body, document_kind, outcome, theme, year.",
                "additionalProperties": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}},
            },
        },
    },
}

PATHS = {
    "/api/v1/search": {
        "get": {
            "summary": "Recherche dans les passages des documents publiés.",
            "description": (
                "Syntaxe : \"expression exacte\", OR, -exclusion, préfixe*. Sans accents ni casse. "
                "Toute entrée est acceptée : ce qui n'est pas compris est cherché comme du texte."
            ),
            "parameters": [
                {"name": "q", "in": "query", "schema": {"type": "string"}, "description": "Texte recherché."},
                {"name": "mode", "in": "query", "schema": {"type": "string", "enum": ["keyword", "semantic", "hybrid"], "default": "hybrid"}},
                {"name": "collectivite", "in": "query", "schema": {"type": "array", "items": {"type": "integer"}}, "explode": True},
                {"name": "body", "in": "query", "schema": {"type": "array", "items": {"type": "integer"}}, "explode": True},
                {"name": "date_from", "in": "query", "schema": {"type": "string", "format": "date"}},
                {"name": "date_to", "in": "query", "schema": {"type": "string", "format": "date"}},
                {
                    "name": "kind", "in": "query", "explode": True,
                    "schema": {"type": "array", "items": {"type": "string", "enum": ["proces_verbal", "compte_rendu", "deliberation", "liste_deliberations", "autre"]}},
                },
                {
                    "name": "outcome", "in": "query", "explode": True,
                    "schema": {"type": "array", "items": {"type": "string", "enum": ["adopted", "rejected", "unknown"]}},
                },
                {
                    "name": "theme", "in": "query", "explode": True, "description": "Thème : niveau 1 de la nomenclature ACTES.",
                    "schema": {"type": "array", "items": {"type": "string", "enum": list(THEMES)}},
                },
                {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["relevance", "date"], "default": "relevance"}},
                {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 1}},
                {"name": "page_size", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 50, "default": 10}},
            ],
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResults"}}}}
            },
        }
    },
    "/api/v1/openapi.json": {
        "get": {
            "summary": "Ce document.",
            "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}},
        }
    },
}


def openapi_schema() -> dict:
    """The whole API: this app's paths and those of every app in PARTS that describes its own."""
    paths, schemas = copy.deepcopy(PATHS), copy.deepcopy(SCHEMAS)
    for app in PARTS:
        try:
            module = importlib.import_module(f"{app}.openapi")
        except ImportError:
            continue
        paths.update(copy.deepcopy(getattr(module, "PATHS", {})))
        schemas.update(copy.deepcopy(getattr(module, "SCHEMAS", {})))
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "API des délibérations municipales",
            "version": "1.0.0",
            "description": "Lecture seule ; seuls les documents publiés apparaissent.",
        },
        "servers": [{"url": "/"}],
        "paths": dict(sorted(paths.items())),
        "components": {"schemas": schemas},
    }
