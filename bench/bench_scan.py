"""How well scanned regulations parse through OCR, against their text layer (prints only).

    python bench/bench_scan.py                     # 6 documents (amendments and the OCR-layer 2007_026 among them)
    python bench/bench_scan.py --all               # all 42 corpus documents (long: about 1000 pages x 3 scans)
    python bench/bench_scan.py --only UU_2016_019 --variants ocr300

Each corpus PDF is "scanned": its pages are rendered to grey images and written
into an image-only PDF as JPEG pictures (as a scanner's PDF holds them), at 200
and 300 dpi, and once at 300 dpi turned 0.7 degrees with grain. Every scan is
parsed as ``compliance.load`` does (OCR in auto mode, the OCR cache off) and scored
like ``bench_parse``: article-label recall and precision against manifest.json and
the median similarity of article text to the reference transcription; the text
layer is scored the same way for comparison. Time: seconds per page of the whole
parse, and its ratio to bare ``tesseract`` (same command line, same number of
parallel processes) on the very page images the parse renders, timed back to back.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageFilter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_parse import DEFAULT_CORPUS, bench_document, load_manifest  # noqa: E402

from compliance.ocr import (DEFAULT_DPI, DEFAULT_LANG, default_jobs, require_tesseract,  # noqa: E402
                            tesseract_command)
from compliance.pdf_reader import render_pgm, stop_worker  # noqa: E402

SUBSET = ("PERMENKOMINFO_2007_026", "PERMENKOMINFO_2009_042", "PERMENKOMINFO_2010_029", "PERMENKOMINFO_2013_020",
          "PERMENKOMINFO_2015_017", "PERMENKOMINFO_2020_002")
# name -> (scan dpi, degrees turned, grain): how each scanned copy is made
VARIANTS = {"ocr200": (200, 0.0, 0.0), "ocr300": (300, 0.0, 0.0), "skew300": (300, 0.7, 12.0)}
JPEG_QUALITY = 85


def scan_pdf(source: Path, dpi: int, degrees: float = 0.0, grain: float = 0.0, pages: list[int] | None = None,
             seed: int = 7) -> bytes:
    """An image-only copy of ``source`` (its ``pages``, 1-based, else all): every page rendered
    at ``dpi`` in grey, turned ``degrees`` and given Gaussian grain of ``grain`` levels, stored as JPEG."""
    pdf = pdfium.PdfDocument(source)
    scan = pdfium.PdfDocument.new()
    rng = random.Random(seed)
    try:
        for number in pages or range(1, len(pdf) + 1):
            page = pdf[number - 1]
            width, height = page.get_size()
            picture = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            if degrees:
                picture = picture.rotate(degrees, resample=Image.BICUBIC, fillcolor=255)
            if grain:
                picture = _grainy(picture, grain, rng.randrange(1 << 30))
            jpeg = io.BytesIO()
            picture.save(jpeg, "JPEG", quality=JPEG_QUALITY)
            jpeg.seek(0)
            image = pdfium.PdfImage.new(scan)
            image.load_jpeg(jpeg, autoclose=False)
            image.set_matrix(pdfium.PdfMatrix().scale(width, height))
            target = scan.new_page(width, height)
            target.insert_obj(image)
            target.gen_content()
            target.close()
        out = io.BytesIO()
        scan.save(out)
        return out.getvalue()
    finally:
        scan.close()
        pdf.close()


def _grainy(picture: Image.Image, sigma: float, seed: int) -> Image.Image:
    """Scanner grain: noise of about ``sigma`` grey levels (uniform noise averaged over 3 x 3 pixels)."""
    rng = random.Random(seed)
    noise = Image.frombytes("L", picture.size, rng.randbytes(picture.width * picture.height))
    scale = sigma / (73.9 / 3)  # uniform 0..255 has sd 73.9; a 3 x 3 mean divides it by 3
    noise = Image.eval(noise.filter(ImageFilter.BoxBlur(1)), lambda v: max(0, min(255, round(128 + (v - 128) * scale))))
    return ImageChops.add(picture, noise, scale=1.0, offset=-128)


def page_images(pdf_path: Path, dpi: int = DEFAULT_DPI) -> list[tuple[bytes, int]]:
    """The page images the OCR parse renders from ``pdf_path`` (what tesseract reads)."""
    pdf = pdfium.PdfDocument(pdf_path)
    try:
        images = []
        for index in range(len(pdf)):
            page = pdf[index]
            images.append(render_pgm(page, dpi))
            page.close()
        return images
    finally:
        pdf.close()


def bare_tesseract(images: list[tuple[bytes, int]], jobs: int, lang: str = DEFAULT_LANG) -> float:
    """Seconds for bare ``tesseract`` over ``images``, ``jobs`` processes at a time, one OpenMP thread each."""
    executable = require_tesseract("-", lang)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def read(item: tuple[bytes, int]) -> None:
        image, dpi = item
        subprocess.run(tesseract_command(executable, dpi, lang), input=image, capture_output=True, check=True,
                       env=env)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(read, images))
    return time.perf_counter() - start


def bench_scan(corpus: Path, doc: dict, variant: str, folder: Path, pages: list[int] | None = None) -> dict:
    """Scan ``doc`` as ``variant`` into ``folder``, parse it by OCR and time bare tesseract on
    the same page images; ``bench_parse``'s figures plus pages, bare seconds and the ratio."""
    dpi, degrees, grain = VARIANTS[variant]
    (folder / doc["pdf"]).write_bytes(scan_pdf(corpus / doc["pdf"], dpi, degrees, grain, pages))
    truth = folder / doc["truth"]
    if not truth.exists():
        truth.symlink_to((corpus / doc["truth"]).resolve())
    images = page_images(folder / doc["pdf"])
    bare_cpu, bare = cpu_seconds(bare_tesseract, images, default_jobs())
    stop_worker()  # the page worker's CPU is counted once it has ended: start and end with a fresh one
    parse_cpu, row = cpu_seconds(bench_document, folder, doc, 1, "auto", reap=True)
    row.update(variant=variant, pages=len(images), tesseract_seconds=bare, ratio=row["seconds"] / bare if bare else 0.0,
               tesseract_cpu=bare_cpu, parse_cpu=parse_cpu, cpu_ratio=parse_cpu / bare_cpu if bare_cpu else 0.0)
    return row


