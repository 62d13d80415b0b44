"""The slice index finds exactly what each term list finds slice by slice, and runs
expressions only where the literals they need occur."""

from __future__ import annotations

import pytest

import compliance
from compliance.catalog import load_catalog
from compliance.match_units import units
from compliance.terms import Prepared, Terms
from compliance.terms_index import SliceIndex, _spaced
from tests.conftest import EXAMPLES


def every_list(catalog):
    lists = [catalog.outline, catalog.listing, catalog.composition, catalog.delegation, catalog.plans, catalog.competitors]
    for entry in catalog.entries:
        lists += [entry.signals, entry.weak_signals] + [e.terms for e in entry.elements]
    return [t for t in lists if not t.empty]


def slow(terms, index):
    """``find`` without the index: every slice, every gate tested on the slice itself."""
    out = {}
    for i, (prepared, start, end) in enumerate(index.slices):
        spans = terms.find_slice(prepared, start, end)
        if spans:
            out[i] = spans
    return out


@pytest.mark.parametrize("name", ["perbup-sukamaju-2016-egov.pdf", "perwal-banyuasri-2022-spbe.txt",
                                  "perwal-tirtaraya-2017-tik.docx"])
def test_index_finds_what_every_slice_finds(name):
    catalog = load_catalog()
    reg = compliance.load(EXAMPLES / name)
    index = SliceIndex([(u.text, u.start, u.end) for u in units(reg)])
    found = 0
    for terms in every_list(catalog):
        expected = slow(terms, index)
        assert index.find(terms) == expected
        for i in range(len(index.slices)):
            assert index.find_at(terms, i) == expected.get(i, [])
        found += len(expected)
    assert found > 50  # the samples speak of SPBE: many lists match somewhere


def test_sharper_gate_needs_every_word_of_a_phrase():
    """"tim koordinasi" cannot match where "koordinasi" is absent, though "tim" is there."""
    terms = Terms(["tim koordinasi"], {})
    text = "Tim teknis dibentuk.\nTim Koordinasi SPBE dibentuk."
    index = SliceIndex([(text, 0, 20), (text, 21, len(text))])
    (gated,) = terms.gated()
    assert index.candidates(gated) == 0b10  # only the second slice holds both words
    assert index.find(terms) == {1: [(0, 14)]}
    assert index.holding("koordinasi") == 0b10 and index.holding("tim") == 0b11


def test_only_the_start_literals_a_slice_holds_are_sought():
    terms = Terms(["aplikasi umum", "sistem informasi"], {})
    text = "Aplikasi umum dipakai bersama.\nSistem yang umum.\nAplikasi khusus dan sistem informasi."
    cuts = [(0, 30), (31, 48), (49, len(text))]
    index = SliceIndex([(text, s, e) for s, e in cuts])
    (gated,) = terms.gated()
    assert dict(gated.start_literals()) == {"apiikasi": 0, "sistem": 0}
    assert index._sought(gated, 0)[0] == [("apiikasi", 0)]
    assert index._sought(gated, 1)[0] is False  # "sistem" and "umum" but no "informasi": no clause is met
    assert index._sought(gated, 2)[0] == [("apiikasi", 0), ("sistem", 0)]
    assert index.find(terms) == {0: [(0, 13)], 2: [(20, 36)]} == slow(terms, index)
    assert index.holds(gated, 2)[0] == [("apiikasi", 0), ("sistem", 0)]  # a copy of the slice holds no other
    copy = Prepared.of("Aplikasi khusus dan                   .")  # the slice with "sistem informasi" blanked
    assert terms.find_slice(copy, 0, len(copy.text), lambda g: index.holds(g, 2)) == [] == terms.find(copy.text)
    alone = Prepared.of(text[49:])  # the slice read on its own
    assert index.seek_in_copy(gated, 2, alone) == [(20, 36)] == terms.find(alone.text)
    assert index.seek_in_copy(gated, 2, copy) == []


