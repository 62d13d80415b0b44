"""``amend`` and ``diff``: the drafting aids (the work is in ``compliance.draft``)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from compliance.cli.common import catalog_option, context_lang, emit, handles_errors
from compliance.cli_lang import LocalizedCommand
from compliance.i18n import message


@click.command(cls=LocalizedCommand)
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="The draft: .docx (Word), .md or .txt; - for stdout (Markdown unless --format).")
@click.option("--format", "fmt", type=click.Choice(["docx", "md", "txt"]), help="Default: from the -o suffix.")
@click.option("--replace", is_flag=True, help="A full replacement regulation revoking the old one, not an amendment.")
@catalog_option
@handles_errors
def amend(path: Path, output: Path, fmt: str | None, replace: bool, catalog: str) -> None:
    """Write an amendment draft (Pasal I, II; diktum for a Keputusan) that addresses the gaps; exit 3 when none."""
    from compliance.draft.command import NOTHING_TO_DRAFT, amend_file
    from compliance.output import is_stdout

    lang = context_lang(click.get_current_context())
    made = amend_file(path, output, replace=replace, catalog=catalog, lang=lang, fmt=fmt)
    if made.draft is not None:
        shown = message("stdout-name", lang) if is_stdout(output) else str(output)
        click.echo(message("amend-written", lang, count=len(made.changes), output=shown), err=is_stdout(output))
        return
    extra = {"gaps": ", ".join(made.outside), "kd": made.kepala_daerah} if made.reason == "outside-subject" else {}
    click.echo(f"compliance: {message('amend-' + made.reason, lang, file=str(path), **extra)}", err=True)
    sys.exit(NOTHING_TO_DRAFT)


@click.command(cls=LocalizedCommand)
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file (.html, .json, .md) instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(["html", "json", "md"]), help="Default: from the -o suffix, else md.")
@catalog_option
@handles_errors
def diff(old: Path, new: Path, output: Path | None, fmt: str | None, catalog: str) -> None:
    """Compare two drafts: articles added, removed, changed (word by word), and each requirement's status."""
    from compliance import load
    from compliance.draft.diff import diff as compare_drafts
    from compliance.draft.diff_render import render

    lang = context_lang(click.get_current_context())
    suffix = output.suffix.lower().lstrip(".") if output else ""
    fmt = fmt or (suffix if suffix in ("html", "json", "md") else "md")
    if output is not None:
        from compliance.output import check_output_path

        check_output_path(output, [old, new])
    result = compare_drafts(load(old), load(new), catalog, lang)
    if result["unrelated"]:
        click.echo(f"compliance: {message('diff-unrelated', lang, share=round(result['aligned_share'] * 100))}", err=True)
    emit(render(result, fmt, lang), output, [old, new])

