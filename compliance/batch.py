"""Check many regulations at once: walk folders, skip what the store already knows,
run the rest in parallel processes, and keep going past a bad file.

Results come back sorted by path whatever order the workers finish in, and a
file whose content appears under several names is checked once and listed
with all of them.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable

from compliance.errors import ComplianceError
from compliance.file_result import FileResult, report_metadata, report_score
from compliance.models import Regulation
from compliance.regulation_json import regulation_from_json
from compliance.store import Store
from compliance.workers import Failure, run_tasks

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".txt")
WARM_UP_SAMPLE = "perwal-banyuasri-2022-spbe.txt"  # bundled, read by ``prepare_catalog``


@dataclass(frozen=True)
class Pipeline:
    """How one regulation is checked. It is pickled to the worker processes, so
    ``check`` and ``parse`` must be module-level functions (or partials of them).

    ``check`` returns the report as a ``compliance/report@1`` dict, or as the ``ReportView``
    of ``compliance.report.build_report`` (the dict with the citation graph drawn); ``catalog_key``
    names the catalog and its content, so a changed catalog misses the store.
    ``links`` finds which regulations this one amends or revokes (for ``--group-by``);
    ``prepare`` runs once in the calling process before any file is checked. ``graph``: every
    result must carry its graph drawn (HTML reports), so a stored report without one is checked again."""

    check: Callable[[Regulation], Any]
    catalog_key: str
    parse: Callable[[Path], Regulation] | None = None
    links: Callable[[Regulation], dict[str, Any]] | None = None
    prepare: Callable[[], None] | None = None
    graph: bool = False


@dataclass
class _Task:
    files: list[Path]
    sha256: str
    regulation_json: str | None = None


@dataclass
class _Outcome:
    regulation_json: str | None = None  # set only when freshly parsed
    report_json: str | None = None
    graph_svg: str | None = None
    links_json: str | None = None  # set only when freshly parsed
    error: tuple[str, dict[str, Any]] | None = field(default=None)


def default_pipeline(catalog: str | Path = "perpres-95-2018", lang: str = "id",
                     national: Path | None = None, evaluation: str | None = None, graph: bool = False) -> Pipeline:
    """The real check (``compliance.check``) against ``catalog``, reports in ``lang``, each built
    by ``build_report`` as a single report is; with ``national`` (the official Perpres), every
    report carries the verification ``check --national`` adds to a single report. ``evaluation``:
    the instrument of the evaluation section (default: the one in force today, fixed here so every
    file of a batch gets the same one). ``graph``: draw each check's citation graph (HTML reports).

    The store key hashes the catalog file and every instrument in ``rules/`` (and the national
    text) without parsing them, so a warm run never pays for compiling the catalog; ``prepare``
    loads (and validates) it once in this process only when some file must be checked."""
    from compliance.relations import regulation_links
    from compliance.resources import data_dir

    path = Path(catalog)
    if path.suffix not in (".yaml", ".yml") and not path.exists():
        path = data_dir("rules") / f"{catalog}.yaml"
    if not path.is_file():
        raise ComplianceError("catalog-unknown", file=str(catalog))
    digest = hashlib.sha256(path.read_bytes())
    for rules in sorted(data_dir("rules").glob("*.yaml")):
        digest.update(rules.name.encode() + b"\0" + rules.read_bytes())
    evaluation = evaluation or _in_force_id(str(path))
    key = f"{path.stem}@{digest.hexdigest()[:16]}:{lang}:{evaluation}"
    if national is not None:
        try:
            key += f":national@{_sha256(national)[:16]}"
        except OSError as exc:
            code = "file-not-found" if isinstance(exc, FileNotFoundError) else "file-unreadable"
            raise ComplianceError(code, file=str(national), reason=exc.strerror or str(exc)) from exc
    return Pipeline(check=functools.partial(check_report, str(path), lang,
                                            national=str(national) if national is not None else None,
                                            evaluation=evaluation, graph=graph),
                    catalog_key=key, links=regulation_links,
                    prepare=functools.partial(prepare_catalog, str(path), evaluation, lang,
                                              str(national) if national is not None else None),
                    graph=graph)


def _in_force_id(catalog_path: str) -> str:
    """The id of the instrument in force today for the catalog at ``catalog_path`` ("-": none).
    Read from the instrument files' own dates, without compiling the catalog."""
    from compliance.evaluation import evaluations_for

    catalog_id = Path(catalog_path).stem
    live = [e for e in evaluations_for(catalog_id) if e.in_force_on(date.today())]
    return max(live, key=lambda e: (e.in_force.get("from") or "", e.id)).id if live else "-"


def prepare_catalog(catalog_path: str, evaluation: str | None = None, lang: str = "id",
                    national: str | None = None) -> None:
    """Load the catalog and its instrument before the workers start: a bad catalog is one
    error, not one per file. Then check one bundled sample, so that every table loaded on
    first use (kinds, vocabularies, catalog terms, the national text) is loaded once here
    and each forked worker starts with it, instead of each paying for it again."""
    from compliance import load
    from compliance.catalog import load_catalog
    from compliance.check import choose_evaluation
    from compliance.resources import data_dir

    cat = load_catalog(catalog_path)
    choose_evaluation(cat, evaluation if evaluation != "-" else None)
    sample = data_dir("examples") / WARM_UP_SAMPLE
    if sample.is_file():
        check_report(catalog_path, lang, load(sample), national, evaluation)


