"""Literal lookups over a regulation's words: the automaton of every compiled list's
literals finds what a substring search in each word finds."""

from __future__ import annotations

from compliance.terms import Terms
from compliance.terms_words import SETS, WordMasks, remember


def by_search(words: dict[str, int], literal: str) -> int:
    return sum(mask for word, mask in words.items() if literal in word)


def test_every_literal_is_found_in_the_words_holding_it():
    Terms(["tim koordinasi", "SPBE", "~tetap"], {})  # compiling makes their literals known
    lower = {"tim": 0b001, "koordinasi": 0b010, "koordinator": 0b100, "menetapkan": 0b100, "spbe": 0b011}
    cased = {"Tim": 0b001, "koordinasi": 0b010, "SPBE": 0b001, "Spbe": 0b010}
    masks = WordMasks(lower, cased)
    for literal in ("tim", "koordinasi", "etap", "spbe"):
        assert masks.holding(literal) == by_search(lower, literal)
    assert masks.holding("=SPBE") == 0b001  # as cased: not "Spbe"
    assert masks.holding("koordinasi") == 0b010 and masks.holding("etap") == 0b100


def test_a_literal_no_list_made_known_is_still_searched():
    lower = {"pendataan": 0b01, "anggaran": 0b10}
    masks = WordMasks(lower, {"Pendataan": 0b01})
    assert masks.holding("ndataa") == 0b01
    assert masks.holding("=Pendat") == 0b01 and masks.holding("=PENDAT") == 0
    remember(["anggar"])  # known after the automata ran: the next index runs it
    assert masks.holding("anggar") == 0b10 and WordMasks(lower, {}).holding("anggar") == 0b10


def test_cased_literals_are_told_to_the_word_holding_them_in_one_pass():
    Terms(["SPBE", "JDIH", "BSSN"], {})
    cased = {"xSPBE": 0b0001, "Tim": 0b0010, "JDIHSPBE": 0b0100, "spbe": 0b1000, "BSSN": 0b1000, "JDIH": 0b0010}
    masks = WordMasks({word.lower(): mask for word, mask in cased.items()}, cased)
    assert masks.holding("=SPBE") == 0b0101  # the first word and the one holding two acronyms
    assert masks.holding("=JDIH") == 0b0110 and masks.holding("=BSSN") == 0b1000


def test_every_literal_set_holds_the_slices_of_its_literals():
    Terms(["tim koordinasi", "~tetap", "SPBE", "rencana induk"], {})
    lower = {"tim": 0b0001, "koordinasi": 0b0010, "menetapkan": 0b0100, "rencana": 0b1000, "spbe": 0b0011}
    cased = {"Tim": 0b0001, "koordinasi": 0b0010, "menetapkan": 0b0100, "rencana": 0b1000, "SPBE": 0b0011}
    masks = WordMasks(lower, cased)
    sets = masks.sets()
    assert len(sets) == len(SETS)
    for number, literals in enumerate(SETS):
        expected = 0
        for literal in literals:
            words, piece = (cased, literal[1:]) if literal.startswith("=") else (lower, literal)
            expected |= by_search(words, piece)
        assert sets[number] == expected, literals
    assert sets[SETS.index(frozenset({"koordinasi"}))] == 0b0010


def test_holding_each_is_holding_of_each_literal():
    Terms(["tim koordinasi", "SPBE"], {})
    lower = {"tim": 0b01, "koordinasi": 0b10, "spbe": 0b11}
    masks = WordMasks(lower, {"Tim": 0b01, "koordinasi": 0b10, "SPBE": 0b01, "spbe": 0b10})
    literals = ["tim", "koordinasi", "=SPBE", "ordin", "tidakada"]  # the last two no list made known
    assert masks.holding_each(literals) == [0b01, 0b10, 0b01, 0b10, 0]
    assert masks.holding_each(literals) == [masks.holding(literal) for literal in literals]
