"""The ``compliance`` command: a thin shell over the library.

Every command turns a ``ComplianceError`` into one line on stderr in the
user's language and exit code 1; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import click

from compliance import __version__
from compliance.errors import ComplianceError
from compliance.cli_lang import LocalizedGroup, current_lang, install_click_translation
from compliance.i18n import DEFAULT_LANG, LANGS, message
from compliance.locale_format import number
from compliance.output import dumps_json, is_stdout, write_atomic, write_output
from compliance.report.outputs import COMMAND_FORMATS, format_for

FORMAT_HELP = "Output format (default: from the -o suffix; without -o the first)."

install_click_translation()


def _lang(ctx: click.Context) -> str:
    return (ctx.find_root().obj or {}).get("lang", DEFAULT_LANG)


def handles_errors(func):
    """Report bad input as one clean line and exit 1 (traceback only with --debug)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        ctx = click.get_current_context()
        debug = (ctx.find_root().obj or {}).get("debug", False)
        try:
            return func(*args, **kwargs)
        except ComplianceError as exc:
            if debug:
                raise
            click.echo(f"compliance: {exc.message(_lang(ctx))}", err=True)
            sys.exit(1)
        except BrokenPipeError:  # the reader went away (`| head`): stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except (click.exceptions.Exit, click.ClickException, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug, not bad input: still one line unless --debug
            if debug:
                raise
            error = ComplianceError("internal-error", file="-", reason=f"{type(exc).__name__}: {exc}")
            click.echo(f"compliance: {error.message(_lang(ctx))}", err=True)
            sys.exit(1)

    return wrapper


def emit(content: str | bytes, output: Path | None, inputs: list[Path]) -> None:
    """Print to stdout (no ``-o`` or ``-o -``), or write ``output`` atomically (never over an input)."""
    write_output(content, output, inputs)


@click.group(cls=LocalizedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="compliance")
@click.option("--lang", type=click.Choice(LANGS), default=DEFAULT_LANG, show_default=True,
              help="Language of messages and reports (id = Bahasa Indonesia; also COMPLIANCE_LANG); "
                   "before or after the command.")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def main(ctx: click.Context, lang: str, debug: bool) -> None:
    """Check Indonesian regional e-government regulations against Perpres 95/2018 (SPBE)."""
    ctx.obj = {"lang": current_lang(), "debug": debug}  # --lang read before parsing, wherever it stands
    if sys.stderr.isatty():  # OCR pages counted on a terminal, never into a pipe or a log
        from compliance import progress

        progress.attach(progress.terminal_line(sys.stderr, {"ocr": message("progress-ocr", current_lang())}))


@main.command()
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
    lang = _lang(click.get_current_context())
    if fmt == "json":
        content = dumps_json(reg.to_dict())
    elif fmt == "md":
        content = render_markdown(reg, lang)
    else:
        content = render_outline(reg, lang)
    emit(content, output, [path])


@main.command()
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
        content = dumps_json(citations_report(reg, citations, _lang(click.get_current_context())))
    else:
        content = render_citations(reg, citations, _lang(click.get_current_context()))
    emit(content, output, [path])


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(COMMAND_FORMATS["graph"]), help=FORMAT_HELP)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file instead of stdout.")
@click.option("--catalog", default="perpres-95-2018", show_default=True, help="Requirement catalog (id or YAML).")
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

            result = run_check(path, catalog, lang=_lang(click.get_current_context()))
            regulations.append(result.regulation)
            findings[regulation_key(result.regulation)] = result.findings
        else:
            regulations.append(load(path))
    built = build_graph(regulations, catalog=load_catalog(catalog), findings=findings or None)
    content = {"json": lambda g: dumps_json(to_node_link(g)), "graphml": to_graphml, "dot": to_dot,
               "gexf": to_gexf}[fmt](built)
    emit(content, output, list(paths))


