"""``rules``: the requirement catalog, listed or verified against the official texts."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from compliance.cli.common import catalog_option, context_lang, handles_errors
from compliance.cli_lang import LocalizedGroup
from compliance.i18n import message
from compliance.output import dumps_json


@click.group(cls=LocalizedGroup)
def rules() -> None:
    """The requirement catalog: list it, or verify it against the official text."""


@rules.command("list")
@catalog_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--evaluation", help="List this evaluation instrument's indicators instead (pemdi-2026, spbe-2020).")
@handles_errors
def rules_list(catalog: str, fmt: str, evaluation: str | None) -> None:
    """Print the catalog: id, title, basis (as precise as known), indicators."""
    from compliance.catalog import load_catalog

    lang = context_lang(click.get_current_context())
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
@catalog_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@handles_errors
def rules_verify(national: Path, catalog: str, fmt: str) -> None:
    """Are the catalog's article references in the official text? Exit 2 if any is not confirmed."""
    from compliance.catalog import load_catalog
    from compliance.official import load_official
    from compliance.verify import ANCHORS_MISSING, ARTICLE_MISSING, verify

    lang = context_lang(click.get_current_context())
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

    lang = context_lang(click.get_current_context())
    checks = verify_evaluation(load_evaluation(evaluation), load(official))
    click.echo(dumps_json([c.to_dict() for c in checks]) if fmt == "json" else render_verification(checks, lang), nl=False)
    if not all_confirmed(checks):
        sys.exit(2)

