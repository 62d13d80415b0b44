"""One call that checks a regulation against a catalog and returns all a report needs.

``check(path_or_regulation)`` loads (when given a path), matches, scores and
estimates; the result's ``to_dict()`` is the ``compliance/report@1`` JSON contract
that the HTML/CSV/Markdown renderers read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

import networkx as nx

from compliance.catalog import DEFAULT_CATALOG, Catalog, load_catalog
from compliance.evaluation import Evaluation, evaluation_in_force, load_evaluation
from compliance.graph import add_findings, build_graph
from compliance.indicators import evaluation_section
from compliance.match import match_with_tags
from compliance.models import REPORT_SCHEMA, Finding, Regulation
from compliance.score import summary as make_summary


@dataclass
class CheckResult:
    """The outcome of a check; ``to_dict()`` gives the report JSON."""

    regulation: Regulation
    catalog: Catalog
    evaluation: Evaluation | None
    findings: list[Finding]
    summary: dict[str, Any]
    evaluation_section: dict[str, Any] | None = None
    lang: str = "id"

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The citation graph of the regulation, the catalog and the findings: built once, when
        first asked for (the HTML report's drawing, an export); matching needs none."""
        graph = build_graph([self.regulation], self.catalog)  # from the citations the regulation carries
        add_findings(graph, self.regulation, self.findings)
        return graph

    @property
    def score(self) -> float | None:
        return self.summary["score"]

    def catalog_info(self) -> dict[str, Any]:
        info = self.catalog.info(self.lang)
        info["file"] = self.catalog.path.name
        return info

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": REPORT_SCHEMA,
            "lang": self.lang,
            "regulation": self.regulation.to_dict(),
            "catalog": self.catalog_info(),
            "summary": self.summary,
            "findings": [f.to_dict() for f in self.findings],
            "evaluation": self.evaluation_section,
        }


def choose_evaluation(catalog: Catalog, evaluation: str | Path | Evaluation | None = None,
                      on: date | None = None) -> Evaluation | None:
    """The instrument asked for (id, file or loaded), else the one in force on ``on`` (today)."""
    if isinstance(evaluation, Evaluation):
        return evaluation
    if evaluation is not None:
        return load_evaluation(evaluation, catalog)
    return evaluation_in_force(catalog, on)


def check(source: str | Path | Regulation, catalog: str | Path | Catalog = DEFAULT_CATALOG, *,
          evaluation: str | Path | Evaluation | None = None, lang: str = "id", on: date | None = None) -> CheckResult:
    """Check a regulation (a path or an already parsed ``Regulation``) against a catalog;
    the evaluation section follows ``evaluation``, else the instrument in force on ``on``."""
    if isinstance(source, Regulation):
        regulation = source
    else:
        from compliance import load

        regulation = load(source)
    cat = catalog if isinstance(catalog, Catalog) else load_catalog(catalog)
    ev = choose_evaluation(cat, evaluation, on)
    findings, tags = match_with_tags(regulation, cat, lang)
    summary = make_summary(findings, cat, lang)
    section = evaluation_section(findings, ev, tags, lang) if ev is not None else None
    return CheckResult(regulation, cat, ev, findings, summary, section, lang)