def _cache_options(func):
    """--cache-dir / --no-cache, shared by the commands that use the results store."""
    func = click.option("--no-cache", is_flag=True, help="Do not read or write the results store.")(func)
    return click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
                        help="Folder of the results store (default: $XDG_CACHE_HOME/compliance).")(func)


def _open_store(cache_dir: Path | None, no_cache: bool, lang: str):
    """The results store the --cache-dir / --no-cache options ask for (None with --no-cache)."""
    from compliance.store import open_store

    if cache_dir and no_cache:
        raise click.UsageError(message("cache-options-conflict", lang))
    return open_store(cache_dir, no_cache, warn=_warn)


def _evaluation_option(func):
    """--evaluation, shared by the commands whose output follows an evaluation instrument."""
    return click.option("--evaluation", help="Evaluation instrument of the indicator section (pemdi-2026, spbe-2020 "
                                             "or a YAML file; default: the one in force today).")(func)


def _check_one(path: Path, catalog: str, official, fmt: str | None, lang: str, ocr: str = "auto",
               evaluation: str | None = None):
    """Check one file (``official``: the parsed national text, or None); return the result, the
    report dict and the report rendered in ``fmt`` (None: not rendered)."""
    from compliance import load
    from compliance.check import check as run_check
    from compliance.report import render_check

    result = run_check(load(path, ocr=ocr), catalog, lang=lang, evaluation=evaluation)
    return (result, *render_check(result, fmt, lang, official))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write the report here, its format from the suffix (.html .json .csv .md .docx); without -o "
                   "a short summary is printed. For a folder or several files: the folder for the reports (one "
                   "per file plus index.html).")
@click.option("--format", "fmt", type=click.Choice(COMMAND_FORMATS["check"]), help=FORMAT_HELP)
@click.option("--catalog", default="perpres-95-2018", show_default=True, help="Requirement catalog (id or YAML).")
@click.option("--national", type=click.Path(path_type=Path),
              help="Official PDF of the national regulation, to quote it and confirm references "
                   "(also COMPLIANCE_NATIONAL or config.toml).")
@click.option("--fail-under", type=click.FloatRange(0, 100), help="Exit with code 3 when a score is below this.")
@click.option("--jobs", type=click.IntRange(min=1), help="Worker processes for a batch (default: number of cores).")
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="OCR (tesseract) for PDF pages: those without text, all pages, or none (one file only).")
@_evaluation_option
@_cache_options
@handles_errors
def check(paths: tuple[Path, ...], output: Path | None, fmt: str | None, catalog: str, national: Path | None,
          fail_under: float | None, jobs: int | None, ocr: str, evaluation: str | None, cache_dir: Path | None,
          no_cache: bool) -> None:
    """Check a regulation (or folders of them) against the catalog and write the gap report."""
    from compliance.config import national_pdf
    from compliance.official import load_official

    lang = _lang(click.get_current_context())
    national = national_pdf(national, warn=_warn)
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
    store = _open_store(cache_dir, no_cache, lang)
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
    _enforce_fail_under([result.score], fail_under, lang)


def _enforce_fail_under(scores: list, fail_under: float | None, lang: str) -> None:
    """Exit 3 when any score is below ``--fail-under`` (or could not be computed)."""
    if fail_under is None:
        return
    low = [s for s in scores if s is None or s < fail_under]
    if low:
        below = message("score-below", lang, score=number(low[0], lang), limit=number(fail_under, lang))
        click.echo(f"compliance: {below}", err=True)
        sys.exit(3)


def _check_batch(paths, output, fmt, catalog, national, fail_under, jobs, cache_dir, no_cache, lang,
                 evaluation=None) -> None:
    """``check DIR -o laporan/``: one report per file plus index.html, in parallel, past bad files."""
    from compliance.batch import default_pipeline, report_score
    from compliance.report_folder import check_many

    if is_stdout(output):
        raise click.UsageError(message("batch-needs-output-dir", lang))
    store = _open_store(cache_dir, no_cache, lang)
    try:
        results = check_many(paths, output, default_pipeline(catalog, lang, national, evaluation), fmt=fmt, lang=lang,
                             jobs=jobs, store=store, progress=progress_label(lang))
    finally:
        if store is not None:
            store.close()
    click.echo(message("batch-written", lang, count=sum(r.report is not None for r in results),
                       folder=str(output / "index.html")))
    report_failures(results)
    _enforce_fail_under([report_score(r.report) for r in results if r.report is not None], fail_under, lang)


