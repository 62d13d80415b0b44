"""What ``compliance region`` does, apart from reading its options (the CLI stays thin)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from compliance.batch import FileResult
from compliance.i18n import message
from compliance.output import check_output_path, write_atomic
from compliance.region.render import FORMATS, render
from compliance.store import Store


def run(paths: list[Path], *, output: Path | None, fmt: str | None, region: str | None, evidence: Path | None,
        jobs: int | None, catalog: str, store: Store | None, lang: str, evaluation: str | None = None,
        echo: Callable[[str], None]) -> tuple[dict[str, Any], list[FileResult]]:
    """Assess, write the report (stdout when no ``-o``) and the evidence pack, record the
    assessment in the store's history; return the assessment and the batch results."""
    from compliance.region.assess import assess, region_pipeline
    from compliance.region.evidence import write_pack
    from compliance.region.history import record

    from compliance.report.outputs import format_for

    fmt = format_for(output, FORMATS, fmt)  # an unknown suffix is refused before any work
    if output is not None and str(output) == "-":
        output = None
    if output is not None:
        check_output_path(output, paths)
    assessment, results = assess(paths, region=region, catalog=catalog, lang=lang, evaluation=evaluation,
                                 jobs=jobs, store=store)
    content = render(assessment, fmt, lang)
    sources = [f for r in results for f in r.files]
    label = assessment["region"]["label"]
    if output is None and evidence is None:
        echo(content)
    elif output is not None:
        write_atomic(output, content, sources)
        echo(message("region-written", lang, region=label, file=str(output)) + "\n")
    if evidence is not None:
        index = write_pack(assessment, evidence, lang)
        echo(message("region-evidence-written", lang, region=label, file=str(index)) + "\n")
    if store is not None:
        record(store, assessment, region_pipeline(catalog, lang, evaluation).catalog_key)
    return assessment, results
