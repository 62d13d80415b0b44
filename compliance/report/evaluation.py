"""The evaluation section every report format prints, decided once from the report's
``evaluation`` dict: the chosen instrument, whether it is revoked, how the level must be
labelled (readiness from secondary sources, or an estimate; never an evaluation result),
and per indicator its level, the places in the text and what the next level needs."""

from __future__ import annotations

from typing import Any

from compliance.report import view
from compliance.report.labels import labels

LABELS: dict[str, dict[str, Any]] = {
    "id": {
        "heading": {"readiness": "Kesiapan bukti dukung: {title}", "indicated_level": "Perkiraan tingkat: {title}"},
        "level_h": {"readiness": "Kesiapan", "indicated_level": "Perkiraan tingkat"},
        "revoked": "DICABUT oleh {by} sejak {since}; ditampilkan hanya untuk perbandingan.",
        "in_force": "Instrumen yang berlaku sejak {since}.",
        "secondary": "Data instrumen dari sumber sekunder (bukan teks resmi).",
        "indicator": "Indikator", "no": "No.", "aspect": "Aspek", "weight": "Bobot", "places": "Tempat dalam teks",
        "next": "Untuk tingkat {level}", "role_h": "Dapat ditunjukkan teks",
        "role": {"policy": "ya (kebijakan)", "supporting": "pendukung saja", "none": "tidak ditunjukkan oleh teks"},
        "no_level": "—", "csv_column": "indikator_{id}",
        "entries": "Entri katalog", "source": {"secondary": "sumber sekunder", "summary": "ringkasan kami",
                                              "official": "teks resmi"},
        "verify": {"confirmed": "sesuai", "differs": "berbeda", "not_found": "tidak ditemukan", "no_weight": "—"},
        "name_h": "nama", "weight_found": "teks resmi",
    },
    "en": {
        "heading": {"readiness": "Evidence readiness: {title}", "indicated_level": "Estimated level: {title}"},
        "level_h": {"readiness": "Readiness", "indicated_level": "Estimated level"},
        "revoked": "REVOKED by {by} since {since}; shown for comparison only.",
        "in_force": "The instrument in force since {since}.",
        "secondary": "Instrument data from secondary sources (not the official text).",
        "indicator": "Indicator", "no": "No.", "aspect": "Aspect", "weight": "Weight", "places": "Places in the text",
        "next": "For level {level}", "role_h": "A text can show it",
        "role": {"policy": "yes (policy)", "supporting": "supporting only", "none": "not shown by a text"},
        "no_level": "—", "csv_column": "indicators_{id}",
        "entries": "Catalog entries", "source": {"secondary": "secondary sources", "summary": "our summary",
                                                 "official": "official text"},
        "verify": {"confirmed": "matches", "differs": "differs", "not_found": "not found", "no_weight": "—"},
        "name_h": "name", "weight_found": "official text",
    },
}


def evaluation_labels(lang: str) -> dict[str, Any]:
    return LABELS.get(lang, LABELS["id"])


def _places(indicator: dict, t: dict, titles: dict[str, str] | None) -> list[dict[str, str]]:
    """Each place as the reader cites it ("Pasal 23 ayat (2)", "Diktum KESATU") with its entry
    (and the entry's title, given ``titles``)."""
    places = []
    for ev in indicator.get("evidence") or []:
        requirement = ev.get("requirement") or ""
        place = {"ref": view.pasal_ref(ev, t), "requirement": requirement, "more": False}
        if titles is not None:
            place["title"] = titles.get(requirement, requirement)
        places.append(place)
    for place in places[:-1]:
        place["more"] = True  # another place follows it (the HTML breaks the line)
    return places


def evaluation_view(report: dict, lang: str, titles: dict[str, str] | None = None) -> dict[str, Any] | None:
    """What the HTML, Markdown and CSV forms print of the evaluation section; None without one.
    ``titles``: requirement id -> the title a place names its entry by (HTML)."""
    section = report.get("evaluation")
    if not section:
        return None
    t, common = evaluation_labels(lang), labels(lang)
    measure = section.get("measure") or "indicated_level"
    aspects = {a["no"]: a.get("name") or "" for a in section.get("aspects") or []}
    rows = []
    for ind in section.get("indicators") or []:
        level = ind.get("readiness")
        nxt = ind.get("next") or {}
        rows.append({
            "no": ind["no"], "name": ind.get("name") or "", "aspect": aspects.get(ind.get("aspect"), ""),
            "weight": view.score_text(ind.get("weight"), lang), "role": ind.get("role") or "none",
            "role_text": t["role"].get(ind.get("role") or "none", ""), "shown_by_text": bool(ind.get("shown_by_text")),
            "level": level, "level_text": t["no_level"] if level is None else f"{level} / {section.get('scale') or 5}",
            "places": _places(ind, common, titles), "requirements": list(ind.get("requirements") or []),
            "text_shows": ind.get("text_shows") or "",
            "next": t["next"].format(level=nxt["level"]) + ": " + "; ".join(nxt.get("needs") or []) if nxt else "",
        })
    revoked = section.get("revoked")
    return {
        "id": section.get("id"), "measure": measure,
        "heading": t["heading"][measure].format(title=section.get("title") or section.get("id")),
        "level_h": t["level_h"][measure], "note": section.get("note") or "",
        "revoked": bool(revoked),
        "status_line": (t["revoked"].format(by=section.get("revoked_by") or "", since=section.get("revoked_since") or "")
                        if revoked else t["in_force"].format(since=section.get("in_force_from") or "—")),
        "secondary": t["secondary"] if section.get("source") == "secondary" else "",
        "rows": rows, "t": t,
    }


