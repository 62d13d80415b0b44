"""A region's combined findings: one verdict per requirement from its instruments in force.

Per requirement the best status any instrument in force supports (fulfilled, then
partial, then missing, then not applicable), with the evidence of every instrument
giving that status, each quote naming its instrument and place. A conflict is never
outvoted: an instrument in force that contradicts the national value keeps the
requirement in conflict, and two instruments in force that set one parameter to
different values (a 5-year Arsitektur in one, 10 years in another) are a conflict
between them, both places shown. Elements are not pooled across instruments: a
status is never better than one instrument's text supports.
"""

from __future__ import annotations

from typing import Any

from compliance.catalog import Catalog, Entry, Parameter
from compliance.region.instruments import Instrument
from compliance.region.places import place_text
from compliance.values import frequencies, periods

# Which status answers a requirement better; conflict is decided apart (it is never outvoted).
RANK = {"fulfilled": 3, "partial": 2, "missing": 1, "not_applicable": 0}
EVIDENCE_PER_INSTRUMENT = 3
# A finding with one of these notes does not speak for the entry: a Keputusan is evidence only
# for what its subject covers, so its "not applicable" leaves the entry to the other instruments.
SILENT_NOTES = {"note-outside-keputusan"}


def combined_findings(members: list[tuple[Instrument, dict[str, Any]]], catalog: Catalog,
                      lang: str) -> list[dict[str, Any]]:
    """One combined finding per catalog entry, in catalog order. ``members`` pairs each
    instrument in force with its instrument report (re-matched without superseded articles)."""
    out = []
    for entry in catalog.entries:
        own = [(i, r, _finding(r, entry.id)) for i, r in members]
        own = [(i, r, f) for i, r, f in own if f is not None and not SILENT_NOTES & set(f.get("notes", []))]
        out.append(_combine(entry, own, lang))
    return out


def _finding(report: dict[str, Any], requirement: str) -> dict[str, Any] | None:
    return next((f for f in report.get("findings", []) if f["requirement"] == requirement), None)


def _combine(entry: Entry, own: list[tuple[Instrument, dict, dict]], lang: str) -> dict[str, Any]:
    conflicts = _national_conflicts(own, lang) + _disagreements(entry, own, lang)
    if conflicts:
        status = "conflict"
        involved = {c["file"] for c in conflicts if "file" in c} | {
            v["file"] for c in conflicts for v in c.get("values", [])}
        chosen = [(i, r, f) for i, r, f in own if i.file in involved]
    elif own:
        status = max((f["status"] for _, _, f in own), key=lambda s: RANK.get(s, -1))
        chosen = [(i, r, f) for i, r, f in own if f["status"] == status]
    else:
        status, chosen = "missing", []
    first = chosen[0][2] if chosen else {}
    evidence = [] if status in ("missing", "not_applicable") else [
        _evidence(i, e, lang) for i, _, f in chosen for e in f.get("evidence", [])[:EVIDENCE_PER_INSTRUMENT]]
    missing = _missing(status, chosen, own)
    notes = {n for _, _, f in chosen for n in f.get("notes", [])}
    if status == "partial" and not missing:
        notes.add("note-region-elements-split")  # each element is in some instrument, none has them all
    tags = sorted({t for i, r, f in own if f["status"] in ("fulfilled", "partial", "conflict")
                   for t in r.get("tags", {}).get(entry.id, [])})
    return {
        "requirement": entry.id,
        "title": first.get("title") or entry.title_in(lang),
        "group": entry.group,
        "basis": first.get("basis", ""),
        "basis_confidence": first.get("basis_confidence", entry.basis.confidence),
        "status": status,
        "evidence": evidence,
        "conflicts": conflicts,
        "missing_elements": missing,
        "notes": sorted(notes),
        "from": [{"file": i.file, "instrument": i.label} for i, _, _ in chosen],
        "indicators": list(entry.indicators),
        "tags": tags,
        "confidence": max((f.get("confidence", 0.0) for _, _, f in chosen), default=0.0),
    }


def _evidence(instrument: Instrument, evidence: dict[str, Any], lang: str) -> dict[str, Any]:
    return {"file": instrument.file, "instrument": instrument.label, "place": place_text(evidence, lang),
            "quote": evidence["quote"], "via": evidence.get("via"), "matched": list(evidence.get("matched", []))}


