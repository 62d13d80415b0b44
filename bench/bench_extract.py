"""Time extract() against bare pypdfium2 and pdfplumber over the corpus (prints, never asserts).

    python bench/bench_extract.py [--plumber-pages N] [--corpus DIR]

Per document: bare pypdfium2 ``get_text_range`` over all pages (open, load each
page and text page, read, close), ``extract()`` (position-ordered lines in a
worker process; OCR off, see bench_ocr.py for that),
each the best of ``--repeat`` runs, and pdfplumber ``extract_text`` on the first N pages only
(it is ~20x slower; its column is seconds per page so it compares directly).
The budget is extract <= 2x bare over the whole corpus.
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import time
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from compliance import pdf_reader
from compliance.extract import extract

DEFAULT_CORPUS = Path(os.environ.get("COMPLIANCE_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "corpus"


def bare_pdfium(path: Path) -> int:
    pdf = pdfium.PdfDocument(path)
    count = len(pdf)
    for index in range(count):
        page = pdf[index]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()
    return count


def plumber(path: Path, pages: int) -> int:
    with pdfplumber.open(path) as pdf:
        chosen = pdf.pages[:pages]
        for page in chosen:
            page.extract_text()
            page.close()
        return len(chosen)


def cpu_seconds() -> float:
    """CPU time of this process plus the extract worker's (Linux /proc): robust to a shared machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    total = usage.ru_utime + usage.ru_stime
    if pdf_reader._WORKER is not None:
        try:
            fields = Path(f"/proc/{pdf_reader._WORKER[1].pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            pass
    return total


def cpu_of(func, files: list[Path]) -> float:
    start = cpu_seconds()
    for path in files:
        func(path)
    return cpu_seconds() - start


def timed(func, *args, repeat: int = 1) -> tuple[float, object]:
    """Best of ``repeat`` runs: the machine is shared, and the minimum is the least disturbed."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = func(*args)
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--plumber-pages", type=int, default=3, help="pages per document for pdfplumber")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs for pypdfium2 and extract()")
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.pdf"))
    if not files:
        raise SystemExit(f"no PDFs in {args.corpus}")
    extract(files[0], ocr="never")  # warm up imports and the worker start-up path
    print(f"{'document':32} {'pages':>5} {'bare s':>8} {'extract s':>9} {'ratio':>6} {'plumber s/page':>14}")
    totals = {"pages": 0, "bare": 0.0, "extract": 0.0, "plumber": 0.0, "plumber_pages": 0}
    for path in files:
        bare, pages = timed(bare_pdfium, path, repeat=args.repeat)
        ours, _ = timed(functools.partial(extract, ocr="never"), path, repeat=args.repeat)
        slow, plumber_pages = timed(plumber, path, args.plumber_pages)
        print(f"{path.stem:32} {pages:5d} {bare:8.3f} {ours:9.3f} {ours / bare:6.2f} {slow / plumber_pages:14.4f}")
        totals["pages"] += pages
        totals["bare"] += bare
        totals["extract"] += ours
        totals["plumber"] += slow
        totals["plumber_pages"] += plumber_pages
    bare_cpu = cpu_of(bare_pdfium, files)
    extract_cpu = cpu_of(functools.partial(extract, ocr="never"), files)
    bare_per_page = totals["bare"] / totals["pages"]
    plumber_per_page = totals["plumber"] / totals["plumber_pages"]
    print(f"\n{len(files)} documents, {totals['pages']} pages")
    print(f"bare pypdfium2 : {totals['bare']:.2f} s ({1000 * bare_per_page:.2f} ms/page)")
    print(f"extract()      : {totals['extract']:.2f} s  ratio to bare {totals['extract'] / totals['bare']:.2f}x "
          "(budget 2x)")
    print(f"CPU seconds    : bare {bare_cpu:.2f}, extract {extract_cpu:.2f} (with its worker) "
          f"= {extract_cpu / bare_cpu:.2f}x; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"pdfplumber     : {1000 * plumber_per_page:.2f} ms/page on {totals['plumber_pages']} pages "
          f"(first {args.plumber_pages} per document) = {plumber_per_page / bare_per_page:.1f}x bare per page")


if __name__ == "__main__":
    main()
