"""The one report builder: a check's result made into the view every format prints.

``compliance check FILE``, ``check DIR -o laporan/`` (in each worker), the web app and the demo
all build a report here, so a report of one file is the same whichever way it was asked for:
the ``compliance/report@1`` dict with its sections and, for HTML, the citation graph drawn
from the check's citations and findings (``compliance.report.graph_svg``; no graph is built).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from compliance.i18n import DEFAULT_LANG
from compliance.output import dumps_json
from compliance.report.html import render_html
from compliance.report.markdown import render_markdown
from compliance.report.spreadsheet import render_csv
from compliance.report.view import as_dict


@dataclass
class ReportView:
    """A report ready to print in any format: ``data`` (the report dict, which is the JSON),
    ``regulation`` (the parsed text, for the outline; None when only the dict is at hand)
    and ``graph_svg`` (the citation graph drawn, trusted markup; None when not drawn)."""

    data: dict[str, Any]
    lang: str = DEFAULT_LANG
    regulation: Any = None
    graph_svg: str | None = None

    def render(self, fmt: str = "html") -> str | bytes:
        return render(self.data, fmt, self.lang, self.regulation, self.graph_svg)


def build_report(result: Any, official: Any = None, lang: str = DEFAULT_LANG, *, graph: bool = True) -> ReportView:
    """The report view of a ``CheckResult``: its report dict (``report_data``: with the resolved
    Mengingat, the dangling references, the reference review and, given the official national
    text, the verification of the catalog) and, with ``graph``, the regulation's part of its
    citation graph drawn (read off its citations and findings, no graph built)."""
    data = report_data(result, official, lang)
    svg = None
    if graph:
        from compliance.report.graph_svg import graph_svg

        svg = graph_svg(result.regulation, result.findings, result.catalog, lang)
    return ReportView(data, lang, result.regulation, svg)


def report_data(result: Any, official: Any = None, lang: str = DEFAULT_LANG) -> dict:
    """The full report dict of a check: the check's ``compliance/report@1`` dict plus the
    resolved Mengingat, the internal references that point nowhere (from the citations the
    regulation carries) and, when the official national text (a parsed ``Regulation``) is
    given, the verification of every catalog reference against it. Every output format and
    every command builds on this one dict."""
    from compliance.review.review import review_section
    from compliance.report.citations import citation_sections
    from compliance.verify import verify

    data = result.to_dict()
    data.update(citation_sections(result.regulation))
    data["reference_review"] = review_section(result.regulation)
    if official is not None:
        data["national"] = {"file": official.source.file, "sha256": official.source.sha256,
                            "verifications": [v.to_dict() for v in verify(result.catalog, official, lang)]}
    return data


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
