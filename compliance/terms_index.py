"""Find many term lists in many slices of a few texts, running each expression only
where it can match.

A check searches some two hundred term lists in every ayat of a regulation. Each
text is prepared once (``Prepared``), and the words of each slice are indexed once:
a list's expression then runs only on the slices holding, for one of its
alternatives, a literal of every word (``terms_compile.Compiled.clauses``). The
literals are a necessary condition of a match, so the spans found are those of
``Terms.find_slice`` on every slice, computed in a fraction of the time. Sets of
slices are bit masks (bit ``i`` for slice ``i``): unions and intersections of them
are single integer operations.
"""

from __future__ import annotations

import re
from itertools import compress
from typing import KeysView, Sequence

from compliance.terms import Gated, Prepared, Span, Terms, Verdicts, spans_near
from compliance.terms_words import LOWER_WORD_BYTES, WordMasks, bits, spaced as _spaced

_TOKEN = re.compile(r"[0-9a-z]+")  # literals are made of these (terms_compile._literal)
# Characters that a case-insensitive expression matches to an ASCII letter although their
# lower case is another letter ("ı" to "i", "ſ" to "s"): in a text holding them only the
# whole gate of a list is a safe test, as it has always been.
_CASE_ODD = ("ı", "ſ")


def _prepared(text: str) -> tuple[Prepared, str, bool]:
    """``text`` prepared; its folded lower case with every character but [0-9a-z] a space
    (its lower-case words are then its ``split()``, cut in C at a slice's edges); whether
    it holds a ``_CASE_ODD`` character (then it is not plain)."""
    ready = Prepared.of(text)
    if ready.lower is None:
        return ready, "", False
    return ready, _spaced(ready.folded, LOWER_WORD_BYTES), not ready.plain and any(ch in text for ch in _CASE_ODD)


# a compiled list's slices: where its folded expression (None: every slice), raw one and
# value readers may match; its start literals with the slices holding each; whether it is
# one folded expression sought from them
Plan = tuple["int | None", int, int, tuple[tuple[tuple[str, int], int], ...], bool]


