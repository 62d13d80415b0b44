"""``compare``, ``region`` and ``history``: regulations side by side, a region, a region over time."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from compliance.cli.common import (FORMAT_HELP, cache_options, catalog_option, context_lang, emit,
                                   evaluation_option, handles_errors, open_results_store, progress_label,
                                   report_failures, warn)
from compliance.cli_lang import LocalizedCommand
from compliance.errors import ComplianceError
from compliance.i18n import message
from compliance.output import dumps_json
from compliance.report.outputs import COMMAND_FORMATS, format_for


@click.command(cls=LocalizedCommand)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(COMMAND_FORMATS["compare"]), help=FORMAT_HELP)
@click.option("--group-by", type=click.Choice(["daerah"]), help="One column per region, combining its regulations.")
@click.option("--jobs", type=click.IntRange(min=1), help="Worker processes (default: number of cores).")
@catalog_option
@evaluation_option
@cache_options
@handles_errors
def compare(paths: tuple[Path, ...], output: Path | None, fmt: str | None, group_by: str | None, jobs: int | None,
            catalog: str, evaluation: str | None, cache_dir: Path | None, no_cache: bool) -> None:
    """Compare regulations (files or folders) side by side against the catalog."""
    from compliance.batch import default_pipeline, run_batch
    from compliance.compare import build_matrix
    from compliance.report.matrix import render_csv, render_html, render_json

    lang = context_lang(click.get_current_context())
    fmt = format_for(output, COMMAND_FORMATS["compare"], fmt)
    if output is not None:
        from compliance.output import check_output_path

        check_output_path(output, list(paths))  # fail before the work, not after
    from compliance.region.columns import daerah_columns, region_columns, wants_regions

    store = open_results_store(cache_dir, no_cache, lang)
    try:
        if group_by == "daerah" or wants_regions(list(paths)):  # one column per region, from its instruments in force
            by = daerah_columns if group_by == "daerah" else region_columns
            columns, results, refused = by(list(paths), catalog=catalog, lang=lang, jobs=jobs, store=store,
                                           evaluation=evaluation, progress=progress_label(lang))
            matrix = build_matrix(results, region_columns=columns, refused=refused)
        else:
            pipeline = default_pipeline(catalog, lang, evaluation=evaluation)
            results, refused = run_batch(paths, pipeline, jobs=jobs, store=store, keep_text=False,
                                         progress=progress_label(lang)), []
            matrix = build_matrix(results)
    finally:
        if store is not None:
            store.close()
    render = {"html": lambda m: render_html(m, lang), "csv": lambda m: render_csv(m, lang), "json": render_json}[fmt]
    emit(render(matrix), output, [f for r in results for f in r.files])
    for entry in refused:  # a folder or file that cannot be a region's column: one line each, exit 1
        click.echo(f"compliance: {message(entry['code'], lang, **entry['params'])}", err=True)
    report_failures(results)
    if refused:
        sys.exit(1)


@click.command(cls=LocalizedCommand)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write the region's report here (format from the suffix: .html .json .csv .md).")
@click.option("--format", "fmt", type=click.Choice(COMMAND_FORMATS["region"]), help=FORMAT_HELP)
@click.option("--region", "region_name", help="Assess this region when the folder holds several (e.g. \"Kota X\").")
@click.option("--evidence", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the evidence pack per indicator (index.html, bukti.csv, sumber/).")
@click.option("--jobs", type=click.IntRange(min=1), help="Worker processes (default: number of cores).")
@catalog_option
@evaluation_option
@cache_options
@handles_errors
def region(paths: tuple[Path, ...], output: Path | None, fmt: str | None, region_name: str | None,
           evidence: Path | None, jobs: int | None, catalog: str, evaluation: str | None, cache_dir: Path | None,
           no_cache: bool) -> None:
    """Assess a region from the folder of its instruments (those in force, combined)."""
    from compliance.region.command import run

    lang = context_lang(click.get_current_context())
    store = open_results_store(cache_dir, no_cache, lang)
    try:
        _, results = run(list(paths), output=output, fmt=fmt, region=region_name, evidence=evidence, jobs=jobs,
                         catalog=catalog, store=store, lang=lang, evaluation=evaluation,
                         echo=lambda text: click.echo(text, nl=False))
    finally:
        if store is not None:
            store.close()
    report_failures(results)


@click.command(cls=LocalizedCommand)
@click.argument("daerah", required=False)
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of the results store (default: $XDG_CACHE_HOME/compliance).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "html"]), default="table", show_default=True,
              help="json lists the checked regulations; html adds the region's assessments with a trend chart.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file instead of stdout.")
@handles_errors
def history(daerah: str | None, cache_dir: Path | None, fmt: str, output: Path | None) -> None:
    """A region over time: its assessments (compliance region, with a trend in html) and the regulations
    checked for it, with scores; without a region, the regions checked so far."""
    from compliance.region.history import format_history, format_regions, format_table, region_rows, render_html
    from compliance.store import open_store

    lang = context_lang(click.get_current_context())
    with open_store(cache_dir, False, warn=warn) as store:
        rows = store.history(daerah) if daerah else store.regions()
        assessments = region_rows(store, daerah) if daerah else []
    if not rows and not assessments:
        raise ComplianceError("history-empty" if daerah else "history-none", file=daerah or "")
    if fmt == "json":
        content = dumps_json(rows)
    elif fmt == "html" and daerah:
        content = render_html(assessments, rows, lang)
    elif daerah:
        content = (format_table(assessments, lang) + "\n" if assessments else "") + (
            format_history(rows, lang) if rows else "")
    else:
        content = format_regions(rows, lang)
    emit(content, output, [])

