"""``amend`` and ``diff``: the drafting aids (the work is in ``compliance.draft``)."""

from __future__ import annotations

from pathlib import Path

import click

from compliance.cli.common import catalog_option, context_lang, emit, handles_errors
from compliance.cli_lang import LocalizedCommand
from compliance.i18n import message


@click.command(cls=LocalizedCommand)
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="The draft: .docx (Word), .md or .txt.")
@click.option("--replace", is_flag=True, help="A full replacement regulation revoking the old one, not an amendment.")
@catalog_option
@handles_errors
def amend(path: Path, output: Path, replace: bool, catalog: str) -> None:
    """Write an amendment draft (Pasal I, II) that addresses the regulation's gaps and conflicts."""
    from compliance.draft.command import amend_file

    lang = context_lang(click.get_current_context())
    count = amend_file(path, output, replace=replace, catalog=catalog, lang=lang)
    key = "amend-written" if count else "amend-no-gaps"
    click.echo(message(key, lang, file=str(path), count=count, output=str(output)))


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