@main.group()
def rules() -> None:
    """The requirement catalog: list it, or verify it against the official text."""


@rules.command("list")
@click.option("--catalog", default="perpres-95-2018", show_default=True, help="Requirement catalog (id or YAML).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--evaluation", help="List this evaluation instrument's indicators instead (pemdi-2026, spbe-2020).")
@handles_errors
def rules_list(catalog: str, fmt: str, evaluation: str | None) -> None:
    """Print the catalog: id, title, basis (as precise as known), indicators."""
    from compliance.catalog import load_catalog

    lang = _lang(click.get_current_context())
    cat = load_catalog(catalog)
    if evaluation is not None:
        from compliance.evaluation import load_evaluation
        from compliance.report.evaluation import indicator_listing, render_listing

        listing = indicator_listing(load_evaluation(evaluation, cat), cat, lang)
        click.echo(dumps_json(listing) if fmt == "json" else render_listing(listing, lang), nl=False)
        return
    rows = [{"id": e.id, "group": e.group, "title": e.title_in(lang), "basis": e.basis.printable(lang),
             "basis_confidence": e.basis.confidence, "indicators": list(e.indicators)} for e in cat.entries]
    if fmt == "json":
        click.echo(dumps_json({"catalog": cat.info(lang), "requirements": rows}), nl=False)
        return
    click.echo(f"{cat.info(lang)['title']} — {len(rows)}")
    width = max(len(r["id"]) for r in rows)
    for r in rows:
        indicators = ",".join(str(i) for i in r["indicators"]) or "-"
        click.echo(f"{r['id']:<{width}}  {r['title']}  [{r['basis']}; {r['basis_confidence']}]  ({indicators})")


@rules.command("verify")
@click.argument("national", type=click.Path(path_type=Path))
@click.option("--catalog", default="perpres-95-2018", show_default=True, help="Requirement catalog (id or YAML).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@handles_errors
def rules_verify(national: Path, catalog: str, fmt: str) -> None:
    """Are the catalog's article references in the official text? Exit 2 if any is not confirmed."""
    from compliance.catalog import load_catalog
    from compliance.official import load_official
    from compliance.verify import ANCHORS_MISSING, ARTICLE_MISSING, verify

    lang = _lang(click.get_current_context())
    cat = load_catalog(catalog)
    results = verify(cat, load_official(national, cat), lang)
    if fmt == "json":
        click.echo(dumps_json([v.to_dict() for v in results]), nl=False)
    else:
        for v in results:
            extra = f" — {', '.join(v.anchors_missing)}" if v.anchors_missing else ""
            click.echo(f"{v.requirement:<30} {v.reference:<40} {message('verify-' + v.status, lang)}{extra}")
    if any(v.status in (ANCHORS_MISSING, ARTICLE_MISSING) for v in results):
        sys.exit(2)


@rules.command("verify-evaluation")
@click.argument("official", type=click.Path(path_type=Path))
@click.option("--evaluation", default="pemdi-2026", show_default=True, help="The instrument the text should be.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@handles_errors
def rules_verify_evaluation(official: Path, evaluation: str, fmt: str) -> None:
    """Confirm an instrument's identity, indicator names and weights against its official text; exit 2 on a difference."""
    from compliance import load
    from compliance.evaluation import load_evaluation
    from compliance.report.evaluation import render_verification
    from compliance.verify_evaluation import all_confirmed, verify_evaluation

    lang = _lang(click.get_current_context())
    checks = verify_evaluation(load_evaluation(evaluation), load(official))
    click.echo(dumps_json([c.to_dict() for c in checks]) if fmt == "json" else render_verification(checks, lang), nl=False)
    if not all_confirmed(checks):
        sys.exit(2)


@main.command()
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("laporan"),
              show_default=True, help="Folder for the reports (created if missing).")
@handles_errors
def demo(out_dir: Path) -> None:
    """Check the bundled sample regulations and write their reports (HTML and JSON)."""
    from compliance.report import render_result
    from compliance.resources import data_dir

    lang = _lang(click.get_current_context())
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


def progress_label(lang: str) -> str | bool:
    """The batch bar's label on a terminal; False (no bar) when stderr is a pipe or a file."""
    return message("progress-files", lang) if sys.stderr.isatty() else False


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="The draft: .docx (Word), .md or .txt.")
@click.option("--replace", is_flag=True, help="A full replacement regulation revoking the old one, not an amendment.")
@click.option("--catalog", default="perpres-95-2018", show_default=True, help="Requirement catalog (id or YAML).")
@handles_errors
def amend(path: Path, output: Path, replace: bool, catalog: str) -> None:
    """Write an amendment draft (Pasal I, II) that addresses the regulation's gaps and conflicts."""
    from compliance.draft.command import amend_file

    lang = _lang(click.get_current_context())
    count = amend_file(path, output, replace=replace, catalog=catalog, lang=lang)
    key = "amend-written" if count else "amend-no-gaps"
    click.echo(message(key, lang, file=str(path), count=count, output=str(output)))


