"""The reports of a folder check (``compliance check DIR -o laporan/``): one report per
distinct file, written as soon as the file is done, and an ``index.html`` kept up to date,
so a batch that is killed still leaves the reports and the index of what it finished.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import quote

from compliance.batch import FileResult, Pipeline, collect, report_metadata, report_score, run_batch
from compliance.errors import ComplianceError
from compliance.i18n import message
from compliance.store import Store


def check_many(inputs: Iterable[Path], out_dir: Path, pipeline: Pipeline, *, fmt: str = "html", lang: str = "id",
               jobs: int | None = None, store: Store | None = None,
               progress: bool | str | None = None, file_timeout: float | None = None) -> list[FileResult]:
    """``compliance check DIR -o laporan/``: one report per distinct file in ``out_dir``
    (named after the file, ``perbup.pdf.html``) plus ``index.html`` linking them with their
    scores and listing the files that failed. Each report is written as soon as its file is
    done, and the index kept up to date, so a batch that is killed leaves what it finished.
    Returns the batch results."""
    paths = collect(inputs)
    try:
        out_dir.mkdir(exist_ok=True)
    except OSError as exc:
        raise ComplianceError("output-unwritable", file=str(out_dir), reason=exc.strerror or str(exc)) from exc
    folder = _ReportFolder(out_dir, paths, fmt, lang)
    folder.write_index()
    results = run_batch(paths, pipeline, jobs=jobs, store=store, progress=progress, file_timeout=file_timeout,
                        on_result=folder.add, on_wait=folder.refresh)
    folder.write_index(final=True)
    return results


class _ReportFolder:
    """The reports of a folder check, written as results come in, and their index."""

    # The index is rewritten after each result, unless that would take more than this share
    # of the time (a batch of thousands): it then follows within a fraction of a second.
    INDEX_SHARE = 0.1

    def __init__(self, out_dir: Path, paths: list[Path], fmt: str, lang: str) -> None:
        self.out_dir, self.paths, self.fmt, self.lang = out_dir, paths, fmt, lang
        taken: set[str] = {"index.html"}
        # named up front, in path order: a report's name does not depend on which file finishes first
        self.names = {path: _report_name(path.name, fmt, taken) for path in paths}
        self.done: dict[Path, FileResult] = {}
        self.stale = False
        self.next_index = 0.0

    def add(self, result: FileResult) -> None:
        """Write ``result``'s report and, unless the index was just written, the index."""
        from compliance.output import write_atomic
        from compliance.report import ReportView

        if result.report is not None:
            view = ReportView(result.report, self.lang, graph_svg=result.graph_svg)  # built by the worker
            write_atomic(self.out_dir / self.names[result.path], view.render(self.fmt), self.paths)
        self.done[result.path] = result
        self.stale = True
        self.refresh()

    def refresh(self) -> None:
        if self.stale and time.monotonic() >= self.next_index:
            self.write_index()

    def write_index(self, final: bool = False) -> None:
        from compliance.output import write_atomic

        started = time.monotonic()
        results = sorted(self.done.values(), key=lambda r: str(r.path))
        entries = [{"result": r, "report": self.names[r.path] if r.report is not None else None} for r in results]
        files_done = sum(len(r.files) for r in results)
        pending = None if final else message("batch-in-progress", self.lang, done=files_done, total=len(self.paths))
        write_atomic(self.out_dir / "index.html", _render_index(entries, self.lang, pending), self.paths)
        took = time.monotonic() - started
        self.stale = False
        self.next_index = started + took / self.INDEX_SHARE


def _report_name(source_name: str, fmt: str, taken: set[str]) -> str:
    """``perbup.pdf.html``; ``perbup.pdf-2.html`` for a second file of that name in another folder."""
    name, n = f"{source_name}.{fmt}", 1
    while name.casefold() in taken:
        n += 1
        name = f"{source_name}-{n}.{fmt}"
    taken.add(name.casefold())
    return name


def _render_index(entries: list[dict[str, Any]], lang: str, pending: str | None = None) -> str:
    """The index page; links are URL-encoded file names (a report named ``javascript:x.html``
    or ``#1.html`` stays a relative link), ``pending`` says the batch is still running."""
    from compliance.regulation_label import regulation_label
    from compliance.report.matrix import compare_labels
    from compliance.report.templating import environment

    rows = []
    for entry in entries:
        result = entry["result"]
        report = result.report or {}
        rows.append({
            "files": [str(p) for p in result.files],
            "report": entry["report"],
            "href": quote(entry["report"]) if entry["report"] else None,
            "label": regulation_label(report_metadata(report), result.path.name) if result.report else None,
            "score": report_score(report),
            "counts": (report.get("summary") or {}).get("counts") or {},
            "error": result.error.message(lang) if result.error else None,
        })
    template = environment().get_template("index.html.j2")
    return template.render(rows=rows, t=compare_labels(lang), lang=lang, pending=pending)
