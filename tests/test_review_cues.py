"""Reference cues (compliance.review.cues): back-references left out as the plain expression
leaves them out, cues found near each reference as a search of the whole text finds them."""

import re

import pytest

from compliance.review.cues import chains, cuts_words, review_words, without_backrefs


@pytest.mark.parametrize("text", [
    "Data sebagaimana dimaksud dalam Pasal 3 dikelola.",
    "sebagaimana dimaksud pada ayat (1) dan kegiatan layanan data yang dimaksud dalam Pasal 2",
    "sayang dimaksud dalam; kata-kata a/b sebagaimana   dimaksud\ndalam Pasal 4 yangdimaksud pada",
    "satu dua tiga empat lima enam tujuh delapan sebagaimana diatur dalam Pasal 9",
    "Sebagaimana tersebut pada huruf a, SEBAGAIMANA DIMAKSUD DI DALAM Pasal 1",
    "mengucapkan sumpah atau janji sebagaimana dimaksud dalam Lampiran III dan tugas sebagaimana dimaksud\npada\n ayat (2)",
    "",
    "tanpa rujukan apa pun",
    "data yang dimaksud pada ayat (1) ı sebagaımana dimaksud dalam huruf b İ",
    "dimaksud dalam Pasal 2 diatur dalam Pasal 3, yang\t\u00a0dimaksud dalam ayat (1)",  # a second word alone
    "hal yang dimaksud dalamPasal 4 dan data sebagaimana diaturdalam Pasal 5",
])
def test_backrefs_are_removed_as_the_plain_expression_removes_them(text):
    assert without_backrefs(text) == review_words()["backref"].sub(" ", text)
    # also when the expression does not ask what follows the cue
    backref = review_words()["backref"]
    try:
        review_words()["backref"] = re.compile(backref.pattern.split("(?=")[0])
        assert without_backrefs(text) == review_words()["backref"].sub(" ", text)
    finally:
        review_words()["backref"] = backref


def test_backrefs_of_the_samples_are_removed_as_the_plain_expression_removes_them():
    import compliance
    from compliance.review.units import index
    from tests.conftest import EXAMPLES

    changed = 0
    for path in sorted(EXAMPLES.glob("*.txt")):
        for unit in index(compliance.load(path)).values():
            expected = review_words()["backref"].sub(" ", unit.scope)
            assert without_backrefs(unit.scope) == expected
            changed += expected != unit.scope
    assert changed > 10


@pytest.mark.parametrize("text", [
    "izin sebagaimana dimaksud dalam Pasal 3",
    "izin sebagaimana\n   dimaksud   di  dalam \n Pasal 3",  # a cue broken over lines
    "izinsebagaimana dimaksud dalam Pasal 3",  # glued to the word before (OCR)
    "izin yang dimaksud dalam Pasal 3 dan Pasal 4, sebagaimana diatur pada Pasal 5",
    "Pasal 3",  # no cue
])
def test_cues_are_found_near_each_reference_as_in_the_whole_text(text):
    """``chains`` looks for a cue only in the last words before a reference: the same cue
    as a search of all the text before it."""
    class Cited:
        def __init__(self, offset):
            self.offset, self.raw = offset, "Pasal 3"

    cited = [Cited(i) for i in range(len(text)) if text.startswith("Pasal", i)]
    expected = []
    for c in cited:
        cue = review_words()["cue_end"].search(text, 0, c.offset)
        expected.append(cue.start() if cue else None)
    assert [start for start, _ in chains(text, cited)] == [s for s in expected if s is not None]



@pytest.mark.parametrize("text, cuts", [
    ("izin sebagaimana dimaksud dalam Pasal 3", False),
    ("izinsebagaimana dimaksud dalam Pasal 3", True),  # glued to the word before (OCR)
    ("izin sebagaimana dimaksud dalamPasal 3", True),  # glued to the word after
    ("(izin) sebagaimana dimaksud pada ayat (1)", False),
    ("tanpa rujukan apa pun", False),
])
def test_a_cue_glued_to_a_word_may_cut_it(text, cuts):
    assert cuts_words(text) is cuts


def test_backrefs_left_out_keep_whole_words_when_no_cue_is_glued():
    """The bound the review reads a place's own words by: without a glued cue, every word left
    is a word of the text."""
    import compliance
    from compliance.review.units import index
    from tests.conftest import EXAMPLES

    word = re.compile(r"[A-Za-z]+")
    checked = 0
    for path in sorted(EXAMPLES.glob("*.txt")):
        for unit in index(compliance.load(path)).values():
            if not cuts_words(unit.scope):
                assert set(word.findall(without_backrefs(unit.scope))) <= set(word.findall(unit.scope))
                checked += 1
    assert checked > 50


@pytest.mark.parametrize("text", ["", "satu", "  satu dua\n tiga   ", "a " * 200 + "x" * 300 + " b c d",
                                  "kata" + "\u00a0" * 3 + "lain\tdan yang", "x" * 500,
                                  "a\x1cb\u0085c\u2003d\x0be  f\u3000g " * 30])  # every kind of white space
def test_the_start_of_the_last_words_is_found_as_by_stepping_back(text):
    from compliance.review.cues import _words_back

    def stepping_back(end, n):
        at = end
        for _ in range(n):
            while at > 0 and text[at - 1].isspace():
                at -= 1
            while at > 0 and not text[at - 1].isspace():
                at -= 1
        return at

    for end in range(0, len(text) + 1, 7):
        for n in (1, 2, 4):
            assert _words_back(text, end, n) == stepping_back(end, n)