@main.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file (.html, .json, .md) instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(["html", "json", "md"]), help="Default: from the -o suffix, else md.")
@click.option("--catalog", default="perpres-95-2018", show_default=True, help="Requirement catalog (id or YAML).")
@handles_errors
def diff(old: Path, new: Path, output: Path | None, fmt: str | None, catalog: str) -> None:
    """Compare two drafts: articles added, removed, changed (word by word), and each requirement's status."""
    from compliance import load
    from compliance.draft.diff import diff as compare_drafts
    from compliance.draft.diff_render import render

    lang = _lang(click.get_current_context())
    suffix = output.suffix.lower().lstrip(".") if output else ""
    fmt = fmt or (suffix if suffix in ("html", "json", "md") else "md")
    if output is not None:
        from compliance.output import check_output_path

        check_output_path(output, [old, new])
    result = compare_drafts(load(old), load(new), catalog, lang)
    if result["unrelated"]:
        click.echo(f"compliance: {message('diff-unrelated', lang, share=round(result['aligned_share'] * 100))}", err=True)
    emit(render(result, fmt, lang), output, [old, new])


def _warn(exc: ComplianceError) -> None:
    click.echo(f"compliance: {exc.message(_lang(click.get_current_context()))}", err=True)


def report_failures(results: list) -> None:
    """One line per file that could not be checked, then exit 1 if there was any."""
    failed = [r for r in results if r.error is not None]
    lang = _lang(click.get_current_context())
    for result in failed:
        click.echo(f"compliance: {result.error.message(lang)}", err=True)
    if failed:
        click.echo(f"compliance: {message('batch-failed', lang, failed=len(failed), total=len(results))}", err=True)
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(COMMAND_FORMATS["compare"]), help=FORMAT_HELP)
@click.option("--group-by", type=click.Choice(["daerah"]), help="One column per region, combining its regulations.")
@click.option("--jobs", type=click.IntRange(min=1), help="Worker processes (default: number of cores).")
@click.option("--catalog", default="perpres-95-2018", show_default=True, help="Requirement catalog (id or YAML).")
@_evaluation_option
@_cache_options
@handles_errors
def compare(paths: tuple[Path, ...], output: Path | None, fmt: str | None, group_by: str | None, jobs: int | None,
            catalog: str, evaluation: str | None, cache_dir: Path | None, no_cache: bool) -> None:
    """Compare regulations (files or folders) side by side against the catalog."""
    from compliance.batch import default_pipeline, run_batch
    from compliance.compare import build_matrix, render_csv, render_html, render_json

    lang = _lang(click.get_current_context())
    fmt = format_for(output, COMMAND_FORMATS["compare"], fmt)
    if output is not None:
        from compliance.output import check_output_path

        check_output_path(output, list(paths))  # fail before the work, not after
    from compliance.region.columns import daerah_columns, region_columns, wants_regions

    store = _open_store(cache_dir, no_cache, lang)
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


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write the region's report here (format from the suffix: .html .json .csv .md).")
@click.option("--format", "fmt", type=click.Choice(COMMAND_FORMATS["region"]), help=FORMAT_HELP)
@click.option("--region", "region_name", help="Assess this region when the folder holds several (e.g. \"Kota X\").")
@click.option("--evidence", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the evidence pack per indicator (index.html, bukti.csv, sumber/).")
@click.option("--jobs", type=click.IntRange(min=1), help="Worker processes (default: number of cores).")
@click.option("--catalog", default="perpres-95-2018", show_default=True, help="Requirement catalog (id or YAML).")
@_evaluation_option
@_cache_options
@handles_errors
def region(paths: tuple[Path, ...], output: Path | None, fmt: str | None, region_name: str | None,
           evidence: Path | None, jobs: int | None, catalog: str, evaluation: str | None, cache_dir: Path | None,
           no_cache: bool) -> None:
    """Assess a region from the folder of its instruments (those in force, combined)."""
    from compliance.region.command import run

    lang = _lang(click.get_current_context())
    store = _open_store(cache_dir, no_cache, lang)
    try:
        _, results = run(list(paths), output=output, fmt=fmt, region=region_name, evidence=evidence, jobs=jobs,
                         catalog=catalog, store=store, lang=lang, evaluation=evaluation,
                         echo=lambda text: click.echo(text, nl=False))
    finally:
        if store is not None:
            store.close()
    report_failures(results)


@main.command()
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
    from compliance.region.history import format_table, region_rows, render_html
    from compliance.store import format_history, format_regions, open_store

    lang = _lang(click.get_current_context())
    with open_store(cache_dir, False, warn=_warn) as store:
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


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but 127.0.0.1/localhost needs --password-file.")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
@click.option("--password-file", type=click.Path(dir_okay=False, path_type=Path),
              help="File whose first line is the password (HTTP Basic, or 'Authorization: Bearer' for the API).")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for uploads, jobs and reports (default: $XDG_DATA_HOME/compliance/web).")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of the results store (default: $XDG_CACHE_HOME/compliance, as check and compare).")
