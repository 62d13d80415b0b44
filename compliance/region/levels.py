"""Domain 1 levels of a region, estimated from its combined findings.

The level itself is the existing estimate (``compliance.indicators``) run on the
combined findings and tags, so a region follows the same rules (data in the
evaluation YAML) as a single regulation, and never claims level 5. Beside each
level: the evidence behind it and what the text lacks for the next level.
"""

from __future__ import annotations

from typing import Any

from compliance.catalog import Catalog
from compliance.evaluation import Evaluation, Indicator
from compliance.i18n import message
from compliance.indicators import estimate_level
from compliance.models import Finding


def as_findings(combined: list[dict[str, Any]]) -> list[Finding]:
    """The combined findings as ``Finding`` objects for the score and the estimate."""
    return [Finding(requirement=f["requirement"], title=f["title"], group=f["group"], basis=f["basis"],
                    basis_confidence=f["basis_confidence"], status=f["status"], confidence=f["confidence"])
            for f in combined]


def region_indicators(combined: list[dict[str, Any]], catalog: Catalog, evaluation: Evaluation,
                      lang: str) -> list[dict[str, Any]]:
    """Every estimated indicator: level, evidence (instrument, place, quote), next level's needs."""
    tags = {f["requirement"]: set(f["tags"]) for f in combined}
    by_id = {f["requirement"]: f for f in combined}
    findings = {f.requirement: f for f in as_findings(combined)}
    out = []
    for indicator in evaluation.indicators:
        level, _ = estimate_level(indicator, evaluation, findings, tags)
        if level is None:
            continue
        out.append({
            "no": indicator.no,
            "name": indicator.name,
            "indicated_level": level,
            "requirements": list(indicator.requirements),
            "statuses": {r: by_id[r]["status"] for r in indicator.requirements if r in by_id},
            "evidence": [{"requirement": r, **e} for r in indicator.requirements if r in by_id
                         for e in by_id[r]["evidence"]],
            "next_level": _next_level(indicator, level, by_id, tags, catalog, evaluation, lang),
        })
    return out


def _next_level(indicator: Indicator, level: int | None, by_id: dict[str, dict], tags: dict[str, set[str]],
                catalog: Catalog, evaluation: Evaluation, lang: str) -> dict[str, Any]:
    """What the text would need for the next level, from the rule of that level."""
    rules = evaluation.estimate
    target = (level or 0) + 1
    criteria = rules.get("criteria", {})
    if target > rules["max_level"]:
        return {"level": target, "criterion": message("region-level-beyond-text", lang), "requirements": [],
                "elements": []}
    rule = next((r for r in rules["levels"] if r["level"] == target), {})
    findings = [by_id[r] for r in indicator.level_from if r in by_id]
    needs: list[dict[str, Any]] = []
    if "all" in rule:
        needs = [{"requirement": f["requirement"], "title": f["title"], "status": f["status"],
                  "missing_elements": list(f["missing_elements"])} for f in findings if f["status"] not in rule["all"]]
    elif "any" in rule and not any(f["status"] in rule["any"] for f in findings):
        needs = [{"requirement": f["requirement"], "title": f["title"], "status": f["status"],
                  "missing_elements": list(f["missing_elements"])} for f in findings]
    found = set().union(*(tags.get(r, set()) for r in indicator.level_from))
    elements = []
    for tag in rule.get("tags", []):
        if tag in found:
            continue
        for requirement in indicator.level_from:
            for element in catalog.entry(requirement).elements:
                if tag in element.tags:
                    elements.append({"requirement": requirement, "tag": tag,
                                     "element": element.label.get(lang) or element.label["id"]})
    text = criteria.get(target, {})
    return {"level": target, "criterion": text.get(lang) or text.get("id", ""), "requirements": needs,
            "elements": elements}
