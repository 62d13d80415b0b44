"""The gap report for drafters as a Word document (``check -o laporan.docx``).

Bagian Hukum drafts in Word: the suggested clauses arrive as ordinary editable
paragraphs, the findings as a real table. Same facts as the HTML memo (identity, score,
advice, priorities, findings, the evaluation section, suggestions, Mengingat), from the same
report dict.
python-docx writes the file; the bytes are made deterministic (fixed document dates and
zip timestamps) so the same input gives the same file.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime, timezone
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Mm, Pt, RGBColor

from compliance import __version__
from compliance.i18n import DEFAULT_LANG
from compliance.locale_format import long_date
from compliance.report import memo, view
from compliance.report.evaluation import evaluation_view
from compliance.report.labels import labels
from compliance.report.templating import suggestion

# Characters XML 1.0 cannot hold (a regulation's text layer may carry them): dropped, never the file.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FIXED_TIME = datetime(2000, 1, 1, tzinfo=timezone.utc)
STATUS_COLOURS = {"fulfilled": "2E8B57", "partial": "B7790F", "conflict": "C0262D", "missing": "6B7178",
                  "not_applicable": "5F7FA8"}  # the report's colours (partial darkened to read as text)


def _text(value: Any) -> str:
    return _XML_INVALID.sub("", "" if value is None else str(value))


def _status_run(paragraph, status: str, t: dict) -> None:
    run = paragraph.add_run(t["status"].get(status, status))
    run.bold = True
    run.font.color.rgb = RGBColor.from_string(STATUS_COLOURS.get(status, "1D2329"))


def _memo(doc, data: dict, t: dict, lang: str) -> None:
    meta = view.metadata_of(data)
    doc.add_heading(_text(t["title"]), 0)
    identity = doc.add_paragraph()
    identity.add_run(_text(view.identity_line(meta, t))).bold = True
    if meta.get("tentang"):
        identity.add_run(_text(f" {t['tentang'].lower()} {meta['tentang']}"))
    if meta.get("ditetapkan"):
        doc.add_paragraph(_text(f"{t['ditetapkan']}: {long_date(meta['ditetapkan'], lang)}"))
    verdict = memo.advice(data, lang)
    score = doc.add_paragraph()
    score.add_run(f"{t['score']}: ").bold = True
    score.add_run(f"{view.score_text((data.get('summary') or {}).get('score'), lang)} / 100    ")
    score.add_run(f"{t['advice']}: ").bold = True
    advice = score.add_run(_text(verdict["text"].upper()))
    advice.bold = True
    advice.font.color.rgb = RGBColor.from_string(
        {"replace": "C0262D", "amend": "B7790F", "complete": "1F4E79", "keep": "2E8B57"}[verdict["kind"]])
    for reason in verdict["reasons"]:
        doc.add_paragraph(_text(reason), style="List Bullet")
    doc.add_heading(_text(t["priorities"]), 1)
    top = memo.priorities(data, lang)
    national = (data.get("catalog") or {}).get("short") or ""
    for p in top:
        item = doc.add_paragraph(style="List Number")
        item.add_run(_text(p["title"])).bold = True
        item.add_run(" (")
        _status_run(item, p["status"], t)
        where = f"; {t['in_regulation']} " + ", ".join(w["ref"] for w in p["where"]) if p["where"] else ""
        item.add_run(_text(f"; {p['act'] or national} {p['basis']}{where}): {p['detail']}"))
    if not top:
        doc.add_paragraph(_text(t["no_priorities"]))


def _findings_table(doc, data: dict, t: dict) -> None:
    doc.add_heading(_text(t["requirements"]), 1)
    findings = data.get("findings") or []
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, ("No.", t["requirement"], t["status_h"], t["evidence"], t["gaps"])):
        cell.text = ""
        cell.paragraphs[0].add_run(_text(label)).bold = True
    for number, finding in enumerate(findings, 1):
        cells = table.add_row().cells
        cells[0].text = str(number)
        cells[1].text = _text(f"{finding.get('title') or finding['requirement']}\n{t['basis']}: "
                              f"{view.printed_basis(finding, t)}")
        cells[2].text = ""
        _status_run(cells[2].paragraphs[0], finding["status"], t)
        refs = dict.fromkeys(view.pasal_ref(ev, t) for ev in finding.get("evidence") or [])
        cells[3].text = _text(", ".join(refs) or t["none"])
        gaps = []
        if finding.get("missing_elements"):
            gaps.append(f"{t['missing_elements']}: " + "; ".join(finding["missing_elements"]))
        gaps += [view.conflict_text(c, t) for c in finding.get("conflicts") or []]
        cells[4].text = _text("\n".join(gaps) or t["none"])
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8.5)


def _evaluation(doc, data: dict, lang: str) -> None:
    """The chosen instrument's indicators: level, places in the text, what the next level needs."""
    ev = evaluation_view(data, lang)
    if ev is None:
        return
    doc.add_heading(_text(ev["heading"]), 1)
    doc.add_paragraph().add_run(_text(ev["status_line"])).bold = True
    doc.add_paragraph(_text(" ".join(filter(None, [ev["note"], ev["secondary"]])))).runs[0].italic = True
    t = ev["t"]
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, (t["no"], t["indicator"], ev["level_h"], t["places"])):
        cell.text = ""
        cell.paragraphs[0].add_run(_text(label)).bold = True
    for row in ev["rows"]:
        cells = table.add_row().cells
        cells[0].text = str(row["no"])
        cells[1].text = _text("\n".join(filter(None, [row["name"], row["role_text"], row["next"]])))
        cells[2].text = _text(row["level_text"])
        cells[3].text = _text("\n".join(f"{p['ref']} ({p['requirement']})" for p in row["places"]) or "—")
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8.5)


