"""OCR of PDF pages that have no text layer, through the ``tesseract`` command.

Pages are rendered by pdfium in the page worker (``pdf_reader``: a hung or
crashing render cannot take the caller down) and handed to one ``tesseract``
process each, ``jobs`` at a time, every process limited to one OpenMP thread
(parallel pages beat parallel threads inside one page) and to
``page_timeout`` seconds. Only about ``jobs + 1`` page images are in memory at
once. Images go through stdin as PGM, so no temporary files. A page's text is
kept on disk under the file's hash, the page number, the resolution, the language,
the tesseract version and options (``cache_folder``), so reading a file again costs
neither OCR nor rendering; a blank page (one grey level) is not sent to tesseract at all.

200 dpi is the default: on the corpus it read a clean page as well as 300 dpi
(99% similar to the text layer either way), read a 72-dpi scan better, and
took about two thirds of the time (see ``bench/bench_ocr.py``).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import shutil
import subprocess
import threading
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Callable

from compliance import progress
from compliance.errors import ComplianceError
from compliance.limits import Deadline, Limits
from compliance.markers import markers
from compliance.pdf_reader import TIMEOUT, run_pages

DEFAULT_DPI = 200
DEFAULT_LANG = "ind"
TESSERACT = "tesseract"
# Sauvola's adaptive threshold: it reads a grey, grainy or shadowed scan that tesseract's default
# global (Otsu) threshold turns into an empty page, and costs the same on clean pages. Page
# segmentation 6 (one block of lines) reads each line across the page, as the text layer is
# read: the default layout analysis cut the label column off ("Menimbang", the "2." of an
# amendment's points) and so lost amended articles (bench_scan).
OPTIONS = ("-c", "thresholding_method=2", "--psm", "6")


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def ocr_pages(pdf_path: Path, page_numbers: list[int], dpi: int = DEFAULT_DPI, jobs: int | None = None, *,
              page_timeout: float | None = None, lang: str = DEFAULT_LANG,
              failures: dict[int, str] | None = None, reduced: dict[int, int] | None = None,
              limits: Limits | None = None, deadline: Deadline | None = None) -> dict[int, str]:
    """Text of each page in ``page_numbers`` (1-based) read by OCR, lines joined by "\\n".

    A page that fails, or whose rendering or reading takes longer than
    ``page_timeout`` (else ``limits.page_timeout``), is left out of the result; its reason
    goes to ``failures``. A page too large to render at ``dpi`` is read at a lower resolution,
    put in ``reduced``. Past the ``deadline`` raises ``OutOfTime``.
    """
    limits = limits or Limits()
    if page_timeout is not None:
        limits = dataclasses.replace(limits, page_timeout=page_timeout)
    page_timeout = limits.page_timeout
    deadline = deadline or Deadline(0)
    tesseract = require_tesseract(str(pdf_path), lang)
    jobs = jobs or default_jobs()
    failures = {} if failures is None else failures
    reduced = {} if reduced is None else reduced
    data = Path(pdf_path).read_bytes()
    cache = _Cache(cache_folder(), f"{hashlib.sha256(data).hexdigest()}|{dpi}|{lang}|{_version(tesseract)}|"
                                   f"{' '.join(OPTIONS)}")
    results: dict[int, str] = {}
    wanted = len(set(page_numbers))

    def step() -> None:
        progress.report("ocr", len(results) + len(failures), wanted, Path(pdf_path).name)

    to_render = []
    for number in sorted(set(page_numbers)):  # a page read before is neither rendered nor read again
        cached = cache.get(number)
        if cached is None:
            to_render.append(number)
            continue
        used_dpi, results[number] = cached
        if used_dpi != dpi:
            reduced[number] = used_dpi
        step()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        running: dict[Future, tuple[int, int]] = {}
        for number, rendered, problem in run_pages("render", data, to_render, limits, deadline, dpi):
            if problem:
                failures[number] = f"render-timeout:{page_timeout:g}" if problem == TIMEOUT else f"render-failed:{problem}"
                step()
                continue
            image, used_dpi = rendered
            if used_dpi != dpi:
                reduced[number] = used_dpi
            if _blank(image):
                results[number] = ""
                cache.put(number, used_dpi, "")
                step()
                continue
            if len(running) >= jobs:
                _collect(wait(running, return_when=FIRST_COMPLETED).done, running, results, failures, cache, step)
            running[pool.submit(_tesseract, tesseract, image, used_dpi, lang, deadline.bound(page_timeout))] = \
                (number, used_dpi)
        while running:
            _collect(wait(running, return_when=FIRST_COMPLETED).done, running, results, failures, cache, step)
    deadline.check()  # a tesseract run cut short by the deadline: the document's time is up, not the page's
    return results


def _blank(image: bytes) -> bool:
    """A PGM whose pixels are all one grey level: nothing to read."""
    pixels = image[image.index(b"255\n") + 4:]
    return not pixels or pixels.count(pixels[:1]) == len(pixels)


def _collect(done, running: dict[Future, tuple[int, int]], results: dict[int, str], failures: dict[int, str],
             cache: "_Cache", step: Callable[[], None]) -> None:
    """Take in every page read by now, reporting each: on a busy machine several finish
    between two looks, and a progress bar must still count 1, 2, ... not jump."""
    for future in done:
        number, used_dpi = running.pop(future)
        try:
            results[number] = future.result()
        except (subprocess.TimeoutExpired, subprocess.CalledProcessError, OSError) as exc:
            failures[number] = _reason(exc)
        else:
            cache.put(number, used_dpi, results[number])
        step()


def _reason(exc: Exception) -> str:
    """A reason token (``compliance.reasons``): the message is made in the reader's language."""
    if isinstance(exc, subprocess.TimeoutExpired):
        return f"timeout:{exc.timeout:g}"
    if isinstance(exc, subprocess.CalledProcessError):
        stderr = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        return f"tesseract-exit:{exc.returncode}" + (f":{stderr[-1]}" if stderr else "")
    return f"system-error:{exc}"


