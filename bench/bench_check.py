"""Benchmark `check` against the parse of the same file: matching and rendering should add little.

    python bench/bench_check.py               # the largest corpus PDF and the bundled samples
    python bench/bench_check.py --repeat 5 FILE...

For each file: median seconds of `compliance.load` (parse), of the whole check
(parse + match + score + HTML render), their ratio, and the HTML/JSON report sizes.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import compliance
from compliance.check import check
from compliance.output import dumps_json
from compliance.report import render

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("COMPLIANCE_SHARED", REPO.parent / "shared")) / "corpus"


def default_files() -> list[Path]:
    files = sorted((REPO / "examples").glob("*.pdf"))
    corpus = sorted(CORPUS.glob("*.pdf"), key=lambda p: (p.stat().st_size, p.name))
    return ([corpus[-1]] if corpus else []) + files


def median_seconds(func, repeat: int) -> tuple[float, object]:
    times, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    files = args.files or default_files()
    print(f"{'file':<36} {'pages':>5} {'parse s':>8} {'check s':>8} {'ratio':>6} {'html KB':>8} {'json KB':>8}")
    for path in files:
        parse_s, reg = median_seconds(lambda: compliance.load(path), args.repeat)

        def full_check():
            result = check(path)
            return result, render(result, "html", "id", result.regulation)

        check_s, (result, html) = median_seconds(full_check, args.repeat)
        json_kb = len(dumps_json(result.to_dict()).encode()) / 1024
        print(f"{path.name:<36} {reg.source.pages:>5} {parse_s:>8.3f} {check_s:>8.3f} {check_s / parse_s:>6.2f} "
              f"{len(html.encode()) / 1024:>8.1f} {json_kb:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
