"""The app's one piece of state: uploads in, jobs out.

``Checker.accept`` takes the uploaded files, refuses what can be refused at once
(too large, empty, not a PDF/DOCX/TXT by its content) before anything is written,
stores the rest under generated names and queues one job per file in the worker
pool. The page polls the job book; the API awaits the job's future.
"""

from __future__ import annotations

import asyncio
import re
import unicodedata
from concurrent.futures import Future
from pathlib import Path
from typing import Any, Callable

from starlette.concurrency import run_in_threadpool

from compliance.errors import ComplianceError
from compliance.web.jobs import JobBook, WorkerPool, new_id
from compliance.web.settings import Settings, WebError
from compliance.web.work import run_check, run_region, warm

_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\]+")
QUEUE_PER_WORKER = 16  # jobs waiting per worker before uploads are refused as "busy"


def display_name(filename: str | None) -> str:
    """The name the user gave, as the report shows it: last path part only, no control
    characters, at most 200 characters. It never becomes a path on the server."""
    name = unicodedata.normalize("NFC", (filename or "").replace("\\", "/").rsplit("/", 1)[-1])
    name = _UNSAFE.sub(" ", name).strip(" .") or "unggahan"
    if len(name) > 200:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[:190] + dot + suffix[:9]) if dot and len(suffix) <= 9 else name[:200]
    return name


