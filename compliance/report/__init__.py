"""Render a check result (``compliance/report@1``) as HTML, JSON, CSV or Markdown.

Every renderer takes the check's report object or its ``to_dict()`` form; the JSON
is that dict itself, so the other formats can never show what the JSON lacks.
"""

from __future__ import annotations

from typing import Any

from compliance.i18n import DEFAULT_LANG
from compliance.output import dumps_json
from compliance.report.html import render_html
from compliance.report.markdown import render_markdown
from compliance.report.spreadsheet import render_csv
from compliance.report.view import as_dict

FORMATS = ("html", "json", "csv", "md")


def render(report: Any, fmt: str = "html", lang: str = DEFAULT_LANG, regulation: Any = None,
           graph_svg: str | None = None) -> str:
    """The report in ``fmt``; ``regulation`` (the parsed text) adds the outline to HTML and
    Markdown, ``graph_svg`` the citation graph to HTML."""
    if fmt == "json":
        return dumps_json(as_dict(report))
    if fmt == "csv":
        return render_csv(report, lang)
    if fmt == "md":
        return render_markdown(report, lang, regulation)
    return render_html(report, lang, regulation, graph_svg)


__all__ = ["FORMATS", "render", "render_csv", "render_html", "render_markdown"]
