"""Render a check result (``compliance/report@1``) as HTML, JSON, CSV, Markdown or Word.

Every renderer takes the check's report object or its ``to_dict()`` form; the JSON
is that dict itself, so the other formats can never show what the JSON lacks.
"""

from __future__ import annotations

from typing import Any

from compliance.i18n import DEFAULT_LANG
from compliance.report.build import ReportView, build_report, render, report_data
from compliance.report.html import render_html
from compliance.report.markdown import render_markdown
from compliance.report.spreadsheet import render_csv

FORMATS = ("html", "json", "csv", "md", "docx")


def render_result(result: Any, fmt: str = "html", lang: str = DEFAULT_LANG, official: Any = None) -> str | bytes:
    """Render a ``CheckResult`` in ``fmt``, with its outline and (HTML) its citation graph."""
    return render_check(result, fmt, lang, official)[1]


def render_check(result: Any, fmt: str | None = "html", lang: str = DEFAULT_LANG,
                 official: Any = None) -> tuple[dict, str | bytes | None]:
    """The report dict of a check and its rendering in ``fmt`` (None: the dict only, for a
    terminal summary), built by ``build_report`` (the check's citation graph drawn in HTML)."""
    view = build_report(result, official, lang, graph=fmt == "html")
    return view.data, (view.render(fmt) if fmt is not None else None)


__all__ = ["FORMATS", "ReportView", "build_report", "render", "render_csv", "render_check", "render_html", "render_markdown", "render_result", "report_data"]