def cpu_seconds(func, *args, reap: bool = False):
    """(CPU seconds of this process and its ended children during ``func``, its result): unlike
    wall time, not inflated by other work on a shared machine. ``reap`` ends the page worker
    after ``func`` so that its CPU counts."""
    before = _cpu()
    result = func(*args)
    if reap:
        stop_worker()
    return _cpu() - before, result


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bench_text(corpus: Path, doc: dict, pages: list[int] | None = None) -> dict:
    """The same figures for the text layer (the PDF as published)."""
    row = bench_document(corpus, doc, 1, "auto")
    row.update(variant="text", pages=len(pages or []), tesseract_seconds=0.0, ratio=0.0, tesseract_cpu=0.0,
               parse_cpu=0.0, cpu_ratio=0.0)
    return row


def summary(rows: list[dict]) -> dict:
    """Totals of one variant over documents: label recall/precision, median similarity, s/page, ratio."""
    matched = sum(r["matched"] for r in rows)
    predicted = sum(r["predicted"] for r in rows)
    truth = sum(r["truth"] for r in rows)
    sims = [s for r in rows for s in r["similarities"]]
    pages = sum(r["pages"] for r in rows)
    seconds = sum(r["seconds"] for r in rows)
    bare = sum(r["tesseract_seconds"] for r in rows)
    cpu, bare_cpu = sum(r["parse_cpu"] for r in rows), sum(r["tesseract_cpu"] for r in rows)
    return {"documents": len(rows), "recall": matched / truth if truth else 0.0,
            "precision": matched / predicted if predicted else 0.0,
            "median_similarity": statistics.median(sims) if sims else 0.0,
            "seconds_per_page": seconds / pages if pages else 0.0, "ratio": seconds / bare if bare else 0.0,
            "cpu_per_page": cpu / pages if pages else 0.0, "cpu_ratio": cpu / bare_cpu if bare_cpu else 0.0,
            "errors": sum("error" in r for r in rows)}


def _figures(row: dict, s: dict) -> str:
    """R, P, similarity and, for a scan, wall and CPU seconds per page and their ratios to bare tesseract."""
    scores = f"{s['recall']:6.3f} {s['precision']:6.3f} {s['median_similarity']:6.3f}"
    if row["variant"] == "text":
        return scores
    return (f"{scores} {s['seconds_per_page']:7.2f} {s['ratio']:6.2f} {s['cpu_per_page']:7.2f} "
            f"{s['cpu_ratio']:6.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--all", action="store_true", help="every corpus document, not the 6 of the default subset")
    ap.add_argument("--only", action="append", help="document name prefix (repeatable)")
    ap.add_argument("--variants", nargs="+", choices=list(VARIANTS), default=list(VARIANTS))
    args = ap.parse_args(argv)
    if not (args.corpus / "manifest.json").exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    require_tesseract("-")
    os.environ["COMPLIANCE_NO_CACHE"] = "1"  # every page really read, every run
    prefixes = args.only or (None if args.all else SUBSET)
    docs = [d for d in load_manifest(args.corpus) if prefixes is None or d["pdf"].startswith(tuple(prefixes))]
    rows: dict[str, list[dict]] = {v: [] for v in ["text", *args.variants]}
    header = f"{'R':>6} {'P':>6} {'sim':>6} {'s/page':>7} {'x tess':>6} {'cpu/pg':>7} {'x tess':>6}"
    print(f"{'document':22} {'variant':8} {'pages':>5} {header}")
    with tempfile.TemporaryDirectory() as tmp:
        for doc in docs:
            for variant in rows:
                row = bench_text(args.corpus, doc) if variant == "text" else bench_scan(args.corpus, doc, variant,
                                                                                        Path(tmp))
                rows[variant].append(row)
                name = doc["pdf"][:-4].replace("PERMENKOMINFO_", "PERMEN_")
                error = f"  ERROR {row['error']}" if "error" in row else ""
                print(f"{name:22} {variant:8} {row['pages'] or '':>5} {_figures(row, summary([row]))}{error}", flush=True)
    print(f"\n{'all documents':22} {'variant':8} {'docs':>5} {header}")
    for variant, variant_rows in rows.items():
        s = summary(variant_rows)
        print(f"{'':22} {variant:8} {s['documents']:5d} {_figures(variant_rows[0], s)}"
              + (f"  errors {s['errors']}" if s["errors"] else ""))
    print(f"\nparallel OCR jobs {default_jobs()} on {os.cpu_count()} cores; render {DEFAULT_DPI} dpi; "
          f"load average now {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print("aim on ocr300: recall >= 0.95, median similarity >= 0.93; whole parse <= 1.2 x bare tesseract")
    return 0


if __name__ == "__main__":
    sys.exit(main())
