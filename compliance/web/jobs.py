"""Long work as jobs: a small SQLite book of jobs in the app's data folder, and a
bounded pool of worker processes (one per core) that runs them.

The book is shared by the server and its workers (each opens its own short-lived
connection), so a page can poll a job's stage while a worker writes it. A job
that was queued or running when the server was killed is marked failed on the
next start: the results store and every finished job are untouched.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import uuid
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime, timezone
from multiprocessing import get_context
from pathlib import Path
from threading import Lock
from typing import Any, Callable

JOBS_DB = "jobs.sqlite3"
ACTIVE = ("queued", "running")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS job (
    id TEXT PRIMARY KEY, batch TEXT NOT NULL, kind TEXT NOT NULL, file TEXT NOT NULL, lang TEXT NOT NULL,
    state TEXT NOT NULL, stage TEXT NOT NULL, pages INTEGER, ocr_pages INTEGER, sha256 TEXT,
    score REAL, counts TEXT, error_code TEXT, error_params TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS job_by_batch ON job (batch, created_at);
CREATE INDEX IF NOT EXISTS job_by_time ON job (created_at);
"""
_COLUMNS = ("id", "batch", "kind", "file", "lang", "state", "stage", "pages", "ocr_pages", "sha256", "score", "counts",
            "error_code", "error_params", "created_at", "updated_at")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def new_id() -> str:
    """A job or upload name nobody chooses or guesses."""
    return uuid.uuid4().hex


class JobBook:
    """The jobs of one data folder. Every method opens its own connection, so the book
    can be used from any thread or process."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / JOBS_DB
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.executescript(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30.0)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    def _execute(self, sql: str, params: tuple = ()) -> list[tuple]:
        conn = self._connect()
        try:
            with conn:
                return conn.execute(sql, params).fetchall()
        finally:
            conn.close()

    # --- folders ----------------------------------------------------------------

    def upload_path(self, job_id: str, kind: str) -> Path:
        """Where a job's upload waits for its worker: a generated name, the kind's suffix."""
        folder = self.data_dir / "uploads"
        folder.mkdir(exist_ok=True)
        return folder / f"{job_id}.{kind}"

    def upload_folder(self, job_id: str) -> Path:
        """A region job's files: a generated folder, each file under its sanitised display name."""
        folder = self.data_dir / "uploads" / job_id
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def report_dir(self, job_id: str) -> Path:
        return self.data_dir / "reports" / job_id

    def discard_files(self, job_id: str) -> None:
        """Drop a job's upload and any half-written report (a failed job keeps nothing)."""
        for upload in (self.data_dir / "uploads").glob(f"{job_id}.*"):
            upload.unlink(missing_ok=True)
        shutil.rmtree(self.data_dir / "uploads" / job_id, ignore_errors=True)
        shutil.rmtree(self.report_dir(job_id), ignore_errors=True)

    # --- rows -------------------------------------------------------------------

    def create(self, batch: str, file: str, lang: str, kind: str = "check") -> str:
        """A queued job: ``check`` (one file) or ``region`` (a region's files; ``file`` names them)."""
        job_id = new_id()
        now = _now()
        self._execute("INSERT INTO job (id, batch, kind, file, lang, state, stage, created_at, updated_at)"
                      " VALUES (?,?,?,?,?,?,?,?,?)", (job_id, batch, kind, file, lang, "queued", "queued", now, now))
        return job_id

    def update(self, job_id: str, **fields: Any) -> None:
        """Set fields of a job that is still active (a finished job is never reopened)."""
        if "counts" in fields:
            fields["counts"] = json.dumps(fields["counts"], sort_keys=True)
        if "error_params" in fields:
            fields["error_params"] = json.dumps(fields["error_params"], ensure_ascii=False, sort_keys=True, default=str)
        names = sorted(fields)
        assignments = ", ".join(f"{name}=?" for name in names)
        self._execute(f"UPDATE job SET {assignments}, updated_at=? WHERE id=? AND state IN ('queued','running')",
                      (*[fields[n] for n in names], _now(), job_id))

    def fail(self, job_id: str, code: str, params: dict[str, Any]) -> None:
        self.update(job_id, state="failed", stage="failed", error_code=code, error_params=params)
        self.discard_files(job_id)

    def forget(self, job_id: str) -> None:
        """Drop a job that never started (an upload refused part-way): nothing of it is kept."""
        self._execute("DELETE FROM job WHERE id=?", (job_id,))

    def get(self, job_id: str) -> dict[str, Any] | None:
        rows = self._execute(f"SELECT {', '.join(_COLUMNS)} FROM job WHERE id=?", (job_id,))
        return _job(rows[0]) if rows else None

    def batch(self, batch: str) -> list[dict[str, Any]]:
        rows = self._execute(f"SELECT {', '.join(_COLUMNS)} FROM job WHERE batch=? ORDER BY created_at, file",
                             (batch,))
        return [_job(r) for r in rows]

    def recent(self, limit: int = 20) -> list[dict[str, Any]]:
        rows = self._execute(f"SELECT {', '.join(_COLUMNS)} FROM job ORDER BY created_at DESC LIMIT ?", (limit,))
        return [_job(r) for r in rows]

    def active_count(self) -> int:
        return self._execute("SELECT count(*) FROM job WHERE state IN ('queued','running')")[0][0]

    def stuck(self, seconds: float) -> list[str]:
        """Running jobs that have not moved to another stage for ``seconds``."""
        limit = datetime.fromtimestamp(datetime.now(timezone.utc).timestamp() - seconds, timezone.utc)
        rows = self._execute("SELECT id FROM job WHERE state='running' AND updated_at < ?",
                             (limit.isoformat(timespec="milliseconds"),))
        return [r[0] for r in rows]

    def fail_interrupted(self) -> int:
        """On start: the jobs a killed server left queued or running are failed, their files dropped."""
        rows = self._execute("SELECT id, file FROM job WHERE state IN ('queued','running')")
        for job_id, file in rows:
            self.fail(job_id, "job-interrupted", {"file": file})
        return len(rows)


