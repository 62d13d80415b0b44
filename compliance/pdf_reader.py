"""Read every page of a PDF in a worker process, so no page can hang the caller.

pdfium is not thread-safe and a pdfium call cannot be interrupted, so the only
sure way to abandon a page that takes too long (or crashes pdfium) is to run
the pages in a child process and kill it. One long-lived child serves the
documents of this process one after another (starting a process per document
cost more than the rebuilding of lines), sending each page's text back through
a pipe; the parent waits at most ``page_timeout`` seconds per page. When a page
is abandoned the child is killed and a fresh one resumes at the next page.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from multiprocessing.connection import Connection

import pypdfium2 as pdfium

from compliance.errors import ComplianceError
from compliance.models import Page, Warning_
from compliance.pdf_lines import page_text

# pdfium's document-loading error codes (FPDF_GetLastError).
_ERR_PASSWORD = 4
_ERR_SECURITY = 5

_END = "end"  # sent by the worker after the last page of a document


def open_pdf(data: bytes, name: str) -> pdfium.PdfDocument:
    """Open PDF bytes, turning pdfium's failures into one-line errors."""
    if b"%%EOF" not in data[-2048:]:
        # pdfium silently repairs a cut-off file and returns fewer pages: refuse it.
        raise ComplianceError("pdf-corrupt", file=name, reason="truncated: no %%EOF marker")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (_ERR_PASSWORD, _ERR_SECURITY):
            raise ComplianceError("pdf-encrypted", file=name) from None
        raise ComplianceError("pdf-corrupt", file=name, reason=str(exc)) from None
    if len(pdf) == 0:
        pdf.close()
        raise ComplianceError("pdf-corrupt", file=name, reason="no pages")
    return pdf


def read_pages(data: bytes, name: str, page_timeout: float) -> tuple[list[Page], list[Warning_]]:
    """Text of every page in order; abandoned or unreadable pages are empty, with a warning."""
    pdf = open_pdf(data, name)
    count = len(pdf)
    pdf.close()
    texts: dict[int, str] = {}
    warnings: list[Warning_] = []
    if multiprocessing.current_process().daemon:
        # a daemonic process (e.g. a multiprocessing.Pool worker) may not start children:
        # read in-process; the pool that owns this process is then the only time bound
        for number, text, error in _page_results(data, 1):
            _record(number, text, error, texts, warnings)
    else:
        with _LOCK:
            number = 1
            while number <= count:
                worker = _worker()
                try:
                    worker.send((data, number))
                    number, finished = _collect(worker, number, count, page_timeout, texts, warnings)
                except BaseException:  # interrupted: the worker may still be sending this document
                    stop_worker()
                    raise
                if not finished:
                    stop_worker()
    return [Page(n, texts.get(n, "")) for n in range(1, count + 1)], warnings


def _collect(worker: Connection, number: int, count: int, page_timeout: float,
             texts: dict[int, str], warnings: list[Warning_]) -> tuple[int, bool]:
    """Receive one document's pages; return the page to resume at, and whether the worker is still sound."""
    while True:
        try:
            message = worker.recv() if worker.poll(page_timeout) else None
        except (EOFError, OSError):  # the worker died on this page (pdfium crash)
            warnings.append(Warning_("page-unreadable", detail="worker stopped", page=number))
            return number + 1, False
        if message == _END:
            return count + 1, True
        if message is None:
            warnings.append(Warning_("page-timeout", detail=f"{page_timeout:g}s", page=number))
            return number + 1, False
        _record(*message, texts, warnings)
        number = message[0] + 1


def _record(number: int, text: str, error: str, texts: dict[int, str], warnings: list[Warning_]) -> None:
    if error:
        warnings.append(Warning_("page-unreadable", detail=error, page=number))
    texts[number] = text


def _serve(connection: Connection) -> None:
    """Worker: for each (bytes, first page) received, send (page, text, error) per page, then _END."""
    while True:
        try:
            data, first = connection.recv()
        except EOFError:
            return
        for result in _page_results(data, first):
            connection.send(result)
        connection.send(_END)


def _page_results(data: bytes, first: int):
    """(page number, text, error) for pages ``first``.., one page loaded at a time."""
    pdf = pdfium.PdfDocument(data)
    for number in range(first, len(pdf) + 1):
        try:
            page = pdf[number - 1]
            textpage = page.get_textpage()
            text, error = page_text(textpage), ""
            textpage.close()
            page.close()
        except pdfium.PdfiumError as exc:
            text, error = "", str(exc)
        yield number, text, error
    pdf.close()


# --- the worker process ----------------------------------------------------------

_LOCK = threading.Lock()  # one document at a time through the worker
_WORKER: tuple[int, multiprocessing.Process, Connection] | None = None  # (owner pid, process, pipe)


def _worker() -> Connection:
    """The pipe to this process's worker, started on first use."""
    global _WORKER
    if _WORKER is not None and _WORKER[0] != os.getpid():
        _WORKER = None  # inherited through a fork: that worker belongs to the parent
    if _WORKER is None:
        context = _context()
        ours, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(theirs,), daemon=True)
        process.start()
        theirs.close()
        _WORKER = (os.getpid(), process, ours)
    return _WORKER[2]


def stop_worker() -> None:
    """Kill this process's worker (it is restarted on the next read)."""
    global _WORKER
    if _WORKER is not None and _WORKER[0] == os.getpid():
        _, process, connection = _WORKER
        connection.close()
        process.kill()
        process.join()
    _WORKER = None


def _context():
    """Fork where available: the child inherits the loaded pdfium, so it starts in ms."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")
