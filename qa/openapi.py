"""OpenAPI description of POST /api/v1/ask and its feedback route, merged into /api/v1/openapi.json."""

_CITATION = {
    "type": "object",
    "required": ["n", "deliberation", "document", "pages", "quote", "url"],
    "properties": {
        "n": {"type": "integer", "description": "Numéro cité dans la réponse : [n]."},
        "deliberation": {"type": "string", "description": "Numéro et objet de la délibération (vide hors délibération)."},
        "deliberation_url": {"type": "string"},
        "document": {"type": "string", "description": "Titre du document."},
        "document_id": {"type": "integer"},
        "pages": {"type": "array", "items": {"type": "integer"}, "description": "Pages du PDF où se trouve le passage."},
        "quote": {"type": "string", "description": "Passage cité, mot pour mot (personnes privées pseudonymisées)."},
        "url": {"type": "string", "description": "Lien vers la page exacte du PDF."},
        "collectivite": {"type": "string"},
        "seance_date": {"type": ["string", "null"], "format": "date"},
    },
}

SCHEMAS = {
    "AskCitation": _CITATION,
    "AskAnswer": {
        "type": "object",
        "required": ["answer", "citations", "abstained"],
        "properties": {
            "question": {"type": "string"},
            "answer": {"type": "string", "description": "Chaque phrase suivie de sa citation [n] ; vide en cas d'abstention."},
            "abstained": {"type": "boolean", "description": "Vrai quand les documents ne permettent pas de répondre."},
            "advice": {"type": "string", "description": "En cas d'abstention, ce que le lecteur peut faire (poser sa question en français, essayer d'autres mots que ceux de la question que les comptes rendus consultés ne contiennent pas) ; vide sinon."},
            "mode": {"type": "string", "enum": ["extractive", "llm"]},
            "citations": {"type": "array", "items": {"$ref": "#/components/schemas/AskCitation"}},
            "closest": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/AskCitation"},
                "description": "En cas d'abstention : les documents les plus proches de la question.",
            },
            "deliberation": {
                "type": ["object", "null"],
                "description": "La délibération d'où vient la réponse, telle que son registre la décrit.",
                "properties": {
                    "number": {"type": "string"},
                    "objet": {"type": "string"},
                    "seance_date": {"type": ["string", "null"], "format": "date"},
                    "outcome": {"type": "string", "description": "« adoptée », « rejetée », ou vide si inconnu."},
                    "vote": {"type": "string", "description": "Par exemple « Adoptée par 46 voix pour, 8 contre et 2 abstentions »."},
                    "url": {"type": "string"},
                },
            },
            "contact": {
                "type": "object",
                "properties": {k: {"type": "string"} for k in ("service", "phone", "email", "form_url")},
            },
            "feedback_token": {"type": "string", "description": "À renvoyer à /api/v1/ask/feedback."},
        },
    },
}

_ERROR = {"content": {"application/json": {"schema": {"type": "object", "properties": {"error": {"type": "string"}}}}}}

PATHS = {
    "/api/v1/ask": {
        "post": {
            "summary": "Poser une question : réponse citée et vérifiée, ou abstention.",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["question"],
                            "properties": {"question": {"type": "string", "maxLength": 500}},
                        }
                    }
                },
            },
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AskAnswer"}}}},
                "400": {"description": "Entrée invalide", **_ERROR},
                "429": {"description": "Trop de questions par minute depuis ce client", **_ERROR},
            },
        }
    },
    "/api/v1/ask/feedback": {
        "post": {
            "summary": "Avis sur une réponse : utile ou pas, commentaire facultatif.",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["feedback_token", "useful"],
                            "properties": {
                                "feedback_token": {"type": "string"},
                                "useful": {"type": "boolean"},
                                "comment": {"type": "string", "maxLength": 2000},
                            },
                        }
                    }
                },
            },
            "responses": {"200": {"description": "Enregistré"}, "400": {"description": "Jeton ou champ invalide", **_ERROR}},
        }
    },
}
