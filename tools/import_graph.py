"""The import graph between the floors of the house, and the imports that run back up or go round in a circle.

`python -m tools.import_graph` reads every module of the house with `ast` (imports at the top of a module and
inside functions alike, migrations included), prints the edges between units (an app, the French kernel, the
PDF kernel, config's ground modules, the entry points) and exits 1 when one runs upward or sideways, or when
units import each other in a circle.

Floors, ground first (docs/architecture.md): config's ground modules (what apps import from config) → the
French and PDF kernels → council → privacy, search → ingestion (the pipeline) → qa → entry points. A unit
imports only from floors strictly below its own; entry points (URL map, WSGI, Celery app, error pages,
management commands, bench/, tools/) import anything, and nothing imports them. Importing `config.ratelimit`
also runs `config/__init__` (the Celery app): Python's loading of a parent package is not counted as an edge.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Modules of config that apps import: settings and helpers, free of any app import.
CONFIG_GROUND = (
    "config.settings", "config.embedded", "config.ratelimit", "config.input", "config.security", "config.faults",
    "config.workers",
)
ENTRY_POINTS = "entry points"
FLOORS: dict[str, int] = {
    "config (ground)": 0,
    "french": 1,
    "pdf": 1,
    "council": 2,
    "privacy": 3,
    "search": 3,
    "ingestion": 4,
    "qa": 5,
    ENTRY_POINTS: 6,
}
# Top-level folders read; the rest of the repository (tests, templates, static files) is not the house.
PACKAGES = ("config", "french", "pdf", "council", "privacy", "search", "ingestion", "qa", "bench", "tools")


@dataclass(frozen=True)
class Import:
    source: str  # module that imports, « council.admin »
    target: str  # module imported, « search.services »
    path: Path
    line: int
    local: bool  # inside a function or a class body's method


@dataclass(frozen=True)
class Violation:
    imported: Import
    why: str

    def __str__(self) -> str:
        where = f"{self.imported.path}:{self.imported.line}"
        local = " (inside a function)" if self.imported.local else ""
        return f"{where}: {self.imported.source} → {self.imported.target}{local}: {self.why}"


def unit_of(module: str) -> str | None:
    """The unit a module belongs to, or None for a module outside the house (Django, the standard library)."""
    top = module.split(".")[0]
    if top not in PACKAGES:
        return None
    if top == "config":
        return "config (ground)" if module.startswith(CONFIG_GROUND) else ENTRY_POINTS
    if top in ("bench", "tools") or ".management.commands" in module:
        return ENTRY_POINTS
    return top


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


class _ImportVisitor(ast.NodeVisitor):
    def __init__(self, module: str, is_package: bool, path: Path) -> None:
        self.module, self.is_package, self.path = module, is_package, path
        self.imports: list[Import] = []
        self._depth = 0

    def _function(self, node) -> None:
        self._depth += 1
        self.generic_visit(node)
        self._depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def _add(self, target: str, node: ast.AST) -> None:
        self.imports.append(Import(self.module, target, self.path, node.lineno, self._depth > 0))

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = node.module or ""
        if node.level:
            package = self.module.split(".") if self.is_package else self.module.split(".")[:-1]
            package = package[: len(package) - (node.level - 1)]
            base = ".".join(package + ([base] if base else []))
        for alias in node.names:
            # « from council import selectors » imports a module; « from council.models import Document » a name.
            self._add(f"{base}.{alias.name}" if alias.name != "*" else base, node)


def imports_find(root: Path = REPO) -> list[Import]:
    """Every import written in the house's modules, at module level and inside functions."""
    found = []
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            module = module_name(path, root)
            visitor = _ImportVisitor(module, path.name == "__init__.py", path.relative_to(root))
            visitor.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
            found.extend(visitor.imports)
    return found


def edges_between_units(imports: list[Import]) -> dict[tuple[str, str], list[Import]]:
    edges: dict[tuple[str, str], list[Import]] = defaultdict(list)
    for imported in imports:
        source, target = unit_of(imported.source), unit_of(imported.target)
        if source and target and source != target:
            edges[(source, target)].append(imported)
    return dict(edges)


def violations_find(edges: dict[tuple[str, str], list[Import]]) -> list[Violation]:
    """Imports that do not go strictly down a floor (entry points excepted: they may import anything)."""
    violations = []
    for (source, target), imports in sorted(edges.items()):
        if source == ENTRY_POINTS:
            continue
        if FLOORS[target] > FLOORS[source]:
            why = f"upward ({source}, floor {FLOORS[source]}, imports {target}, floor {FLOORS[target]})"
        elif FLOORS[target] == FLOORS[source]:
            why = f"sideways ({source} and {target} share floor {FLOORS[source]})"
        else:
            continue
        violations.extend(Violation(imported, why) for imported in imports)
    return violations


def cycles_find(edges: dict[tuple[str, str], list[Import]]) -> list[list[str]]:
    """Groups of units that reach each other through imports (Tarjan's strongly connected components)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for source, target in edges:
        graph[source].add(target)
        graph.setdefault(target, set())
    index: dict[str, int] = {}
    lowlink: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = lowlink[node] = len(index)
        stack.append(node)
        for following in sorted(graph[node]):
            if following not in index:
                connect(following)
                lowlink[node] = min(lowlink[node], lowlink[following])
            elif following in stack:
                lowlink[node] = min(lowlink[node], index[following])
        if lowlink[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return cycles


def report(root: Path = REPO) -> tuple[str, int]:
    """The printed graph and the number of problems (upward or sideways imports, circles)."""
    edges = edges_between_units(imports_find(root))
    violations = violations_find(edges)
    cycles = cycles_find(edges)
    lines = ["Edges between units (floor → floor, imports):"]
    for (source, target), imports in sorted(edges.items(), key=lambda item: (-FLOORS[item[0][0]], item[0])):
        local = sum(imported.local for imported in imports)
        detail = f", {local} inside functions" if local else ""
        lines.append(f"  {source} ({FLOORS[source]}) → {target} ({FLOORS[target]}): {len(imports)}{detail}")
    lines.append(f"Violations: {len(violations)}")
    lines.extend(f"  {violation}" for violation in violations)
    lines.append(f"Circles: {len(cycles)}")
    lines.extend(f"  {' ↔ '.join(cycle)}" for cycle in cycles)
    return "\n".join(lines), len(violations) + len(cycles)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO, help="the repository to read (default: this one)")
    arguments = parser.parse_args(argv)
    text, problems = report(arguments.root)
    print(text)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
