"""What every command shares: the language of the context, one-line errors, output,
the results store and the options several commands take."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import click

from compliance.cli_lang import install_click_translation
from compliance.errors import ComplianceError
from compliance.i18n import DEFAULT_LANG, message
from compliance.locale_format import number
from compliance.output import write_output

# before any option is made: click names a path type (FILE, DIRECTORY) through gettext when it is made
install_click_translation()

FORMAT_HELP = "Output format (default: from the -o suffix; without -o the first)."


def context_lang(ctx: click.Context) -> str:
    return (ctx.find_root().obj or {}).get("lang", DEFAULT_LANG)


def catalog_option(func):
    """--catalog, shared by the commands that read the requirement catalog."""
    return click.option("--catalog", default="perpres-95-2018", show_default=True,
                        help="Requirement catalog (id or YAML).")(func)


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
            click.echo(f"compliance: {exc.message(context_lang(ctx))}", err=True)
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
            click.echo(f"compliance: {error.message(context_lang(ctx))}", err=True)
            sys.exit(1)

    return wrapper


def emit(content: str | bytes, output: Path | None, inputs: list[Path]) -> None:
    """Print to stdout (no ``-o`` or ``-o -``), or write ``output`` atomically (never over an input)."""
    write_output(content, output, inputs)


def cache_options(func):
    """--cache-dir / --no-cache, shared by the commands that use the results store."""
    func = click.option("--no-cache", is_flag=True, help="Do not read or write the results store.")(func)
    return click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
                        help="Folder of the results store (default: $XDG_CACHE_HOME/compliance).")(func)


def open_results_store(cache_dir: Path | None, no_cache: bool, lang: str):
    """The results store the --cache-dir / --no-cache options ask for (None with --no-cache)."""
    from compliance.store import open_store

    if cache_dir and no_cache:
        raise click.UsageError(message("cache-options-conflict", lang))
    return open_store(cache_dir, no_cache, warn=warn)


def evaluation_option(func):
    """--evaluation, shared by the commands whose output follows an evaluation instrument."""
    return click.option("--evaluation", help="Evaluation instrument of the indicator section (pemdi-2026, spbe-2020 "
                                             "or a YAML file; default: the one in force today).")(func)


def enforce_fail_under(scores: list, fail_under: float | None, lang: str) -> None:
    """Exit 3 when any score is below ``--fail-under`` (or could not be computed)."""
    if fail_under is None:
        return
    low = [s for s in scores if s is None or s < fail_under]
    if low:
        below = message("score-below", lang, score=number(low[0], lang), limit=number(fail_under, lang))
        click.echo(f"compliance: {below}", err=True)
        sys.exit(3)


def progress_label(lang: str) -> str | bool:
    """The batch bar's label on a terminal; False (no bar) when stderr is a pipe or a file."""
    return message("progress-files", lang) if sys.stderr.isatty() else False


def warn(exc: ComplianceError) -> None:
    """A problem that does not stop the command (a config key, a damaged store): one line on stderr."""
    click.echo(f"compliance: {exc.message(context_lang(click.get_current_context()))}", err=True)


def report_failures(results: list) -> None:
    """One line per file that could not be checked, then exit 1 if there was any."""
    failed = [r for r in results if r.error is not None]
    lang = context_lang(click.get_current_context())
    for result in failed:
        click.echo(f"compliance: {result.error.message(lang)}", err=True)
    if failed:
        click.echo(f"compliance: {message('batch-failed', lang, failed=len(failed), total=len(results))}", err=True)
        sys.exit(1)

