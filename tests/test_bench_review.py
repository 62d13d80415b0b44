"""bench/bench_review.py grades each injected misdirection by what a reader could tell, and
injects it in the text a reviewer reads. The figures are not asserted (the bench measures)."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

from compliance.cite import citations_of
from compliance.review.review import review
from tests.test_review_misdirect import _reg

REPO = Path(__file__).resolve().parents[1]


def bench_module():
    spec = importlib.util.spec_from_file_location("bench_review", REPO / "bench" / "bench_review.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_injections_are_graded_by_what_the_wrong_article_states():
    bench, reg = bench_module(), _reg()
    cue = reg.article("4").text.index("sebagaimana")
    assert bench.classify(reg, "4", cue, "1", "2") == "detectable"  # Pasal 2 is on televisi, not radio
    assert bench.classify(reg, "4", cue, "1", "7") == "detectable"
    cue = reg.article("5").text.index("sebagaimana")
    assert bench.classify(reg, "5", cue, "3", "6") == "same-subject"  # Pasal 6 speaks of the izin too
    assert bench.classify(reg, "5", cue, "1", "6") == "unverifiable"  # Pasal 1 never said "izin"


def test_an_injection_moves_one_reference_and_the_review_sees_it():
    bench, reg = bench_module(), _reg()
    citations = citations_of(reg)
    drawn = bench.misdirect_candidates(reg, citations, random.Random(1), 5)
    kinds = {(str(c.place.pasal), kind) for c, _, kind, _, _ in drawn}
    assert {("4", "near"), ("4", "far"), ("5", "near")} <= kinds
    c = next(c for c, _, _, _, _ in drawn if str(c.place.pasal) == "4")
    edited = bench._edit(reg, c, "Pasal 2")
    assert "radio siaran sebagaimana dimaksud dalam Pasal 2 ditetapkan" in edited.article("4").text
    assert "Pasal 1 ditetapkan" in reg.article("4").text  # the original is left alone
    notes = [n for n in review(edited) if n.code == "misdirected-reference"]
    assert [(n.where, n.reference) for n in notes] == [("Pasal 4", "Pasal 2")]
