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


def _amends_of(text: str) -> dict[str, str]:
    """"A amends B" as relations_in states it for ``text``: amending act -> amended act, by printed number."""
    from compliance.cite_find import find
    from compliance.cite_resolve import relations_in

    found = find(text)
    ids = {id(s): (f"uu/{s.year}/{s.number}", None) for s in found.regulations}
    _, amends = relations_in(text, found, ids, "pasal")
    by_id = {id(s): f"{s.year}/{s.number}" for s in found.regulations}
    return {by_id[k]: v for k, v in amends.items()}


def test_a_chain_names_the_amendments_in_its_clause_only():
    chained = ("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah diubah "
               "dengan Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua")
    assert _amends_of(chained) == {"2015/9": "uu/2014/23"}
    # a clause ends before the next act: a chain phrase after it ties nothing to the first act
    apart = ("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah. Ketentuan lain yang telah "
             "diubah dengan Undang-Undang Nomor 9 Tahun 2015 tetap berlaku")
    assert _amends_of(apart) == {}
    assert _amends_of("Undang-Undang Nomor 23 Tahun 2014; Undang-Undang Nomor 9 Tahun 2015") == {}


def test_an_issuer_marker_is_found_as_the_pattern_built_per_search_finds_it():
    """``_marker_re`` compiles each marker once: it finds a marker in a printed number exactly
    where the pattern built on every search (as ``_issuer_code`` did) finds it."""
    import re

    from compliance.cite_resolve import _marker_re
    from compliance.cite_vocab import surface_pattern, vocabulary

    markers = {m for group in vocabulary().issuers.values() for issuer in group for m in issuer.markers}
    assert markers
    numbers = ["3/PER/M.KOMINFO/2014", "59 TAHUN 2020", "PM.KOMINFO-12", "kominfox/1", "", "12 / per-m / kominfo"]
    numbers += [m for m in markers] + [f"1/{m.lower()}/2020" for m in markers] + [f"x{m}" for m in markers]
    found = 0
    for marker in markers:
        old = r"(?<![A-Za-z])" + surface_pattern(marker) + r"(?![A-Za-z])"
        for number in numbers:
            hit = re.search(old, number, re.I)
            assert bool(_marker_re(marker).search(number)) == bool(hit), (marker, number)
            found += bool(hit)
    assert found >= len(markers)
