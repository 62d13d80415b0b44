"""The pages a person uses: upload, a job's progress and report, the comparison
matrix, a region's history, the catalog. Every form POST carries the CSRF token;
everything works without JavaScript (a job page refreshes itself until done)."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from compliance.web.forms import read_form
from compliance.web.responses import error_text, page, request_lang
from compliance.web.security import CSRF_FIELD, check_csrf, document_csp
from compliance.web.settings import WebError

MEDIA = {"html": "text/html; charset=utf-8", "json": "application/json; charset=utf-8",
         "csv": "text/csv; charset=utf-8", "md": "text/markdown; charset=utf-8", "txt": "text/plain; charset=utf-8",
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
STATIC = {"web.css": "text/css", "app.js": "text/javascript", "report.css": "text/css"}
DRAFT_KINDS = ("amend", "diff")  # jobs of the drafting aids (compliance.web.draft_pages)
REPORT_PREFIX = {"region": "region", "amend": "rancangan", "diff": "selisih"}  # the job's files: <prefix>.<fmt>
DOWNLOAD_STEM = {"amend": "rancangan-perubahan", "diff": "perbandingan-rancangan"}


async def upload_page(request: Request) -> Response:
    from compliance.web.api import evaluation_choice

    settings = request.app.state.settings
    return page(request, "web/upload.html.j2", jobs=request.app.state.checker.book.recent(),
                limit=settings.max_upload // (1024 * 1024), evaluations=_evaluations(request),
                evaluation=evaluation_choice(request))


def _evaluations(request: Request) -> list[tuple[str, str]]:
    """(id, title) of the evaluation instruments one may choose, the one in force first."""
    from datetime import date

    from compliance.evaluation import evaluations_for

    lang = request_lang(request)
    found = evaluations_for(request.app.state.settings.catalog)
    found.sort(key=lambda e: (not e.in_force_on(date.today()), e.id))
    return [(e.id, e.title_in(lang)) for e in found]


async def upload(request: Request) -> Response:
    form = await read_form(request)
    check_csrf(request, request.app.state.secret, form.get(CSRF_FIELD))
    files = [f for f in form.getlist("file") if hasattr(f, "read") and (f.filename or f.size)]
    from compliance.web.api import evaluation_choice

    evaluation = evaluation_choice(request, form)
    if form.get("mode") == "daerah":  # several files of one region: one assessment
        from compliance.web.api import require_region

        require_region()
        job_id = await request.app.state.checker.accept_region(files, request_lang(request), evaluation)
        return RedirectResponse(f"/pekerjaan/{job_id}", status_code=303)
    batch, jobs = await request.app.state.checker.accept(files, request_lang(request), evaluation)
    target = f"/pekerjaan/{jobs[0]}" if len(jobs) == 1 else f"/kelompok/{batch}"
    return RedirectResponse(target, status_code=303)


def _job(request: Request) -> dict:
    job = request.app.state.checker.book.get(request.path_params["job"])
    if job is None:
        raise WebError("not-found", status=404)
    return job


async def job_page(request: Request) -> Response:
    """Progress while the job runs, then the report; a failed job is an error page (422)."""
    job = _job(request)
    if job["state"] == "failed":
        text = error_text(job["error_code"], job["error_params"], request_lang(request))
        status = 500 if job["error_code"] == "internal-error" else 422
        return page(request, "web/error.html.j2", status=status, code=job["error_code"], message=text, job=job)
    if job["kind"] in DRAFT_KINDS:
        return _draft_job_page(request, job)
    from compliance.report.labels import labels
    from compliance.report.view import STATUSES, score_text

    lang = request_lang(request)
    counts = {s: job["counts"][s] for s in STATUSES if s in job["counts"]}  # the report's order
    return page(request, "web/job.html.j2", job=job, formats=_formats(job), stem=Path(job["file"]).stem or "laporan",
                status_labels=labels(lang)["status"], counts=counts, score_text=score_text(job["score"], lang))


def _draft_job_page(request: Request, job: dict) -> Response:
    """An amend job: its change points and the draft to download; a diff job: the diff."""
    from compliance.web.draft_pages import draft_context
    from compliance.web.labels import page_labels

    t = page_labels(request_lang(request))
    draft = draft_context(request, job) if job["kind"] == "amend" and job["state"] == "done" else None
    heading = t["amend_job"] if job["kind"] == "amend" else t["diff_job"]
    nothing = ""
    if draft is not None and not draft["changes"]:  # why no draft, as `compliance amend` says it
        from compliance.web.labels import web_message

        nothing = web_message(f"amend-{draft.get('reason') or 'no-gaps'}", request_lang(request), file=job["file"],
                              **draft.get("params", {}))
    return page(request, "web/draft_job.html.j2", job=job, draft=draft, heading=heading, formats=_formats(job),
                stem=DOWNLOAD_STEM[job["kind"]], nothing=nothing)


def _formats(job: dict) -> tuple[str, ...]:
    if job["kind"] in DRAFT_KINDS:
        from compliance.web.draft_work import AMEND_FORMATS, DIFF_FORMATS

        return AMEND_FORMATS if job["kind"] == "amend" else DIFF_FORMATS
    if job["kind"] == "region":
        from compliance.region.render import FORMATS

        return FORMATS
    from compliance.web.work import formats

    return formats()


async def report_file(request: Request) -> Response:
    job = _job(request)
    fmt = request.path_params["fmt"]
    prefix = REPORT_PREFIX.get(job["kind"], "report")
    path = request.app.state.checker.book.report_dir(job["id"]) / f"{prefix}.{fmt}"
    if job["state"] != "done" or fmt not in _formats(job) or not path.is_file():
        raise WebError("not-found", status=404)
    name = f"{DOWNLOAD_STEM.get(job['kind']) or Path(job['file']).stem or 'laporan'}.{fmt}"
    if fmt == "html" and "unduh" not in request.query_params:  # shown in the job page's frame
        html = path.read_text(encoding="utf-8")
        return Response(html, media_type=MEDIA[fmt], headers={"Content-Security-Policy": document_csp(html)})
    return FileResponse(path, media_type=MEDIA[fmt], filename=name,
                        headers={"Content-Security-Policy": "default-src 'none'; sandbox"})


async def batch_page(request: Request) -> Response:
    jobs = request.app.state.checker.book.batch(request.path_params["batch"])
    if not jobs:
        raise WebError("not-found", status=404)
    lang = request_lang(request)
    for job in jobs:
        job["message"] = error_text(job["error_code"], job["error_params"], lang) if job["state"] == "failed" else ""
    return page(request, "web/batch.html.j2", jobs=jobs, active=any(j["state"] in ("queued", "running") for j in jobs))


def _stored_results(request: Request) -> list:
    """Every stored report of the app's catalog (in the page's language when it has one)."""
    from compliance.batch import FileResult
    from compliance.store import Store

    checker = request.app.state.checker
    lang = request_lang(request)
    keys = [checker.catalog_key(lang), checker.catalog_key("en" if lang == "id" else "id")]
    found: dict[str, FileResult] = {}
    with Store(Path(checker.cache_dir)) as store:
        for row in store.history(""):
            for key in keys:
                report = store.get_report(row["sha256"], key)
                if report is not None and row["sha256"] not in found:
                    found[row["sha256"]] = FileResult([Path(row["file"])], row["sha256"], report=report,
                                                      links=store.get_links(row["sha256"]))
                    break
    return sorted(found.values(), key=lambda r: str(r.path))


def _group_by(request: Request) -> str | None:
    return "daerah" if request.query_params.get("per") == "daerah" else None


async def compare_page(request: Request) -> Response:
    results = _stored_results(request)
    return page(request, "web/compare.html.j2", count=len(results), per=_group_by(request))


async def compare_matrix(request: Request) -> Response:
    from compliance.compare import build_matrix
    from compliance.report.matrix import render_csv, render_html, render_json

    fmt = request.path_params["fmt"]
    if fmt not in ("html", "csv", "json"):
        raise WebError("not-found", status=404)
    lang = request_lang(request)
    matrix = build_matrix(_stored_results(request), group_by=_group_by(request))
    content = {"html": lambda: render_html(matrix, lang), "csv": lambda: render_csv(matrix, lang),
               "json": lambda: render_json(matrix)}[fmt]()
    headers = {"Content-Security-Policy": document_csp(content) if fmt == "html" else "default-src 'none'; sandbox"}
    if fmt != "html":
        headers["Content-Disposition"] = f'attachment; filename="perbandingan.{fmt}"'
    return Response(content, media_type=MEDIA[fmt], headers=headers)


async def history_page(request: Request) -> Response:
    """The regions on record, or one region's checked regulations and its assessments."""
    from compliance.region.history import region_rows
    from compliance.store import Store

    daerah = (request.query_params.get("daerah") or "").strip()[:200]
    with Store(Path(request.app.state.checker.cache_dir)) as store:
        regions = [r["daerah"] for r in store.regions() if r["daerah"]]
        rows = store.history(daerah) if daerah else []
        assessments = region_rows(store, daerah) if daerah else []
    return page(request, "web/history.html.j2", daerah=daerah, rows=rows, regions=regions,
                assessments=len(assessments))


