"""OCR of PDF pages that have no text layer, through the ``tesseract`` command.

Pages are rendered by pdfium in this thread (pdfium is not thread-safe) and
handed to one ``tesseract`` process each, ``jobs`` at a time, every process
limited to one OpenMP thread (parallel pages beat parallel threads inside
one page) and to ``page_timeout`` seconds. At most ``jobs + 1`` page images
are in memory at once. Images go through stdin as PGM, so no temporary files.

200 dpi is the default: on the corpus it read a clean page as well as 300 dpi
(99% similar to the text layer either way), read a 72-dpi scan better, and
took about two thirds of the time (see ``bench/bench_ocr.py``).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path

import pypdfium2 as pdfium

from compliance.errors import ComplianceError

DEFAULT_DPI = 200
DEFAULT_LANG = "ind"
TESSERACT = "tesseract"


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def ocr_pages(pdf_path: Path, page_numbers: list[int], dpi: int = DEFAULT_DPI, jobs: int | None = None, *,
              page_timeout: float = 60.0, lang: str = DEFAULT_LANG,
              failures: dict[int, str] | None = None) -> dict[int, str]:
    """Text of each page in ``page_numbers`` (1-based) read by OCR, lines joined by "\\n".

    A page that fails or takes longer than ``page_timeout`` is left out of the
    result; its reason goes to ``failures`` when given.
    """
    tesseract = require_tesseract(str(pdf_path), lang)
    jobs = jobs or default_jobs()
    results: dict[int, str] = {}
    pdf = pdfium.PdfDocument(pdf_path)
    try:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            running: dict[Future, int] = {}
            for number in sorted(set(page_numbers)):
                if len(running) >= jobs:
                    _collect(wait(running, return_when=FIRST_COMPLETED).done, running, results, failures)
                image = render_pgm(pdf, number, dpi)
                running[pool.submit(_tesseract, tesseract, image, dpi, lang, page_timeout)] = number
            _collect(wait(running).done, running, results, failures)
    finally:
        pdf.close()
    return results


def _collect(done, running: dict[Future, int], results: dict[int, str], failures: dict[int, str] | None) -> None:
    for future in done:
        number = running.pop(future)
        try:
            results[number] = future.result()
        except (subprocess.TimeoutExpired, subprocess.CalledProcessError, OSError) as exc:
            if failures is not None:
                failures[number] = _reason(exc)


def _reason(exc: Exception) -> str:
    if isinstance(exc, subprocess.TimeoutExpired):
        return f"timeout {exc.timeout:g}s"
    if isinstance(exc, subprocess.CalledProcessError):
        stderr = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        return f"tesseract exit {exc.returncode}" + (f": {stderr[-1]}" if stderr else "")
    return str(exc)


def render_pgm(pdf: pdfium.PdfDocument, number: int, dpi: int) -> bytes:
    """Page ``number`` as an 8-bit grey PGM image at ``dpi``."""
    page = pdf[number - 1]
    try:
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        pixels = bytes(bitmap.buffer)
        bitmap.close()
    finally:
        page.close()
    if stride != width:
        pixels = b"".join(pixels[row * stride : row * stride + width] for row in range(height))
    return b"P5\n%d %d\n255\n" % (width, height) + pixels


def _tesseract(executable: str, image: bytes, dpi: int, lang: str, timeout: float) -> str:
    completed = subprocess.run(
        [executable, "stdin", "stdout", "-l", lang, "--dpi", str(dpi)],
        input=image, capture_output=True, timeout=timeout, check=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )
    text = completed.stdout.decode("utf-8", "replace")
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def require_tesseract(name: str, lang: str = DEFAULT_LANG) -> str:
    """Path of ``tesseract`` with ``lang`` installed, or a one-line error saying what to install."""
    executable = shutil.which(TESSERACT)
    if executable is None:
        raise ComplianceError("ocr-unavailable", file=name, reason="tesseract not found")
    if lang not in _languages(executable):
        raise ComplianceError("ocr-unavailable", file=name, reason=f"tesseract language '{lang}' not installed")
    return executable


@functools.lru_cache(maxsize=None)
def _languages(executable: str) -> frozenset[str]:
    try:
        listing = subprocess.run([executable, "--list-langs"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    lines = listing.stdout.decode("utf-8", "replace").splitlines()
    return frozenset(line.strip() for line in lines[1:] if line.strip())
