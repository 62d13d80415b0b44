"""Benchmark the matcher alone against the load of the same files, in process CPU time.

    python bench/bench_match.py               # the 46 text-layer corpus PDFs
    python bench/bench_match.py --repeat 5 FILE...

Each file is loaded (parsed) once; then ``match_with_tags`` runs on every loaded
regulation, ``--repeat`` times over the whole set (the first
round, which compiles the catalog's expressions, is not counted). Printed: the load's wall
and CPU seconds (this process's CPU: a parse's worker processes are not counted), the
median matching CPU seconds over the set, and the slowest files. CPU time
(``time.process_time``) rather than wall time, so that other work on a shared machine
counts less; compare two versions by running each (``PYTHONPATH=CHECKOUT``) back to back.
Figures are printed, never asserted.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import compliance  # noqa: E402
from bench_check import files_and_repeat  # noqa: E402
from compliance.catalog import load_catalog  # noqa: E402
from compliance.match import match_with_tags  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    files, repeat = files_and_repeat(__doc__, argv)
    if not files:
        print("no files (the corpus is ../shared/corpus)")
        return 1
    catalog = load_catalog()
    start, wall = time.process_time(), time.perf_counter()
    regs = [compliance.load(path) for path in files]
    load_s, load_wall = time.process_time() - start, time.perf_counter() - wall
    per_file = [0.0] * len(regs)
    rounds = []
    for round_ in range(repeat + 1):
        total = 0.0
        for i, reg in enumerate(regs):
            start = time.process_time()
            match_with_tags(reg, catalog, "id")
            spent = time.process_time() - start
            total += spent
            if round_:
                per_file[i] += spent / repeat
        if round_:
            rounds.append(total)
    match_s = statistics.median(rounds)
    print(f"{len(files)} files: load {load_wall:.3f} s wall, {load_s:.3f} s CPU; match {match_s:.3f} s CPU "
          f"(median of {repeat}; rounds {' '.join(f'{r:.3f}' for r in rounds)})")
    for spent, path in sorted(zip(per_file, files), reverse=True)[:5]:
        print(f"  {path.name[:50]:<50} {spent * 1000:7.1f} ms")
    print("machine load average (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
