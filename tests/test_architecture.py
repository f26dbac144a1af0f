"""The import graph of rcmkg: no cycles between modules, no private names imported across modules.

Built from the source with ast (module-level and function-level imports alike), so it sees what a
reader sees. ``import rcmkg.a.b`` and ``from rcmkg.a import b`` (b a module) are edges to
``rcmkg.a.b``; ``from rcmkg.a import name`` is an edge to ``rcmkg.a``. A package's ``__init__``
that a submodule import runs first is not counted: the package ``__init__`` files hold docstrings.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "rcmkg"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


MODULES = _modules()


def _imports(name: str, path: Path) -> list[tuple[str, str | None, int]]:
    """(imported module, imported name or None, line) for every import of an rcmkg module in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: list[tuple[str, str | None, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, None, node.lineno) for a in node.names if a.name.split(".")[0] == "rcmkg"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            if source.split(".")[0] != "rcmkg":
                continue
            for a in node.names:
                full = f"{source}.{a.name}"
                if full in MODULES:
                    out.append((full, None, node.lineno))
                else:
                    out.append((source, a.name, node.lineno))
    return out


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {name: set() for name in MODULES}
    for name, path in MODULES.items():
        for target, _, _ in _imports(name, path):
            if target in MODULES and target != name:
                graph[name].add(target)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a path that starts and ends with the same module, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_graph_is_built_from_every_module():
    graph = import_graph()
    assert len(graph) >= 40, sorted(graph)
    assert "rcmkg.store.load" in graph and "rcmkg.index.timelines" in graph["rcmkg.store.load"]
    assert "rcmkg.trace.timeline" in graph["rcmkg.index.timelines"]
    assert sum(len(v) for v in graph.values()) > 100


def test_find_cycle_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycles_between_rcmkg_modules():
    cycle = find_cycle(import_graph())
    assert cycle is None, " -> ".join(cycle or [])


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_private_names_imported_from_another_module(name: str):
    # dunder names (``__version__``) are public by convention
    private = [f"line {line}: {source}.{imported}" for source, imported, line in _imports(name, MODULES[name])
               if imported is not None and imported.startswith("_") and not imported.endswith("__") and source != name]
    assert not private, private
