"""Which words of a regulation hold each literal of the catalog's term lists, found for
every literal at once.

Every compiled list (``terms.Gated``) makes its literals known here (``remember``); a
slice index (``compliance.terms_index``) then runs one Aho-Corasick automaton of all
known literals over the regulation's distinct words, instead of one substring search
per literal: about 5x less CPU over the corpus than the searches in pure Python
(pyahocorasick, a C extension). The words are read in lower case only (one split of a
text lower-cased at once); a literal to find as cased ("=SPBE") is sought in the text of
the slices holding it in lower case. The automaton is per process and made from the
catalog's literals only; nothing of a regulation is kept.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator, KeysView, Protocol, Sequence

import ahocorasick

CASED = "="  # a literal found as it is cased in the folded text ("=SPBE")
_CASED_WORD = re.compile(r"[0-9A-Za-z]+")  # a word as cased
_CAPITALS = re.compile(r"[0-9A-Z]+")  # a run of capitals and digits
# bytes: [0-9A-Za-z] as themselves, every other byte a space; the same in lower case; and
# every byte but [0-9A-Z]
_WORD_BYTES = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))
LOWER_WORD_BYTES = bytes(ord(chr(c).lower()) if c != 32 else c for c in _WORD_BYTES)
_NOT_CAPITAL = bytes(c for c in range(256) if not (chr(c).isascii() and (chr(c).isupper() or chr(c).isdigit())))


def spaced(text: str, table: bytes = _WORD_BYTES) -> str:
    """``text`` with every character but [0-9A-Za-z] a space (``table``: in lower case, or
    but [0-9A-Z]), offsets kept: its words are then its ``split()``, cut in C at a slice's
    edges."""
    return text.encode("ascii", "replace").translate(table).decode("ascii")


def capitals(texts: Iterable[str]) -> bytes:
    """The capitals and digits ([0-9A-Z]) of ``texts``, every other character left out: a
    run of capitals in a text is in it (so are a few runs joined across words), made in
    one pass in C."""
    return "\n".join(texts).encode("ascii", "replace").translate(None, _NOT_CAPITAL)

_known: set[str] = set()
_numbers: dict[frozenset[str], int] = {}
SETS: list[frozenset[str]] = []  # every literal set of a compiled list, by its number
_SETS_OF: dict[str, list[int]] = {}  # literal -> the numbers of the sets holding it
# the known literals, their automaton and cased literals (``_automata_now``), and how many SETS
# there were (all of their literals known)
_automata: list[tuple[frozenset[str], ahocorasick.Automaton, dict[str, list[tuple[str, bytes]]], int]] = []


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


def bits(mask: int) -> Iterator[int]:
    """The numbers of the set bits of ``mask``, ascending."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def _automata_now() -> tuple[frozenset[str], ahocorasick.Automaton, dict[str, list[tuple[str, bytes]]], int]:
    """The known literals; the automaton of the lower-case ones and of the cased ones in
    lower case (a cased literal is in a word whose lower case holds it lowered), each
    found as its lower case; the cased literals by their lower case, each with its longest
    run of capitals and digits; and how many ``SETS`` they cover whole."""
    if not _automata:
        automaton, cased = ahocorasick.Automaton(), {}
        for literal in sorted(_known):
            if literal.startswith(CASED):
                if _CASED_WORD.fullmatch(literal[1:]):  # else in no word: never found
                    run = max(_CAPITALS.findall(literal[1:]), key=len, default="").encode("ascii")
                    cased.setdefault(literal[1:].lower(), []).append((literal, run))
                    automaton.add_word(literal[1:].lower(), literal[1:].lower())
            else:
                automaton.add_word(literal, literal)
        automaton.make_automaton()
        _automata.append((frozenset(_known), automaton, cased, len(SETS)))
    return _automata[0]


class Folded(Protocol):
    """What a slice's text gives here (``terms.Prepared``): its folded form and lower case."""

    folded: str
    lower: str | None


class WordMasks:
    """Words (lower case) with the slices holding each (bit masks), and per literal the
    slices holding a word that contains it. Given the words, the slices (a text without
    a lower case has no words; as cased, a slice's words are the runs of [0-9A-Za-z] of
    its folded text) and the folded texts of those with words (``texts``). The automaton
    runs once per distinct word; a cased literal is then sought in the folded text of the
    slices holding it in lower case."""

    def __init__(self, words: dict[str, int], slices: Sequence[tuple[Folded, int, int]], texts: Iterable[str]) -> None:
        self._slices = slices
        self._covered, automaton, cased_literals, self._covered_sets = _automata_now()
        masks: dict[str, int] = {}
        get = masks.get
        if len(automaton):
            run = automaton.iter
            for word, mask in words.items():
                for _, literal in run(word):
                    masks[literal] = get(literal, 0) | mask
        if cased_literals:
            self._add_cased_masks(cased_literals, masks, texts)
        self._words, self._masks = words, masks
        self._sets: list[int] = []

    def _add_cased_masks(self, cased_literals: dict[str, list[tuple[str, bytes]]], masks: dict[str, int],
                         texts: Iterable[str]) -> None:
        """Add to ``masks`` the slices holding each cased literal: of the slices holding it
        in lower case, those whose folded text holds it. Most cased literals are in no
        text of a regulation in their case, though their lower case is in many words
        ("=SIA", "indonesia"): those whose run of capitals is not in the texts' capitals
        and digits (``capitals``: a short string) are passed over at once."""
        held = capitals(texts)
        for lowered, literals in cased_literals.items():
            candidates = masks.get(lowered, 0)
            for literal, run in literals:
                piece = literal[1:]
                if not candidates or run not in held:
                    continue
                found = 0
                for i in bits(candidates):
                    ready, start, end = self._slices[i]
                    if ready.folded.find(piece, start, end) >= 0:
                        found |= 1 << i
                if found:
                    masks[literal] = found

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
        return self._words.get(word, 0)

    def words(self) -> KeysView[str]:
        """Every word (lower case) some slice holds."""
        return self._words.keys()

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
                if literal.startswith(CASED):
                    piece = literal[1:]
                    for i, (ready, start, end) in enumerate(self._slices):
                        if ready.lower is not None and \
                                any(piece in word for word in _CASED_WORD.findall(ready.folded, start, end)):
                            found |= 1 << i
                else:
                    for word, mask in self._words.items():
                        if literal in word:
                            found |= mask
            self._masks[literal] = found
        return found
