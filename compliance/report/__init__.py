"""Render a check result (``compliance/report@1``) as HTML, JSON, CSV, Markdown or Word.

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

FORMATS = ("html", "json", "csv", "md", "docx")


def report_data(result: Any, official: Any = None, lang: str = DEFAULT_LANG) -> dict:
    """The full report dict of a check: the check's ``compliance/report@1`` dict plus the
    resolved Mengingat, the internal references that point nowhere (from the citations the
    regulation carries) and, when the official national text (a parsed ``Regulation``) is
    given, the verification of every catalog reference against it. Every output format and
    every command builds on this one dict."""
    from compliance.draft.review import review_section
    from compliance.report.citations import citation_sections
    from compliance.verify import verify

    data = result.to_dict()
    data.update(citation_sections(result.regulation))
    data["reference_review"] = review_section(result.regulation)
    if official is not None:
        data["national"] = {"file": official.source.file, "sha256": official.source.sha256,
                            "verifications": [v.to_dict() for v in verify(result.catalog, official, lang)]}
    return data


def render_result(result: Any, fmt: str = "html", lang: str = DEFAULT_LANG, official: Any = None) -> str | bytes:
    """Render a ``CheckResult`` in ``fmt``, with its outline and (HTML) its citation graph."""
    return render_check(result, fmt, lang, official)[1]


def render_check(result: Any, fmt: str | None = "html", lang: str = DEFAULT_LANG,
                 official: Any = None) -> tuple[dict, str | bytes | None]:
    """The report dict of a check and its rendering in ``fmt`` (None: the dict only, for a
    terminal summary), with the check's citation graph drawn in HTML."""
    data = report_data(result, official, lang)
    if fmt is None:
        return data, None
    svg = None
    if fmt == "html":
        from compliance.report.graph_svg import graph_svg

        svg = graph_svg(result.graph, result.regulation, lang)
    return data, render(data, fmt, lang, result.regulation, svg)


def render(report: Any, fmt: str = "html", lang: str = DEFAULT_LANG, regulation: Any = None,
           graph_svg: str | None = None) -> str | bytes:
    """The report in ``fmt``; ``regulation`` (the parsed text) adds the outline to HTML and
    Markdown, ``graph_svg`` the citation graph to HTML."""
    if fmt == "json":
        return dumps_json(as_dict(report))
    if fmt == "csv":
        return render_csv(report, lang)
    if fmt == "md":
        return render_markdown(report, lang, regulation)
    if fmt == "docx":
        from compliance.report.word import render_docx

        return render_docx(report, lang, regulation)
    return render_html(report, lang, regulation, graph_svg)


__all__ = ["FORMATS", "render", "render_csv", "render_check", "render_html", "render_markdown", "render_result", "report_data"]