def check_report(catalog_path: str, lang: str, regulation: Regulation, national: str | None = None,
                 evaluation: str | None = None, graph: bool = False) -> Any:
    """The report of one parsed regulation (runs in the worker processes), built as a single
    report is (``build_report``): its ``ReportView``, the citation graph drawn with ``graph``."""
    from compliance.check import check
    from compliance.report import build_report

    official = _official(national, catalog_path) if national is not None else None
    chosen = evaluation if evaluation not in (None, "-") else None
    return build_report(check(regulation, catalog_path, lang=lang, evaluation=chosen), official, lang, graph=graph)


@functools.cache
def _official(national: str, catalog_path: str) -> Regulation:
    """The official national text, parsed (and its identity checked) once per process."""
    from compliance.official import load_official

    return load_official(national, catalog_path)


def collect(inputs: Iterable[Path]) -> list[Path]:
    """Files named directly, plus every PDF/DOCX/TXT under the folders (hidden ones
    skipped); sorted, each once. A missing path or a folder with nothing to check is an error."""
    found: dict[Path, Path] = {}
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            inside = [p for p in sorted(path.rglob("*"))
                      if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                      and not any(part.startswith(".") for part in p.relative_to(path).parts)]
            if not inside:
                raise ComplianceError("folder-empty", file=str(path))
            for p in inside:
                found.setdefault(p.resolve(), p)
        elif path.exists():
            found.setdefault(path.resolve(), path)
        else:
            raise ComplianceError("file-not-found", file=str(path))
    if not found:
        raise ComplianceError("no-input", file="-")
    return sorted(found.values(), key=lambda p: str(p))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _run_one(pipeline: Pipeline, task: _Task) -> _Outcome:
    """Parse (unless the store had the parse) and check one file, in a worker process."""
    try:
        regulation, fresh = _stored_regulation(task.regulation_json), None
        if regulation is None:
            if pipeline.parse is None:
                from compliance import load as parse
            else:
                parse = pipeline.parse
            regulation = parse(task.files[0])
            fresh = _compact(regulation.to_dict())
        links = pipeline.links(regulation) if pipeline.links and fresh else None
        report = pipeline.check(regulation)
        if isinstance(report, dict):
            data, svg = report, None
        else:  # a ReportView: only what the parent renders crosses the pipe, not the parse again
            data, svg = report.data, report.graph_svg
        return _Outcome(regulation_json=fresh, report_json=_compact(data), graph_svg=svg,
                        links_json=_compact(links) if links is not None else None)
    except ComplianceError as exc:
        return _Outcome(error=(exc.code, exc.params))
    except Exception as exc:  # a bug on one file must not stop the batch; reported as internal
        return _Outcome(error=("internal-error", {"file": str(task.files[0]),
                                                  "reason": f"{type(exc).__name__}: {exc}"}))


def _stored_regulation(text: str | None) -> Regulation | None:
    """The parse the store kept, or None when there is none or it cannot be read back
    (a damaged row): the file is then parsed again and the row replaced."""
    if text is None:
        return None
    try:
        return regulation_from_json(text)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def run_batch(inputs: Iterable[Path], pipeline: Pipeline, *, jobs: int | None = None,
              store: Store | None = None, progress: bool | str | None = None,
              keep_text: bool = True, file_timeout: float | None = None,
              on_result: Callable[[FileResult], None] | None = None,
              on_wait: Callable[[], None] | None = None) -> list[FileResult]:
    """Check every file under ``inputs``; results sorted by path, duplicates merged.

    ``jobs`` worker processes (default: the number of cores), each file within
    ``file_timeout`` seconds (default: ``config.file_timeout()``; a file over it, or whose
    worker died, fails alone). ``progress`` draws a bar on stderr (default: only when stderr
    is a terminal; a string is the bar's label, in the caller's language). ``keep_text=False`` keeps only the identity of each regulation in its
    report (not its articles): a comparison of hundreds of files then fits in far less memory.
    ``on_result`` is called with each result as soon as it is known (from the store first),
    ``on_wait`` every half second or so while files are being checked."""
    from compliance.config import file_timeout as configured_timeout

    paths = collect(inputs)
    timeout = configured_timeout() if file_timeout is None else file_timeout
    results, tasks = _plan(paths, pipeline, store, keep_text)
    if progress is None:
        progress = sys.stderr.isatty()
    jobs = max(1, jobs or os.cpu_count() or 1)
    by_sha = {r.sha256: r for r in results if r.sha256}
    if on_result is not None:
        for result in results:
            if result.report is not None or result.error is not None:
                on_result(result)
    for task, outcome in _execute(pipeline, tasks, jobs, progress, timeout, on_wait):
        result = by_sha[task.sha256]
        if outcome.error is not None:
            code, params = outcome.error
            result.error = ComplianceError(code, **params)
        else:
            result.report = _report(outcome.report_json, keep_text)
            result.graph_svg = outcome.graph_svg if keep_text else None
            if outcome.links_json is not None:
                result.links = _json_loads(outcome.links_json)
            elif store is not None:
                result.links = store.get_links(task.sha256)
            if store is not None:
                store.put(task.sha256, pipeline.catalog_key, outcome.regulation_json, outcome.report_json,
                          outcome.links_json, outcome.graph_svg)
        if on_result is not None:
            on_result(result)
    if store is not None:
        store.record_checks([_history_row(r) for r in results if r.report is not None], pipeline.catalog_key)
    return sorted(results, key=lambda r: str(r.path))


