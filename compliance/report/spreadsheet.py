"""The CSV form: one row per requirement, safe to open in a spreadsheet; the last column
names the chosen instrument's indicators the requirement speaks for, with their level.

Decisions:
- UTF-8 *with* a byte-order mark. Excel (the tool most regional legal staff open a
  CSV with) reads BOM-less UTF-8 as the ANSI code page and garbles "–", "«" and
  quotes; LibreOffice and Python's ``utf-8-sig`` read the BOM transparently.
- Comma-separated, RFC 4180 quoting, CRLF line ends (the ``csv`` module's default).
  Excel with Indonesian regional settings expects ``;`` when a file is double-clicked;
  Data > From Text/CSV reads this file correctly. No ``sep=`` line: Excel then ignores the BOM.
- A cell whose first non-blank character could start a formula (= + - @, tab, CR,
  LF) is prefixed with ``'`` as OWASP advises, so it is shown, never evaluated.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from compliance.i18n import DEFAULT_LANG
from compliance.report import view
from compliance.report.evaluation import evaluation_labels, supported_indicators
from compliance.report.labels import labels

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
COLUMNS = ("id", "title", "group", "basis", "basis_confidence", "status", "evidence_pasal",
           "first_quote", "missing_elements", "conflicts", "indicators")


def neutralise(cell: str) -> str:
    """OWASP CSV-injection defence: a cell that a spreadsheet would read as a formula gets a leading '."""
    stripped = cell.lstrip(" ")
    return "'" + cell if stripped.startswith(_FORMULA_START) or cell.startswith(_FORMULA_START) else cell


def _row(finding: dict, t: dict, groups: dict[str, str], indicators: str) -> list[str]:
    evidence = finding.get("evidence") or []
    return [
        finding["requirement"],
        finding.get("title") or "",
        groups.get(finding.get("group") or "", finding.get("group") or ""),
        view.printed_basis(finding, t),
        t["confidence"].get(finding.get("basis_confidence") or "", finding.get("basis_confidence") or ""),
        t["status"].get(finding["status"], finding["status"]),
        "; ".join(dict.fromkeys(view.pasal_ref(ev, t) for ev in evidence)),
        evidence[0]["quote"] if evidence else "",
        "; ".join(finding.get("missing_elements") or []),
        "; ".join(view.conflict_text(c, t) for c in finding.get("conflicts") or []),
        indicators,
    ]


def render_csv(report: Any, lang: str = DEFAULT_LANG) -> str:
    """One header row (in ``lang``) and one row per requirement, in catalog order."""
    data = view.as_dict(report)
    t = labels(lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    evaluation = (data.get("evaluation") or {}).get("id") or "-"
    writer.writerow([t["csv"][c] for c in COLUMNS[:-1]] + [evaluation_labels(lang)["csv_column"].format(id=evaluation)])
    groups = view.group_titles(data)
    for finding in data.get("findings") or []:
        supported = supported_indicators(data, finding["requirement"], lang)
        writer.writerow([neutralise(cell) for cell in _row(finding, t, groups, supported)])
    return BOM + buffer.getvalue()
