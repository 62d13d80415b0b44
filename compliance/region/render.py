"""The region assessment (``compliance/region@1``) as HTML, JSON, CSV or Markdown.

All four print the same facts from the one dict; every word from an instrument is
escaped (jinja2 autoescape, Markdown escaping, CSV formula neutralising).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from compliance.i18n import message
from compliance.output import dumps_json

FORMATS = ("html", "json", "csv", "md")

_LABELS: dict[str, dict[str, str]] = {
    "id": {
        "title": "Penilaian SPBE daerah menurut Perpres 95/2018", "region": "Daerah", "title_h": "Judul", "score": "Skor",
        "instruments": "Instrumen yang dibaca", "in_force": "Berlaku", "why": "Keterangan", "file": "Berkas",
        "instrument": "Instrumen", "yes": "ya", "no": "tidak", "findings": "Temuan gabungan per persyaratan",
        "requirement": "Persyaratan", "status_h": "Status", "evidence": "Bukti", "place": "Tempat",
        "quote": "Kutipan", "conflicts": "Pertentangan", "missing": "Unsur yang belum ada", "notes": "Catatan",
        "domain1": "Tingkat per indikator menurut instrumen evaluasi (dari teks)", "indicator": "Indikator", "level": "Tingkat",
        "next": "Untuk tingkat berikutnya", "failed": "Berkas yang gagal dibaca", "national_value": "nilai nasional",
        "between": "ditetapkan berbeda oleh instrumen yang berlaku", "counts": "Jumlah per status",
        "score_note": "Skor 0–100 dihitung dari status gabungan (terpenuhi 1, sebagian ½; yang tidak berlaku "
                      "tidak dihitung). Setiap status hanya setinggi yang didukung teks satu instrumen.",
        "in_force_count": "instrumen berlaku", "from": "dari", "none": "—", "history_date": "Tanggal penilaian",
        "estimate_note": "Tingkat dari teks instrumen yang berlaku, bukan hasil evaluasi.",
    },
    "en": {
        "title": "Regional SPBE assessment against Perpres 95/2018", "region": "Region", "title_h": "Title", "score": "Score",
        "instruments": "Instruments read", "in_force": "In force", "why": "Why", "file": "File",
        "instrument": "Instrument", "yes": "yes", "no": "no", "findings": "Combined findings per requirement",
        "requirement": "Requirement", "status_h": "Status", "evidence": "Evidence", "place": "Place",
        "quote": "Quote", "conflicts": "Conflicts", "missing": "Missing elements", "notes": "Notes",
        "domain1": "Level per indicator of the evaluation instrument (from the text)", "indicator": "Indicator", "level": "Level",
        "next": "For the next level", "failed": "Files that could not be read", "national_value": "national value",
        "between": "set differently by instruments in force", "counts": "Counts per status",
        "score_note": "0–100 score from the combined statuses (fulfilled 1, partial ½; not applicable not "
                      "counted). A status is never better than one instrument's text supports.",
        "in_force_count": "instruments in force", "from": "from", "none": "—", "history_date": "Assessed on",
        "estimate_note": "Levels from the text of the instruments in force, not evaluation results.",
    },
}


def region_labels(lang: str) -> dict[str, Any]:
    from compliance.report.labels import labels

    common = labels(lang)
    return {**_LABELS.get(lang, _LABELS["id"]), "status": common["status"]}


def note_text(note: dict[str, Any], lang: str) -> str:
    """A relation note (a revoked or amended act absent from the folder) as a sentence."""
    return message(f"{note['code']}-{note['kind']}", lang, instrument=note["instrument"], place=note["place"],
                   target=note["target"])


def render(assessment: dict[str, Any], fmt: str, lang: str) -> str:
    if fmt == "json":
        return dumps_json(assessment)
    if fmt == "csv":
        return render_csv(assessment, lang)
    if fmt == "md":
        return render_markdown(assessment, lang)
    return render_html(assessment, lang)


def render_html(assessment: dict[str, Any], lang: str) -> str:
    from compliance.report.templating import environment

    return environment().get_template("region.html.j2").render(
        a=assessment, t=region_labels(lang), lang=lang, notes=[note_text(n, lang) for n in assessment["notes"]],
        msg=lambda code: message(code.split(":", 1)[0], lang, detail=code.split(":", 1)[-1]))


def render_csv(assessment: dict[str, Any], lang: str) -> str:
    """One row per piece of evidence (a requirement without evidence still has its row)."""
    from compliance.report.spreadsheet import BOM, neutralise

    t = region_labels(lang)
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([t["region"], t["requirement"], t["title_h"], t["status_h"], t["instrument"], t["file"], t["place"],
                     t["quote"], t["missing"], t["conflicts"]])
    for f in assessment["findings"]:
        conflicts = "; ".join(_conflict_line(c, t) for c in f["conflicts"])
        rows = f["evidence"] or [{}]
        for e in rows:
            writer.writerow([neutralise(str(x or "")) for x in (
                assessment["region"]["label"], f["requirement"], f["title"], t["status"].get(f["status"], f["status"]), e.get("instrument"),
                e.get("file"), e.get("place"), e.get("quote"), "; ".join(f["missing_elements"]), conflicts)])
    return out.getvalue()


def _conflict_line(conflict: dict[str, Any], t: dict[str, Any]) -> str:
    if conflict["kind"] == "national":
        return (f"{conflict['parameter']}: {conflict['regional']} ({conflict['instrument']}, {conflict['place']}); "
                f"{t['national_value']} {conflict['national']}")
    values = ", ".join(f"{v['value']} ({v['instrument']}, {v['place']})" for v in conflict["values"])
    return f"{conflict['parameter']} {t['between']}: {values}"


def render_markdown(assessment: dict[str, Any], lang: str) -> str:
    from compliance.outline import md_escape as esc

    t = region_labels(lang)
    s = assessment["summary"]
    score = "–" if s["score"] is None else f"{s['score']:g}"
    out = [f"# {esc(t['title'])}", "", f"**{esc(assessment['region']['label'])}** · {esc(t['score'])}: **{score}** / 100",
           "", esc(t["score_note"]), "", f"## {esc(t['instruments'])}", "",
           f"| {t['instrument']} | {t['file']} | {t['in_force']} | {t['why']} |", "|---|---|---|---|"]
    for i in assessment["instruments"]:
        out.append(f"| {_cell(i['label'])} | {_cell(i['file'])} | {t['yes'] if i['in_force'] else t['no']} | "
                   f"{_cell(i['reason'])} |")
    for note in assessment["notes"]:
        out += ["", f"- {esc(note_text(note, lang))}"]
    if assessment["failed"]:
        out += ["", f"## {esc(t['failed'])}", ""] + [f"- {esc(f['message'])}" for f in assessment["failed"]]
    note = (assessment["evaluation"] or {}).get("note") or t["estimate_note"]
    out += ["", f"## {esc(t['domain1'])}", "", f"_{esc(note)}_", "",
            f"| {t['indicator']} | {t['level']} |", "|---|---|"]
    out += [f"| {i['no']}. {_cell(i['name'])} | {'–' if i['indicated_level'] is None else i['indicated_level']} |"
            for i in assessment["indicators"]]
    out += ["", f"## {esc(t['findings'])}"]
    for f in assessment["findings"]:
        out += ["", f"### {esc(f['title'])} — {esc(t['status'].get(f['status'], f['status']))}", ""]
        for e in f["evidence"]:
            out.append(f"- {esc(e['instrument'])}, {esc(e['place'])}: «{_cell(e['quote'])}»")
        for c in f["conflicts"]:
            out.append(f"- {esc(t['conflicts'])}: {_cell(_conflict_line(c, t))}")
        if f["missing_elements"]:
            out.append(f"- {esc(t['missing'])}: {_cell(', '.join(f['missing_elements']))}")
    return "\n".join(out) + "\n"


def _cell(text: Any) -> str:
    from compliance.outline import md_escape

    return md_escape(" ".join(str(text or "").split()))