def test_texts_whose_case_folding_is_unusual_keep_the_plain_gate():
    """A dotless ı matches "i" case-insensitively though its lower case is not "i", so
    "tım koordinasi" is found, and a dotted İ lower-cases to two characters: in such
    texts only the list's plain gate (its best literal) rules slices out, as without
    the index."""
    terms = Terms(["tim koordinasi"], {})
    odd = "tım koordinasi"
    shifted = "İ tim koordinasi"
    plain = "tim koordinator"
    index = SliceIndex([(odd, 0, len(odd)), (shifted, 0, len(shifted)), (plain, 0, len(plain))])
    assert index.find(terms) == slow(terms, index) == {0: [(0, 14)], 1: [(2, 16)]}
    (gated,) = terms.gated()
    assert index.candidates(gated) == 0b011


def test_an_acronym_is_sought_in_its_capitals_and_a_root_keeps_its_first_letter():
    """"MAN" (an acronym, matched in its case) cannot be in "keamanan"; "~dana" needs
    "dana" in every form (a nasal prefix drops only k, t, s, p: "menetapkan")."""
    acronym, root = Terms(["MAN"], {}), Terms(["~dana"], {})
    text = "Keamanan dijaga.\nJaringan MAN dibangun.\nPendanaan disiapkan.\nAda anak."
    cuts = [0, 17, 40, 61, len(text)]
    index = SliceIndex([(text, s, e) for s, e in zip(cuts, cuts[1:])])
    assert index.candidates(acronym.gated()[0]) == 0b0010
    assert index.candidates(root.gated()[0]) == 0b0100
    assert index.find(acronym) == slow(acronym, index) == {1: [(9, 12)]}
    assert index.find(root) == slow(root, index) == {2: [(0, 9)]}
    tetap = Terms(["~tetap"], {})
    other = "Walikota menetapkan rencana."
    assert SliceIndex([(other, 0, len(other))]).find(tetap) == {0: [(9, 19)]}


def test_raw_expressions_and_value_readers_run_only_where_their_literals_are():
    """A raw term and a value term are gated by the literals their expressions need
    (``terms_literals``), and still find what they find slice by slice."""
    terms = Terms(["re:ruang\\s+lingkup", "value:period"], {})
    text = "Ruang lingkup Peraturan ini.\nBerlaku 5 (lima) tahun.\nTidak ada apa-apa."
    cuts = [0, 29, 54, len(text)]
    index = SliceIndex([(text, s, e) for s, e in zip(cuts, cuts[1:])])
    (gated,) = terms.gated()
    _, raw, values = index.parts(gated)
    assert (raw, values) == (0b001, 0b010)
    assert not index.everywhere(terms)
    assert index.find(terms) == slow(terms, index) == {0: [(0, 13)], 1: [(0, 22)]}


def test_a_kelvin_sign_is_a_k_in_lower_case_words():
    """"\u212a" (Kelvin) lower-cases to "k" and matches "k" case-insensitively: the
    word it starts is held whole in lower case; an acronym's literal is still found as
    it is cased, and not in another case."""
    terms = Terms(["kabupaten"], {})
    text = "Pemerintah \u212aabupaten Sukamaju dan SPBE."
    index = SliceIndex([(text, 0, len(text))])
    assert index.holding("kabupaten") == 1 and index.holding("abupaten") == 1
    assert index.holding("=SPBE") == 1 and index.holding("=Sukamaju") == 1 and index.holding("=SUKAMAJU") == 0
    assert index.find(terms) == slow(terms, index) == {0: [(11, 20)]}


def test_a_spaced_text_keeps_offsets_and_splits_into_the_words_of_the_text():
    text = "Pasal 2 ayat (1): Ketentuan\u2014lebih lanjut\u00e9x ditetapkan\tSK_12 \u0131 2oi9"
    spaced = _spaced(text)
    assert len(spaced) == len(text)
    assert spaced.split() == ["Pasal", "2", "ayat", "1", "Ketentuan", "lebih", "lanjut", "x", "ditetapkan",
                              "SK", "12", "2oi9"]
    assert spaced[18:27] == "Ketentuan"  # a slice's words are cut at its edges, as in the text
