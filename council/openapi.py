"""OpenAPI 3 description of the council JSON API (merged into /api/v1/openapi.json by the search app)."""


from council.matieres import THEMES
_FILTERS = [
    {"name": "collectivite", "in": "query", "schema": {"type": "string"}, "description": "Slug ou identifiant de la collectivité."},
    {"name": "body", "in": "query", "schema": {"type": "integer"}, "description": "Identifiant de l'instance (conseil municipal…)."},
]
_PAGINATION = [
    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}},
    {"name": "page_size", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}},
]
_ID = [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}]
_ERRORS = {
    "400": {"description": "Paramètre invalide.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CouncilErrors"}}}},
    "404": {"description": "Introuvable ou non publié.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CouncilErrors"}}}},
}


def _page_of(item_schema: str) -> dict:
    return {
        "type": "object",
        "required": ["count", "page", "page_size", "next", "previous", "results"],
        "properties": {
            "count": {"type": "integer"},
            "page": {"type": "integer"},
            "page_size": {"type": "integer"},
            "next": {"type": ["string", "null"], "format": "uri"},
            "previous": {"type": ["string", "null"], "format": "uri"},
            "results": {"type": "array", "items": {"$ref": f"#/components/schemas/{item_schema}"}},
        },
    }


def _ok(schema: dict) -> dict:
    return {"200": {"description": "OK", "content": {"application/json": {"schema": schema}}}, **_ERRORS}


_REF = {
    "collectivite": {"type": "object", "properties": {"slug": {"type": "string"}, "name": {"type": "string"}}},
    "body": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}},
    "pages": {"type": "object", "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}}},
}

SCHEMAS = {
    "CouncilErrors": {"type": "object", "properties": {"errors": {"type": "array", "items": {"type": "string"}}}},
    "Seance": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "date": {"type": "string", "format": "date"},
            "kind": {"type": "string", "enum": ["ordinaire", "extraordinaire"]},
            "collectivite": _REF["collectivite"],
            "body": _REF["body"],
            "url": {"type": "string", "format": "uri"},
            "api_url": {"type": "string", "format": "uri"},
        },
    },
    "SeanceDetail": {
        "allOf": [
            {"$ref": "#/components/schemas/Seance"},
            {
                "type": "object",
                "properties": {
                    "documents": {"type": "array", "items": {"$ref": "#/components/schemas/Document"}},
                    "deliberations": {"type": "array", "items": {"$ref": "#/components/schemas/Deliberation"}},
                },
            },
        ]
    },
    "Document": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "kind": {"type": "string", "enum": ["proces_verbal", "compte_rendu", "deliberation", "liste_deliberations", "autre"]},
            "page_count": {"type": "integer"},
            "url": {"type": "string", "format": "uri"},
            "api_url": {"type": "string", "format": "uri"},
            "original_url": {"type": ["string", "null"], "format": "uri", "description": "Fichier original, seulement s'il est vérifié sans données personnelles."},
        },
    },
    "DocumentDetail": {
        "allOf": [
            {"$ref": "#/components/schemas/Document"},
            {
                "type": "object",
                "properties": {
                    "collectivite": _REF["collectivite"],
                    "body": _REF["body"],
                    "seance": {"oneOf": [{"$ref": "#/components/schemas/Seance"}, {"type": "null"}]},
                    "deliberations": {"type": "array", "items": {"type": "object", "properties": {
                        "id": {"type": "integer"}, "number": {"type": "string"}, "objet": {"type": "string"},
                        "api_url": {"type": "string", "format": "uri"}}}},
                    "pages": {"type": "array", "items": {"type": "object", "properties": {
                        "number": {"type": "integer"},
                        "text": {"type": "string", "description": "Texte public, personnes privées pseudonymisées."},
                        "url": {"type": "string", "format": "uri"},
                        "image_url": {"type": "string", "format": "uri"}}}},
                },
            },
        ]
    },
    "Deliberation": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "number": {"type": "string"},
            "objet": {"type": "string"},
            "rapporteur": {"type": "string"},
            "rapporteur_person": {"type": ["string", "null"], "description": "La personne : « le Maire » est le maire que nomme le document."},
            "seance_date": {"type": ["string", "null"], "format": "date"},
            "seance_id": {"type": ["integer", "null"]},
            "collectivite": _REF["collectivite"],
            "body": _REF["body"],
            "votes": {"type": "object", "properties": {
                "for": {"type": ["integer", "null"]},
                "against": {"type": ["integer", "null"]},
                "abstention": {"type": ["integer", "null"]},
                "unanimous": {"type": "boolean"}}},
            "outcome": {"type": "string", "enum": ["adopted", "rejected", "unknown"]},
            "matiere": {"type": ["object", "null"], "description": "Matière de la nomenclature ACTES (niveau 2) et son thème (niveau 1) ; null si non classée.",
                        "properties": {"code": {"type": "string"}, "name": {"type": "string"},
                                       "theme": {"type": "string"}, "theme_name": {"type": "string"}}},
            "document_id": {"type": "integer"},
            "pages": _REF["pages"],
            "url": {"type": "string", "format": "uri"},
            "api_url": {"type": "string", "format": "uri"},
        },
    },
    "DeliberationDetail": {
        "allOf": [
            {"$ref": "#/components/schemas/Deliberation"},
            {
                "type": "object",
                "properties": {
                    "interventions": {"type": "array", "items": {"type": "object", "properties": {
                        "speaker": {"type": "string"}, "text": {"type": "string"}, "pages": _REF["pages"]}}},
                    "passages": {"type": "array", "items": {"type": "object", "properties": {
                        "text": {"type": "string"}, "pages": _REF["pages"]}}},
                },
            },
        ]
    },
}

