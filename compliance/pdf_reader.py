"""Read every page of a PDF in a worker process, so no page can hang the caller.

pdfium is not thread-safe and a pdfium call cannot be interrupted, so the only
sure way to abandon a page that takes too long (or crashes pdfium) is to run
the pages in a child process and kill it. One long-lived child serves the
documents of this process one after another (starting a process per document
cost more than the rebuilding of lines), receiving each PDF as an in-memory file
(``pdf_handover``) and sending the pages' texts back through a pipe in batches (a
message per page cost more than the rebuilding of lines too) and each rendered image
(for OCR) at once. The child also opens the PDF and says first how many pages it has, so
the caller never loads it into pdfium (one opening less, and a file that crashes or hangs
pdfium as it opens stops the child, not the caller). The child marks in shared memory which page
it is on and since when, so the parent, woken by a batch or by ``page_timeout``,
abandons exactly the page that ran past ``page_timeout``: it kills the child, and a
fresh one reads the pages not received yet, except that one. The bounds of ``compliance.limits``
hold here: pages per document, a deadline for the whole document, pixels per rendered
page, and the worker's address space (an allocation bomb fails that page at once
instead of waking the OOM killer).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from pathlib import Path
from multiprocessing.connection import Connection

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from compliance.errors import ComplianceError
from compliance.limits import MB, Deadline, Limits, exceeded
from compliance.models import Page, Warning_
from compliance.pdf_lines import page_text
from compliance.pdf_handover import receive_pdf, send_pdf
from compliance.pdf_page import MAX_PIXELS, PageTooLarge, looks_scanned_at, render_pgm, text_page
from compliance.workers import die_with_parent

# pdfium's document-loading error codes (FPDF_GetLastError).
_ERR_FORMAT = 3
_ERR_PASSWORD = 4
_ERR_SECURITY = 5

OPENED = 0  # the "page number" of the worker's first message: the PDF opened, its page count
TIMEOUT = "timeout"  # the problem reported for a page abandoned after page_timeout
STOPPED = "worker-stopped"  # ... and for a page during which the worker died
OUT_OF_MEMORY = "memory-limit"  # ... and for a page that asked for more than reader_memory
# The worker sends the texts read so far once this many seconds have passed since its last
# message (and at the end of the document): a few messages per document, not one per page.
# If it is killed, at most this much reading is done again.
BATCH_SECONDS = 0.1


def refuse_truncated(data: bytes, name: str) -> None:
    """pdfium silently repairs a cut-off file and returns fewer pages: refuse it."""
    if b"%%EOF" not in data[-2048:]:
        raise ComplianceError("pdf-truncated", file=name)


def open_pdf(data: bytes, name: str) -> pdfium.PdfDocument:
    """Open PDF bytes, turning pdfium's failures into one-line errors."""
    refuse_truncated(data, name)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (_ERR_PASSWORD, _ERR_SECURITY):
            raise ComplianceError("pdf-encrypted", file=name) from None
        reason = "pdf-format" if exc.err_code == _ERR_FORMAT else "pdf-error:" + (str(exc).splitlines() or ["?"])[0]
        raise ComplianceError("pdf-corrupt", file=name, reason=reason) from None
    if len(pdf) == 0:
        pdf.close()
        raise ComplianceError("pdf-corrupt", file=name, reason="no-pages")
    return pdf


