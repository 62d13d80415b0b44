"""Read every page of a PDF in a worker process, so no page can hang the caller.

pdfium is not thread-safe and a pdfium call cannot be interrupted, so the only
sure way to abandon a page that takes too long (or crashes pdfium) is to run
the pages in a child process and kill it. One long-lived child serves the
documents of this process one after another (starting a process per document
cost more than the rebuilding of lines), sending each page's text (or, for
OCR, its rendered image) back through a pipe; the parent waits at most
``page_timeout`` seconds per page. When a page is abandoned the child is
killed and a fresh one resumes at the next page.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import threading
from multiprocessing.connection import Connection

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from compliance.errors import ComplianceError
from compliance.models import Page, Warning_
from compliance.pdf_lines import page_text
from compliance.workers import die_with_parent

# pdfium's document-loading error codes (FPDF_GetLastError).
_ERR_PASSWORD = 4
_ERR_SECURITY = 5

# A page with fewer visible characters than this, mostly covered by one image, is a scan
# whose words are in the picture (see looks_scanned).
SCAN_MAX_TEXT = 64  # a stamp or watermark line; the shortest real last page is longer
SCAN_MIN_COVER = 0.5  # share of the page under images; a logo or a signature is far less
# The largest page image rendered for OCR (an A2 sheet at 300 dpi): a bigger page (a poster,
# a broken media box of 200 x 200 inches) is rendered at a lower resolution, not at gigabytes.
MAX_PIXELS = 36_000_000

TIMEOUT = "timeout"  # the problem reported for a page abandoned after page_timeout
STOPPED = "worker stopped"  # ... and for a page during which the worker died


def open_pdf(data: bytes, name: str) -> pdfium.PdfDocument:
    """Open PDF bytes, turning pdfium's failures into one-line errors."""
    if b"%%EOF" not in data[-2048:]:
        # pdfium silently repairs a cut-off file and returns fewer pages: refuse it.
        raise ComplianceError("pdf-truncated", file=name)
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


def read_pages(data: bytes, name: str, page_timeout: float) -> tuple[list[Page], list[Warning_], list[int]]:
    """Text of every page in order (abandoned or unreadable pages are empty, with a warning),
    and the numbers of the pages that look like scans (see ``looks_scanned``)."""
    with _LOCK:  # pdfium is not thread-safe, in this process either
        pdf = open_pdf(data, name)
        count = len(pdf)
        pdf.close()
    texts: dict[int, str] = {}
    scans: list[int] = []
    warnings: list[Warning_] = []
    for number, result, problem in run_pages("text", data, list(range(1, count + 1)), page_timeout):
        if problem == TIMEOUT:
            warnings.append(Warning_("page-timeout", detail=f"{page_timeout:g}s", page=number))
        elif problem:
            warnings.append(Warning_("page-unreadable", detail=problem, page=number))
        else:
            texts[number] = result[0]
            if result[1]:
                scans.append(number)
    return [Page(n, texts.get(n, "")) for n in range(1, count + 1)], warnings, scans


def run_pages(job: str, data: bytes, numbers: list[int], page_timeout: float, dpi: int = 0):
    """Yield (page number, result, problem) for each page of ``numbers``, computed in the worker.

    ``job`` is ``text`` (the page's lines) or ``render`` (``render_pgm`` at ``dpi``).
    ``problem`` is "" on success, ``TIMEOUT`` for a page abandoned after
    ``page_timeout`` seconds, else why the page failed; the result is then None.
    """
    if multiprocessing.current_process().daemon:
        # a daemonic process (e.g. a multiprocessing.Pool worker) may not start children:
        # work in-process; the pool that owns this process is then the only time bound
        yield from _page_results(job, data, numbers, dpi)
        return
    with _LOCK:
        pending = list(numbers)
        while pending:
            worker = _worker()
            try:
                worker.send((job, data, pending, dpi))
                while pending:
                    number = pending.pop(0)
                    try:
                        message = worker.recv() if worker.poll(page_timeout) else (number, None, TIMEOUT)
                    except (EOFError, OSError):  # the worker died on this page (pdfium crash)
                        message = (number, None, STOPPED)
                    if message[2] in (TIMEOUT, STOPPED):
                        stop_worker()  # a fresh worker takes the remaining pages
                        yield message
                        break
                    yield message
            except BaseException:  # interrupted: the worker may still be sending this request
                stop_worker()
                raise


def _serve(connection: Connection, parent_pid: int, by_main_thread: bool) -> None:
    """Worker: for each (job, bytes, page numbers, dpi) received, send one result per page.
    It ends with its parent (a batch worker killed for its memory takes its reader along)."""
    die_with_parent(parent_pid, by_main_thread)
    while True:
        try:
            job, data, numbers, dpi = connection.recv()
        except EOFError:
            return
        for result in _page_results(job, data, numbers, dpi):
            connection.send(result)


def _page_results(job: str, data: bytes, numbers: list[int], dpi: int):
    """(page number, result, problem) for ``numbers``, one page loaded at a time."""
    pdf = pdfium.PdfDocument(data)
    try:
        for number in numbers:
            page = None
            try:
                page = pdf[number - 1]
                result = _page_text(page) if job == "text" else render_pgm(page, dpi)
                problem = ""
            except pdfium.PdfiumError as exc:
                result, problem = None, str(exc)
            finally:
                if page is not None:
                    page.close()
            yield number, result, problem
    finally:
        pdf.close()


def _page_text(page: pdfium.PdfPage) -> tuple[str, bool]:
    textpage = page.get_textpage()
    try:
        text = page_text(textpage)
    finally:
        textpage.close()
    return text, looks_scanned(page, text)


def looks_scanned(page: pdfium.PdfPage, text: str) -> bool:
    """A page with little text that is mostly pictures: a scan whose text layer is only a
    page number, a stamp or a watermark ("www.jdih..."), so its words are in the picture.
    Scanners store a page as one image or as a stack of strips, so the images' areas add up."""
    if len("".join(text.split())) >= SCAN_MAX_TEXT:
        return False
    width, height = page.get_size()
    covered = 0.0
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = image.get_bounds()
        covered += (right - left) * (top - bottom)
    return covered >= SCAN_MIN_COVER * width * height


def render_pgm(page: pdfium.PdfPage, dpi: int) -> tuple[bytes, int]:
    """The page as an 8-bit grey PGM image (what tesseract reads from stdin) and its resolution:
    ``dpi``, or less for a page so large that the image would pass ``MAX_PIXELS``."""
    width, height = page.get_size()
    dpi = max(1, min(dpi, int(72 * math.sqrt(MAX_PIXELS / max(width * height, 1.0)))))
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    pixels = bytes(bitmap.buffer)
    bitmap.close()
    if stride != width:
        pixels = b"".join(pixels[row * stride : row * stride + width] for row in range(height))
    return b"P5\n%d %d\n255\n" % (width, height) + pixels, dpi


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
        by_main_thread = threading.current_thread() is threading.main_thread()
        process = context.Process(target=_serve, args=(theirs, os.getpid(), by_main_thread), daemon=True)
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