def _suggestions(doc, data: dict, t: dict) -> None:
    meta = view.metadata_of(data)
    gaps = [(f, suggestion(f, meta)) for f in data.get("findings") or []]
    gaps = [(f, clause) for f, clause in gaps if clause is not None]
    if not gaps:
        return
    doc.add_heading(_text(t["suggestions"]), 1)
    doc.add_paragraph(_text(t["suggestions_intro"]))
    for finding, clause in gaps:
        heading = doc.add_heading(level=2)
        heading.add_run(_text(f"{t['suggestion_for']}: {finding.get('title') or finding['requirement']} ("))
        _status_run(heading, finding["status"], t)
        heading.add_run(")")
        for line in clause.unescape().splitlines():  # each line its own paragraph: the drafter edits text
            if line.strip():
                doc.add_paragraph(_text(line.strip()))


def _mengingat(doc, data: dict, t: dict, lang: str, regulation: Any) -> None:
    rows = view.mengingat_rows(view.citation_data(data, regulation)["mengingat"], lang)
    if not rows:
        return
    doc.add_heading(_text(t["mengingat"]), 1)
    for row in rows:
        names = [a["name"] + "".join(f" — {m['text']}" for m in a["marks"]) for a in row["acts"] if a.get("resolved")]
        doc.add_paragraph(_text(f"{row['label']}. {row['text']}" + (f" [{'; '.join(names)}]" if names else "")),
                          style="List Bullet")


def _deterministic(blob: bytes) -> bytes:
    """The same archive with fixed member times, so equal input gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def render_docx(report: Any, lang: str = DEFAULT_LANG, regulation: Any = None) -> bytes:
    """The report as DOCX bytes: memo, findings table, evaluation section, suggested clauses, Mengingat."""
    data = view.as_dict(report)
    t = labels(lang)
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(18))
    doc.styles["Normal"].font.name = "Liberation Sans"
    doc.styles["Normal"].font.size = Pt(10)
    props = doc.core_properties
    props.title = _text(f"{t['short_title']} · {view.identity_line(view.metadata_of(data), t)}")
    props.author = props.last_modified_by = f"compliance {__version__}"
    props.created = props.modified = props.last_printed = _FIXED_TIME
    props.revision = 1
    props.language = lang
    _memo(doc, data, t, lang)
    _findings_table(doc, data, t)
    _evaluation(doc, data, lang)
    _suggestions(doc, data, t)
    _mengingat(doc, data, t, lang, regulation)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _deterministic(buffer.getvalue())
