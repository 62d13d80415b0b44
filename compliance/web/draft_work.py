"""What a worker process does for the drafting aids: the same library calls as
``compliance amend`` and ``compliance diff``, the job's stage written as it goes.

Uploads sit under generated names; each regulation keeps the name the user gave, so the
diff's JSON is the one ``compliance diff`` writes for files of those names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from compliance.errors import ComplianceError
from compliance.web.jobs import JobBook
from compliance.web.work import ocr_progress

AMEND_FORMATS = ("docx", "md", "txt")  # the draft as Word (the one a drafter edits), Markdown, text
DIFF_FORMATS = ("html", "json", "md")


def _run(data_dir: str, job_id: str, uploads: list[tuple[str, str]], work: Callable[..., dict[str, Any]],
         *options: Any) -> dict[str, Any]:
    """Run ``work`` on the job's uploads (path, display name); bad input fails the job with
    its message naming the user's file, a bug fails it as internal; never raises."""
    from compliance import progress

    book = JobBook(Path(data_dir))
    progress.attach(ocr_progress(book, job_id))
    try:
        book.update(job_id, state="running", stage="reading")
        fields = work(book, job_id, uploads, *options)
    except ComplianceError as exc:
        params = dict(exc.params)
        for path, display in uploads:  # the generated upload name never reaches the user
            if params.get("file") == path:
                params["file"] = display
        book.fail(job_id, exc.code, params)
        return {"state": "failed", "error_code": exc.code}
    except Exception as exc:  # a bug on one job: it fails, the worker and server go on
        book.fail(job_id, "internal-error", {"file": uploads[0][1], "reason": type(exc).__name__})
        return {"state": "failed", "error_code": "internal-error"}
    finally:
        progress.attach(None)
        for path, _ in uploads:
            Path(path).unlink(missing_ok=True)
    book.update(job_id, **fields)
    return fields


def _load(book: JobBook, job_id: str, path: str, display: str):
    from compliance import load

    regulation = load(Path(path))
    regulation.source.file = display
    book.update(job_id, stage="matching", pages=regulation.source.pages, ocr_pages=len(regulation.source.ocr_pages))
    return regulation


def run_amend(data_dir: str, job_id: str, upload: str, display: str, lang: str, catalog: str,
              replace: bool) -> dict[str, Any]:
    """``compliance amend``: the draft in every format plus ``rancangan.json`` (its change
    points, or why nothing was drafted) under ``reports/<job>/``."""
    return _run(data_dir, job_id, [(upload, display)], _amend, lang, catalog, replace)


def _amend(book: JobBook, job_id: str, uploads: list[tuple[str, str]], lang: str, catalog: str,
           replace: bool) -> dict[str, Any]:
    from compliance.catalog import load_catalog
    from compliance.draft.command import amendment
    from compliance.output import dumps_json, write_atomic

    regulation = _load(book, job_id, *uploads[0])
    made = amendment(regulation, replace=replace, catalog=catalog, lang=lang)  # a Peraturan's or a Keputusan's
    book.update(job_id, stage="rendering")
    out = book.report_dir(job_id)
    out.mkdir(parents=True, exist_ok=True)
    titles = {e.id: e.title_in(lang) for e in load_catalog(catalog).entries}
    points = [{"requirement": c.requirement, "title": titles.get(c.requirement, c.requirement),
               "formula": c.formula, "label": c.label} for c in made.changes]
    if made.draft is not None:
        for fmt in AMEND_FORMATS:
            write_atomic(out / f"rancangan.{fmt}", made.render(fmt))
    params = {"gaps": ", ".join(made.outside), "kd": made.kepala_daerah} if made.reason == "outside-subject" else {}
    summary = {"file": uploads[0][1], "replace": replace, "changes": points, "reason": made.reason, "params": params}
    write_atomic(out / "rancangan.json", dumps_json(summary))
    return {"state": "done", "stage": "done", "counts": {"changes": len(points)}}


def run_diff(data_dir: str, job_id: str, old: tuple[str, str], new: tuple[str, str], lang: str,
             catalog: str) -> dict[str, Any]:
    """``compliance diff OLD NEW``: ``selisih.html|json|md`` under ``reports/<job>/``."""
    return _run(data_dir, job_id, [tuple(old), tuple(new)], _diff, lang, catalog)


def _diff(book: JobBook, job_id: str, uploads: list[tuple[str, str]], lang: str, catalog: str) -> dict[str, Any]:
    from compliance.draft.diff import diff
    from compliance.draft.diff_render import render
    from compliance.output import write_atomic

    old, new = (_load(book, job_id, path, display) for path, display in uploads)
    result = diff(old, new, catalog, lang)
    book.update(job_id, stage="rendering")
    out = book.report_dir(job_id)
    out.mkdir(parents=True, exist_ok=True)
    for fmt in DIFF_FORMATS:
        write_atomic(out / f"selisih.{fmt}", render(result, fmt, lang))
    moved = sum(r["movement"] != "unchanged" for r in result["requirements"])
    return {"state": "done", "stage": "done", "score": result["new"]["score"],
            "counts": {**result["counts"], "moved": moved, "unrelated": int(result["unrelated"])}}
