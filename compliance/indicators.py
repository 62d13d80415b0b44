"""Estimate SPBE evaluation indicator levels from a regulation's text.

Only the domains the instrument's ``estimate`` names (Domain 1, internal policy,
for PermenPANRB 59/2020) are estimated; the rules are data in the evaluation
YAML, tried in order, first match wins. A level is an estimate from the text,
never an evaluation result, and never above ``max_level`` (4): level 5 needs
evidence of updated policy outside the text.
"""

from __future__ import annotations

from typing import Any

from compliance.catalog import Evaluation, Indicator
from compliance.models import Finding


def _rule_holds(rule: dict[str, Any], findings: list[Finding], tags: set[str]) -> bool:
    statuses = [f.status for f in findings]
    if "all" in rule and not (statuses and all(s in rule["all"] for s in statuses)):
        return False
    if "any" in rule and not any(s in rule["any"] for s in statuses):
        return False
    return all(tag in tags for tag in rule.get("tags", []))


def estimate_level(indicator: Indicator, evaluation: Evaluation, by_id: dict[str, Finding],
                   tags: dict[str, set[str]]) -> int | None:
    """The indicated level of one indicator, or None outside the estimated domains."""
    rules = evaluation.estimate
    if indicator.domain not in rules["domains"] or not indicator.level_from:
        return None
    findings = [by_id[r] for r in indicator.level_from if r in by_id]
    found_tags = set().union(*(tags.get(r, set()) for r in indicator.level_from))
    for rule in rules["levels"]:
        if _rule_holds(rule, findings, found_tags):
            return min(rule["level"], rules["max_level"])
    return None


def indicators(findings: list[Finding], evaluation: Evaluation, tags: dict[str, set[str]]) -> list[dict[str, Any]]:
    """Every indicator with its supporting requirements; Domain 1 with an estimated level."""
    by_id = {f.requirement: f for f in findings}
    out = []
    for ind in evaluation.indicators:
        level = estimate_level(ind, evaluation, by_id, tags)
        out.append({
            "no": ind.no,
            "name": ind.name,
            "domain": ind.domain,
            "aspect": ind.aspect,
            "weight": ind.weight,
            "requirements": list(ind.requirements),
            "statuses": {r: by_id[r].status for r in ind.requirements if r in by_id},
            "indicated_level": level,
            "estimate": level is not None,
        })
    return out