class SliceIndex:
    """Slices ``text[start:end]`` (several may share a text) and which of them hold each
    literal, for ``find``. Literals never span two words' characters and a slice's words
    are cut at its edges, so a literal is in a slice's lower-case text exactly when it is
    in one of the slice's words."""

    def __init__(self, slices: Sequence[tuple[str, int, int]]) -> None:
        self.slices: list[tuple[Prepared, int, int]] = []
        ungated = odd = plain = 0
        texts: dict[int, tuple[Prepared, str, bool]] = {}  # id(text) -> ``_prepared``
        words: dict[str, int] = {}  # the slices' lower-case words -> the slices holding each
        get, add = words.get, self.slices.append
        for i, (text, start, end) in enumerate(slices):
            known = texts.get(id(text))
            if known is None:
                known = texts[id(text)] = _prepared(text)
            ready, spaced, text_odd = known
            add((ready, start, end))
            bit = 1 << i
            if ready.lower is None:
                ungated |= bit
                continue
            found = spaced[start:end].split()  # a word seen twice: its bit set twice (cheaper than a set)
            if ready.plain:
                plain |= bit
            else:  # a Kelvin sign is a "k" only in lower case: read those words too
                found += _TOKEN.findall(ready.lower, start, end)
                if text_odd:
                    odd |= bit
            for word in found:
                words[word] = get(word, 0) | bit
        self.ungated = ungated  # slices whose lower case shifts offsets: no gate applies
        self.odd = odd  # slices of texts with a _CASE_ODD character
        self._plain = plain  # slices of plain texts (``Prepared.plain``)
        self.all = (1 << len(self.slices)) - 1
        self._words = WordMasks(words, self.slices, [ready.folded for ready, _, _ in texts.values() if ready.lower is not None])
        self._parts: dict[int, tuple[int | None, int, int]] = {}
        self._visits: dict[int, int] = {}
        self._plans: dict[int, Plan] = {}  # id(gated) -> ``_plan``

    def word(self, word: str) -> int:
        """The slices holding ``word`` (folded, lower case) as a whole word."""
        return self._words.word(word)

    def words(self) -> KeysView[str]:
        """Every word (folded, lower case) of the slices."""
        return self._words.words()

    def holding(self, literal: str) -> int:
        """The slices whose lower-case text contains ``literal``, or, for ``=`` and a
        literal, whose folded text contains it as cased."""
        return self._words.holding(literal)

    def _any_of(self, literals: frozenset[str]) -> int:
        found = 0
        for literal in literals:
            found |= self.holding(literal)
        return found

    def candidates(self, gated: Gated) -> int | None:
        """The slices where ``gated``'s folded expression may match (None: every slice)."""
        return self.parts(gated)[0]

    def _met(self, program: tuple[tuple[int, ...], ...], sets: list[int], firsts: tuple[int, ...] | None) -> int:
        """The slices where one clause of ``program`` (``Gated.programs``) has every literal
        set met; ``sets``: the set masks by number (``WordMasks.sets``). ``firsts``: each
        clause's first (rarest) set, which most often no slice holds: those clauses are
        passed over in C (None: a clause needs no set)."""
        sharp, every = 0, self.all
        clauses = program if firsts is None else compress(program, map(sets.__getitem__, firsts))
        for clause in clauses:
            met = every
            for number in clause:
                met &= sets[number]
                if not met:
                    break
            sharp |= met
            if sharp == every:
                break
        return sharp

    def parts(self, gated: Gated) -> tuple[int | None, int, int]:
        """The slices where ``gated``'s folded expression (None: every slice), its raw one
        and its value readers may match. In a text with a ``_CASE_ODD`` character (the
        folded expression: where its whole gate is met) or whose lower case shifts
        offsets, they always run."""
        key = id(gated)
        if key not in self._parts:
            anyhow, sets = self.odd | self.ungated, self._words.sets()
            (folded, raw, values), (folded_first, raw_first, values_first) = gated.programs, gated.firsts
            if gated.gate is None:
                candidates = None
            else:
                odd = self._any_of(gated.gate) & self.odd if self.odd else 0
                candidates = self._met(folded, sets, folded_first) | odd | self.ungated
            self._parts[key] = (candidates, self._met(raw, sets, raw_first) | anyhow if raw else 0,
                                self._met(values, sets, values_first) | anyhow if values else 0)
        return self._parts[key]

    def everywhere(self, terms: Terms) -> bool:
        """Whether ``terms`` must run on every slice (an alternative without known
        literals, which no gate rules out)."""
        return terms.everywhere

    def _verdicts(self, gated: Gated, i: int) -> Verdicts:
        folded, raw, values = self.parts(gated)
        return None if folded is None else bool(folded >> i & 1), bool(raw >> i & 1), bool(values >> i & 1)

    def _sought(self, gated: Gated, i: int) -> Verdicts:
        """``_verdicts``, with, where the folded expression may match in a plain text, the
        start literals (``Gated.start_literals``) slice ``i`` holds: only those are sought
        (none: it cannot match)."""
        plan = self._plans.get(id(gated))
        if plan is None:
            plan = self._plan(gated)
        folded, raw, values, starts, _ = plan
        if folded is None:
            sought: bool | list[tuple[str, int]] | None = None
        elif not folded >> i & 1:
            sought = False
        elif starts and self._plain >> i & 1:
            sought = [start for start, mask in starts if mask >> i & 1] or False
        else:
            sought = True
        return sought, bool(raw >> i & 1), bool(values >> i & 1)

    def _plan(self, gated: Gated) -> Plan:
        """``parts`` of ``gated``, its start literals with the slices holding each, and
        whether it is one folded expression sought from them (``_seek``)."""
        found = gated.start_literals()
        starts = () if found is None else tuple(zip(found, self._words.holding_each([literal for literal, _ in found])))
        folded, raw, values = self.parts(gated)
        simple = bool(starts) and folded is not None and not gated.values and gated.sources[1] is None
        plan = self._plans[id(gated)] = (folded, raw, values, starts, simple)
        return plan

    def _seek(self, gated: Gated, i: int) -> list[Span]:
        """``gated.spans`` of slice ``i`` with the index's verdicts (``_sought``); for one
        folded expression sought from its start literals in a plain slice, the search
        itself (``Gated._folded_matches`` with the start literals the slice holds)."""
        plan = self._plans.get(id(gated)) or self._plan(gated)
        if plan[4] and self._plain >> i & 1:
            if not plan[0] >> i & 1:
                return []
            held = [start for start, mask in plan[3] if mask >> i & 1]
            return gated._folded_matches(gated.patterns()[0], *self.slices[i], held) if held else []
        return gated.spans(*self.slices[i], self._sought(gated, i))

    def seek_in_copy(self, gated: Gated, i: int, copy: Prepared) -> list[Span]:
        """``gated.spans`` of ``copy``, slice ``i``'s text read on its own (perhaps with
        characters blanked), with the verdicts ``holds`` gives; for one folded expression
        sought from its start literals, the search itself with the start literals the
        slice holds (as ``_seek``)."""
        plan = self._plans.get(id(gated)) or self._plan(gated)
        if plan[4] and copy.plain and self._plain >> i & 1:
            if not plan[0] >> i & 1:
                return []
            held = [start for start, mask in plan[3] if mask >> i & 1]
            return gated._folded_matches(gated.patterns()[0], copy, 0, len(copy.text), held) if held else []
        return gated.spans(copy, 0, len(copy.text), self.holds(gated, i))

    def holds(self, gated: Gated, i: int) -> Verdicts:
        """Per part of ``gated`` (``Gated.spans``), False when slice ``i`` lacks the literals
        it needs (then so does any copy of it with characters blanked); for the folded
        part the start literals the slice holds (a copy holds no others), else None: its
        gate must be tested on the copy."""
        sought, raw, values = self._sought(gated, i)
        return None if sought is True else sought, raw, values

    def may_match(self, terms: Terms, i: int) -> bool:
        """False when no list of ``terms`` can match in slice ``i`` (or in a copy of it
        with characters blanked): none runs there unless its literals are met."""
        return bool(self.visit(terms) >> i & 1)

    def visit(self, terms: Terms) -> int:
        """The slices where ``terms`` may match (every slice when it must run everywhere).
        Where no slice holds the first literal set of any clause of the list
        (``Terms.first_sets``) and every slice is gated, none may match: most lists of a
        regulation are told so at once."""
        key = id(terms)
        if key not in self._visits:
            firsts = terms.first_sets
            if self.everywhere(terms):
                visit = self.all
            elif firsts is not None and not self.odd | self.ungated and not any(map(self._words.sets().__getitem__, firsts)):
                visit = 0
            else:
                visit = self._reach(terms.alternatives) if terms.alternatives is not None else 0
                for group, _ in terms.groups:
                    both = self.all
                    for gated in group:
                        both &= self._reach(gated)
                    visit |= both
            self._visits[key] = visit
        return self._visits[key]

    def _reach(self, gated: Gated) -> int:
        """The slices where some part of ``gated`` may match."""
        folded, raw, values = self.parts(gated)
        return (self.all if folded is None else folded) | raw | values

    def find_at(self, terms: Terms, i: int) -> list[Span]:
        """``terms.find_slice`` of slice ``i``."""
        return terms.find_with(lambda gated: self._seek(gated, i))

    def _found(self, gated: Gated, mask: int) -> tuple[dict[int, list[Span]], int]:
        """Slice number -> ``gated.spans`` of that slice (``_seek``), for the slices of ``mask``
        where it matches, and those slices as a mask. One folded expression sought from its
        start literals is sought without ``_seek``'s layers in a plain slice: its spans are
        in order and apart."""
        plan = self._plans.get(id(gated)) or self._plan(gated)
        folded, raw, values, starts, simple = plan
        out: dict[int, list[Span]] = {}
        found, slices, sought = 0, self.slices, self._sought
        if not simple:
            for i in bits(mask & ((self.all if folded is None else folded) | raw | values)):
                spans = gated.spans(*slices[i], sought(gated, i))
                if spans:
                    out[i] = spans
                    found |= 1 << i
            return out, found
        expression, plain, seek = gated.patterns()[0], self._plain, gated._folded_matches
        for i in bits(mask & folded):
            if plain >> i & 1:
                held = [start for start, held_in in starts if held_in >> i & 1]
                spans = seek(expression, *slices[i], held) if held else None
            else:
                spans = gated.spans(*slices[i], sought(gated, i))
            if spans:
                out[i] = spans
                found |= 1 << i
        return out, found

    def find(self, terms: Terms) -> dict[int, list[Span]]:
        """Slice number -> ``terms.find_slice`` of that slice, for the slices with a match,
        in slice order. Each compiled list is sought over all the slices where it may
        match at once (``_found``): the alternatives, then each group's lists, each only
        where the group's lists before it matched; a list of phrases alone (most catalog
        lists, sought from their start literals) gives its spans as they are."""
        visit = self.visit(terms)
        if not visit:
            return {}
        gated = terms.alternatives
        out, _ = self._found(gated, visit) if gated is not None else ({}, 0)
        if not terms.groups:
            if gated is not None and not self._plans[id(gated)][4]:
                out = {i: sorted(set(spans)) for i, spans in out.items()}
            return out
        joined = {i: list(spans) for i, spans in out.items()}
        for group, near in terms.groups:
            each, mask = [], visit
            for part in group:
                found, mask = self._found(part, mask)
                if not mask:
                    break
                each.append(found)
            for i in bits(mask):
                lists = [found[i] for found in each]
                spans = [s for spans in lists for s in spans] if near is None else spans_near(lists, near)
                if spans:
                    joined.setdefault(i, []).extend(spans)
        return {i: sorted(set(joined[i])) for i in sorted(joined)}
