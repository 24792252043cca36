"""Faults of the services the portal depends on become a French 503 (a page, or JSON under /api/), never a 500.

Pages are rendered without the request's context processors: those would query the database (the
session, the user) that may be the very thing that is down.
"""

from __future__ import annotations

import logging
import sys

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import get_template
from django.utils.translation import gettext as _

from config.faults import ServiceUnavailable
from council.context_processors import portal

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


def _service_errors() -> tuple[type[BaseException], ...]:
    import kombu.exceptions
    import redis.exceptions

    return (
        OperationalError,
        InterfaceError,
        kombu.exceptions.OperationalError,
        redis.exceptions.ConnectionError,
        redis.exceptions.TimeoutError,
    )


def statement_timed_out(error: BaseException) -> bool:
    """The database cancelled a statement that ran past DATABASE_STATEMENT_TIMEOUT: it is up, the query was long."""
    import psycopg.errors

    return isinstance(error, OperationalError) and isinstance(error.__cause__, psycopg.errors.QueryCanceled)


def service_unavailable_reason(error: BaseException) -> str | None:
    """The French reason when ``error`` means a service is down, else None."""
    if isinstance(error, ServiceUnavailable):
        return error.reason
    if statement_timed_out(error):
        return _("La requête a demandé trop de temps au portail ; réessayez avec moins de mots ou des filtres.")
    if isinstance(error, (OperationalError, InterfaceError)) or (
        isinstance(error, DatabaseError) and "connection" in str(error).lower()
    ):
        return _("La base de données du portail ne répond pas.")
    if isinstance(error, _service_errors()):
        return _("Un service du portail (file de traitement ou cache) ne répond pas.")
    return None


def _page(template: str, *, status: int, reason: str = "") -> HttpResponse:
    context = {**portal(None), "user": AnonymousUser(), "messages": [], "reason": reason}
    return HttpResponse(get_template(template).render(context), status=status)


def service_unavailable_response(request: HttpRequest, reason: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        response = JsonResponse({"error": reason + " " + _("Réessayez dans une minute.")}, status=503)
    else:
        response = _page("503.html", status=503, reason=reason)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class ServiceUnavailableMiddleware:
    """A database, broker or cache that is down answers 503 within the services' own timeouts."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not settings.DATABASE_EXTERNAL:
            from config.embedded import embedded_database_reattach_if_needed

            embedded_database_reattach_if_needed()
            response = self.get_response(request)
            if response.status_code != 503:
                embedded_database_reattach_if_needed(answered=True)
            return response
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        reason = service_unavailable_reason(exception)
        if reason is None:
            return None
        logger.warning("%s %s: service unavailable (%s: %s)", request.method, request.path,
                       type(exception).__name__, str(exception).splitlines()[0][:300] if str(exception) else "")
        if isinstance(exception, (OperationalError, InterfaceError)) and not settings.DATABASE_EXTERNAL \
                and not statement_timed_out(exception):
            from config.embedded import embedded_database_lost

            embedded_database_lost()
        return service_unavailable_response(request, reason)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a service fault raised outside a view (a middleware, the session) is a 503 too."""
    error = sys.exc_info()[1]
    reason = service_unavailable_reason(error) if error else None
    if reason:
        return service_unavailable_response(request, reason)
    if request.path.startswith("/api/"):
        return JsonResponse({"error": _("Erreur interne du serveur ; elle a été enregistrée.")}, status=500)
    return _page("500.html", status=500)
