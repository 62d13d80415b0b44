"""Seconds per page of OCR at several resolutions, and how close it reads to a text layer (prints only).

    python bench/bench_ocr.py [--dpi 200 300] [--jobs 1 2] [--repeat 2]

Pages: the corpus's one image-only page (PERMENKOMINFO_2018_001 p.1, a 72-dpi
scan) and a few pages that have a text layer, so the OCR text can be scored
against it (rapidfuzz ratio of whitespace-collapsed text, 100 = identical).
Rendering (pdfium, here in-process) and tesseract (one OpenMP thread per process)
are timed apart; the parallel run times ``ocr_pages`` over four pages of one document.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium
from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling bench scripts
from bench_extract import timed  # noqa: E402

from compliance.ocr import _tesseract, ocr_pages, require_tesseract
from compliance.pdf_lines import page_text
from compliance.pdf_reader import render_pgm

CORPUS = Path(os.environ.get("COMPLIANCE_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "corpus"
PAGES = [("PERMENKOMINFO_2018_001.pdf", 1), ("UU_2016_019.pdf", 3), ("PP_2000_052.pdf", 2),
         ("PERMENKOMINFO_2024_004.pdf", 19)]


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_of(func, *args) -> tuple[float, object]:
    """CPU seconds spent by child processes (tesseract) in ``func``: unlike wall time,
    not inflated when the machine is shared."""
    before = child_cpu()
    result = func(*args)
    return child_cpu() - before, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, nargs="+", default=[200, 300])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=2, help="best of N (the machine is shared)")
    args = parser.parse_args()
    tesseract = require_tesseract("-")
    print(f"{'page':34} {'dpi':>4} {'render s':>8} {'ocr s':>7} {'ocr cpu s':>9} {'score':>6}")
    for dpi in args.dpi:
        total = total_cpu = 0.0
        for name, number in PAGES:
            pdf = pdfium.PdfDocument(CORPUS / name)
            page = pdf[number - 1]
            reference = " ".join(page_text(page.get_textpage()).split())
            render, (image, _) = timed(render_pgm, page, dpi, repeat=args.repeat)
            page.close()
            seconds, text = timed(_tesseract, tesseract, image, dpi, "ind", 600.0, repeat=args.repeat)
            cpu, _ = cpu_of(_tesseract, tesseract, image, dpi, "ind", 600.0)
            score = f"{fuzz.ratio(reference, ' '.join(text.split())):6.1f}" if reference else "   n/a"
            print(f"{name + ' p.' + str(number):34} {dpi:4d} {render:8.2f} {seconds:7.2f} {cpu:9.2f} {score}")
            total += render + seconds
            total_cpu += cpu
            pdf.close()
        print(f"{'mean per page (render+ocr, cpu)':34} {dpi:4d} {total / len(PAGES):16.2f} "
              f"{total_cpu / len(PAGES):9.2f}\n")
    parallel = list(range(2, 6))  # four text pages of one document
    for jobs in args.jobs:
        start = time.perf_counter()
        ocr_pages(CORPUS / "UU_2016_019.pdf", parallel, dpi=args.dpi[0], jobs=jobs)
        elapsed = time.perf_counter() - start
        print(f"load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"ocr_pages UU_2016_019 p.2-5 at {args.dpi[0]} dpi, jobs={jobs}: {elapsed:.2f} s "
              f"= {elapsed / len(parallel):.2f} s/page")

if __name__ == "__main__":
    main()
