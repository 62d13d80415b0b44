"""The regulation as the reference review weighs it (compliance.review.document): counts and
stems read lazily and through shortcuts equal the plain computation."""

from collections import Counter

import pytest

import compliance
from compliance.review.document import ReviewDocument
from compliance.review.words import forms, stems_in
from tests.conftest import EXAMPLES, corpus_pdf

SAMPLES = sorted(EXAMPLES.glob("*.txt"))


# corpus regulations with points inside ayat inside articles (a place's stems are read from its parts')
NESTED = ["PERMENKOMINFO_2024_004.pdf", "PP_2000_052.pdf", "PERMENKOMINFO_2019_013.pdf"]


@pytest.mark.parametrize("path", SAMPLES + NESTED, ids=lambda p: getattr(p, "name", p))
def test_article_stems_and_counts_equal_the_plain_ones(path):
    reg = compliance.load(corpus_pdf(path) if isinstance(path, str) else path)
    body = [a for a in reg.articles if a.parent is None]
    doc = ReviewDocument(reg)
    before = {a.label: doc.article_stems(a.label) for a in body[:3]}  # from the text
    plain_df = Counter()
    for text in {a.label: a.text for a in body}.values():
        plain_df.update(stems_in(text))
    # counted when asked, the articles' stems from the innermost places' stems
    assert doc.df.stems == set(plain_df) and all(doc.df.get(s) == n for s, n in plain_df.items())
    assert doc.df.get("zzzz") == 0 and doc.df.get("zzzz", 5) == 5
    assert all(doc.article_stems(a.label) == stems_in(a.text) == before.get(a.label, stems_in(a.text))
               for a in body)
    inner = [u for u in doc.units.values() if not u.children]
    assert doc.places_n == len(inner)
    plain_place_df = Counter(s for u in inner for s in stems_in(u.text))
    assert all(doc.place_df.get(s) == n for s, n in plain_place_df.items()) and doc.place_df.get("zzzz") == 0
    assert all(doc.text_stems(u) == stems_in(u.text) and doc.scope_stems(u) == stems_in(u.scope)
               for u in doc.units.values())


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_a_places_bound_holds_its_own_words(path):
    doc = ReviewDocument(compliance.load(path))
    doc.places([frozenset(["zzzz"])], set())  # tells which places say whole words of their article
    for unit in doc.units.values():
        assert doc.own(unit) <= doc._may_state(unit) and doc.own(unit) <= doc._bound(unit)
        assert doc._may_state(unit) <= stems_in(unit.scope) | doc.own(unit)
        assert doc._bound(unit) <= stems_in(unit.scope) | doc.own(unit)


def test_subject_forms_are_the_weighed_words_without_variants():
    doc = ReviewDocument(compliance.load(SAMPLES[0]))
    subject = "Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik"
    words = doc.subject_forms(subject)
    terms = doc.terms(subject)
    assert words and len(terms) <= len(words)
    assert all(any(w <= t[0] for w in words) for t in terms)
    assert doc.subject_forms("ketentuan") == []  # a generic word names nothing
    assert doc.subject_forms("tugas") == [frozenset().union(*(forms(w) for w in ("tugas", "bertugas", "fungsi",
                                                                                 "wewenang", "kewenangan", "jawab")))]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_a_name_said_in_the_cited_place_is_said_by_its_article(path):
    from compliance.review.words import WORD

    reg = compliance.load(path)
    read_in_places, read_in_articles = ReviewDocument(reg), ReviewDocument(reg)
    checked = 0
    for unit in read_in_places.units.values():
        words = WORD.findall(unit.text)
        for name in ([forms(a), forms(b)] for a, b in zip(words, words[1:4])):
            for said in (name, name[::-1]):  # side by side in order, and (mostly) not
                assert (read_in_places._says(unit.article, said, unit)
                        == read_in_articles._says(unit.article, said)), (unit.pin, said)
                checked += 1
    assert checked > 20


def test_a_place_holding_others_is_read_from_them_and_the_words_around_them():
    from compliance.review.units import Unit

    doc = ReviewDocument(compliance.load(SAMPLES[0]))
    doc.df  # a place holding others is read from its parts once the innermost places are read
    text = "Lingkup meliputi: a. perencanaan aplikasi; b. pembangunan: 1. jaringan; 2. pusat data, sesuai standar. Penutup"

    def unit(piece, *children, level="huruf"):
        start = text.index(piece)
        return Unit(piece[:8], level, "1", piece, start, start + len(piece), list(children))

    inner = [unit("jaringan;"), unit("pusat data,")]
    b = unit("pembangunan: 1. jaringan; 2. pusat data, sesuai standar.", *inner)
    top = unit(text, unit("perencanaan aplikasi;"), b, level="pasal")
    assert doc.text_stems(top) == stems_in(text) and doc.text_stems(b) == stems_in(b.text)
    cut = unit("pembangunan: 1. jaringan; 2. pusat data, sesuai standar.", unit("ringan;"))  # cut inside a word
    assert doc.text_stems(unit(text, cut, level="pasal")) == stems_in(text)