def _missing(status: str, chosen: list, own: list) -> list[str]:
    """What no instrument in force supplies: the chosen instruments' missing elements
    that every other instrument addressing the entry lacks too."""
    if status in ("fulfilled", "not_applicable") or not chosen:
        return []
    missing = list(dict.fromkeys(m for _, _, f in chosen for m in f.get("missing_elements", [])))
    addressing = [f for _, _, f in own if f["status"] in ("partial", "conflict")]
    return [m for m in missing if all(m in f.get("missing_elements", []) for f in addressing)]


def _national_conflicts(own: list[tuple[Instrument, dict, dict]], lang: str) -> list[dict[str, Any]]:
    return [{"kind": "national", "parameter": c["parameter"], "national": c["national"], "regional": c["regional"],
             "file": i.file, "instrument": i.label, "place": place_text(c, lang),
             "quote": _quote_at(f, c)}
            for i, _, f in own for c in f.get("conflicts", [])]


def _quote_at(finding: dict[str, Any], conflict: dict[str, Any]) -> str:
    """The evidence quote at the conflict's place (the matcher keeps conflicting units first)."""
    for e in finding.get("evidence", []):
        if e.get("pasal") == conflict.get("pasal") and e.get("ayat") == conflict.get("ayat"):
            return e["quote"]
    return ""


def _disagreements(entry: Entry, own: list[tuple[Instrument, dict, dict]], lang: str) -> list[dict[str, Any]]:
    """A period or frequency that two instruments in force set to different values."""
    out = []
    for param in entry.parameters:
        if param.kind not in ("period", "frequency"):
            continue
        label = param.label.get(lang) or param.label["id"]
        found: list[dict[str, Any]] = []
        for instrument, _, finding in own:
            found += _values_set(instrument, finding, param, label, lang)
        by_years = {v["years"] for v in found}
        if len(by_years) > 1 and len({v["file"] for v in found}) > 1:
            out.append({"kind": "instruments", "parameter": label, "national": param.national["printed"],
                        "values": sorted(found, key=lambda v: (v["years"], v["file"], v["place"]))})
    return out


def _values_set(instrument: Instrument, finding: dict[str, Any], param: Parameter, label: str,
                lang: str) -> list[dict[str, Any]]:
    """The values an instrument sets for ``param``: the conflicting ones the matcher found,
    and the ones its evidence marks as the entry's element (an agreeing "5 (lima) tahun")."""
    read = periods if param.kind == "period" else frequencies
    seen: dict[tuple[float, str], dict[str, Any]] = {}
    if finding["status"] not in ("fulfilled", "partial", "conflict"):
        return []
    for c in finding.get("conflicts", []):
        if c["parameter"] != label:
            continue
        for value in read(c["regional"])[:1]:
            place = place_text(c, lang)
            seen.setdefault((value.years, place), {"file": instrument.file, "instrument": instrument.label,
                                                   "place": place, "value": c["regional"], "years": value.years,
                                                   "quote": _quote_at(finding, c)})
    for e in finding.get("evidence", []):
        marked = _marked_spans(e)
        for value in read(e["quote"]):
            if not _agrees(param, value.years) or not any(s < value.end and value.start < t for s, t in marked):
                continue
            place = place_text(e, lang)
            seen.setdefault((value.years, place), {"file": instrument.file, "instrument": instrument.label,
                                                   "place": place, "value": value.printed, "years": value.years,
                                                   "quote": e["quote"]})
    return list(seen.values())


def _agrees(param: Parameter, years: float) -> bool:
    if param.kind == "period":
        return abs(years - param.national["years"]) < 1e-9
    return years <= param.national["max_interval_years"] + 1e-9


def _marked_spans(evidence: dict[str, Any]) -> list[tuple[int, int]]:
    """Offsets in the quote of every occurrence of the words the matcher marked."""
    quote, spans = evidence["quote"], []
    for word in evidence.get("matched", []):
        start = quote.find(word) if word else -1
        while start >= 0:
            spans.append((start, start + len(word)))
            start = quote.find(word, start + 1)
    return spans
