"""Whether Celery workers are expected: `ingest --eager` processes in its own process, with none. What would be queued
is then done in the process (the search engine's copy) or left to be done on request (the page images)."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

_no_worker = contextvars.ContextVar("no_worker", default=False)


@contextlib.contextmanager
def no_worker() -> Iterator[None]:
    """No worker is expected in this block: nothing that a worker would do is queued."""
    token = _no_worker.set(True)
    try:
        yield
    finally:
        _no_worker.reset(token)


def worker_expected() -> bool:
    return not _no_worker.get()
