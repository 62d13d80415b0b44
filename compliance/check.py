"""One call that checks a regulation against a catalog and returns all a report needs.

``check(path_or_regulation)`` loads (when given a path), matches, scores and
estimates; the result's ``to_dict()`` is the ``compliance/report@1`` JSON contract
that the HTML/CSV/Markdown renderers read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compliance.catalog import DEFAULT_CATALOG, Catalog, Evaluation, load_catalog, load_evaluation
from compliance.indicators import indicators as estimate_indicators
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
    indicators: list[dict[str, Any]] = field(default_factory=list)
    lang: str = "id"

    @property
    def score(self) -> float | None:
        return self.summary["score"]

    def catalog_info(self) -> dict[str, Any]:
        info = self.catalog.info(self.lang)
        info["file"] = self.catalog.path.name
        if self.evaluation is not None:
            title = self.evaluation.title
            info["evaluation"] = {"id": self.evaluation.id, "title": title.get(self.lang) or title["id"],
                                  "file": self.evaluation.path.name}
        return info

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": REPORT_SCHEMA,
            "lang": self.lang,
            "regulation": self.regulation.to_dict(),
            "catalog": self.catalog_info(),
            "summary": self.summary,
            "findings": [f.to_dict() for f in self.findings],
            "indicators": self.indicators,
        }


def check(source: str | Path | Regulation, catalog: str | Path | Catalog = DEFAULT_CATALOG, *,
          evaluation: str | Path | Evaluation | None = None, lang: str = "id") -> CheckResult:
    """Check a regulation (a path or an already parsed ``Regulation``) against a catalog."""
    if isinstance(source, Regulation):
        regulation = source
    else:
        from compliance import load

        regulation = load(source)
    cat = catalog if isinstance(catalog, Catalog) else load_catalog(catalog)
    if evaluation is None and cat.evaluation:
        evaluation = cat.evaluation
    ev = evaluation if isinstance(evaluation, Evaluation) or evaluation is None else load_evaluation(evaluation, cat)
    findings, tags = match_with_tags(regulation, cat, lang)
    summary = make_summary(findings, cat, lang)
    indicators = estimate_indicators(findings, ev, tags) if ev is not None else []
    summary["domain1"] = [{"no": i["no"], "name": i["name"], "indicated_level": i["indicated_level"]}
                          for i in indicators if i["estimate"]]
    summary["estimate_note"] = "note-estimate"
    return CheckResult(regulation, cat, ev, findings, summary, indicators, lang)
