"""The evaluation section of a report: per indicator of the chosen instrument, the level a
regulation's text can show, where the text shows it, and what the next level needs.

The level rules are data (the instrument's ``estimate``), tried in order, first match
wins, never above ``max_level``: the SPBE evaluation's "indicated level" (Domain 1, at
most 4) or the Indeks Pemdi's "evidence readiness" (at most 2: level 3 and above need
proof of practice). Either is an estimate from the text, never an evaluation result.
"""

from __future__ import annotations

from typing import Any

from compliance.evaluation import Evaluation, Indicator
from compliance.i18n import message
from compliance.models import Finding

ADDRESSED = ("fulfilled", "partial", "conflict")


def _rule_holds(rule: dict[str, Any], statuses: list[str], entries: tuple[str, ...],
                tags: dict[str, set[str]]) -> bool:
    """Whether the entries' statuses (and, when the rule asks for tags, the tags of their
    satisfied elements) meet one level rule."""
    if "all" in rule and not (statuses and all(s in rule["all"] for s in statuses)):
        return False
    if "any" in rule and not any(s in rule["any"] for s in statuses):
        return False
    wanted = rule.get("tags")
    if not wanted:
        return True
    found = set().union(*(tags.get(r, set()) for r in entries))
    return all(tag in found for tag in wanted)


def estimate_level(indicator: Indicator, evaluation: Evaluation, by_id: dict[str, Finding],
                   tags: dict[str, set[str]]) -> tuple[int | None, tuple[str, ...]]:
    """The level of one indicator from the findings and the entries that decided it;
    (None, ()) when no text can show it."""
    rules = evaluation.estimate
    domains = rules.get("domains")
    if not indicator.level_from or (domains and indicator.domain not in domains):
        return None, ()
    statuses: dict[tuple[str, ...], list[str]] = {}  # per set of entries (key or supporting ones)
    for rule in rules["levels"]:
        entries = indicator.supporting if rule.get("on") == "supporting" else indicator.level_from
        found = statuses.get(entries)
        if found is None:
            found = statuses[entries] = [by_id[r].status for r in entries if r in by_id]
        if _rule_holds(rule, found, entries, tags):
            return min(rule["level"], rules["max_level"]), entries
    return None, ()


def _evidence(entries: tuple[str, ...], by_id: dict[str, Finding]) -> list[dict[str, Any]]:
    """The places (as the matcher names them: Pasal, diktum, Lampiran) of the entries that
    decided the level, once per entry and article (the ayat kept when it is the only one)."""
    places: dict[tuple, dict[str, Any]] = {}
    for rid in entries:
        finding = by_id.get(rid)
        if finding is None or finding.status not in ADDRESSED:
            continue
        for ev in finding.evidence:
            place = ev.place
            pasal, ayat = place.fields()  # read once (ev.pasal and ev.ayat would each read them)
            key = (rid, pasal, place.parent)
            kept = places.get(key)
            if kept is None:
                places[key] = {"requirement": rid, "status": finding.status, "pasal": pasal, "ayat": ayat,
                               "parent": place.parent}
            elif kept["ayat"] != ayat:
                kept["ayat"] = None
    return list(places.values())


def _criterion(evaluation: Evaluation, level: int, lang: str) -> str | None:
    criteria = evaluation.estimate.get("criteria") or {}
    text = criteria.get(level) or criteria.get(str(level))
    return (text.get(lang) or text["id"]) if text else None


def _next_level(indicator: Indicator, level: int, evaluation: Evaluation, by_id: dict[str, Finding],
                lang: str) -> dict[str, Any]:
    """What the next level needs: the key entries the text does not yet fulfil (with their
    missing elements), or, at the cap, what only practice outside the text can show."""
    target = level + 1
    needs = []
    if level < evaluation.estimate["max_level"]:
        for rid in indicator.level_from:
            finding = by_id.get(rid)
            if finding is None or finding.status == "fulfilled":
                continue
            detail = "; ".join(finding.missing_elements) or message(f"status-{finding.status}", lang)
            needs.append(f"{finding.title}: {detail}")
    if not needs:
        criterion = _criterion(evaluation, target, lang)
        needs.append(criterion or message("evaluation-beyond-text", lang))
    return {"level": target, "needs": needs}


def _label(value: Any, lang: str) -> Any:
    return (value.get(lang) or value.get("id")) if isinstance(value, dict) else value


def evaluation_section(findings: list[Finding], evaluation: Evaluation, tags: dict[str, set[str]],
                       lang: str = "id") -> dict[str, Any]:
    """The report's ``evaluation`` dict: the instrument (revoked or not, where its facts come
    from) and every indicator with its level, evidence places and next-level needs."""
    by_id = {f.requirement: f for f in findings}
    indicators = []
    for ind in evaluation.indicators:
        level, deciding = estimate_level(ind, evaluation, by_id, tags)
        indicators.append({
            "no": ind.no,
            "name": ind.name,
            "aspect": ind.aspect,
            "domain": ind.domain,
            "weight": ind.weight,
            "role": ind.role,
            "shown_by_text": ind.role != "none",
            "text_shows": _label(ind.text_shows, lang),
            "requirements": list(ind.requirements),
            "statuses": {r: by_id[r].status for r in ind.requirements if r in by_id},
            "readiness": level,
            "evidence": _evidence(deciding, by_id),
            "next": _next_level(ind, level, evaluation, by_id, lang) if level is not None else None,
            "source": ind.source,
        })
    revoked = evaluation.revoked or {}
    return {
        "id": evaluation.id,
        "title": evaluation.title_in(lang),
        "file": evaluation.path.name,
        "source": evaluation.source,
        "measure": evaluation.estimate.get("measure", "indicated_level"),
        "max_level": evaluation.estimate["max_level"],
        "scale": evaluation.estimate.get("scale", 5),
        "note": _label(evaluation.estimate["note"], lang),
        "revoked": bool(revoked),
        "revoked_by": _label(revoked.get("by"), lang),
        "revoked_since": revoked.get("since"),
        "in_force_from": evaluation.in_force.get("from"),
        "aspects": [{"no": a["no"], "name": _label(a.get("name"), lang), "weight": a.get("weight")}
                    for a in evaluation.aspects],
        "domains": [{"no": d["no"], "name": _label(d.get("name"), lang), "weight": d.get("weight")}
                    for d in evaluation.domains],
        "predicates": [{"min": p["min"], "name": _label(p.get("name"), lang), "unconfirmed": p.get("unconfirmed")}
                       for p in evaluation.predicates],
        "indicators": indicators,
    }
