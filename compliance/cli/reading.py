"""``parse``, ``cite`` and ``graph``: what a regulation holds, before any check."""

from __future__ import annotations

from pathlib import Path

import click

from compliance.cli.common import FORMAT_HELP, catalog_option, context_lang, emit, handles_errors
from compliance.cli_lang import LocalizedCommand
from compliance.output import dumps_json
from compliance.report.outputs import COMMAND_FORMATS, format_for


@click.command(cls=LocalizedCommand)
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(COMMAND_FORMATS["parse"]), help=FORMAT_HELP)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file instead of stdout.")
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="OCR (tesseract) for PDF pages: those without text, all pages, or none.")
@handles_errors
def parse(path: Path, fmt: str | None, output: Path | None, ocr: str) -> None:
    """Parse a regulation (PDF, DOCX, TXT) into its legal structure."""
    from compliance import load
    from compliance.outline import render_markdown, render_outline

    fmt = format_for(output, COMMAND_FORMATS["parse"], fmt)
    reg = load(path, ocr=ocr)
    lang = context_lang(click.get_current_context())
    if fmt == "json":
        content = dumps_json(reg.to_dict())
    elif fmt == "md":
        content = render_markdown(reg, lang)
    else:
        content = render_outline(reg, lang)
    emit(content, output, [path])


@click.command(cls=LocalizedCommand)
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(COMMAND_FORMATS["cite"]), help=FORMAT_HELP)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file instead of stdout.")
@handles_errors
def cite(path: Path, fmt: str | None, output: Path | None) -> None:
    """List every citation in a regulation: resolved id, relation and place, or why not resolved."""
    from compliance import load
    from compliance.cite import citations_report, render_citations

    fmt = format_for(output, COMMAND_FORMATS["cite"], fmt)
    reg = load(path)  # its citations are found, their dangling-reference warnings added
    citations = reg.citations
    if fmt == "json":
        content = dumps_json(citations_report(reg, citations, context_lang(click.get_current_context())))
    else:
        content = render_citations(reg, citations, context_lang(click.get_current_context()))
    emit(content, output, [path])


@click.command(cls=LocalizedCommand)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(COMMAND_FORMATS["graph"]), help=FORMAT_HELP)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file instead of stdout.")
@catalog_option
@click.option("--findings", "with_findings", is_flag=True, help="Also run the check and add its satisfies links.")
@handles_errors
def graph(paths: tuple[Path, ...], fmt: str | None, output: Path | None, catalog: str, with_findings: bool) -> None:
    """Export the citation graph of one or more regulations (with the catalog) as JSON, GraphML, DOT or GEXF."""
    from compliance import load
    from compliance.catalog import load_catalog
    from compliance.cite import regulation_key
    from compliance.graph import build_graph, to_dot, to_gexf, to_graphml, to_node_link

    fmt = format_for(output, COMMAND_FORMATS["graph"], fmt)

    regulations, findings = [], {}
    for path in paths:
        if with_findings:
            from compliance.check import check as run_check

            result = run_check(path, catalog, lang=context_lang(click.get_current_context()))
            regulations.append(result.regulation)
            findings[regulation_key(result.regulation)] = result.findings
        else:
            regulations.append(load(path))
    built = build_graph(regulations, catalog=load_catalog(catalog), findings=findings or None)
    content = {"json": lambda g: dumps_json(to_node_link(g)), "graphml": to_graphml, "dot": to_dot,
               "gexf": to_gexf}[fmt](built)
    emit(content, output, list(paths))