def read_pages(data: bytes, name: str, limits: Limits | None = None, deadline: Deadline | None = None,
               while_reading=None) -> tuple[list[Page], list[Warning_], list[int]]:
    """Text of every page in order (abandoned or unreadable pages are empty, with a warning),
    and the numbers of the pages that look like scans (see ``looks_scanned``). The worker
    opens the PDF and says first how many pages it has (``OPENED``): this process loads no
    page of it, and a file that crashes or hangs pdfium as it opens stops the worker only.
    Then ``while_reading()`` is called, work that takes no time of its own on a second core.

    Raises ``ComplianceError`` for a damaged file, more pages than ``limits.max_pages`` or
    when no page could be read, ``OutOfTime`` past the ``deadline``."""
    limits = limits or Limits()
    refuse_truncated(data, name)
    count, failure = 0, None
    texts: dict[int, str] = {}
    scans: list[int] = []
    warnings: list[Warning_] = []
    for number, result, problem in run_pages("text", data, None, limits, deadline):
        if number == OPENED:
            count, failure = result or 0, problem
            if while_reading is not None:
                while_reading()
        elif problem == TIMEOUT:
            warnings.append(Warning_("page-timeout", detail=f"{limits.page_timeout:g}s", page=number))
        elif problem == OUT_OF_MEMORY:
            warnings.append(Warning_("page-memory", detail=f"{limits.reader_memory / MB:g}", page=number))
        elif problem:
            warnings.append(Warning_("page-unreadable", detail=problem, page=number))
        else:
            texts[number] = result[0]
            if result[1]:
                scans.append(number)
    if failure:
        raise _not_opened(failure, name, limits)
    if exceeded(limits.max_pages, count):
        raise ComplianceError("limit-pages", file=name, count=count, limit=limits.max_pages)
    if not texts:  # every page abandoned or unreadable: nothing to go on
        first = warnings[0]
        if first.code == "page-memory":
            raise ComplianceError("limit-memory", file=name, page=first.page, limit=first.detail)
        reason = f"timeout:{limits.page_timeout:g}" if first.code == "page-timeout" else first.detail
        raise ComplianceError("pdf-unreadable", file=name, page=first.page, reason=reason)
    return [Page(n, texts.get(n, "")) for n in range(1, count + 1)], warnings, scans


def _not_opened(failure, name: str, limits: Limits) -> ComplianceError:
    """The error for a PDF the worker could not open: pdfium's reason, or the worker's death."""
    if isinstance(failure, tuple):  # open_pdf's error: (code, parameters)
        return ComplianceError(failure[0], file=name, **failure[1])
    reason = f"{TIMEOUT}:{limits.page_timeout:g}" if failure == TIMEOUT else failure
    return ComplianceError("pdf-corrupt", file=name, reason=reason)


def run_pages(job: str, data: bytes, numbers: list[int] | None, limits: Limits | None = None,
              deadline: Deadline | None = None, dpi: int = 0):
    """Yield (page number, result, problem) for each page of ``numbers``, computed in the worker.
    With ``numbers`` None, every page: first comes (``OPENED``, page count, problem), where
    problem is "" or why the PDF could not be opened (then no page follows, nor when the
    count passes ``limits.max_pages``).

    ``job`` is ``text`` (the page's lines) or ``render`` (``render_pgm`` at ``dpi``).
    ``problem`` is "" on success, ``TIMEOUT`` for a page abandoned after
    ``limits.page_timeout`` seconds, else why the page failed; the result is then None.
    Pages come in the order of ``numbers``, except that the pages a fresh worker reads
    again after an abandoned one come after it. Raises ``OutOfTime`` when the ``deadline`` passes.
    """
    limits = limits or Limits()
    deadline = deadline or Deadline(0)
    if multiprocessing.current_process().daemon:
        # a daemonic process (e.g. a multiprocessing.Pool worker) may not start children:
        # work in-process; only the deadline is checked, between pages
        for message in _page_results(job, data, numbers, dpi, limits.max_pixels, max_pages=limits.max_pages):
            deadline.check()
            yield message
        return
    with _LOCK:
        pending = None if numbers is None else list(numbers)
        while pending is None or pending:
            worker, progress = _worker()
            try:
                # the first page's clock (or the opening's) runs from now
                progress[0], progress[1] = time.monotonic(), pending[0] if pending else OPENED
                send_pdf(worker, (job, pending, dpi, limits), data, _WORKER[1].pid)
                pending = yield from _receive(worker, progress, pending, limits, deadline)
            except BaseException:  # interrupted: the worker may still be sending this request
                stop_worker()
                raise


