"""Literal lookups over a regulation's words: the automaton of every compiled list's
literals finds what a substring search in each slice finds."""

from __future__ import annotations

import re

from compliance.terms import Prepared, Terms, fold
from compliance.terms_words import LOWER_WORD_BYTES, SETS, WordMasks, capitals, remember, spaced


def word_masks(*texts: str) -> WordMasks:
    """The masks of ``texts``, slice ``i`` being the whole of ``texts[i]``."""
    words: dict[str, int] = {}
    for i, text in enumerate(texts):
        for word in set(re.findall(r"[0-9a-z]+", text.lower())):
            words[word] = words.get(word, 0) | 1 << i
    return WordMasks(words, [(Prepared.of(text), 0, len(text)) for text in texts], [fold(text) for text in texts])


def by_search(texts: tuple[str, ...], literal: str) -> int:
    """The slices holding ``literal`` in their lower-case text, or with ``=``, in their text."""
    if literal.startswith("="):
        return sum(1 << i for i, text in enumerate(texts) if literal[1:] in text)
    return sum(1 << i for i, text in enumerate(texts) if literal in text.lower())


def test_every_literal_is_found_in_the_words_holding_it():
    Terms(["tim koordinasi", "SPBE", "~tetap"], {})  # compiling makes their literals known
    texts = ("Tim SPBE", "koordinasi Spbe", "koordinator menetapkan")
    masks = word_masks(*texts)
    for literal in ("tim", "koordinasi", "etap", "spbe"):
        assert masks.holding(literal) == by_search(texts, literal)
    assert masks.holding("=SPBE") == 0b001  # as cased: not "Spbe"
    assert masks.holding("koordinasi") == 0b010 and masks.holding("etap") == 0b100


def test_a_literal_no_list_made_known_is_still_searched():
    masks = word_masks("Pendataan", "anggaran")
    assert masks.holding("ndataa") == 0b01
    assert masks.holding("=Pendat") == 0b01 and masks.holding("=PENDAT") == 0
    remember(["anggar"])  # known after the automata ran: the next index runs it
    assert masks.holding("anggar") == 0b10 and word_masks("Pendataan", "anggaran").holding("anggar") == 0b10


def test_a_cased_literal_is_held_only_where_the_text_holds_it_in_its_case():
    """"=SIA" is in the lower case of "Indonesia" everywhere, in its own case only in
    "INDONESIA"; "=SPBE" in a word holding two acronyms too."""
    Terms(["SPBE", "JDIH", "BSSN", "SIA"], {})
    texts = ("xSPBE di Indonesia", "Tim JDIH", "JDIHSPBE INDONESIA", "spbe BSSN")
    masks = word_masks(*texts)
    assert masks.holding("=SPBE") == 0b0101
    assert masks.holding("=JDIH") == 0b0110 and masks.holding("=BSSN") == 0b1000
    assert masks.holding("=SIA") == 0b0100 and masks.holding("sia") == 0b0101
    assert word_masks("Indonesia", "indonesia").holding("=SIA") == 0  # no run of capitals holds it


def test_every_literal_set_holds_the_slices_of_its_literals():
    Terms(["tim koordinasi", "~tetap", "SPBE", "rencana induk"], {})
    texts = ("Tim SPBE", "koordinasi SPBE", "menetapkan", "rencana")
    masks = word_masks(*texts)
    sets = masks.sets()
    assert len(sets) == len(SETS)
    for number, literals in enumerate(SETS):
        expected = 0
        for literal in literals:
            expected |= by_search(texts, literal)
        assert sets[number] == expected, literals
    assert sets[SETS.index(frozenset({"koordinasi"}))] == 0b0010


def test_holding_each_is_holding_of_each_literal():
    Terms(["tim koordinasi", "SPBE"], {})
    masks = word_masks("Tim SPBE", "koordinasi spbe")
    literals = ["tim", "koordinasi", "=SPBE", "ordin", "tidakada"]  # the last two no list made known
    assert masks.holding_each(literals) == [0b01, 0b10, 0b01, 0b10, 0]
    assert masks.holding_each(literals) == [masks.holding(literal) for literal in literals]


def test_a_spaced_text_keeps_offsets_and_splits_into_the_words_of_the_text():
    text = "Pasal 2 ayat (1): Ketentuan\u2014lebih lanjut\u00e9x ditetapkan\tSK_12 \u0131 2oi9"
    assert len(spaced(text)) == len(text)
    assert spaced(text).split() == ["Pasal", "2", "ayat", "1", "Ketentuan", "lebih", "lanjut", "x", "ditetapkan",
                                    "SK", "12", "2oi9"]
    assert spaced(text)[18:27] == "Ketentuan"  # a slice's words are cut at its edges, as in the text
    assert spaced(text, LOWER_WORD_BYTES).split() == [word.lower() for word in spaced(text).split()]
    assert capitals([text, "BSSN"]) == b"P21KSK1229BSSN"
