"""Per-client request budgets in the shared cache; a cache that is down lets requests through (with a log line)."""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

logger = logging.getLogger(__name__)


def client_address(request: HttpRequest) -> str:
    """The peer's address; behind the proxy (DJANGO_BEHIND_PROXY=1) the last X-Forwarded-For entry, which the
    proxy appended (a client can write the ones before it, never that one)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "") if settings.BEHIND_PROXY else ""
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    return hops[-1] if hops else request.META.get("REMOTE_ADDR", "")


def client_key(request: HttpRequest, scope: str) -> str:
    """The client's address, hashed with the secret key: the cache never holds an address."""
    address = client_address(request)
    return f"rate:{scope}:" + hashlib.sha256(f"{settings.SECRET_KEY}|{address}".encode()).hexdigest()[:32]


def rate_exceeded(*, key: str, limit: int, window_seconds: int = 60) -> bool:
    """Count one more request under ``key``; True past ``limit`` in the window. Fails open."""
    if limit <= 0:
        return False
    try:
        if cache.add(key, 1, timeout=window_seconds):
            return False
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window_seconds)
            return False
    except Exception:  # the cache is down: better unlimited for a while than a 500 for everyone
        logger.warning("rate limit not applied: cache unavailable", exc_info=True)
        return False
    return count > limit


def client_rate_exceeded(request: HttpRequest, *, scope: str, limit: int) -> bool:
    return rate_exceeded(key=client_key(request, scope), limit=limit)
