"""Benchmark `check` against the parse of the same file: matching and rendering should add little.

    python bench/bench_check.py               # the largest corpus PDF, the bundled samples, the corpus
    python bench/bench_check.py --repeat 5 FILE...

For each file: median seconds of `compliance.load` (parse), of the whole check as
``compliance check FILE -o report.html`` does it (parse + match + score + HTML report with
its citation graph), their ratio, and the HTML/JSON report sizes. Then the same two
figures summed over every text-layer PDF of the corpus and its regional/ folder (the
check ÷ parse ratio over the corpus), in wall time and in CPU seconds (this process and the
reader worker; each file loaded, then checked, in turn). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import compliance
from compliance.check import check
from compliance.output import dumps_json
from compliance.report import render_check

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("COMPLIANCE_SHARED", REPO.parent / "shared")) / "corpus"


def default_files() -> list[Path]:
    files = sorted((REPO / "examples").glob("*.pdf"))
    corpus = sorted(CORPUS.glob("*.pdf"), key=lambda p: (p.stat().st_size, p.name))
    return ([corpus[-1]] if corpus else []) + files


def corpus_files() -> list[Path]:
    """The national corpus PDFs and the regional ones with a text layer (scans need OCR: apart)."""
    files = sorted(CORPUS.glob("*.pdf"))
    regional = CORPUS / "regional" / "manifest.json"
    if regional.exists():
        docs = json.loads(regional.read_text(encoding="utf-8"))["documents"]
        files += sorted(CORPUS / "regional" / d["file"] for d in docs if d["text_layer"])
    return files


def files_and_repeat(doc: str, argv: list[str] | None, repeat: int = 3) -> tuple[list[Path], int]:
    """The files a corpus bench reads (those named, else every text-layer PDF of the corpus) and
    its ``--repeat``, from the command line of a bench whose docstring is ``doc``."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=repeat)
    args = parser.parse_args(argv)
    return args.files or corpus_files(), args.repeat


def median_seconds(func, repeat: int) -> tuple[float, object]:
    times, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def time_file(path: Path, repeat: int) -> tuple[float, float, object, object]:
    """Median parse seconds, median check seconds, the regulation and (result, html)."""
    parse_s, reg = median_seconds(lambda: compliance.load(path), repeat)

    def full_check():
        result = check(path)
        return result, render_check(result, "html")[1]

    check_s, checked = median_seconds(full_check, repeat)
    return parse_s, check_s, reg, checked


def corpus_cpu(files: list[Path], repeat: int) -> tuple[float, float]:
    """CPU seconds (this process and the reader worker) of loading and of checking ``files``,
    the best of ``repeat`` passes. CPU time leaves out waits for the worker and for other jobs
    on a shared machine, which move the wall-time sums; each file is loaded, then checked, in
    turn, so a change in the machine's load weighs on both alike."""
    from bench_extract import cpu_seconds

    best_load = best_check = float("inf")
    for _ in range(repeat):
        load_cpu = check_cpu = 0.0
        for path in files:
            start = cpu_seconds()
            compliance.load(path)
            middle = cpu_seconds()
            render_check(check(path), "html")
            end = cpu_seconds()
            load_cpu, check_cpu = load_cpu + middle - start, check_cpu + end - middle
        best_load, best_check = min(best_load, load_cpu), min(best_check, check_cpu)
    return best_load, best_check


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-corpus", action="store_true", help="skip the sums over the corpus")
    args = parser.parse_args(argv)
    files = args.files or default_files()
    print(f"{'file':<36} {'pages':>5} {'parse s':>8} {'check s':>8} {'ratio':>6} {'html KB':>8} {'json KB':>8}")
    for path in files:
        parse_s, check_s, reg, (result, html) = time_file(path, args.repeat)
        json_kb = len(dumps_json(result.to_dict()).encode()) / 1024
        print(f"{path.name[:36]:<36} {reg.source.pages:>5} {parse_s:>8.3f} {check_s:>8.3f} {check_s / parse_s:>6.2f} "
              f"{len(html.encode()) / 1024:>8.1f} {json_kb:>8.1f}")
    corpus = [] if args.files or args.no_corpus else corpus_files()
    if corpus:
        parse_total = check_total = 0.0
        failed = []
        for path in corpus:
            try:
                parse_s, check_s, _, _ = time_file(path, args.repeat)
            except compliance.ComplianceError as exc:
                print(f"{path.name}: {exc.code}")
                failed.append(path)
                continue
            parse_total += parse_s
            check_total += check_s
        print(f"corpus, {len(corpus)} text-layer PDFs: parse {parse_total:.2f}s, check {check_total:.2f}s "
              f"-> check / parse {check_total / parse_total:.2f}x")
        load_cpu, check_cpu = corpus_cpu([p for p in corpus if p not in failed], args.repeat)
        print(f"  the same in CPU seconds (this process + the reader worker): parse {load_cpu:.2f}s, "
              f"check {check_cpu:.2f}s -> {check_cpu / load_cpu:.2f}x")
    print(f"machine load average (1, 5, 15 min): {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
