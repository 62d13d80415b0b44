"""The self-contained HTML gap report: one file, inline CSS and SVG, no script."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from markupsafe import Markup

from compliance import __version__
from compliance.i18n import DEFAULT_LANG
from compliance.locale_format import long_date
from compliance.models import REPORT_SCHEMA
from compliance.report import memo, view
from compliance.report.evaluation import evaluation_view
from compliance.report.labels import labels
from compliance.report.templating import environment, highlight, suggestion
from compliance.review.review import review_rows


def _segments(counts: dict[str, int], statuses: dict[str, str]) -> list[dict]:
    """The stacked bar of one group: a rectangle per status (``statuses``: as printed), in
    percent of the group."""
    total = sum(counts.values()) or 1
    segments, x = [], 0.0
    for status, n in counts.items():
        if n:
            width = 100.0 * n / total
            segments.append({"status": status, "text": statuses[status], "n": n, "x": f"{x:.3f}",
                             "width": f"{width:.3f}"})
            x += width
    return segments


# Quoted characters above which a findings row may continue on the next printed page: a row
# that tall kept whole would leave most of the page before it blank.
LONG_ROW_CHARS = 2000


def _evidence(finding: dict, number: int, t: dict, ocr_articles: set, quoted: dict[tuple, int]) -> list[dict]:
    """The finding's evidence as printed: each quote once in the report (a later finding
    citing the same words gets the reference and the number of the finding that quotes
    them: ``seen_in``), each reference linked to the outline."""
    out, own = [], set()
    for ev in finding.get("evidence") or []:
        key = (ev.get("pasal"), ev.get("parent"), ev.get("ayat"), ev.get("quote"))
        if key in own:
            continue
        own.add(key)
        ref, anchor = view.pasal_link(ev, t)
        seen_in = quoted.get(key)
        out.append(dict(ev, ref=ref, anchor=anchor, seen_in=seen_in,
                        ocr=(ev.get("pasal"), ev.get("parent")) in ocr_articles,
                        marked=None if seen_in else highlight(ev["quote"], ev["matched"])))
        quoted.setdefault(key, number)
    return out


def _finding(finding: dict, number: int, metadata: dict, t: dict, lang: str, groups: dict[str, str],
             verifications: dict[str, dict], ocr_articles: set, quoted: dict[tuple, int]) -> dict:
    """A finding with everything the template prints already decided (refs, basis, notes, clause)."""
    out = dict(finding, number=number)
    out["national"] = verifications.get(finding["requirement"])
    group = finding.get("group") or ""
    out["group_title"] = groups.get(group, group)
    out["printed_basis"] = view.printed_basis(finding, t)
    # most findings have no evidence, conflicts or notes: their lists are made without a comprehension
    evidence = out["evidence"] = _evidence(finding, number, t, ocr_articles, quoted) if finding.get("evidence") else []
    out["long"] = bool(evidence) and sum(len(ev["quote"] or "") for ev in evidence if not ev["seen_in"]) > LONG_ROW_CHARS
    conflicts, notes = finding.get("conflicts"), finding.get("notes")
    out["conflicts"] = [dict(c, ref=view.pasal_ref(c, t), anchor=view.pasal_anchor(c)) for c in conflicts] if conflicts else []
    out["note_texts"] = [view.note_text(note, lang) for note in notes] if notes else []
    out["suggestion"] = suggestion(finding, metadata, marked=True)
    out["status_text"] = t["status"][finding["status"]]
    # "; ".join of plain strings: escaped whole, it prints what the template's join filter printed
    out["missing_text"] = "; ".join(finding.get("missing_elements") or [])
    out["gaps"] = bool(finding.get("missing_elements") or out["conflicts"] or out["note_texts"] or out["suggestion"])
    return out


def render_html(report: Any, lang: str = DEFAULT_LANG, regulation: Any = None, graph_svg: str | None = None) -> str:
    """Render the gap report. ``graph_svg`` is trusted markup from ``compliance.report.graph_svg``
    (which escapes the labels it draws); everything else is escaped here."""
    data = view.as_dict(report)
    t = labels(lang)
    metadata, findings = view.metadata_of(data), data.get("findings") or []
    groups = view.group_titles(data)
    national = data.get("national") or {}
    verifications = {v["requirement"]: v for v in national.get("verifications") or []}
    ocr_articles = view.ocr_articles(data)
    quoted: dict[tuple, int] = {}
    rows = [_finding(f, n, metadata, t, lang, groups, verifications, ocr_articles, quoted)
            for n, f in enumerate(findings, 1)]
    titles = {f["requirement"]: f.get("title") or f["requirement"] for f in findings}
    top = memo.priorities(data, lang)
    printed = {p["requirement"] for p in top}  # the clauses a printed page shows
    cited = view.citation_data(data, regulation)
    mengingat = view.mengingat_rows(cited["mengingat"], lang)
    return environment().get_template("report.html.j2").render(
        lang=lang if lang in ("id", "en") else DEFAULT_LANG,
        t=t,
        version=__version__,
        schema=data.get("schema", REPORT_SCHEMA),
        identity=view.identity_line(metadata, t),
        meta=metadata,
        source=view.source_of(data),
        ocr_pages=view.page_ranges(view.source_of(data).get("ocr_pages") or []),
        catalog=data.get("catalog") or {},
        score=(data.get("summary") or {}).get("score"),
        score_text=view.score_text((data.get("summary") or {}).get("score"), lang),
        score_definition=view.score_definition(data, t, lang),
        national_short=(data.get("catalog") or {}).get("short") or (data.get("catalog") or {}).get("title") or "",
        advice=memo.advice(data, lang, cited["mengingat"]),
        priorities=top,
        printed_suggestions=printed,
        ditetapkan=long_date(metadata.get("ditetapkan"), lang, ""),
        source_name=PurePath(view.source_of(data).get("file") or "").name,
        counts=view.status_counts(findings),
        total=len(findings),
        groups=[{"name": name, "segments": _segments(c, t["status"])} for name, c in view.group_counts(data)],
        evaluation=evaluation_view(data, lang, titles),
        findings=rows,
        suggestions=[r for r in rows if r["suggestion"]],
        screen_clauses=any(r["suggestion"] and r["requirement"] not in printed for r in rows),
        national=national,
        official=[r for r in rows if r["national"] and r["national"].get("quote")],
        perpres=view.context_data()["perpres"],
        graph_svg=Markup(graph_svg) if graph_svg else None,
        mengingat=mengingat,
        revoked_count=sum(m["revoked"] for m in mengingat),
        references=view.reference_rows(cited["internal_references"], lang),
        review=review_rows(data.get("reference_review") or [], lang),
        warnings=view.warning_rows(data, t, lang),
        outline=view.outline_entries(view.outline_source(data, regulation)),
    )
