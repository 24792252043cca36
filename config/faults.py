"""The exception any app raises when a service it depends on does not answer; config.errors turns it into a 503."""

from __future__ import annotations


class ServiceUnavailable(Exception):
    """A service of the portal (a search engine…) did not answer; `reason` is the French sentence shown to users."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason} ({detail})" if detail else reason)
        self.reason = reason
