"""Security by default: a Content-Security-Policy on every response, clerk pages never cached, the default
secret key refused in production, login attempts throttled."""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from config.ratelimit import client_key

logger = logging.getLogger(__name__)

# Pages only signed-in staff see: a shared cache must never keep them.
PRIVATE_PREFIXES = ("/greffe/", "/admin/", "/connexion/", "/deconnexion/")


class SecurityHeadersMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if settings.CONTENT_SECURITY_POLICY and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = settings.CONTENT_SECURITY_POLICY
        if request.path.startswith(PRIVATE_PREFIXES):
            response["Cache-Control"] = "private, no-store"
        return response


def secret_key_check() -> None:
    """The web server refuses to start with DEBUG off on the public default key (anyone could sign sessions)."""
    if not settings.DEBUG and settings.SECRET_KEY == settings.INSECURE_DEFAULT_SECRET_KEY:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY n'est pas défini : le serveur refuse de démarrer sur la clé publique par défaut "
            "(DJANGO_DEBUG=0). Définissez DJANGO_SECRET_KEY (par exemple : python -c \"import secrets; "
            "print(secrets.token_urlsafe(50))\")."
        )


def _login_keys(request: HttpRequest, username: str) -> list[str]:
    account = hashlib.sha256(f"{settings.SECRET_KEY}|{username.strip().lower()}".encode()).hexdigest()[:32]
    return [client_key(request, "login"), f"rate:login-account:{account}"]


def _failures(keys: list[str]) -> int:
    from django.core.cache import cache

    try:
        return max((cache.get(key) or 0) for key in keys)
    except Exception:  # cache down: fail open, as the other limiters
        logger.warning("login throttling not applied: cache unavailable", exc_info=True)
        return 0


def _failure_record(keys: list[str]) -> None:
    from django.core.cache import cache

    try:
        for key in keys:
            if not cache.add(key, 1, timeout=settings.LOGIN_FAILURE_WINDOW_SECONDS):
                cache.incr(key)
    except Exception:
        logger.warning("login failure not counted: cache unavailable", exc_info=True)


class ThrottledAuthenticationForm(AuthenticationForm):
    """Past LOGIN_FAILURE_LIMIT failures for this account or this client, even the right password is refused
    until the window has passed: guessing costs time."""

    throttled = False

    def clean(self):
        username = self.data.get("username", "") or ""
        keys = _login_keys(self.request, username)
        if _failures(keys) >= settings.LOGIN_FAILURE_LIMIT:
            self.throttled = True
            raise ValidationError(
                _("Trop de tentatives de connexion échouées : réessayez dans %(minutes)d minutes.")
                % {"minutes": settings.LOGIN_FAILURE_WINDOW_SECONDS // 60},
                code="throttled",
            )
        try:
            return super().clean()
        except ValidationError:
            _failure_record(keys)
            raise


class LoginView(auth_views.LoginView):
    authentication_form = ThrottledAuthenticationForm
