"""The drafting aids in the browser and the API: upload a regulation, get the amendment
draft (Word) with its list of change points; upload two drafts, get the diff.

The work runs as a job in the worker pool (progress, time bound, a dead worker fails only
its job), as ``compliance amend`` / ``compliance diff`` would do it; the job page shows the
result. Bad uploads are refused like the check's (size, content, CSRF, Origin).
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from compliance.errors import ComplianceError
from compliance.web.forms import read_form
from compliance.web.responses import page, request_lang
from compliance.web.security import CSRF_FIELD, check_csrf, check_origin
from compliance.web.settings import WebError

MEDIA = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "md": "text/markdown; charset=utf-8", "txt": "text/plain; charset=utf-8",
         "html": "text/html; charset=utf-8", "json": "application/json; charset=utf-8"}


def _files(form, *fields: str) -> list:
    """The uploaded files of ``fields``, one each, in that order; a missing one refuses."""
    files = []
    for name in fields:
        found = [f for f in form.getlist(name) if hasattr(f, "read") and (f.filename or f.size)]
        if not found:
            raise WebError("upload-missing-field", status=400, field=name)
        if len(found) > 1:
            raise WebError("upload-too-many", status=400, limit=1)
        files.append(found[0])
    return files


def _replace(value) -> bool:
    return str(value or "").lower() in ("1", "true", "on", "ya", "yes")


async def amend_page(request: Request) -> Response:
    return page(request, "web/amend.html.j2", limit=request.app.state.settings.max_upload // (1024 * 1024))


async def amend_upload(request: Request) -> Response:
    form = await read_form(request)
    check_csrf(request, request.app.state.secret, form.get(CSRF_FIELD))
    (upload,) = _files(form, "file")
    job_id = await request.app.state.checker.accept_amend(upload, request_lang(request), _replace(form.get("replace")))
    return RedirectResponse(f"/pekerjaan/{job_id}", status_code=303)


async def diff_page(request: Request) -> Response:
    return page(request, "web/diff.html.j2", limit=request.app.state.settings.max_upload // (1024 * 1024))


async def diff_upload(request: Request) -> Response:
    form = await read_form(request)
    check_csrf(request, request.app.state.secret, form.get(CSRF_FIELD))
    old, new = _files(form, "old", "new")
    job_id = await request.app.state.checker.accept_diff(old, new, request_lang(request))
    return RedirectResponse(f"/pekerjaan/{job_id}", status_code=303)


def draft_context(request: Request, job: dict) -> dict:
    """What the job page shows of a finished amend job: its change points, or why none."""
    path = request.app.state.checker.book.report_dir(job["id"]) / "rancangan.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"changes": [], "reason": "no-gaps"}


async def _finished(request: Request, job_id: str) -> dict:
    checker = request.app.state.checker
    job = await checker.wait(job_id, request.app.state.settings.api_wait)
    if job.get("state") != "done":
        raise ComplianceError(job.get("error_code") or "internal-error", **(job.get("error_params") or {}))
    return job


async def api_amend(request: Request) -> Response:
    """The draft's bytes (``format``: docx, md or txt; default docx), as ``compliance amend -o
    x.docx`` writes it; a regulation with nothing to draft is a 422 ``amend-no-gaps``."""
    from compliance.web.api import request_lang_field
    from compliance.web.draft_work import AMEND_FORMATS

    check_origin(request)
    form = await read_form(request)
    lang = request_lang_field(request, form)
    fmt = form.get("format") or request.query_params.get("format") or "docx"
    if fmt not in AMEND_FORMATS:
        raise WebError("format-choice", status=400, value=str(fmt)[:20], known=", ".join(AMEND_FORMATS))
    (upload,) = _files(form, "file")
    replace = _replace(form.get("replace") or request.query_params.get("replace"))
    job = await _finished(request, await request.app.state.checker.accept_amend(upload, lang, replace))
    if not job["counts"].get("changes"):  # nothing to draft: why, as `compliance amend` says it
        why = draft_context(request, job)
        raise WebError(f"amend-{why.get('reason') or 'no-gaps'}", status=422, file=job["file"], **why.get("params", {}))
    body = (request.app.state.checker.book.report_dir(job["id"]) / f"rancangan.{fmt}").read_bytes()
    return Response(body, media_type=MEDIA[fmt], headers={
        "X-Compliance-Job": job["id"], "X-Compliance-Changes": str(job["counts"]["changes"]),
        "Content-Disposition": f'attachment; filename="rancangan-perubahan.{fmt}"'})


async def api_diff(request: Request) -> Response:
    """``compliance/diff@1``: the bytes ``compliance diff OLD NEW --format json`` writes for
    files of the uploaded names (fields ``old`` and ``new``)."""
    from compliance.web.api import request_lang_field

    check_origin(request)
    form = await read_form(request)
    lang = request_lang_field(request, form)
    old, new = _files(form, "old", "new")
    job = await _finished(request, await request.app.state.checker.accept_diff(old, new, lang))
    body = (request.app.state.checker.book.report_dir(job["id"]) / "selisih.json").read_bytes()
    return Response(body, media_type=MEDIA["json"], headers={"X-Compliance-Job": job["id"]})


ROUTES = [
    Route("/rancangan", amend_page, methods=["GET"]),
    Route("/rancangan", amend_upload, methods=["POST"]),
    Route("/selisih", diff_page, methods=["GET"]),
    Route("/selisih", diff_upload, methods=["POST"]),
    Route("/api/v1/amend", api_amend, methods=["POST"]),
    Route("/api/v1/diff", api_diff, methods=["POST"]),
]
