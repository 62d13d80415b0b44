"""Benchmark the report's share of a check against the parse of the same files, in one process.

    python bench/bench_report.py                # every text-layer PDF of ../shared/corpus (+ regional)
    python bench/bench_report.py --repeat 5 FILE...

A check is load (parse) + match + report. This prints what the report side adds, stage by
stage, summed over the files: the report dict (``CheckResult.to_dict`` and the citation
sections; the reference review, ``report_data``'s other part, has its own bench), the
citation graph drawn (``graph_svg``: read off the citations and findings, no graph built; a
check builds none) and the HTML page (``render_html``). Each figure is the best
of ``--repeat`` runs in CPU seconds of this process (``time.process_time``: other programs
on the machine inflate it little) and as a ratio to the parse of the same files, in wall
seconds (what ``bench_check.py`` compares; part of a parse runs in a reader process, which
this process's CPU clock does not count) and in this process's CPU seconds. Figures are
printed, never asserted.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import compliance  # noqa: E402
from bench_check import files_and_repeat  # noqa: E402
from compliance.check import check  # noqa: E402
from compliance.report.citations import citation_sections  # noqa: E402
from compliance.report.graph_svg import graph_svg  # noqa: E402
from compliance.report.html import render_html  # noqa: E402

STAGES = ("report dict", "graph svg", "html")


def best_cpu(func, repeat: int) -> tuple[float, object]:
    """The least CPU seconds of ``repeat`` runs of ``func`` and its last value."""
    best, value = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        value = func()
        best = min(best, time.process_time() - start)
    return best, value


def best_wall(func, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def report_stages(path: Path, repeat: int) -> tuple[float, float, dict[str, float]]:
    """Parse CPU and wall seconds of ``path`` and the CPU seconds of each report stage."""
    load_cpu, reg = best_cpu(lambda: compliance.load(path), repeat)
    load_wall = best_wall(lambda: compliance.load(path), repeat)
    result = check(reg)

    def report_dict():
        data = result.to_dict()
        data.update(citation_sections(reg))
        return data

    stages = {}
    stages["report dict"], data = best_cpu(report_dict, repeat)
    stages["graph svg"], svg = best_cpu(lambda: graph_svg(reg, result.findings, result.catalog, result.lang), repeat)
    stages["html"] = best_cpu(lambda: render_html(data, result.lang, reg, svg), repeat)[0]
    return load_cpu, load_wall, stages


def main(argv: list[str] | None = None) -> int:
    files, repeat = files_and_repeat(__doc__, argv)
    load_cpu = load_wall = 0.0
    totals = dict.fromkeys(STAGES, 0.0)
    done = 0
    for path in files:
        try:
            cpu, wall, stages = report_stages(path, repeat)
        except compliance.ComplianceError as exc:
            print(f"{path.name}: {exc.code}")
            continue
        done += 1
        load_cpu, load_wall = load_cpu + cpu, load_wall + wall
        for name, seconds in stages.items():
            totals[name] += seconds
    if not done:
        print("no file to measure")
        return 1
    print(f"{done} files; parse {load_cpu:.3f} s CPU ({load_wall:.3f} s wall)")
    totals["report share"] = sum(totals.values())
    for name, seconds in totals.items():
        print(f"  {name:<12} {seconds:7.3f} s CPU  {seconds / load_wall:6.3f}x parse wall  "
              f"{seconds / load_cpu:6.3f}x parse CPU")
    print(f"machine load average (1, 5, 15 min): {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
