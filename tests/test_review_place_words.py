"""Places saying only whole words of their article (compliance.review.place_words): their own
words are words of the article's text, so its stems bound them; the others are told apart."""

import pytest

import compliance
from compliance.models import Article, Ayat, Item
from compliance.review.cues import without_backrefs
from compliance.review.document import ReviewDocument
from compliance.review.place_words import between_words, whole_word_places
from compliance.review.units import article_units, walk
from compliance.review.words import stems_in
from tests.conftest import EXAMPLES

SAMPLES = sorted(EXAMPLES.glob("*.txt"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_indexed_place_is_told_once_and_a_whole_one_says_words_of_its_article(path):
    reg = compliance.load(path)
    doc = ReviewDocument(reg)
    seen = []
    for article in (a for a in reg.articles if a.parent is None):
        article_stems = stems_in(article.text)
        for unit, whole in whole_word_places(article, doc.units):
            seen.append(unit.pin)
            assert doc.units[unit.pin] is unit
            if whole:
                assert stems_in(without_backrefs(unit.scope)) <= stems_in(unit.scope) <= article_stems, unit.pin
    assert sorted(seen) == sorted(doc.units)  # each place of the index, from its own article


def _article(text: str, ayat: list[Ayat] | None = None, items: list[Item] | None = None) -> Article:
    return Article(label="1", text=text, page=1, ayat=ayat or [], items=items or [])


def _told(article: Article) -> dict[str, bool]:
    return {u.pin: whole for u, whole in whole_word_places(article, index_of(article))}


def index_of(article: Article) -> dict:
    return {u.pin: u for u in walk(article_units(article))}


def test_a_place_cut_inside_a_word_or_not_found_is_not_whole():
    article = _article("Data dan informasi dikelola oleh Dinas.", [Ayat("1", "ta dan informasi"), Ayat("2", "teks lain")])
    assert _told(article) == {"pasal-1": True, "pasal-1-ayat-1": False, "pasal-1-ayat-2": False}
    assert list(whole_word_places(article, {})) == []  # only the places the index holds are told


def test_a_back_reference_that_may_cut_a_word_makes_a_place_not_whole():
    glued = _article("(1) Izinsebagaimana dimaksud dalam Pasal 3 berlaku.", [Ayat("1", "Izinsebagaimana dimaksud dalam Pasal 3 berlaku.")])
    assert _told(glued) == {"pasal-1": False, "pasal-1-ayat-1": False}
    plain = _article("(1) Izin sebagaimana dimaksud dalam Pasal 3 berlaku.", [Ayat("1", "Izin sebagaimana dimaksud dalam Pasal 3 berlaku.")])
    assert _told(plain) == {"pasal-1": True, "pasal-1-ayat-1": True}


def test_an_item_whose_lead_and_text_join_into_a_cue_is_read_for_it():
    # the list's lead ends in a word, point b opens with one: joined in b's scope they form a
    # cue the article does not hold, which cuts "Izinsebagaimana"
    items = [Item("a", "satu;"), Item("b", "dimaksud dalam Pasal 3.")]
    glued = _told(_article("Izinsebagaimana satu; b. dimaksud dalam Pasal 3.", items=items))
    assert glued == {"pasal-1": True, "pasal-1-huruf-a": True, "pasal-1-huruf-b": False}
    spaced = _told(_article("Izin sebagaimana satu; b. dimaksud dalam Pasal 3.", items=items))
    assert all(spaced.values())  # a cue, but no word cut


def test_between_words():
    assert between_words("ab cd", 2) and between_words("ab cd", 0) and between_words("ab cd", 5)
    assert not between_words("abcd", 2) and between_words("ab-cd", 2) and between_words("ab1cd", 3)


def _old_whole_word_places(article, units):
    """``whole_word_places`` as first written: recursive generators."""
    from compliance.review.cues import cuts_words

    text = article.text
    article_cut = cuts_words(text)

    def visit(unit, parent, parent_piece):
        piece = unit.start >= 0 and between_words(text, unit.start) and between_words(text, unit.end)
        whole = piece and (unit.lead is None or (parent is not None and parent_piece
                                                 and between_words(text, parent.start + len(unit.lead))))
        if whole and (article_cut or (unit.lead is not None and unit.lead.rstrip()[-1:].isalpha()
                                      and unit.text.lstrip()[:1].isalpha())):
            whole = not cuts_words(unit.scope)
        if units.get(unit.pin) is unit:
            yield unit, whole
        for child in unit.children:
            yield from visit(child, unit, piece)

    yield from visit(article_units(article), None, True)


def _regulations():
    from tests.conftest import CORPUS

    paths = SAMPLES + (sorted(CORPUS.glob("*.pdf"))[:10] if CORPUS.exists() else [])
    return [compliance.load(p) for p in paths]


def test_the_places_walked_by_a_list_are_those_the_recursive_walk_tells():
    count = 0
    for reg in _regulations():
        units = ReviewDocument(reg).units
        for article in reg.articles:
            told = whole_word_places(article, units)
            assert told == list(_old_whole_word_places(article, units)), article.label
            count += len(told)
    assert count > 500
