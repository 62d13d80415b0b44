"""The ``compliance`` command: a thin shell over the library.

Every command turns a ``ComplianceError`` into one line on stderr in the
user's language and exit code 1; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from compliance import __version__
from compliance.errors import ComplianceError
from compliance.i18n import DEFAULT_LANG, LANGS, message
from compliance.output import dumps_json, write_atomic


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
        except (click.exceptions.Exit, click.ClickException, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug, not bad input: still one line unless --debug
            if debug:
                raise
            reason = f"{type(exc).__name__}: {exc}"
            click.echo(f"compliance: {message('internal-error', _lang(ctx), file='-', reason=reason)}", err=True)
            sys.exit(1)

    return wrapper


def emit(content: str, output: Path | None, inputs: list[Path]) -> None:
    """Print to stdout, or write ``output`` atomically (never over an input)."""
    if output is None:
        click.echo(content, nl=False)
    else:
        write_atomic(output, content, inputs)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="compliance")
@click.option("--lang", type=click.Choice(LANGS), default=DEFAULT_LANG, show_default=True,
              help="Language of messages and reports (id = Bahasa Indonesia).")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def main(ctx: click.Context, lang: str, debug: bool) -> None:
    """Check Indonesian regional e-government regulations against Perpres 95/2018 (SPBE)."""
    ctx.obj = {"lang": lang, "debug": debug}


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["outline", "json", "md"]), default="outline", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file instead of stdout.")
@handles_errors
def parse(path: Path, fmt: str, output: Path | None) -> None:
    """Parse a regulation (PDF, DOCX, TXT) into its legal structure."""
    from compliance import load
    from compliance.outline import render_markdown, render_outline

    reg = load(path)
    if fmt == "json":
        content = dumps_json(reg.to_dict())
    elif fmt == "md":
        content = render_markdown(reg)
    else:
        content = render_outline(reg)
    emit(content, output, [path])


if __name__ == "__main__":
    main()