def _receive(worker: Connection, progress, pending: list[int] | None, limits: Limits, deadline: Deadline):
    """Yield the worker's results for ``pending`` (None: the pages the worker opens the PDF
    with) until all came, or until a page (or the opening) ran past ``page_timeout`` or the
    worker died on it (its problem is yielded and the worker stopped); return the pages
    still to read."""
    waiting = None if pending is None else set(pending)
    wait = limits.page_timeout
    while waiting is None or waiting:
        batch = None
        try:
            if worker.poll(deadline.bound(wait)):
                batch = worker.recv()
        except (EOFError, OSError):  # the worker died on this page (pdfium crash or memory)
            problem = _why_stopped(limits)
        else:
            if batch is not None:
                for message in batch:
                    if message[0] == OPENED:
                        count = message[1] or 0
                        pending = [] if message[2] or exceeded(limits.max_pages, count) else list(range(1, count + 1))
                        waiting = set(pending)
                    else:
                        waiting.discard(message[0])
                    yield message
                wait = limits.page_timeout
                continue
            deadline.check()
            if not limits.page_timeout:
                continue  # woken early: only the deadline bounds a page
            # no batch for a while: the page the worker is on may have started since the last one
            wait = progress[0] + limits.page_timeout - time.monotonic()
            if wait > 0:
                continue
            problem = TIMEOUT
        number = int(progress[1])
        if waiting is None:  # it died or hung opening the PDF
            stop_worker()
            yield OPENED, None, problem
            return []
        if number not in waiting:  # not on a page (cannot happen): blame the next one, as before
            number = next(n for n in pending if n in waiting)
        stop_worker()  # a fresh worker takes the remaining pages
        waiting.discard(number)
        yield number, None, problem
        return [n for n in pending if n in waiting]
    return []


def _why_stopped(limits: Limits) -> str:
    """Why the worker died: pdfium aborts (SIGABRT, a failed allocation) when a page passes
    the memory cap; any other death is a crash."""
    process = _WORKER[1] if _WORKER is not None else None
    if process is not None and limits.reader_memory:
        process.join(5)
        if process.exitcode == -signal.SIGABRT:
            return OUT_OF_MEMORY
    return STOPPED


def _serve(connection: Connection, progress, parent_pid: int, by_main_thread: bool) -> None:
    """Worker: for each (job, page numbers or None, dpi, limits) and PDF bytes received, send lists of
    per-page results (texts batched, see ``BATCH_SECONDS``; each image alone), marking the
    page it is on in ``progress``. It ends with its parent (a batch worker killed for its
    memory takes its reader along)."""
    die_with_parent(parent_pid, by_main_thread)
    while True:
        try:
            job, numbers, dpi, limits, shared = connection.recv()
            data = receive_pdf(connection, shared)
        except EOFError:
            return
        _limit_memory(limits.reader_memory)
        batch_seconds = BATCH_SECONDS if job == "text" else 0.0
        batch, sent = [], time.monotonic()
        for result in _page_results(job, data, numbers, dpi, limits.max_pixels, progress, limits.max_pages):
            batch.append(result)
            if time.monotonic() - sent >= batch_seconds or result[0] == OPENED:
                connection.send(batch)
                batch, sent = [], time.monotonic()
        if batch:
            connection.send(batch)
        del data  # unmaps the file until the next request


def _limit_memory(extra: int) -> None:
    """Cap this (worker) process's address space at what it maps now plus ``extra`` bytes: a
    page that asks for more fails at once (MemoryError, or pdfium stops the worker) instead
    of growing until the OOM killer picks a process. Linux only (``/proc``); else no cap."""
    try:
        import resource

        mapped = int(Path("/proc/self/statm").read_text().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = mapped + extra if extra else resource.RLIM_INFINITY
        if hard != resource.RLIM_INFINITY:
            cap = hard if cap == resource.RLIM_INFINITY else min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, OSError, ValueError):
        return