def _unique(name: str, taken: set[str]) -> str:
    """``perbup.pdf``, then ``perbup (2).pdf`` for a second file of that name."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{stem} ({n}){dot}{suffix}"
    taken.add(candidate.casefold())
    return candidate


class Checker:
    def __init__(self, settings: Settings) -> None:
        from compliance.batch import default_pipeline

        self.settings = settings
        self.book = JobBook(settings.data_dir)
        self.cache_dir = str(settings.cache_dir)
        self._keys = {(lang, None): default_pipeline(settings.catalog, lang, settings.national).catalog_key
                      for lang in ("id", "en")}
        self.pool: WorkerPool | None = None
        self._futures: dict[str, Future] = {}
        self._stopping = False

    def start(self) -> None:
        """Open the store (a damaged one is rebuilt now, not mid-job), fail the jobs a
        killed server left behind, and start the workers."""
        from compliance.store import Store

        Store(Path(self.cache_dir)).close()
        self.book.fail_interrupted()
        self.pool = WorkerPool(self.settings.workers, warm, (self.settings.catalog,))

    def stop(self) -> None:
        self._stopping = True
        if self.pool is not None:
            self.pool.shutdown()

    def catalog_key(self, lang: str, evaluation: str | None = None) -> str:
        """The results store's key of a check in ``lang`` with ``evaluation`` (None: in force today)."""
        if (lang, evaluation) not in self._keys:
            from compliance.batch import default_pipeline

            self._keys[lang, evaluation] = default_pipeline(self.settings.catalog, lang, self.settings.national,
                                                            evaluation).catalog_key
        return self._keys[lang, evaluation]

    # --- uploads ------------------------------------------------------------------

    async def accept(self, uploads: list[Any], lang: str, evaluation: str | None = None) -> tuple[str, list[str]]:
        """Queue one job per upload; return the batch id and the job ids. One file that
        must be refused raises; among several, a refused file becomes a failed job.
        ``evaluation``: the instrument of the report's evaluation section (None: in force)."""
        if not uploads:
            raise WebError("upload-missing", status=400)
        if self.book.active_count() >= self.settings.workers * QUEUE_PER_WORKER:
            raise WebError("server-busy", status=429, queued=self.book.active_count())
        batch, jobs = new_id(), []
        for upload in uploads:  # one file in memory at a time
            name = display_name(getattr(upload, "filename", None))
            data = await upload.read()
            try:
                kind = self._kind(name, data)
            except ComplianceError as exc:
                if len(uploads) == 1:
                    raise
                job_id = self.book.create(batch, name, lang)
                self.book.fail(job_id, exc.code, {**exc.params, "file": name})
                jobs.append(job_id)
                continue
            job_id = self.book.create(batch, name, lang)
            path = self.book.upload_path(job_id, kind)
            await run_in_threadpool(path.write_bytes, data)
            del data
            national = str(self.settings.national) if self.settings.national else None
            self._submit(job_id, run_check, str(self.book.data_dir), job_id, str(path), name, lang,
                         self.settings.catalog, self.catalog_key(lang, evaluation), self.cache_dir, national, evaluation)
            jobs.append(job_id)
        return batch, jobs

    async def accept_region(self, uploads: list[Any], lang: str, evaluation: str | None = None) -> str:
        """Queue one region job over all the uploads (as ``compliance region FOLDER``); a file
        the batch cannot read is reported in the assessment; one too large, or without a PDF/DOCX/TXT
        name whose content is none of them either, refuses the upload."""
        if not uploads:
            raise WebError("upload-missing", status=400)
        if self.book.active_count() >= self.settings.workers * QUEUE_PER_WORKER:
            raise WebError("server-busy", status=429, queued=self.book.active_count())
        job_id = self.book.create(new_id(), f"{len(uploads)} berkas", lang, kind="region")
        folder = self.book.upload_folder(job_id)
        taken: set[str] = set()
        try:
            for upload in uploads:
                data = await upload.read()
                if len(data) > self.settings.max_upload:
                    raise WebError("upload-too-large", status=413, limit=self.settings.max_upload // (1024 * 1024))
                name = display_name(upload.filename)
                if Path(name).suffix.lower() not in (".pdf", ".docx", ".txt"):  # the batch reads these only
                    name = f"{name}.{self._kind(name, data)}"
                await run_in_threadpool((folder / _unique(name, taken)).write_bytes, data)
        except BaseException:
            self.book.fail(job_id, "upload-bad-form", {"reason": "-"})
            self.book.forget(job_id)
            raise
        self._submit(job_id, run_region, str(self.book.data_dir), job_id, str(folder), lang, self.settings.catalog,
                     self.cache_dir, evaluation)
        return job_id

    async def accept_amend(self, upload: Any, lang: str, replace: bool = False) -> str:
        """Queue an amend job (``compliance amend``) for one upload; a file that must be
        refused (too large, empty, not PDF/DOCX/TXT) raises before anything is written."""
        from compliance.web.draft_work import run_amend

        (name, kind, data), = await self._read_uploads([upload])
        job_id = self.book.create(new_id(), name, lang, kind="amend")
        path = self.book.upload_path(job_id, kind)
        await run_in_threadpool(path.write_bytes, data)
        self._submit(job_id, run_amend, str(self.book.data_dir), job_id, str(path), name, lang, self.settings.catalog,
                     replace)
        return job_id

    async def accept_diff(self, old: Any, new: Any, lang: str) -> str:
        """Queue a diff job (``compliance diff OLD NEW``) for two uploads; either refused refuses both."""
        from compliance.web.draft_work import run_diff

        files = await self._read_uploads([old, new])
        job_id = self.book.create(new_id(), " → ".join(name for name, _, _ in files), lang, kind="diff")
        stored = []
        for role, (name, kind, data) in zip(("lama", "baru"), files):
            path = self.book.upload_path(job_id, f"{role}.{kind}")
            await run_in_threadpool(path.write_bytes, data)
            stored.append((str(path), name))
        self._submit(job_id, run_diff, str(self.book.data_dir), job_id, stored[0], stored[1], lang,
                     self.settings.catalog)
        return job_id

    async def _read_uploads(self, uploads: list[Any]) -> list[tuple[str, str, bytes]]:
        """(display name, kind, bytes) of each upload, each checked as ``accept`` checks one."""
        if self.book.active_count() >= self.settings.workers * QUEUE_PER_WORKER:
            raise WebError("server-busy", status=429, queued=self.book.active_count())
        read = []
        for upload in uploads:
            name = display_name(getattr(upload, "filename", None))
            data = await upload.read()
            read.append((name, self._kind(name, data), data))
        return read

    def _kind(self, name: str, data: bytes) -> str:
        """pdf, docx or txt from the content (as ``compliance check`` decides it)."""
        from compliance.extract import sniff

        if len(data) > self.settings.max_upload:
            raise WebError("upload-too-large", status=413, limit=self.settings.max_upload // (1024 * 1024))
        if not data:
            raise ComplianceError("file-empty", file=name)
        return sniff(data, Path(name))

    def _submit(self, job_id: str, fn: Callable, *args: Any) -> None:
        future = self.pool.submit(fn, *args)
        self._futures[job_id] = future
        future.add_done_callback(lambda f: self._finished(job_id, fn, args, f))

    def _finished(self, job_id: str, fn: Callable, args: tuple, future: Future) -> None:
        """A worker that died (killed, out of memory, stopped by the watchdog) fails the job it
        was running; a job still waiting in the broken pool is queued again in the new one."""
        if self._futures.get(job_id) is future:
            del self._futures[job_id]
        if not future.cancelled() and future.exception() is None:
            return
        job = self.book.get(job_id) or {}
        if job.get("state") == "queued" and not self._stopping:
            self._submit(job_id, fn, *args)
            return
        self.book.fail(job_id, "job-interrupted" if future.cancelled() else "worker-died",
                       {"file": job.get("file", "-")})

    async def watch(self) -> None:
        """Stop a job that has spent longer than ``job_timeout`` in one stage: its worker is
        ended (the pool replaced), the job failed; the page and the other jobs go on."""
        interval = min(5.0, self.settings.job_timeout / 2)
        while True:
            await asyncio.sleep(interval)
            stuck = [j for j in self.book.stuck(self.settings.job_timeout) if j in self._futures]
            for job_id in stuck:
                job = self.book.get(job_id) or {}
                self.book.fail(job_id, "job-stuck", {"file": job.get("file", "-"),
                                                     "seconds": int(self.settings.job_timeout)})
            if stuck:
                self.pool.restart()

    async def wait(self, job_id: str, timeout: float) -> dict[str, Any]:
        """The job once finished (the event loop stays free meanwhile). A job queued again
        after a worker died is followed to its new future."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while (future := self._futures.get(job_id)) is not None:
            try:
                await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), max(0.0, deadline - loop.time()))
            except asyncio.TimeoutError:
                raise WebError("job-timeout", status=504, seconds=int(timeout), url=f"/pekerjaan/{job_id}") from None
            except Exception:  # noqa: S110 - recorded (or the job queued again) by _finished, which ran first
                pass
        return self.book.get(job_id) or {}
