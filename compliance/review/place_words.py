"""Which places of an article say only whole words of the article's text.

A place whose own words (its scope, back-references left out) are whole words of its
article's text has no stem the article's text lacks, so the article's stems can stand for
its own when the review looks for the places that may state a subject. The others (a place
the parser could not find in the text, one cut inside a word, one where a back-reference
left out may cut a word) are bounded by their own.
"""

from __future__ import annotations

from compliance.review.cues import cuts_words
from compliance.review.units import Unit, article_units
from compliance.models import Article

_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def between_words(text: str, at: int) -> bool:
    """Whether offset ``at`` of ``text`` cuts no word (a run of letters as ``stems_in`` reads it)."""
    return not (0 < at < len(text) and text[at - 1] in _LETTERS and text[at] in _LETTERS)


def whole_word_places(article: Article, units: dict[str, Unit]) -> list[tuple[Unit, bool]]:
    """Each place of the article that ``units`` (the review's index) holds, in document order, and
    whether its own words are whole words of the article's text: its text and its list's lead
    are pieces of the article cut between words, and no back-reference left out may cut a word.
    A cue that cuts a word of a place cuts it in the article too, except one an item's lead and
    text form where they are joined (a lead ending in a word, a text opening with one): read there."""
    text = article.text
    size = len(text)
    article_cut = cuts_words(text)
    out: list[tuple[Unit, bool]] = []
    # (place, the place holding it, whether that one is a piece), read in document order: every
    # place of the regulation is read, so the tree is walked by a list, not recursive generators
    stack: list[tuple[Unit, Unit | None, bool]] = [(article_units(article), None, True)]
    while stack:
        unit, parent, parent_piece = stack.pop()
        # a piece: the article's text from the place's start to its end, cut between words
        # (``between_words`` written out)
        start, end = unit.start, unit.end
        piece = (start >= 0 and not (0 < start < size and text[start - 1] in _LETTERS and text[start] in _LETTERS)
                 and not (0 < end < size and text[end - 1] in _LETTERS and text[end] in _LETTERS))
        whole = (piece
                 and (unit.lead is None or (parent is not None and parent_piece
                                            and between_words(text, parent.start + len(unit.lead)))))
        if whole and (article_cut or (unit.lead is not None and unit.lead.rstrip()[-1:].isalpha()
                                      and unit.text.lstrip()[:1].isalpha())):
            whole = not cuts_words(unit.scope)
        if units.get(unit.pin) is unit:
            out.append((unit, whole))
        if unit.children:
            stack.extend((child, unit, piece) for child in reversed(unit.children))
    return out