@click.option("--max-upload-mb", type=click.IntRange(min=1), default=50, show_default=True,
              help="Largest file accepted; a larger upload is answered with 413.")
@click.option("--workers", type=click.IntRange(min=1), help="Checks at once (default: number of cores).")
@click.option("--job-timeout", type=click.FloatRange(min=1), default=900, show_default=True,
              help="Seconds one stage of a check may take before its worker is stopped and the job failed.")
@click.option("--national", type=click.Path(path_type=Path),
              help="Official PDF of Perpres 95/2018 to quote (also COMPLIANCE_NATIONAL or config.toml).")
@click.option("--no-browser", is_flag=True, help="Do not open the page in a browser.")
@handles_errors
def serve(host: str, port: int, password_file: Path | None, data_dir: Path | None, cache_dir: Path | None,
          max_upload_mb: int, workers: int | None, job_timeout: float, national: Path | None,
          no_browser: bool) -> None:
    """Run the web app (upload, reports, comparison, history, catalog, JSON API)."""
    from compliance.config import national_pdf
    from compliance.web.server import run

    run(host=host, port=port, password_file=password_file, data_dir=data_dir, cache_dir=cache_dir,
        max_upload_mb=max_upload_mb, workers=workers, job_timeout=job_timeout,
        national=national_pdf(national, warn=_warn), open_browser=not no_browser, lang=_lang(click.get_current_context()))


if __name__ == "__main__":
    main()