def supported_indicators(report: dict, requirement: str, lang: str) -> str:
    """The chosen instrument's indicators an entry speaks for, with their level ("8 (1 / 2); 12 (—)")."""
    section = report.get("evaluation") or {}
    no_level, top = evaluation_labels(lang)["no_level"], section.get("scale") or 5
    parts = []
    for ind in section.get("indicators") or []:
        if requirement in (ind.get("requirements") or []):
            level = ind.get("readiness")
            parts.append(f"{ind['no']} ({no_level if level is None else f'{level} / {top}'})")
    return "; ".join(parts)


def indicator_listing(evaluation: Any, catalog: Any, lang: str) -> dict[str, Any]:
    """``rules list --evaluation``: the instrument and each indicator with what a text can show
    and the catalog entries that show it (key entries first)."""
    titles = {e.id: e.title_in(lang) for e in catalog.entries}
    revoked = evaluation.revoked or {}
    return {
        "id": evaluation.id, "title": evaluation.title_in(lang), "source": evaluation.source,
        "revoked": bool(revoked), "revoked_by": (revoked.get("by") or {}).get(lang) or (revoked.get("by") or {}).get("id"),
        "revoked_since": revoked.get("since"), "in_force_from": evaluation.in_force.get("from"),
        "max_level": evaluation.estimate["max_level"], "measure": evaluation.estimate.get("measure"),
        "indicators": [{"no": i.no, "name": i.name, "aspect": i.aspect, "weight": i.weight, "role": i.role,
                        "shown_by_text": i.role != "none", "source": i.source,
                        "text_shows": (i.text_shows or {}).get(lang) or (i.text_shows or {}).get("id"),
                        "level_from": list(i.level_from), "supporting": list(i.supporting),
                        "requirements": [{"id": r, "title": titles.get(r, r)} for r in i.requirements]}
                       for i in evaluation.indicators],
    }


def render_listing(listing: dict[str, Any], lang: str) -> str:
    """The listing as plain lines: title and status, then one line per indicator."""
    t = evaluation_labels(lang)
    status = (t["revoked"].format(by=listing["revoked_by"], since=listing["revoked_since"]) if listing["revoked"]
              else t["in_force"].format(since=listing["in_force_from"] or "—"))
    out = [f"{listing['title']} ({listing['id']}) — {len(listing['indicators'])}", status,
           f"[{t['source'].get(listing['source'], listing['source'])}]", ""]
    for ind in listing["indicators"]:
        weight = view.score_text(ind["weight"], lang)
        out.append(f"{ind['no']:>2}. {ind['name']}  ({t['weight']} {weight}) — {t['role'][ind['role']]}")
        if ind["text_shows"]:
            out.append(f"    {ind['text_shows']}")
        if ind["requirements"]:
            out.append(f"    {t['entries']}: " + ", ".join(r["id"] for r in ind["requirements"]))
    return "\n".join(out) + "\n"


def render_verification(checks: list, lang: str) -> str:
    """``rules verify-evaluation``: one line per aspect and indicator, name then weight."""
    t = evaluation_labels(lang)
    out = []
    for c in checks:
        weight = "" if c.weight is None else f"; {t['weight'].lower()} {view.score_text(c.weight, lang)}: " \
            f"{t['verify'][c.weight_status]}" + (f" ({t['weight_found']} {view.score_text(c.weight_found, lang)})"
                                                if c.weight_found is not None and c.weight_status != "confirmed" else "")
        label = t["aspect"] if c.kind == "aspect" else t["indicator"]
        out.append(f"{label} {c.no}: {c.name} — {t['name_h']}: {t['verify'][c.name_status]}{weight}")
    return "\n".join(out) + "\n"
