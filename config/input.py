"""Request bodies refused before any view reads them: JSON too large, too deeply nested, or holding text that
no database can store (lone surrogates, NUL). The answer is a French 400."""

from __future__ import annotations

import json
import re

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _

# A JSON string, escapes included: what is inside strings does not count as nesting.
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(rb"[\[\]{}]")


def json_nesting_depth(body: bytes) -> int:
    """Deepest nesting of arrays and objects, counted without parsing (a parser recurses, and 50,000 « [ » blow
    its stack)."""
    depth = deepest = 0
    for match in _BRACKET.finditer(_JSON_STRING.sub(b'""', body)):
        if match.group() in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def text_unstorable(value) -> bool:
    """True when a string inside ``value`` cannot be encoded in UTF-8 (a lone surrogate) or holds NUL."""
    if isinstance(value, str):
        if "\x00" in value:
            return True
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(text_unstorable(k) or text_unstorable(v) for k, v in value.items())
    if isinstance(value, list):
        return any(text_unstorable(item) for item in value)
    return False


def _too_large() -> str:
    return _("Corps JSON trop volumineux (%(limit)d octets au plus).") % {"limit": settings.API_JSON_MAX_BYTES}


def json_body_refusal(body: bytes) -> str | None:
    """The French reason to refuse a JSON body, or None."""
    if len(body) > settings.API_JSON_MAX_BYTES:
        return _too_large()
    if json_nesting_depth(body) > settings.API_JSON_MAX_DEPTH:
        return _("Corps JSON trop imbriqué (%(limit)d niveaux au plus).") % {"limit": settings.API_JSON_MAX_DEPTH}
    try:
        payload = json.loads(body or b"{}")
    except (ValueError, RecursionError):
        return _("Corps JSON invalide.")
    if text_unstorable(payload):
        return _("Le texte envoyé contient des caractères invalides (caractère nul ou demi-paire UTF-16 isolée).")
    return None


class JsonBodyLimitMiddleware:
    """Every POST, PUT or PATCH to the JSON API is checked here, whatever view receives it."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if request.method in ("POST", "PUT", "PATCH") and request.path.startswith("/api/"):
            length = request.META.get("CONTENT_LENGTH") or "0"
            if length.isdigit() and int(length) > settings.API_JSON_MAX_BYTES:
                reason = _too_large()
            else:
                reason = json_body_refusal(request.body)
            if reason:
                return JsonResponse({"error": reason}, status=400)
        return self.get_response(request)