def _page_results(job: str, data: bytes, numbers: list[int] | None, dpi: int, max_pixels: int = MAX_PIXELS,
                  progress=None, max_pages: int = 0):
    """(page number, result, problem) for ``numbers``, one page loaded at a time; any failure
    of one page (pdfium's, a page too large to render, memory) is that page's problem.
    ``numbers`` None: every page, after (``OPENED``, count, problem) — see ``run_pages``.
    ``progress`` (shared with the parent) gets (start time, number) of each page whose clock
    the parent did not start (it starts the first one's, or the opening's)."""
    if numbers is None:
        try:
            pdf = open_pdf(data, "")
        except ComplianceError as exc:
            yield OPENED, None, (exc.code, {k: v for k, v in exc.params.items() if k != "file"})
            return
        yield OPENED, len(pdf), ""
        numbers, timed = ([] if exceeded(max_pages, len(pdf)) else range(1, len(pdf) + 1)), 0
    else:
        pdf, timed = pdfium.PdfDocument(data), 1
    try:
        for index, number in enumerate(numbers):
            if progress is not None and index >= timed:
                progress[0], progress[1] = time.monotonic(), number
            page = None
            try:
                if job == "text":
                    result = _page_text(pdf, number)
                else:
                    page = pdf[number - 1]
                    result = render_pgm(page, dpi, max_pixels)
                problem = ""
            except MemoryError:
                result, problem = None, OUT_OF_MEMORY
            except PageTooLarge:
                result, problem = None, "page-too-large"
            except Exception as exc:  # noqa: BLE001 - a hostile page must not stop the worker
                result, problem = None, "page-error:" + (str(exc).splitlines() or [type(exc).__name__])[0]
            finally:
                if page is not None:
                    page.close()
            yield number, result, problem
    finally:
        pdf.close()


def _page_text(pdf: pdfium.PdfDocument, number: int) -> tuple[str, bool]:
    """The page's text and whether it looks scanned (``looks_scanned``)."""
    with text_page(pdf, number - 1) as textpage:
        text = page_text(textpage)
    return text, looks_scanned_at(pdf, number - 1, text)


# --- the worker process ----------------------------------------------------------

_LOCK = threading.Lock()  # one document at a time through the worker
# (owner pid, process, pipe, progress: start time and number of the page the worker is on)
_WORKER: tuple[int, multiprocessing.Process, Connection, object] | None = None


def _worker() -> tuple[Connection, object]:
    """The pipe to this process's worker and its progress, started on first use."""
    global _WORKER
    if _WORKER is not None and _WORKER[0] != os.getpid():
        _WORKER = None  # inherited through a fork: that worker belongs to the parent
    if _WORKER is not None and not _WORKER[1].is_alive():
        stop_worker()  # died between documents (killed from outside): start a fresh one
    if _WORKER is None:
        context = _context()
        ours, theirs = context.Pipe()
        progress = context.RawArray("d", 2)
        by_main_thread = threading.current_thread() is threading.main_thread()
        process = context.Process(target=_serve, args=(theirs, progress, os.getpid(), by_main_thread), daemon=True)
        process.start()
        theirs.close()
        _WORKER = (os.getpid(), process, ours, progress)
    return _WORKER[2], _WORKER[3]


def stop_worker() -> None:
    """Kill this process's worker (it is restarted on the next read)."""
    global _WORKER
    if _WORKER is not None and _WORKER[0] == os.getpid():
        _, process, connection, _ = _WORKER
        connection.close()
        process.kill()
        process.join()
    _WORKER = None


def _context():
    """Fork where available: the child inherits the loaded pdfium, so it starts in ms."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")