def _job(row: tuple) -> dict[str, Any]:
    job = dict(zip(_COLUMNS, row))
    job["counts"] = json.loads(job["counts"]) if job["counts"] else {}
    job["error_params"] = json.loads(job["error_params"]) if job["error_params"] else {}
    return job


class WorkerPool:
    """At most ``workers`` jobs at once, each in its own process (a crash or a runaway
    PDF takes down one worker, not the server). A pool broken by a dead worker is
    replaced for the next job."""

    def __init__(self, workers: int, initializer: Callable | None = None, initargs: tuple = ()) -> None:
        self.workers = max(1, workers)
        self._initializer, self._initargs = initializer, initargs
        self._lock = Lock()
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn, not fork: the server has threads (the event loop's), which fork would copy mid-state
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=get_context("spawn"),
                                   initializer=self._initializer, initargs=self._initargs)

    def submit(self, fn: Callable, *args: Any) -> Future:
        with self._lock:
            try:
                return self._pool.submit(fn, *args)
            except (BrokenProcessPool, RuntimeError):
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._new_pool()
                return self._pool.submit(fn, *args)

    def shutdown(self) -> None:
        """Stop now: queued jobs are cancelled, running workers ended (their jobs are
        marked failed on the next start)."""
        with self._lock:
            self._end(self._pool)

    def restart(self) -> None:
        """End every worker (a runaway job's among them) and start a fresh pool: the jobs the
        old pool held fail or are queued again (see ``Checker._finished``)."""
        with self._lock:
            old, self._pool = self._pool, self._new_pool()
        self._end(old)

    @staticmethod
    def _end(pool: ProcessPoolExecutor) -> None:
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
