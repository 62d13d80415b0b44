"""The literals read from a raw expression are the ones every match holds."""

from __future__ import annotations

import re

import pytest

from compliance.terms_literals import required_literals
from compliance.values import expression, frequencies, periods


def test_a_sequence_needs_each_run_and_an_alternation_one_of_its_branches():
    assert required_literals(r"(?:\(\d+\)\s*)?ruang\s+lingkup") == (frozenset({"ruang"}), frozenset({"iingkup"}))
    assert required_literals(r"\b(?:prinsip|asas)\b[^.]{0,80}:") == (frozenset({"prinsip", "asas"}),)


def test_a_prefix_the_parser_takes_out_of_every_branch_stays_in_each():
    """``re`` reads "ditetapkan|diatur" as "di" and "tetapkan|atur"; "atur" alone is in
    "peraturan", so the words must be sought whole."""
    assert required_literals(r"\b(?:ditetapkan|diatur)\s+(?:dengan|dalam)") == (
        frozenset({"ditetapkan", "diatur"}), frozenset({"dengan", "daiam"}))
    assert required_literals(r"pe(?:ng(?:elola|awas)|mbina)") == (frozenset({"pengeioia", "pengawas", "pembina"}),)


def test_optional_parts_and_unknown_constructs_require_nothing():
    assert required_literals(r"(?:lebih\s+)?lanjut") == (frozenset({"ianjut"}),)
    assert required_literals(r"(?:abc)?\d+") == ()
    assert required_literals(r"x|(?:y)?") == ()  # a branch that needs nothing
    assert required_literals(r"(?=kata)\w+") == ()  # a lookahead is not read


def test_literals_are_folded_lower_case_word_pieces():
    """OCR folding (l -> i, 0 -> o) and case as the slice index holds words; a run is
    cut at characters that are not letters or digits, its longest piece kept."""
    assert required_literals(r"UU\s+DAN\.\s*11") == (frozenset({"dan"}),)
    assert required_literals(r"e-Gov") == (frozenset({"gov"}),)


def test_short_literals_are_kept_only_when_nothing_longer_is_needed():
    assert required_literals(r"di\s+atur") == (frozenset({"atur"}),)
    assert required_literals(r"UU\s+no") == (frozenset({"uu"}),)


@pytest.mark.parametrize("text", ["dilaksanakan paling sedikit 1 (satu) kali dalam 2 (dua) tahun",
                                  "dievaluasi setiap tahun", "berlaku untuk jangka waktu 5 (lima) tahun",
                                  "laporan triwulanan", "setahun sekali"])
def test_every_value_holds_a_literal_its_expression_needs(text):
    folded = text.lower().replace("l", "i")
    for kind, reader in (("frequency", frequencies), ("period", periods)):
        sets = required_literals(expression(kind))
        assert sets
        if reader(text):
            assert all(any(lit in folded for lit in s) for s in sets)
    assert frequencies(text) or periods(text)


def test_the_catalog_raw_terms_are_gated():
    from compliance.catalog import load_catalog

    catalog = load_catalog()
    raws = [g for t in (catalog.listing, catalog.outline, catalog.delegation) for g in t.gated() if g.sources[1]]
    assert raws and all(all(clause for clause in g.raw_clauses) for g in raws)
    assert re.compile(raws[0].sources[1], re.I)  # still a valid expression