def tesseract_command(executable: str, dpi: int, lang: str) -> list[str]:
    """Read a PGM from stdin, print the text: the one command line of every OCR'd page."""
    return [executable, "stdin", "stdout", "-l", lang, "--dpi", str(dpi), *OPTIONS]


def _tesseract(executable: str, image: bytes, dpi: int, lang: str, timeout: float) -> str:
    completed = subprocess.run(
        tesseract_command(executable, dpi, lang),
        input=image, capture_output=True, timeout=timeout, check=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )
    text = completed.stdout.decode("utf-8", "replace")
    lines = (" ".join(line.split()) for line in text.splitlines() if line.strip())
    return "\n".join(markers().heading_speck.sub(r"\1", line) for line in lines)


def require_tesseract(name: str, lang: str = DEFAULT_LANG) -> str:
    """Path of ``tesseract`` with ``lang`` installed, or a one-line error saying what to install."""
    executable = shutil.which(TESSERACT)
    if executable is None:
        raise ComplianceError("ocr-unavailable", file=name, reason="tesseract-missing")
    if lang not in _languages(executable):
        raise ComplianceError("ocr-unavailable", file=name, reason=f"tesseract-language:{lang}")
    return executable


@functools.lru_cache(maxsize=None)
def _languages(executable: str) -> frozenset[str]:
    try:
        listing = subprocess.run([executable, "--list-langs"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    lines = listing.stdout.decode("utf-8", "replace").splitlines()
    return frozenset(line.strip() for line in lines[1:] if line.strip())


@functools.lru_cache(maxsize=None)
def _version(executable: str) -> str:
    """``tesseract 5.3.0``: part of the cache key, as another version reads differently."""
    try:
        listing = subprocess.run([executable, "--version"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    lines = (listing.stdout or listing.stderr).decode("utf-8", "replace").splitlines()
    return lines[0].strip() if lines else "unknown"


def cache_folder() -> Path | None:
    """Folder of cached OCR texts: ``$COMPLIANCE_CACHE_DIR/ocr``, else
    ``$XDG_CACHE_HOME/compliance/ocr`` (``~/.cache/compliance/ocr``); None when
    ``COMPLIANCE_NO_CACHE`` is set (to anything but 0)."""
    if os.environ.get("COMPLIANCE_NO_CACHE", "0") not in ("", "0"):
        return None
    base = os.environ.get("COMPLIANCE_CACHE_DIR")
    if base:
        return Path(base) / "ocr"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "compliance" / "ocr"


class _Cache:
    """Page texts on disk, one file per page of one file read one way (``reader``: the file's hash,
    the resolution asked for, language, tesseract version and options), so a hit needs no
    rendering; each file holds the resolution the page was read at, a newline, then the text.
    An unusable folder is just no cache."""

    def __init__(self, folder: Path | None, reader: str) -> None:
        self.folder, self.reader = folder, reader

    def _file(self, number: int) -> Path:
        assert self.folder is not None
        return self.folder / f"{hashlib.sha256(f'{self.reader}|{number}'.encode()).hexdigest()}.txt"

    def get(self, number: int) -> tuple[int, str] | None:
        """(resolution read at, text) of page ``number``, or None when it was not read before."""
        if self.folder is None:
            return None
        try:
            dpi, _, text = self._file(number).read_text(encoding="utf-8").partition("\n")
            return int(dpi), text
        except (OSError, UnicodeDecodeError, ValueError):
            return None

    def put(self, number: int, dpi: int, text: str) -> None:
        if self.folder is None:
            return
        final = self._file(number)
        partial = final.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial.write_text(f"{dpi}\n{text}", encoding="utf-8")
            os.replace(partial, final)  # readers see the whole text or none
        except OSError:  # a read-only or full disk: OCR again next time
            partial.unlink(missing_ok=True)