def _plan(paths: list[Path], pipeline: Pipeline, store: Store | None,
          keep_text: bool) -> tuple[list[FileResult], list[_Task]]:
    """Hash every file, merge duplicates, answer from the store what it can."""
    results: list[FileResult] = []
    by_sha: dict[str, FileResult] = {}
    from compliance.config import limits as configured_limits
    from compliance.extract import check_file_size

    limits = configured_limits()
    for path in paths:
        try:
            check_file_size(path, limits)  # a file past max_file_bytes is not even hashed
            sha = _sha256(path)
        except ComplianceError as exc:
            results.append(FileResult([path], None, error=exc))
            continue
        except OSError as exc:
            results.append(FileResult([path], None, error=ComplianceError(
                "file-unreadable", file=str(path), reason=exc.strerror or str(exc))))
            continue
        if sha in by_sha:
            by_sha[sha].files.append(path)
            continue
        by_sha[sha] = FileResult([path], sha)
        results.append(by_sha[sha])
    tasks = []
    for result in results:
        if result.sha256 is None:
            continue
        report = store.get_report(result.sha256, pipeline.catalog_key) if store is not None else None
        svg = None
        if report is not None and pipeline.graph:
            svg = store.get_graph_svg(result.sha256, pipeline.catalog_key)
        if report is not None and (svg is not None or not pipeline.graph):
            report = report if keep_text else _identity_only(report)
            result.report, result.cached, result.links = report, True, store.get_links(result.sha256)
            result.graph_svg = svg if keep_text else None
        else:
            regulation_json = store.get_regulation_json(result.sha256) if store is not None else None
            tasks.append(_Task(result.files, result.sha256, regulation_json))
    return results, tasks


def _execute(pipeline: Pipeline, tasks: list[_Task], jobs: int, progress: bool | str, timeout: float,
             on_wait: Callable[[], None] | None = None):
    """Yield (task, outcome) as they finish, each file in a worker process (see ``workers``):
    a file that takes longer than ``timeout`` seconds, or whose worker dies, fails alone."""
    if not tasks:
        return
    if pipeline.prepare is not None:
        pipeline.prepare()  # forked workers start with what it loaded
    bar = _progress_bar(len(tasks), progress if isinstance(progress, str) else "") if progress else None
    try:
        bound = None if timeout == float("inf") else timeout
        for task, outcome, failure in run_tasks(functools.partial(_run_one, pipeline), tasks, jobs, bound,
                                                 on_wait):
            yield task, outcome if failure is None else _failed(task, failure)
            if bar:
                bar.update(1)
    finally:
        if bar:
            bar.render_finish()


def _failed(task: _Task, failure: Failure) -> _Outcome:
    """A file whose worker was killed at the time bound, or died (out of memory, a crash)."""
    if failure.kind == "timeout":
        return _Outcome(error=("file-timeout", {"file": str(task.files[0]), "seconds": failure.seconds}))
    return _Outcome(error=("worker-stopped", {"file": str(task.files[0]), "reason": failure.reason}))


def _progress_bar(total: int, label: str = ""):
    import click

    bar = click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True, show_eta=True)
    bar.render_progress()
    return bar


def _compact(data: Any) -> str:
    """Stored and passed between processes, not read by people: no indentation."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _json_loads(text: str | None) -> dict[str, Any] | None:
    return json.loads(text) if text else None


def _report(text: str | None, keep_text: bool) -> dict[str, Any] | None:
    report = _json_loads(text)
    return report if keep_text or report is None else _identity_only(report)


def _identity_only(report: dict[str, Any]) -> dict[str, Any]:
    """The report with its regulation reduced to metadata and source (no article text)."""
    regulation = report.get("regulation") or {}
    return {**report, "regulation": {k: regulation[k] for k in ("metadata", "source") if k in regulation}}


def history_row(metadata: dict[str, Any], file: str, sha256: str | None, score: float | None) -> dict[str, Any]:
    """One ``Store.record_checks`` row: the regulation's identity, its file and its score."""
    return {"daerah": metadata.get("daerah"), "jenis": metadata.get("jenis"), "nomor": metadata.get("nomor"),
            "tahun": metadata.get("tahun"), "file": file, "sha256": sha256, "score": score}


def _history_row(result: FileResult) -> dict[str, Any]:
    report = result.report or {}
    return history_row(report_metadata(report), result.path.name, result.sha256, report_score(report))
