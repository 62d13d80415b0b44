"""The package's shape, read from its imports (ast, nothing run): no import circle, and
presentation (``compliance.report``) reached only from the shells that render pages."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "compliance"
# the modules that turn results into pages or run commands: they may use compliance.report
SHELLS = ("compliance.report", "compliance.region", "compliance.web", "compliance.cli", "compliance.__main__",
          "compliance.batch", "compliance.report_folder",
          # drafting aids that write documents from the suggested clauses and the report's templates
          "compliance.draft.amend", "compliance.draft.diff_render")


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        out[name.removesuffix(".__init__")] = path
    return out


def import_graph() -> nx.DiGraph:
    """module -> module it imports, at the top or inside a function alike."""
    modules = _modules()
    graph = nx.DiGraph()
    for name, path in modules.items():
        graph.add_node(name)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in modules else node.module
                           for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            graph.add_edges_from((name, t) for t in targets if t in modules and t != name)
    return graph


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_the_import_graph_is_read():
    graph = import_graph()
    assert graph.has_edge("compliance.batch", "compliance.relations")  # the reader sees lazy imports
    assert graph.has_edge("compliance.match_links", "compliance.cite")


def test_no_module_imports_itself_through_others():
    circles = [sorted(c) for c in nx.strongly_connected_components(import_graph()) if len(c) > 1]
    assert circles == []


def test_presentation_is_reached_only_from_the_shells():
    upward = sorted((u, v) for u, v in import_graph().edges
                    if _within(v, ("compliance.report",)) and not _within(u, SHELLS))
    assert upward == []


def _package(name: str) -> str:
    """A module's package below compliance (compliance.report.html -> compliance.report); a
    top-level module stands for itself."""
    return ".".join(name.split(".")[:2])


def test_no_package_imports_itself_through_others():
    """Packages layer too: the reports show the reference review and the drafting aids write from
    the reports, so the review may not live in the drafting package (a report -> draft -> report
    circle that module-level imports alone do not show)."""
    packages = nx.DiGraph()
    packages.add_edges_from((_package(u), _package(v)) for u, v in import_graph().edges
                            if _package(u) != _package(v))
    circles = [sorted(c) for c in nx.strongly_connected_components(packages) if len(c) > 1]
    assert circles == []


def test_every_package_folder_is_shipped():
    """A wheel holds only the packages pyproject.toml lists: a new folder of modules left out of
    the list installs without it (``pip install .`` then fails on import)."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    listed = set(tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
                 ["tool"]["setuptools"]["packages"])
    folders = {".".join(p.parent.relative_to(PACKAGE.parent).parts) for p in PACKAGE.rglob("__init__.py")}
    assert folders - listed == set()