async def history_document(request: Request) -> Response:
    """A region's assessments with their trend, as ``compliance history X --format html``."""
    from compliance.region.history import region_rows, render_html
    from compliance.store import Store

    daerah = (request.query_params.get("daerah") or "").strip()[:200]
    with Store(Path(request.app.state.checker.cache_dir)) as store:
        rows = store.history(daerah) if daerah else []
        assessments = region_rows(store, daerah) if daerah else []
    if not rows and not assessments:
        raise WebError("not-found", status=404)
    html = render_html(assessments, rows, request_lang(request))
    return Response(html, media_type=MEDIA["html"], headers={"Content-Security-Policy": document_csp(html)})


async def catalog_page(request: Request) -> Response:
    from compliance.catalog import load_catalog
    from compliance.web.api import catalog_rows

    lang = request_lang(request)
    cat = load_catalog(request.app.state.settings.catalog)
    groups = {g.id: g.title.get(lang) or g.title.get("id") or g.id for g in cat.groups}
    return page(request, "web/catalog.html.j2", catalog=catalog_rows(cat, lang), groups=groups)


async def static(request: Request) -> Response:
    from compliance.resources import data_dir

    name = request.path_params["name"]
    if name not in STATIC:
        raise WebError("not-found", status=404)
    folder = data_dir("templates") if name == "report.css" else data_dir("templates") / "web"
    return FileResponse(folder / name, media_type=STATIC[name], headers={"Cache-Control": "no-cache"})


ROUTES = [
    Route("/", upload_page, methods=["GET"]),
    Route("/unggah", upload, methods=["POST"]),
    Route("/pekerjaan/{job:str}", job_page, methods=["GET"]),
    Route("/pekerjaan/{job:str}/laporan.{fmt:str}", report_file, methods=["GET"]),
    Route("/kelompok/{batch:str}", batch_page, methods=["GET"]),
    Route("/perbandingan", compare_page, methods=["GET"]),
    Route("/perbandingan/matriks.{fmt:str}", compare_matrix, methods=["GET"]),
    Route("/riwayat", history_page, methods=["GET"]),
    Route("/riwayat/laporan.html", history_document, methods=["GET"]),
    Route("/katalog", catalog_page, methods=["GET"]),
    Route("/static/{name:str}", static, methods=["GET"]),
]

