"""The slice index finds exactly what each term list finds slice by slice, and runs
expressions only where the literals they need occur."""

from __future__ import annotations

import re

import pytest

import compliance
from compliance.catalog import load_catalog
from compliance.match_units import units
from compliance.terms import Prepared, Terms
from compliance.terms_index import SliceIndex
from compliance.terms_words import CASED, _known
from tests.conftest import CORPUS, EXAMPLES, corpus_pdf

# the corpus regulations with the most units (an article's ayat and a Lampiran's points share a
# text), and a regional one
CORPUS_NAMES = ["PERMENKOMINFO_2024_004.pdf", "PERMENKOMINFO_2016_014.pdf",
                "regional/kepwal-denpasar-188-45-1589-hk-2019-e-planning.pdf"]


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


@pytest.mark.parametrize("path", [EXAMPLES / "perbup-sukamaju-2016-egov.pdf", EXAMPLES / "perwal-banyuasri-2022-spbe.txt",
                                  EXAMPLES / "perwal-tirtaraya-2017-tik.docx"] + [CORPUS / name for name in CORPUS_NAMES],
                         ids=lambda path: path.name)
def test_index_finds_what_every_slice_finds(path):
    catalog = load_catalog()
    reg = compliance.load(corpus_pdf(str(path.relative_to(CORPUS))) if path.is_relative_to(CORPUS) else path)
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


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_every_literal_and_word_is_held_where_the_slice_text_holds_it(name):
    """On real regulations: each literal the catalog's lists know is held by the slices
    whose lower-case text (with ``=``: whose folded text) contains it, and each word by
    the slices holding it among their words, as read from each slice's own text."""
    load_catalog()  # its lists make their literals known
    reg = compliance.load(corpus_pdf(name))
    index = SliceIndex([(u.text, u.start, u.end) for u in units(reg)])
    words: dict[str, int] = {}
    for i, (ready, start, end) in enumerate(index.slices):
        if ready.lower is not None:
            for word in set(re.findall(r"[0-9a-z]+", ready.lower[start:end])):
                words[word] = words.get(word, 0) | 1 << i
    assert dict.fromkeys(index.words(), True) == dict.fromkeys(words, True)
    assert all(index.word(word) == mask for word, mask in words.items())
    held = 0
    for literal in sorted(_known):
        cased = literal.startswith(CASED)
        expected = sum(1 << i for i, (ready, start, end) in enumerate(index.slices) if ready.lower is not None and
                       (literal[1:] in ready.folded[start:end] if cased else literal in ready.lower[start:end]))
        assert index.holding(literal) == expected, literal
        held += bool(expected) and cased
    assert held >= 1  # some acronym is held in its case


def reach_simply(terms, index):
    """``visit`` as every list's parts give it, without ``Terms.first_sets``."""
    if index.everywhere(terms):
        return index.all
    visit = index._reach(terms.alternatives) if terms.alternatives is not None else 0
    for group, _ in terms.groups:
        both = index.all
        for gated in group:
            both &= index._reach(gated)
        visit |= both
    return visit


@pytest.mark.parametrize("path", [EXAMPLES / "perbup-sukamaju-2016-egov.pdf", EXAMPLES / "perwal-tirtaraya-2017-tik.docx"]
                         + [CORPUS / name for name in CORPUS_NAMES + ["PERMENKOMINFO_2020_002.pdf"]],
                         ids=lambda path: path.name)
def test_a_list_whose_first_literals_no_slice_holds_is_told_at_once(path):
    catalog = load_catalog()
    reg = compliance.load(corpus_pdf(str(path.relative_to(CORPUS))) if path.is_relative_to(CORPUS) else path)
    slices = [(u.text, u.start, u.end) for u in units(reg)]
    index, simple = SliceIndex(slices), SliceIndex(slices)
    visits = [(index.visit(terms), reach_simply(terms, simple)) for terms in every_list(catalog)]
    assert all(fast == slow for fast, slow in visits)
    assert any(slow for _, slow in visits) and not all(slow for _, slow in visits)