PATHS = {
    "/api/v1/seances": {
        "get": {
            "summary": "Séances ayant au moins un document publié, les plus récentes d'abord.",
            "parameters": [*_FILTERS, {"name": "year", "in": "query", "schema": {"type": "integer"}}, *_PAGINATION],
            "responses": _ok(_page_of("Seance")),
        }
    },
    "/api/v1/seances/{id}": {
        "get": {
            "summary": "Une séance, ses documents publiés et leurs délibérations.",
            "parameters": _ID,
            "responses": _ok({"$ref": "#/components/schemas/SeanceDetail"}),
        }
    },
    "/api/v1/deliberations": {
        "get": {
            "summary": "Délibérations des documents publiés, filtrables.",
            "parameters": [
                *_FILTERS,
                {"name": "date_from", "in": "query", "schema": {"type": "string", "format": "date"}},
                {"name": "date_to", "in": "query", "schema": {"type": "string", "format": "date"}},
                {"name": "outcome", "in": "query", "schema": {"type": "string", "enum": ["adopted", "rejected", "unknown"]}},
                {"name": "theme", "in": "query", "schema": {"type": "string", "enum": list(THEMES)},
                 "description": "Thème : niveau 1 de la nomenclature ACTES."},
                {"name": "q", "in": "query", "schema": {"type": "string"}, "description": "Mots de l'objet (sans accents ni casse) ou numéro exact."},
                *_PAGINATION,
            ],
            "responses": _ok(_page_of("Deliberation")),
        }
    },
    "/api/v1/deliberations/{id}": {
        "get": {
            "summary": "Une délibération : votes, noms, interventions, passages.",
            "parameters": _ID,
            "responses": _ok({"$ref": "#/components/schemas/DeliberationDetail"}),
        }
    },
    "/api/v1/documents/{id}": {
        "get": {
            "summary": "Un document publié et le texte public de ses pages.",
            "parameters": _ID,
            "responses": _ok({"$ref": "#/components/schemas/DocumentDetail"}),
        }
    },
}
