"""Relation cues: the word gate before the regex search never changes what is found."""

from __future__ import annotations

import pytest

from compliance.cite_resolve import _cue_patterns, _cue_words, _cues_hold_stops, relation_after, relation_before


def _ungated_before(window: str) -> str | None:
    start = 0 if _cues_hold_stops() else max(window.rfind("."), window.rfind(";")) + 1
    for relation, (before, _) in _cue_patterns().items():
        if before is not None and before.search(window, start):
            return relation
    return None


def _ungated_after(window: str) -> str | None:
    for relation, (_, after) in _cue_patterns().items():
        if after is not None and after.search(window):
            return relation
    return None


def test_each_cue_is_gated_by_its_longest_word_lower_cased():
    words = _cue_words()
    assert words["revokes"][0] == ("mencabut",)
    assert "dinyatakan" in words["revokes"][1]
    assert "perubahan" in words["amends"][0] and "mengubah" in words["amends"][0]
    assert "melaksanakan" in words["implements"][0]
    assert words["implements"][1] == ()  # no "after" cue: nothing can match


@pytest.mark.parametrize("window", [
    "Dengan Peraturan Presiden ini, MENCABUT ",
    "Peraturan ini merupakan Perubahan  Kedua\natas ",
    "untuk melaksanakan ketentuan Pasal 5 ",
    "dalam rangka melaksanakan. Lalu ",  # a stop after the cue: no relation
    "mencabut dan menyatakan tidak berlaku; ",
    "teks biasa tanpa isyarat apa pun ",
    "mencabut \u2014 kata di luar ASCII ",  # not ASCII: the regex decides alone
    "mengubah\u00a0",
    "",
])
def test_relation_before_is_what_the_cue_patterns_find(window: str):
    assert relation_before(window) == _ungated_before(window)


@pytest.mark.parametrize("window", [
    " dicabut dan dinyatakan tidak berlaku",
    " DIUBAH SEBAGAI BERIKUT:",
    " diubah\nmenjadi",
    " dinyatakan masih berlaku",
    " yang telah diundangkan",
    " dinyatakan tidak berlaku \u00e9",
])
def test_relation_after_is_what_the_cue_patterns_find(window: str):
    assert relation_after(window) == _ungated_after(window)


def test_the_gate_finds_the_cues_it_lets_through():
    assert relation_before("Dengan ini MENCABUT ") == "revokes"
    assert relation_before("merupakan perubahan terhadap ") == "amends"
    assert relation_after(" diubah sebagai berikut") == "amends"
    assert relation_before("teks biasa ") is None and relation_after(" teks biasa") is None
