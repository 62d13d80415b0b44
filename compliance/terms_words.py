"""Which words of a regulation hold each literal of the catalog's term lists, found for
every literal at once.

Every compiled list (``terms.Gated``) makes its literals known here (``remember``); a
slice index (``compliance.terms_index``) then runs one Aho-Corasick automaton of all
known literals over the regulation's distinct words, instead of one substring search
per literal: about 5x less CPU over the corpus than the searches in pure Python
(pyahocorasick, a C extension). The automata are per process and made from the
catalog's literals only; nothing of a regulation is kept.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Iterable, KeysView

import ahocorasick

CASED = "="  # a literal found as it is cased in the folded text ("=SPBE")

_known: set[str] = set()
_numbers: dict[frozenset[str], int] = {}
SETS: list[frozenset[str]] = []  # every literal set of a compiled list, by its number
_SETS_OF: dict[str, list[int]] = {}  # literal -> the numbers of the sets holding it
# the known literals, their automata, and how many SETS there were (all of their literals known)
_automata: list[tuple[frozenset[str], ahocorasick.Automaton, ahocorasick.Automaton, int]] = []


def remember(literals: Iterable[str]) -> None:
    """Make ``literals`` part of the automata the next ``WordMasks`` runs."""
    new = {literal for literal in literals if literal and literal != CASED} - _known
    if new:
        _known.update(new)
        _automata.clear()


def program(clauses: Iterable[Iterable[frozenset[str]]]) -> tuple[tuple[int, ...], ...]:
    """``clauses`` with each literal set as its number in ``SETS`` (its literals made
    known): a slice index then reads a list's clauses from one table of set masks."""
    out = []
    for clause in clauses:
        numbers = []
        for literals in clause:
            if literals not in _numbers:
                _numbers[literals] = len(SETS)
                for literal in literals:
                    _SETS_OF.setdefault(literal, []).append(len(SETS))
                SETS.append(literals)
                remember(literals)
            numbers.append(_numbers[literals])
        out.append(tuple(numbers))
    return tuple(out)


def _automata_now() -> tuple[frozenset[str], ahocorasick.Automaton, ahocorasick.Automaton, int]:
    """The known literals and their automata: lower-case ones, and the cased ones
    (keyed by the literal without its ``=``); and how many ``SETS`` they cover whole."""
    if not _automata:
        lower, cased = ahocorasick.Automaton(), ahocorasick.Automaton()
        for literal in sorted(_known):
            if literal.startswith(CASED):
                cased.add_word(literal[1:], literal)
            else:
                lower.add_word(literal, literal)
        lower.make_automaton()
        cased.make_automaton()
        _automata.append((frozenset(_known), lower, cased, len(SETS)))
    return _automata[0]


def _add_rare_literal_masks(words: dict[str, int], automaton: ahocorasick.Automaton, masks: dict[str, int]) -> None:
    """Add to ``masks`` (literal -> slices) the slices of each word holding a literal of
    ``automaton``: one pass over the words joined by line breaks (in no literal), each
    occurrence's word told by where it ends. For literals few words hold (the cased
    acronyms): one pass per word costs more there (about 0.007 against 0.004 s CPU over
    the corpus), though less for the lower-case literals most words hold."""
    masks_of = list(words.values())
    joined = "\n".join(words)
    ends = list(accumulate(len(word) + 1 for word in words))  # where each word's successor starts
    get = masks.get
    for end, literal in automaton.iter(joined):
        mask = masks_of[bisect_right(ends, end)]
        masks[literal] = get(literal, 0) | mask


class WordMasks:
    """Words (lower case; and as cased in the folded text) with the slices holding each
    (bit masks), and per literal the slices holding a word that contains it."""

    def __init__(self, lower: dict[str, int], cased: dict[str, int]) -> None:
        self._lower, self._cased = lower, cased
        self._covered, lower_automaton, cased_automaton, self._covered_sets = _automata_now()
        masks: dict[str, int] = {}
        get = masks.get
        if len(lower_automaton):
            for word, mask in lower.items():
                for _, literal in lower_automaton.iter(word):
                    masks[literal] = get(literal, 0) | mask
        if len(cased_automaton) and cased:
            _add_rare_literal_masks(cased, cased_automaton, masks)
        self._masks = masks
        self._sets: list[int] = []

    def sets(self) -> list[int]:
        """Per literal set of ``SETS`` (by number), the slices holding one of its literals:
        at first the sets the automata covered, from the literals some word holds (most
        literals occur nowhere in a regulation), and sets made since on demand."""
        known = self._sets
        if not known and self._covered_sets:
            table = [0] * self._covered_sets
            for literal, mask in self._masks.items():
                for number in _SETS_OF.get(literal, ()):
                    if number < self._covered_sets:
                        table[number] |= mask
            known.extend(table)
        for literals in SETS[len(known):]:
            found = 0
            for literal in literals:
                found |= self.holding(literal)
            known.append(found)
        return known

    def word(self, word: str) -> int:
        """The slices holding ``word`` (lower case) whole."""
        return self._lower.get(word, 0)

    def words(self) -> KeysView[str]:
        """Every word (lower case) some slice holds."""
        return self._lower.keys()

    def holding_each(self, literals: list[str]) -> list[int]:
        """``holding`` of each literal (those the automata ran: read from the masks at once)."""
        get, covered = self._masks.get, self._covered
        return [get(literal, 0) if literal in covered else self.holding(literal) for literal in literals]

    def holding(self, literal: str) -> int:
        """The slices holding a word that contains ``literal`` (``=`` first: as cased)."""
        found = self._masks.get(literal)
        if found is None:
            found = 0
            if literal not in self._covered:  # a literal no compiled list knew when the automata ran
                words, piece = (self._cased, literal[1:]) if literal.startswith(CASED) else (self._lower, literal)
                for word, mask in words.items():
                    if piece in word:
                        found |= mask
            self._masks[literal] = found
        return found
