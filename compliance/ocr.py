"""OCR of PDF pages that have no text layer, through the ``tesseract`` command.

Pages are rendered by pdfium in the page worker (``pdf_reader``: a hung or
crashing render cannot take the caller down) and handed to one ``tesseract``
process each, ``jobs`` at a time, every process limited to one OpenMP thread
(parallel pages beat parallel threads inside one page) and to
``page_timeout`` seconds. Only about ``jobs + 1`` page images are in memory at
once. Images go through stdin as PGM, so no temporary files.

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

from compliance.errors import ComplianceError
from compliance.pdf_reader import TIMEOUT, run_pages

DEFAULT_DPI = 200
DEFAULT_LANG = "ind"
TESSERACT = "tesseract"


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def ocr_pages(pdf_path: Path, page_numbers: list[int], dpi: int = DEFAULT_DPI, jobs: int | None = None, *,
              page_timeout: float = 60.0, lang: str = DEFAULT_LANG,
              failures: dict[int, str] | None = None) -> dict[int, str]:
    """Text of each page in ``page_numbers`` (1-based) read by OCR, lines joined by "\\n".

    A page that fails, or whose rendering or reading takes longer than
    ``page_timeout``, is left out of the result; its reason goes to ``failures``.
    """
    tesseract = require_tesseract(str(pdf_path), lang)
    jobs = jobs or default_jobs()
    failures = {} if failures is None else failures
    data = Path(pdf_path).read_bytes()
    results: dict[int, str] = {}
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        running: dict[Future, int] = {}
        for number, image, problem in run_pages("render", data, sorted(set(page_numbers)), page_timeout, dpi):
            if problem:
                failures[number] = f"render timeout {page_timeout:g}s" if problem == TIMEOUT else f"render: {problem}"
                continue
            if len(running) >= jobs:
                _collect(wait(running, return_when=FIRST_COMPLETED).done, running, results, failures)
            running[pool.submit(_tesseract, tesseract, image, dpi, lang, page_timeout)] = number
        _collect(wait(running).done, running, results, failures)
    return results


def _collect(done, running: dict[Future, int], results: dict[int, str], failures: dict[int, str]) -> None:
    for future in done:
        number = running.pop(future)
        try:
            results[number] = future.result()
        except (subprocess.TimeoutExpired, subprocess.CalledProcessError, OSError) as exc:
            failures[number] = _reason(exc)


def _reason(exc: Exception) -> str:
    if isinstance(exc, subprocess.TimeoutExpired):
        return f"timeout {exc.timeout:g}s"
    if isinstance(exc, subprocess.CalledProcessError):
        stderr = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        return f"tesseract exit {exc.returncode}" + (f": {stderr[-1]}" if stderr else "")
    return str(exc)


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
