"""The package's modules import each other without a loop, counting every import: at the top,
inside functions, and for type checking only."""

from __future__ import annotations

import ast
from pathlib import Path

import assistant

PACKAGE = Path(assistant.__file__).parent


def import_graph(package: Path) -> dict[str, set[str]]:
    """Each module of the package and the package modules it imports anywhere."""
    modules = {path.stem for path in package.glob("*.py")}
    graph: dict[str, set[str]] = {}
    for path in package.glob("*.py"):
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == package.name:
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module.removeprefix(f"{package.name}."))
            elif isinstance(node, ast.Import):
                imported.update(a.name.removeprefix(f"{package.name}.") for a in node.names)
        graph[path.stem] = (imported & modules) - {path.stem}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import loop as the modules along it (empty when there is none)."""
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> list[str]:
        if module in path:
            return [*path[path.index(module) :], module]
        if module in done:
            return []
        for imported in sorted(graph[module]):
            cycle = visit(imported, [*path, module])
            if cycle:
                return cycle
        done.add(module)
        return []

    for module in sorted(graph):
        cycle = visit(module, [])
        if cycle:
            return cycle
    return []


def test_no_module_of_the_package_imports_one_that_imports_it_back() -> None:
    assert find_cycle(import_graph(PACKAGE)) == []


def test_the_cycle_finder_finds_a_loop_hidden_in_a_function(tmp_path: Path) -> None:
    package = tmp_path / "assistant"
    package.mkdir()
    (package / "core.py").write_text("def f():\n    from assistant.answer import g\n")
    (package / "answer.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from assistant.core import f\n"
    )
    (package / "text.py").write_text("import re\n")
    assert find_cycle(import_graph(package)) == ["answer", "core", "answer"]
