"""Read every page of a PDF in a worker process, so no page can hang the caller.

pdfium is not thread-safe and a pdfium call cannot be interrupted, so the only
sure way to abandon a page that takes too long (or crashes pdfium) is to run
the pages in a child process and kill it. One child serves a whole document,
page after page, sending each page's text back through a pipe; the parent
waits at most ``page_timeout`` seconds per page. When a page is abandoned the
child is killed and a fresh one resumes at the next page.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection

import pypdfium2 as pdfium

from compliance.errors import ComplianceError
from compliance.models import Page, Warning_
from compliance.pdf_lines import page_text

# pdfium's document-loading error codes (FPDF_GetLastError).
_ERR_PASSWORD = 4
_ERR_SECURITY = 5


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
        return [Page(n, texts.get(n, "")) for n in range(1, count + 1)], warnings
    context = _context()
    number = 1
    while number <= count:
        receiver, sender = context.Pipe(duplex=False)
        worker = context.Process(target=_serve_pages, args=(data, number, sender))
        worker.start()
        sender.close()
        try:
            number = _collect(receiver, number, count, page_timeout, texts, warnings)
        finally:
            receiver.close()
            if worker.is_alive():
                worker.kill()
            worker.join()
    return [Page(n, texts.get(n, "")) for n in range(1, count + 1)], warnings


def _collect(receiver: Connection, number: int, count: int, page_timeout: float,
             texts: dict[int, str], warnings: list[Warning_]) -> int:
    """Receive pages from one worker; return the page to resume at after it stops."""
    while number <= count:
        try:
            ready = receiver.poll(page_timeout)
            message = receiver.recv() if ready else None
        except (EOFError, OSError):  # the worker died on this page (pdfium crash)
            warnings.append(Warning_("page-unreadable", detail="worker stopped", page=number))
            return number + 1
        if message is None:
            warnings.append(Warning_("page-timeout", detail=f"{page_timeout:g}s", page=number))
            return number + 1
        _record(*message, texts, warnings)
        number = message[0] + 1
    return number


def _record(number: int, text: str, error: str, texts: dict[int, str], warnings: list[Warning_]) -> None:
    if error:
        warnings.append(Warning_("page-unreadable", detail=error, page=number))
    texts[number] = text


def _serve_pages(data: bytes, first: int, sender: Connection) -> None:
    """Worker: send (page, text, error) for pages ``first``.. one at a time."""
    for result in _page_results(data, first):
        sender.send(result)
    sender.close()


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


def _context():
    """Fork where available: the child inherits the loaded pdfium and the bytes, so it starts in ms."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")
