"""The score and the summary counts of a check.

Score (0–100): each applicable entry counts by the catalog's ``scoring`` weights
(Perpres 95/2018: fulfilled 1, partial 0.5, conflict 0, missing 0); the sum is
divided by the number of applicable entries (``not_applicable`` ones are left
out) and multiplied by 100, rounded to one decimal. No applicable entry -> None.
"""

from __future__ import annotations

from typing import Any

from compliance.catalog import Catalog
from compliance.models import STATUSES, Finding


def status_score(statuses: list[str], weights: dict[str, float]) -> float | None:
    """The score of a list of statuses under the catalog's weights (the definition above);
    also used for a region's combined column in ``compliance.compare``."""
    applicable = [s for s in statuses if s != "not_applicable"]
    if not applicable:
        return None
    return round(100.0 * sum(weights.get(s, 0.0) for s in applicable) / len(applicable), 1)


def score(findings: list[Finding], catalog: Catalog) -> float | None:
    return status_score([f.status for f in findings], catalog.scoring)


def _counts(findings: list[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(STATUSES, 0)
    for f in findings:
        counts[f.status] += 1
    return counts


def summary(findings: list[Finding], catalog: Catalog, lang: str = "id") -> dict[str, Any]:
    """Counts per status, per catalog group (with the group's own score), and the score."""
    groups, by_group = [], {}
    for f in findings:
        by_group.setdefault(f.group, []).append(f)
    for group in catalog.groups:
        members = by_group.get(group.id, [])
        groups.append({
            "id": group.id,
            "title": group.title.get(lang) or group.title["id"],
            "counts": _counts(members),
            "score": score(members, catalog),
            "requirements": [f.requirement for f in members],
        })
    return {
        "score": score(findings, catalog),
        "score_weights": {k: catalog.scoring[k] for k in sorted(catalog.scoring)},
        "counts": _counts(findings),
        "total": len(findings),
        "applicable": sum(1 for f in findings if f.status != "not_applicable"),
        "groups": groups,
    }
