"""What a worker process does for one uploaded file: the same library calls as
``compliance check`` (load, check, render_result per format), the same results
store, and the job's stage written to the job book as it goes.

The upload sits under a generated name; the regulation keeps the name the user
gave, so the report (and its JSON) is the one the CLI writes for that file.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any

from compliance.errors import ComplianceError
from compliance.web.jobs import JobBook



def formats() -> tuple[str, ...]:
    """The report formats the library can write here (DOCX once its writer is installed)."""
    from importlib.util import find_spec

    from compliance.report import FORMATS

    return tuple(f for f in FORMATS if f != "docx" or find_spec("compliance.report.word") is not None)


@functools.cache
def _official(national: str, catalog: str):
    from compliance.official import load_official

    return load_official(national, catalog)


def warm(catalog: str) -> None:
    """Worker initializer: import the pipeline and load the catalog once, so the first
    upload a worker gets costs no more than the next."""
    from compliance.batch import prepare_catalog
    from compliance.check import check  # noqa: F401
    from compliance.report import render_check  # noqa: F401

    try:
        prepare_catalog(catalog)
    except ComplianceError:
        pass  # a bad catalog fails each job with its own message


def ocr_progress(book: JobBook, job_id: str, every: float = 0.5):
    """A progress sink writing the OCR'd pages into the job (at most every ``every`` seconds,
    and the last page), so the page shows "OCR 12/40" while a scan is read. Each write also
    tells the watchdog the job is moving."""
    import time

    last = [float("-inf")]

    def sink(step: str, done: int, total: int, subject: str) -> None:
        now = time.monotonic()
        if step == "ocr" and (done >= total or now - last[0] >= every):
            last[0] = now
            book.update(job_id, stage="ocr", ocr_pages=done, pages=total)

    return sink


def run_check(data_dir: str, job_id: str, upload: str, display: str, lang: str, catalog: str,
              catalog_key: str, cache_dir: str | None, national: str | None,
              evaluation: str | None = None) -> dict[str, Any]:
    """Check one upload into ``reports/<job>/report.<fmt>``; return the job's final fields.
    Bad input fails the job with its message (naming the user's file), never raises."""
    from compliance import progress

    book = JobBook(Path(data_dir))
    progress.attach(ocr_progress(book, job_id))
    try:
        book.update(job_id, state="running", stage="reading")
        fields = _check(book, job_id, Path(upload), display, lang, catalog, catalog_key, cache_dir, national,
                        evaluation)
    except ComplianceError as exc:
        params = {**exc.params, "file": display} if "file" in exc.params else dict(exc.params)
        book.fail(job_id, exc.code, params)
        return {"state": "failed", "error_code": exc.code}
    except Exception as exc:  # a bug on one file: the job fails, the worker and server go on
        book.fail(job_id, "internal-error", {"file": display, "reason": type(exc).__name__})
        return {"state": "failed", "error_code": "internal-error"}
    finally:
        progress.attach(None)
    Path(upload).unlink(missing_ok=True)
    book.update(job_id, **fields)
    return fields


def _check(book: JobBook, job_id: str, upload: Path, display: str, lang: str, catalog: str, catalog_key: str,
           cache_dir: str | None, national: str | None, evaluation: str | None = None) -> dict[str, Any]:
    from compliance import load
    from compliance.batch import history_row
    from compliance.check import check
    from compliance.relations import regulation_links
    from compliance.output import write_atomic
    from compliance.report import build_report
    from compliance.regulation_json import regulation_from_json
    from compliance.store import Store

    data = upload.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    store = Store(Path(cache_dir)) if cache_dir else None
    try:
        stored = store.get_regulation_json(sha) if store is not None else None
        if stored is not None:  # a file checked before: its parse (and OCR) is not redone
            regulation = regulation_from_json(stored)
        else:
            regulation = load(upload)
        regulation.source.file = display
        book.update(job_id, stage="matching", sha256=sha, pages=regulation.source.pages,
                    ocr_pages=len(regulation.source.ocr_pages))
        result = check(regulation, catalog, lang=lang, evaluation=evaluation)
        official = _official(national, catalog) if national else None
        book.update(job_id, stage="rendering")
        out = book.report_dir(job_id)
        out.mkdir(parents=True, exist_ok=True)
        view = build_report(result, official, lang)  # as `compliance check` and `check DIR` build it
        report = view.data
        rendered = {fmt: view.render(fmt) for fmt in formats()}
        for fmt, content in rendered.items():
            write_atomic(out / f"report.{fmt}", content)
        if store is not None:
            fresh = _compact(regulation.to_dict()) if stored is None else None
            links = _compact(regulation_links(regulation)) if stored is None else None
            store.put(sha, catalog_key, fresh, _compact(report), links, view.graph_svg)
            store.record_checks([history_row(regulation.metadata.to_dict(), display, sha, result.score)],
                                catalog_key)
    finally:
        if store is not None:
            store.close()
    return {"state": "done", "stage": "done", "score": result.score, "counts": result.summary.get("counts", {})}


def _compact(data: Any) -> str:
    """The store's JSON form (as ``compliance.batch`` writes it): no indentation."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def run_region(data_dir: str, job_id: str, folder: str, lang: str, catalog: str, cache_dir: str,
               evaluation: str | None = None) -> dict[str, Any]:
    """Assess the region of the files in ``folder`` as ``compliance region FOLDER`` does, into
    ``reports/<job>/region.<fmt>``, and record the assessment in the store's history."""
    import os

    book = JobBook(Path(data_dir))
    here = os.getcwd()
    try:
        book.update(job_id, state="running", stage="reading")
        os.chdir(folder)  # file names in the report are the users', never the server's folders
        fields = _assess(book, job_id, lang, catalog, cache_dir, evaluation)
    except ComplianceError as exc:
        book.fail(job_id, exc.code, dict(exc.params))
        return {"state": "failed", "error_code": exc.code}
    except Exception as exc:
        book.fail(job_id, "internal-error", {"file": "-", "reason": type(exc).__name__})
        return {"state": "failed", "error_code": "internal-error"}
    finally:
        os.chdir(here)
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    book.update(job_id, **fields)
    return fields


def _assess(book: JobBook, job_id: str, lang: str, catalog: str, cache_dir: str,
            evaluation: str | None = None) -> dict[str, Any]:
    """``compliance region . -o region.json`` (the CLI's own call), then the other formats
    rendered from the same assessment."""
    from compliance.output import write_atomic
    from compliance.region.command import run
    from compliance.region.render import FORMATS as REGION_FORMATS
    from compliance.region.render import render
    from compliance.store import Store

    out = book.report_dir(job_id)
    out.mkdir(parents=True, exist_ok=True)
    with Store(Path(cache_dir)) as store:
        assessment, _ = run([Path(".")], output=out / "region.json", fmt="json", region=None, evidence=None, jobs=1,
                            catalog=catalog, store=store, lang=lang, evaluation=evaluation, echo=lambda text: None)
    book.update(job_id, stage="rendering")
    for fmt in REGION_FORMATS:
        if fmt != "json":
            write_atomic(out / f"region.{fmt}", render(assessment, fmt, lang))
    summary = assessment["summary"]
    return {"state": "done", "stage": "done", "score": summary.get("score"), "counts": summary.get("counts", {}),
            "file": assessment["region"]["label"]}
