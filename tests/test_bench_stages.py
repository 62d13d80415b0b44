"""The stage timer of a check (bench/bench_stages.py) times the work a check does: its stages,
run one after the other, give the report ``compliance check FILE -o laporan.html`` writes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import compliance
from compliance.catalog import load_catalog
from compliance.check import check
from compliance.report import render_check

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from bench_stages import STAGES, one_round, staged_report  # noqa: E402


@pytest.mark.parametrize("name", ["perwal-tirtaraya-2017-tik.pdf", "perbup-sukamaju-2016-egov.pdf"])
def test_the_stages_make_the_report_a_check_writes(name):
    reg = compliance.load(REPO / "examples" / name)
    catalog = load_catalog()
    seen = []
    page = staged_report(reg, catalog, "id", lambda stage, work: seen.append(stage) or work())
    assert page == render_check(check(reg, catalog), "html")[1]
    assert seen == list(STAGES)


def test_a_round_counts_every_stage():
    reg = compliance.load(REPO / "examples" / "perwal-tirtaraya-2017-tik.pdf")
    spent = one_round([reg], load_catalog())
    assert list(spent) == list(STAGES)
    assert spent["match"] > 0 and all(v >= 0 for v in spent.values())
