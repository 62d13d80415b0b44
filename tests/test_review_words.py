"""Word stems (compliance.review.words): every word of 3 letters or more, each stemmed once."""

import compliance
from compliance.review.units import article_units, walk
from compliance.review.words import WORD, forms, forms_in_order, plain_forms, plain_stems_in, stems_in
from tests.conftest import CORPUS, EXAMPLES


def test_stems_of_a_text_are_the_forms_of_its_words_of_three_letters_or_more():
    text = "Penyusunan DVB-T2 oleh di ke dan/atau menyusun; disusun (a) Lernbaga x2y data data"
    words = ["Penyusunan", "DVB", "oleh", "dan", "atau", "menyusun", "disusun", "Lernbaga", "data"]
    assert stems_in(text) == set().union(*(forms(w) for w in words))
    assert plain_stems_in(text) == set().union(*(plain_forms(w) for w in words))
    assert stems_in("penyusunan") & stems_in("menyusun") & stems_in("disusun")  # they meet
    assert stems_in("") == set() and stems_in("di ke 12") == set()


def _texts():
    yield "Penyusunan DVB-T2 oleh di ke dan/atau menyusun; disusun (a) Lernbaga x2y data data"
    yield "İzin Kelvin\u212a x_yz abc\u00e9def café ıii rnrn q \ud800abc \x00xyz"  # odd characters
    for path in sorted(EXAMPLES.glob("*.txt")):
        reg = compliance.load(path)
        yield from (a.text for a in reg.articles)
    if CORPUS.exists():
        for path in sorted(CORPUS.glob("*.pdf"))[:6]:
            reg = compliance.load(path)
            yield from (a.text for a in reg.articles)
            yield from (u.text for a in reg.articles for u in walk(article_units(a)))


def test_the_words_read_in_c_are_those_of_the_regular_expression():
    """The texts' words are read by splitting them in C: the same as ``WORD`` finds."""
    count = 0
    for text in _texts():
        words = WORD.findall(text)
        assert stems_in(text) == set().union(*(forms(w) for w in words)), text[:80]
        assert plain_stems_in(text) == set().union(*(plain_forms(w) for w in words)), text[:80]
        assert forms_in_order(text) == [forms(w) for w in words], text[:80]
        count += 1
    assert count > 100
