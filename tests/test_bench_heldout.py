"""bench/bench_heldout.py computes its agreement figures from a real check of a held-out sample.

The figures themselves are not asserted (the bench measures, it does not gate); the test
checks that every key entry gets a row, that the counts add up, and that the error classes
follow their definitions.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from compliance.check import check
from compliance.models import STATUSES

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "tests" / "heldout" / "pergub-lintangraya-2019-spbe.txt"


def bench_module():
    spec = importlib.util.spec_from_file_location("bench_heldout", REPO / "bench" / "bench_heldout.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_error_classes_follow_their_definitions():
    kind = bench_module().kind
    assert kind("partial", "partial") == "agree"
    for expected in ("partial", "missing", "conflict"):
        assert kind(expected, "fulfilled") == "costly"
    for got in ("partial", "missing", "conflict"):
        assert kind("fulfilled", got) == "cautious"
    assert kind("conflict", "partial") == "other"
    assert kind("missing", "partial") == "other"


def test_figures_are_computed_on_a_heldout_sample(capsys):
    bench = bench_module()
    if not SAMPLE.is_file():
        pytest.skip(f"held-out sample absent: {SAMPLE}")
    pairs = bench.samples([SAMPLE])
    assert pairs == [(SAMPLE, SAMPLE.with_suffix(".yaml"))]
    key = bench.load_key(pairs[0][1])
    result = check(SAMPLE)
    rows = bench.compare(key, result.findings)
    assert [r["requirement"] for r in rows] == list(key["expected"])
    assert all(r["got"] in STATUSES for r in rows)
    assert all(r["kind"] == bench.kind(r["expected"], r["got"]) for r in rows)
    t = bench.totals(rows)
    assert t["n"] == len(key["expected"]) == 28
    assert t["agree"] + t["costly"] + t["cautious"] + t["other"] == t["n"]
    assert t["agreement"] == pytest.approx(t["agree"] / t["n"])
    assert t["conflicts_expected"] == sum(e["status"] == "conflict" for e in key["expected"].values())
    assert 0 <= t["conflicts_found"] <= t["conflicts_expected"]
    assert 0 <= t["evidence_ok"] <= t["evidence_checked"] <= t["n"]
    assert t["evidence_checked"] == sum(bool(e["pasal"]) and r["got"] in ("fulfilled", "partial", "conflict")
                                        for e, r in zip(key["expected"].values(), rows))
    assert bench.main([str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "pergub-lintangraya-2019-spbe" in out and "ALL (1 samples)" in out
