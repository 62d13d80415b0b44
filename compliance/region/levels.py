"""Indicator levels of a region, from its combined findings, under the chosen evaluation
instrument (the SPBE evaluation's Domain 1 "indicated level", or the Indeks Pemdi's
evidence readiness).

The levels themselves are the report's own evaluation section
(``compliance.indicators.evaluation_section``) run on the combined findings and tags, so
a region follows the same rules (data in the instrument's YAML) as a single regulation
and never claims more than the text can show. Beside each level: the evidence of the
entries that decided it, each quote naming its instrument and place.
"""

from __future__ import annotations

from typing import Any

from compliance.evaluation import Evaluation
from compliance.indicators import evaluation_section
from compliance.models import Evidence, Finding, Place


def as_findings(combined: list[dict[str, Any]]) -> list[Finding]:
    """The combined findings as ``Finding`` objects for the score and the levels (each
    evidence's place is its instrument and place, so the section can tell which decided)."""
    return [Finding(requirement=f["requirement"], title=f["title"], group=f["group"], basis=f["basis"],
                    basis_confidence=f["basis_confidence"], status=f["status"],
                    evidence=[Evidence(Place("named", name=f"{e['instrument']}, {e['place']}"), quote=e["quote"],
                                       via=e.get("via") or "term", score=0.0) for e in f["evidence"]],
                    missing_elements=list(f["missing_elements"]), confidence=f["confidence"])
            for f in combined]


def region_evaluation(combined: list[dict[str, Any]], evaluation: Evaluation,
                      lang: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(the instrument's description, the indicators a text can show with level, evidence
    and what the next level needs)."""
    tags = {f["requirement"]: set(f["tags"]) for f in combined}
    by_id = {f["requirement"]: f for f in combined}
    section = evaluation_section(as_findings(combined), evaluation, tags, lang)
    indicators = []
    for item in section["indicators"]:
        if item["readiness"] is None:
            continue
        deciding = {e["requirement"] for e in item["evidence"]}
        indicators.append({
            "no": item["no"],
            "name": item["name"],
            "indicated_level": item["readiness"],
            "requirements": item["requirements"],
            "statuses": item["statuses"],
            "evidence": [{"requirement": r, **e} for r in item["requirements"] if r in deciding and r in by_id
                         for e in by_id[r]["evidence"]],
            "next_level": dict(item["next"]),
        })
    about = {k: section[k] for k in ("id", "title", "measure", "max_level", "scale", "note", "revoked")}
    return about, indicators
