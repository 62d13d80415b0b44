"""``check`` (one file, or a batch into a folder) and ``demo``."""

from __future__ import annotations

from pathlib import Path

import click

from compliance.cli.common import (FORMAT_HELP, cache_options, catalog_option, context_lang, emit,
                                   enforce_fail_under, evaluation_option, handles_errors, open_results_store,
                                   progress_label, report_failures, warn)
from compliance.cli_lang import LocalizedCommand
from compliance.errors import ComplianceError
from compliance.i18n import message
from compliance.locale_format import number
from compliance.output import is_stdout, write_atomic
from compliance.report.outputs import COMMAND_FORMATS, format_for


def _check_one(path: Path, catalog: str, official, fmt: str | None, lang: str, ocr: str = "auto",
               evaluation: str | None = None):
    """Check one file (``official``: the parsed national text, or None); return the result, the
    report dict and the report rendered in ``fmt`` (None: not rendered)."""
    from compliance import load
    from compliance.check import check as run_check
    from compliance.report import render_check

    result = run_check(load(path, ocr=ocr), catalog, lang=lang, evaluation=evaluation)
    return (result, *render_check(result, fmt, lang, official))


@click.command(cls=LocalizedCommand)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write the report here, its format from the suffix (.html .json .csv .md .docx); without -o "
                   "a short summary is printed. For a folder or several files: the folder for the reports (one "
                   "per file plus index.html).")
@click.option("--format", "fmt", type=click.Choice(COMMAND_FORMATS["check"]), help=FORMAT_HELP)
@catalog_option
@click.option("--national", type=click.Path(path_type=Path),
              help="Official PDF of the national regulation, to quote it and confirm references "
                   "(also COMPLIANCE_NATIONAL or config.toml).")
@click.option("--fail-under", type=click.FloatRange(0, 100), help="Exit with code 3 when a score is below this.")
@click.option("--jobs", type=click.IntRange(min=1), help="Worker processes for a batch (default: number of cores).")
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="OCR (tesseract) for PDF pages: those without text, all pages, or none (one file only).")
@evaluation_option
@cache_options
@handles_errors
def check(paths: tuple[Path, ...], output: Path | None, fmt: str | None, catalog: str, national: Path | None,
          fail_under: float | None, jobs: int | None, ocr: str, evaluation: str | None, cache_dir: Path | None,
          no_cache: bool) -> None:
    """Check a regulation (or folders of them) against the catalog and write the gap report."""
    from compliance.config import national_pdf
    from compliance.official import load_official

    lang = context_lang(click.get_current_context())
    national = national_pdf(national, warn=warn)
    official = load_official(national, catalog) if national is not None else None  # the right act, before any work
    if len(paths) > 1 or paths[0].is_dir():
        if ocr != "auto":  # the store keeps one parse per file: it cannot hold one per OCR mode
            raise click.UsageError(message("batch-ocr-auto-only", lang))
        _check_batch(paths, output, fmt or "html", catalog, national, fail_under, jobs, cache_dir, no_cache, lang,
                     evaluation)
        return
    path = paths[0]
    inputs = [path] + ([national] if national else [])
    summary_only = output is None and fmt is None  # a terminal gets the summary, not 1 000 lines of HTML
    fmt = format_for(output, COMMAND_FORMATS["check"], fmt)
    if output is not None:
        from compliance.output import check_output_path

        check_output_path(output, inputs)  # fail before the work, not after
    store = open_results_store(cache_dir, no_cache, lang)
    try:
        from compliance.report.memo import summary_text

        result, data, content = _check_one(path, catalog, official, None if summary_only else fmt, lang, ocr,
                                           evaluation)
        if content is not None:
            emit(content, output, inputs)
        if summary_only or not is_stdout(output):  # with -o - stdout holds the report alone
            emit(summary_text(data, lang, None if is_stdout(output) else str(output)), None, [])
        if store is not None:  # a single check is kept in the history too (`compliance history DAERAH`)
            from compliance.batch import default_pipeline, history_row

            row = history_row(result.regulation.metadata.to_dict(), path.name, result.regulation.source.sha256,
                              result.score)
            store.record_checks([row], default_pipeline(catalog, lang, national, evaluation).catalog_key)
    finally:
        if store is not None:
            store.close()
    enforce_fail_under([result.score], fail_under, lang)


def _check_batch(paths, output, fmt, catalog, national, fail_under, jobs, cache_dir, no_cache, lang,
                 evaluation=None) -> None:
    """``check DIR -o laporan/``: one report per file plus index.html, in parallel, past bad files."""
    from compliance.batch import default_pipeline, report_score
    from compliance.report_folder import check_many

    if is_stdout(output):
        raise click.UsageError(message("batch-needs-output-dir", lang))
    store = open_results_store(cache_dir, no_cache, lang)
    try:
        pipeline = default_pipeline(catalog, lang, national, evaluation, graph=fmt == "html")
        results = check_many(paths, output, pipeline, fmt=fmt, lang=lang,
                             jobs=jobs, store=store, progress=progress_label(lang))
    finally:
        if store is not None:
            store.close()
    click.echo(message("batch-written", lang, count=sum(r.report is not None for r in results),
                       folder=str(output / "index.html")))
    report_failures(results)
    enforce_fail_under([report_score(r.report) for r in results if r.report is not None], fail_under, lang)


@click.command(cls=LocalizedCommand)
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("laporan"),
              show_default=True, help="Folder for the reports (created if missing).")
@handles_errors
def demo(out_dir: Path) -> None:
    """Check the bundled sample regulations and write their reports (HTML and JSON)."""
    from compliance.report import render_result
    from compliance.resources import data_dir

    lang = context_lang(click.get_current_context())
    samples = sorted(data_dir("examples").glob("*.pdf"))
    if not samples:
        raise ComplianceError("demo-no-samples", file=str(data_dir("examples")))
    out_dir.mkdir(parents=True, exist_ok=True)
    for sample in samples:
        result, _, html = _check_one(sample, "perpres-95-2018", None, "html", lang)
        write_atomic(out_dir / f"{sample.stem}.html", html, [sample])
        write_atomic(out_dir / f"{sample.stem}.json", render_result(result, "json", lang), [sample])
        from compliance.report.labels import LABELS

        status_names = LABELS[lang]["status"]
        counts = result.summary.get("counts", {})
        summary = ", ".join(f"{status_names[k]} {v}" for k, v in counts.items() if v)
        click.echo(f"{sample.name}: {message('demo-score', lang, score=number(result.score, lang))} ({summary}) -> "
                   f"{out_dir / (sample.stem + '.html')}")

