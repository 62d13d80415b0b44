"""Where a check's own time goes after ``load``: each stage of ``compliance check FILE -o
laporan.html``, in CPU seconds of this process, summed over the files loaded once.

    python bench/bench_stages.py                  # every text-layer PDF of ../shared/corpus (+ regional)
    python bench/bench_stages.py --repeat 5 FILE...

``bench_check.py`` gives the whole check as a ratio to its parse; this splits the part after
the parse into the calls ``compliance.check.check`` and the report builder make (evaluation
chosen, match, summary, evaluation section, report dict, citation sections, reference review,
graph drawing, HTML page). Each figure is the median of ``--repeat`` rounds after one warm-up
round (per-process compiled data is built there, as in a long-running process). Figures are
printed, never asserted.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import compliance  # noqa: E402
from bench_check import files_and_repeat  # noqa: E402
from compliance.catalog import load_catalog  # noqa: E402
from compliance.check import CheckResult, choose_evaluation  # noqa: E402
from compliance.indicators import evaluation_section  # noqa: E402
from compliance.match import match_with_tags  # noqa: E402
from compliance.report.citations import citation_sections  # noqa: E402
from compliance.report.graph_svg import graph_svg  # noqa: E402
from compliance.report.html import render_html  # noqa: E402
from compliance.review.review import review_section  # noqa: E402
from compliance.score import summary as make_summary  # noqa: E402

STAGES = ("evaluation chosen", "match", "summary", "evaluation section", "report dict",
          "citation sections", "reference review", "graph drawing", "HTML page")


def staged_report(reg, catalog, lang: str, timed) -> str:
    """The HTML report of ``reg`` made stage by stage as a check and its report builder make it,
    each stage run through ``timed(stage, work)``."""
    ev = timed("evaluation chosen", lambda: choose_evaluation(catalog))
    findings, tags = timed("match", lambda: match_with_tags(reg, catalog, lang))
    summary = timed("summary", lambda: make_summary(findings, catalog, lang))
    section = timed("evaluation section", lambda: evaluation_section(findings, ev, tags, lang))
    result = CheckResult(reg, catalog, ev, findings, summary, section, lang)
    data = timed("report dict", result.to_dict)
    data.update(timed("citation sections", lambda: citation_sections(reg)))
    data["reference_review"] = timed("reference review", lambda: review_section(reg))
    svg = timed("graph drawing", lambda: graph_svg(reg, findings, catalog, lang))
    return timed("HTML page", lambda: render_html(data, lang, reg, svg))


def one_round(regulations: list, catalog, lang: str = "id") -> dict[str, float]:
    """CPU seconds per stage of checking and reporting every regulation once."""
    spent = dict.fromkeys(STAGES, 0.0)

    def timed(stage: str, work):
        start = time.process_time()
        value = work()
        spent[stage] += time.process_time() - start
        return value

    for reg in regulations:
        staged_report(reg, catalog, lang, timed)
    return spent


def main(argv: list[str] | None = None) -> int:
    files, repeat = files_and_repeat(__doc__, argv)
    if not files:
        print("no files (the corpus is ../shared/corpus)")
        return 1
    regulations = [compliance.load(p) for p in files]
    catalog = load_catalog()
    one_round(regulations, catalog)  # warm-up: per-process compiled data
    rounds = [one_round(regulations, catalog) for _ in range(max(1, repeat))]
    print(f"{len(files)} files, median of {len(rounds)} rounds, CPU seconds of this process")
    for stage in STAGES:
        print(f"  {stage:<20} {statistics.median(r[stage] for r in rounds):.4f}")
    print(f"  {'total':<20} {statistics.median(sum(r.values()) for r in rounds):.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
