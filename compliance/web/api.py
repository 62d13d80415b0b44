"""The JSON API for other systems (an SPBE evaluation application, say).

``POST /api/v1/check`` answers with exactly the bytes ``compliance check --format json``
writes for the same file; errors are ``{"error": {"code", "message"}}`` with a 4xx
status. Requests a browser sends from another site are refused (see ``check_origin``).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from compliance.errors import ComplianceError
from compliance.i18n import DEFAULT_LANG, LANGS
from compliance.output import dumps_json
from compliance.web.forms import read_form
from compliance.web.security import check_origin
from compliance.web.settings import WebError


def _lang(value: str | None) -> str:
    lang = value or DEFAULT_LANG
    if lang not in LANGS:
        raise WebError("lang-unknown", status=400, value=str(lang)[:20])
    return lang


def request_lang_field(request: Request, form) -> str:
    """``lang`` from the form or the query (id by default); an unknown one is a 400."""
    return _lang(form.get("lang") or request.query_params.get("lang"))


def evaluation_choice(request: Request, form=None) -> str | None:
    """``evaluation`` from the form or the query, as ``--evaluation``: an instrument this
    installation ships for the app's catalog (never a path on the server); None when not
    given (the one in force today); an unknown one is a 400 naming those available."""
    from compliance.evaluation import evaluations_for

    value = ((form.get("evaluation") if form is not None else None) or request.query_params.get("evaluation") or "")
    value = str(value).strip()
    if not value:
        return None
    known = sorted(e.id for e in evaluations_for(request.app.state.settings.catalog))
    if value not in known:
        raise WebError("evaluation-unknown", status=400, file=value[:40], known=", ".join(known))
    return value


async def check(request: Request) -> Response:
    check_origin(request)
    form = await read_form(request)
    lang = request_lang_field(request, form)
    evaluation = evaluation_choice(request, form)
    files = form.getlist("file")
    if len(files) > 1:
        raise WebError("upload-too-many", status=400, limit=1)
    checker = request.app.state.checker
    _, jobs = await checker.accept([f for f in files if hasattr(f, "read")], lang, evaluation)
    job = await checker.wait(jobs[0], request.app.state.settings.api_wait)
    if job.get("state") != "done":
        raise ComplianceError(job.get("error_code") or "internal-error", **(job.get("error_params") or {}))
    body = (checker.book.report_dir(job["id"]) / "report.json").read_bytes()
    return Response(body, media_type="application/json; charset=utf-8", headers={"X-Compliance-Job": job["id"]})


async def region(request: Request) -> Response:
    """``compliance/region@1``: the bytes ``compliance region FOLDER --format json`` writes for
    a folder holding these files (run from inside it, so instruments are named as uploaded)."""
    check_origin(request)
    require_region()
    form = await read_form(request)
    lang = request_lang_field(request, form)
    checker = request.app.state.checker
    job_id = await checker.accept_region([f for f in form.getlist("file") if hasattr(f, "read")], lang,
                                         evaluation_choice(request, form))
    job = await checker.wait(job_id, request.app.state.settings.api_wait)
    if job.get("state") != "done":
        raise ComplianceError(job.get("error_code") or "internal-error", **(job.get("error_params") or {}))
    body = (checker.book.report_dir(job_id) / "region.json").read_bytes()
    return Response(body, media_type="application/json; charset=utf-8", headers={"X-Compliance-Job": job_id})


def require_region() -> None:
    """501 when this installation's library cannot assess a region (``compliance.region``)."""
    try:
        import compliance.region.assess  # noqa: F401
        import compliance.region.history  # noqa: F401
    except ImportError:
        raise WebError("region-unavailable", status=501) from None


async def rules(request: Request) -> Response:
    """The catalog, as ``compliance rules list --format json`` prints it."""
    from compliance.catalog import load_catalog

    lang = _lang(request.query_params.get("lang"))
    return Response(dumps_json(catalog_rows(load_catalog(request.app.state.settings.catalog), lang)),
                    media_type="application/json; charset=utf-8")


def catalog_rows(cat, lang: str) -> dict:
    rows = [{"id": e.id, "group": e.group, "title": e.title_in(lang), "basis": e.basis.printable(lang),
             "basis_confidence": e.basis.confidence, "indicators": list(e.indicators)} for e in cat.entries]
    return {"catalog": cat.info(lang), "requirements": rows}


async def job_status(request: Request) -> Response:
    """A job's state and stage, for the page's progress polling and for API clients."""
    from compliance.web.responses import error_text

    job = request.app.state.checker.book.get(request.path_params["job"])
    if job is None:
        raise WebError("not-found", status=404)
    out = {k: job[k] for k in ("id", "kind", "file", "state", "stage", "pages", "ocr_pages", "score", "counts")}
    if job["state"] == "failed":
        out["error"] = {"code": job["error_code"],
                        "message": error_text(job["error_code"], job["error_params"], _lang(job["lang"]))}
    return JSONResponse(out)


ROUTES = [
    Route("/api/v1/check", check, methods=["POST"]),
    Route("/api/v1/region", region, methods=["POST"]),
    Route("/api/v1/rules", rules, methods=["GET"]),
    Route("/api/v1/jobs/{job:str}", job_status, methods=["GET"]),
]
