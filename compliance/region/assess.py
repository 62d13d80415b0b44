"""Assess a region from a folder of its instruments: the ``compliance/region@1`` dict.

Reading goes through the batch (parallel workers, the results store, a bad file
reported and the rest assessed); the region's combination runs afterwards in this
process, where all instruments are known.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path
from typing import Any, Iterable

from compliance.batch import FileResult, Pipeline, default_pipeline, run_batch
from compliance.errors import ComplianceError
from compliance.region.combine import combined_findings
from compliance.region.facts import INSTRUMENT_SCHEMA, instrument_report
from compliance.region.identity import parse_region
from compliance.region.instruments import Instrument, choose_region, make_instrument, place_in_force
from compliance.region.levels import as_findings, region_evaluation
from compliance.region.places import place_text
from compliance.regulation_json import regulation_from_json
from compliance.store import Store

REGION_SCHEMA = "compliance/region@1"


def region_pipeline(catalog: str | Path = "perpres-95-2018", lang: str = "id",
                    evaluation: str | None = None) -> Pipeline:
    """The batch pipeline whose per-file result is an instrument report (stored apart
    from the single-file reports by its catalog key); ``evaluation`` is fixed here as for
    a batch of checks (default: the instrument in force today)."""
    base = default_pipeline(catalog, lang, evaluation=evaluation)
    catalog_path = base.check.args[0]  # default_pipeline resolved the catalog id to its file
    return dataclasses.replace(base, check=functools.partial(instrument_report, catalog_path, lang),
                               catalog_key=f"{base.catalog_key}:{INSTRUMENT_SCHEMA}", links=None)


def assess(inputs: Iterable[Path], *, region: str | None = None, catalog: str | Path = "perpres-95-2018",
           lang: str = "id", evaluation: str | None = None, jobs: int | None = None, store: Store | None = None,
           progress: bool | None = None) -> tuple[dict[str, Any], list[FileResult]]:
    """The region@1 assessment of the instruments under ``inputs``, and the batch results
    (whose errors the caller reports). Raises ``ComplianceError`` when no single region
    can be assessed."""
    pipeline = region_pipeline(catalog, lang, evaluation)
    results = run_batch(inputs, pipeline, jobs=jobs, store=store, progress=progress)
    return assess_results(results, pipeline, region=region, lang=lang, evaluation=evaluation, store=store), results


def assess_results(results: list[FileResult], pipeline: Pipeline, *, region: str | None = None, lang: str = "id",
                   evaluation: str | None = None, store: Store | None = None) -> dict[str, Any]:
    """Combine batch results (instrument reports) into the region@1 dict."""
    from compliance.catalog import load_catalog
    from compliance.check import choose_evaluation

    catalog_path = pipeline.check.args[0]
    instruments = [make_instrument([str(p) for p in r.files], r.sha256, r.report)
                   for r in results if r.report is not None]
    failed = [r for r in results if r.error is not None]
    wanted = parse_region(region) if region else None
    try:
        key, display = choose_region(instruments, wanted)
    except ComplianceError as exc:
        if exc.code == "region-none" and failed:
            raise ComplianceError("region-none-readable", failed=len(failed),
                                  files=", ".join(str(r.path) for r in failed)) from exc
        raise
    notes = place_in_force(instruments, key)
    catalog = load_catalog(catalog_path)
    instrument = choose_evaluation(catalog, evaluation)  # the one asked for, else the one in force today
    members = [(i, _effective_report(i, pipeline, lang, store)) for i in instruments if i.in_force]
    members.sort(key=lambda m: m[0].sort_key())
    combined = combined_findings(members, catalog, lang)
    from compliance.score import summary as make_summary

    summary = make_summary(as_findings(combined), catalog, lang)
    about, indicators = region_evaluation(combined, instrument, lang) if instrument else (None, [])
    summary["indicator_levels"] = [{"no": i["no"], "name": i["name"], "indicated_level": i["indicated_level"]}
                                   for i in indicators]
    summary["instruments_in_force"] = len(members)
    return {
        "schema": REGION_SCHEMA,
        "lang": lang,
        "region": {"name": display, "level": key.level, "key": key.slug(), "label": key.label(display)},
        "catalog": catalog.info(lang),
        "evaluation": about,
        "instruments": [_instrument_row(i, lang) for i in sorted(instruments, key=_listing_order)],
        "findings": combined,
        "summary": summary,
        "indicators": indicators,
        "notes": [{**n, "place": place_text(n["place"], lang)} for n in notes],
        "failed": [{"files": [str(p) for p in r.files], "code": r.error.code, "message": r.error.message(lang)}
                   for r in failed],
    }


def _listing_order(instrument: Instrument) -> tuple:
    return (not instrument.in_force, instrument.status, instrument.sort_key())


def _effective_report(instrument: Instrument, pipeline: Pipeline, lang: str, store: Store | None) -> dict[str, Any]:
    """The instrument's report, matched again without the articles an amendment replaced
    (kept in the store under its own key, so a warm run does not match it again)."""
    if not instrument.superseded:
        return instrument.report
    import json

    from compliance import load

    key = f"{pipeline.catalog_key}:without:{','.join(instrument.superseded)}"
    cached = store.get_report(instrument.sha256, key) if store is not None else None
    if cached is not None:
        return cached
    stored = store.get_regulation_json(instrument.sha256) if store is not None else None
    regulation = regulation_from_json(stored) if stored else load(instrument.file)
    gone = set(instrument.superseded)
    regulation.articles = [a for a in regulation.articles if a.parent is not None or a.label not in gone]
    report = instrument_report(pipeline.check.args[0], lang, regulation)
    if store is not None:
        store.put(instrument.sha256, key, None, json.dumps(report, ensure_ascii=False, sort_keys=True))
    return report


def _instrument_row(instrument: Instrument, lang: str) -> dict[str, Any]:
    from compliance.i18n import message

    m = instrument.metadata
    row = {
        "file": instrument.file,
        "files": list(instrument.files),
        "sha256": instrument.sha256,
        "label": instrument.label,
        "jenis": m.get("jenis"),
        "jenis_kode": m.get("jenis_kode"),
        "nomor": m.get("nomor"),
        "tahun": m.get("tahun"),
        "tentang": m.get("tentang"),
        "ditetapkan": m.get("ditetapkan"),
        "region": instrument.region.label(instrument.region_name) if instrument.region else None,
        "in_force": instrument.in_force,
        "status": instrument.status,
        "revoked_by": _with_place(instrument.revoked_by, lang),
        "amended_by": [_with_place(a, lang) for a in instrument.amended_by],
        "superseded_articles": list(instrument.superseded),
    }
    params: dict[str, Any] = {"region": row["region"] or "-"}
    if instrument.revoked_by:
        r = row["revoked_by"]
        params.update(by=r["instrument"], place=r["place"], quote=r["quote"])
    if instrument.superseded and instrument.in_force:
        params.update(articles=", ".join(instrument.superseded),
                      by="; ".join(a["instrument"] for a in row["amended_by"]))
        row["reason"] = message("region-reason-amended", lang, **params)
    else:
        row["reason"] = message(f"region-reason-{instrument.status}", lang, **params)
    return row


def _with_place(source: dict[str, Any] | None, lang: str) -> dict[str, Any] | None:
    return None if source is None else {**source, "place": place_text(source["place"], lang)}
