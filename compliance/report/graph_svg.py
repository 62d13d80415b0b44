"""The citation graph drawn for the HTML report: inline SVG, no script, every text escaped.

``graph_svg(regulation, findings, catalog, lang)`` draws one regulation's part of its check's
citation graph, read off its citations and findings (``compliance.report.graph_drawing``)
without building the graph.
"""

from __future__ import annotations

import html
from functools import cache
from typing import Any

from compliance.models import Finding, Regulation
from compliance.per_object import PerObject
from compliance.report.graph_drawing import MengingatAct, catalog_rows, drawing
from compliance.report.labels import labels

# the layout: row height, first row, width of the article column, gap to the entries' column
ROW, TOP, LEFT_W, GAP = 22, 48, 170, 260
RIGHT_X = LEFT_W + GAP

STATUS_COLOURS = {"fulfilled": "#2e7d32", "partial": "#f9a825", "conflict": "#c62828", "missing": "#9e9e9e",
                  "not_applicable": "#cfd8dc", "cites": "#1565c0"}


def _escape(text: str) -> str:
    """``html.escape``: a text without a character it replaces is returned as it is."""
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
        return html.escape(text)
    return text


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def graph_svg(regulation: Regulation, findings: list[Finding], catalog: Any, lang: str = "id") -> str:
    """Draw one regulation's part of its check's citation graph (``graph_drawing``): its articles
    on the left, the catalog entries on the right, an edge per ``satisfies`` link coloured by
    status (dashed blue where an article reaches an entry through a citation of the national
    act), then the Mengingat list with each cited act resolved and marked where it is known to
    be revoked or amended. No script; all text escaped."""
    d = drawing(regulation, findings, catalog)
    statuses = labels(lang)["status"]
    m_top = TOP + max(len(d.articles), len(d.requirements), 1) * ROW + 40
    width, height = RIGHT_X + 420, m_top + (len(d.mengingat) + 1) * ROW + 10
    y_art = {a: TOP + i * ROW for i, (a, _) in enumerate(d.articles)}
    y_req, lines = _requirement_lines(d.requirements, catalog, lang)
    esc = _escape
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="citation-graph" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" aria-label="{esc(d.reg_id)}">',
           '<style>text{font:12px sans-serif;fill:#222}.muted{fill:#777}</style>',
           f'<text x="4" y="16" font-weight="bold">{esc(d.heading)}</text>']
    out.extend(_legend(lang))
    for a, r, status, text in d.links:
        if a not in y_art or r not in y_req:
            continue
        title = text if status == "cites" else f"{statuses.get(status, status)} · {text}"
        y1, y2 = y_art[a] + 4, y_req[r] + 4
        dash = ' stroke-dasharray="4 3"' if status == "cites" else ""
        out.append(f'<path d="M{LEFT_W} {y1} C{LEFT_W + GAP / 2} {y1} {RIGHT_X - GAP / 2} {y2} {RIGHT_X - 6} {y2}" '
                   f'fill="none" stroke="{STATUS_COLOURS.get(status, "#555")}" stroke-width="1.5"{dash}>'
                   f'<title>{esc(title)}</title></path>')
    for a, label in d.articles:
        out.append(f'<text x="{LEFT_W - 6}" y="{y_art[a] + 8}" text-anchor="end">'
                   f'<title>{esc(a)}</title>{esc(label)}</text>')
    assessed = d.assessed
    for (r, label, basis), line in zip(d.requirements, lines):
        status = assessed.get(r)
        drawn = line.get(status)
        if drawn is None:
            drawn = line[status] = _requirement_line(label, basis, status, y_req[r], statuses)
        out.append(drawn)
    out.append(f'<text x="4" y="{m_top}" font-weight="bold">Mengingat</text>')
    for i, act in enumerate(d.mengingat):
        out.append(_mengingat_line(act, m_top + (i + 1) * ROW, lang))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _requirement_line(label: str, basis: str, status: Any, y: int, statuses: dict[str, str]) -> str:
    """One catalog entry: a dot in its status's colour, its title, and a tooltip."""
    tip = f"{label} — {basis}"
    tip += f" — {statuses.get(status, status)}" if status else ""
    return (f'<circle cx="{RIGHT_X}" cy="{y + 4}" r="4" fill="{STATUS_COLOURS.get(status, "#555")}"/>'
            f'<text x="{RIGHT_X + 8}" y="{y + 8}"><title>{_escape(tip)}</title>'
            f'{_escape(_short(label, 60))}</text>')


_CATALOG_LINES: PerObject[dict] = PerObject()


def _requirement_lines(rows: list[tuple[str, str, str]], catalog: Any, lang: str) -> tuple[dict[str, int], list[dict]]:
    """Each entry row's place (node -> y) and a slot per row for its drawn line by status. The
    catalog's own rows (what most checks draw) keep theirs per catalog and language: the catalog
    side of a drawing is drawn once per entry and status, not on every check."""
    def fresh(rows: list) -> tuple[dict[str, int], list[dict]]:
        return {r: TOP + i * ROW for i, (r, _, _) in enumerate(rows)}, [{} for _ in rows]

    if rows is not catalog_rows(catalog):
        return fresh(rows)
    per_lang = _CATALOG_LINES.get(catalog, lambda _: {})
    kept = per_lang.get(lang)
    if kept is None:
        kept = per_lang[lang] = fresh(rows)
    return kept


@cache
def _legend(lang: str) -> tuple[str, ...]:
    """The legend's lines in ``lang`` (the same on every drawing: made once per language)."""
    statuses, out, x = labels(lang)["status"], [], 4
    for status, colour in STATUS_COLOURS.items():
        name = statuses.get(status) or _mark("cites", lang)
        out.append(f'<rect x="{x}" y="26" width="14" height="4" fill="{colour}"/>'
                   f'<text x="{x + 18}" y="32" class="muted">{_escape(name)}</text>')
        x += 30 + 7 * len(name)
    return tuple(out)


def _mengingat_line(act: MengingatAct, y: int, lang: str) -> str:
    """One Mengingat row: item, resolved id and title, known revocation/amendment; full text as tooltip."""
    esc = _escape
    name = act.target if not act.unresolved else _mark("unresolved", lang)
    if act.title:
        name += f" — {_short(act.title, 70)}"
    marks = []
    if act.revoked_by:
        marks.append(_mark("revoked", lang, by=act.revoked_by))
    if act.amended_by:
        marks.append(_mark("amended", lang, by=act.amended_by.replace(",", ", ")))
    colour = "#c62828" if act.revoked_by else "#222"
    tail = f'<tspan class="muted"> — {esc("; ".join(marks))}</tspan>' if marks else ""
    return (f'<text x="12" y="{y}"><title>{esc(act.raw)}</title>'
            f'<tspan>{esc(str(act.item or ""))}. </tspan><tspan fill="{colour}">{esc(name)}</tspan>{tail}</text>')


def _mark(kind: str, lang: str, by: str = "") -> str:
    from compliance.i18n import message

    return message(f"graph-{kind}", lang, by=by)
