"""Find catalog terms in Indonesian legal text: a term list compiled once
(``compliance.terms_compile``, where the term syntax is described) runs on prepared
texts; every match is an exact span of the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping, Sequence

from compliance.terms_compile import VALUE_READERS, Compiled, TermError, affixed_forms, compiler_for, fold
from compliance.terms_literals import parse_expression, required_literals
from compliance.terms_words import program, remember
from compliance.values import expression

__all__ = ["Gated", "Prepared", "Span", "TermError", "Terms", "affixed_forms", "fold", "merge_spans", "spans_near"]

Span = tuple[int, int]
# folded (or the start literals a slice holds), raw, values (``Gated.spans``)
Verdicts = tuple["bool | list[tuple[str, int]] | None", "bool | None", "bool | None"]


# Characters outside ASCII that a case-insensitive expression matches to an ASCII letter
# ("ı" to "i", "ſ" to "s", the Kelvin sign to "k"; "İ" shifts offsets when lower-cased).
_ASCII_LIKE = ("\u0131", "\u017f", "\u212a")
_WORD_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyz")  # a word of a plain text's lower case


@dataclass(frozen=True)
class Prepared:
    """A text made ready for matching: the original, its folded form, the folded
    lower-case form the literal gates test (None when lower-casing would shift
    offsets), and whether its words are exactly its runs of ASCII letters and digits
    (``plain``: no character outside ASCII matches an ASCII letter)."""

    text: str
    folded: str
    lower: str | None
    plain: bool = False

    @classmethod
    def of(cls, text: str) -> Prepared:
        folded = fold(text)
        lower = folded.lower()
        if text.isascii():  # most texts (told at once): nothing to look for
            return cls(text, folded, lower, True)
        if len(lower) != len(text):
            return cls(text, folded, None)
        return cls(text, folded, lower, not any(ch in text for ch in _ASCII_LIKE))


def _rarest_first(clauses: Iterable[tuple[frozenset[str], ...]]) -> tuple[tuple[frozenset[str], ...], ...]:
    """Each clause's literal sets, the one with the longest shortest literal (the likeliest
    to be missing, which settles the clause) first."""
    return tuple(tuple(sorted(clause, key=lambda literals: -min(map(len, literals)))) for clause in clauses)


class Gated:
    """A compiled list of alternatives (``terms_compile.Compiled``): an expression for
    folded text gated by literals, a raw one for the original text, value kinds read on
    the original text. Expressions are compiled on first use: compiling is the costly
    part, and an expression whose literals never occur in a text is never needed. The
    raw expressions and the value readers need literals too (``terms_literals``): per
    raw alternative and per value kind, the literal sets every match holds."""

    def __init__(self, compiled: Compiled) -> None:
        self.sources = (compiled.folded, compiled.raw)
        self.gate = compiled.gate
        self.values = compiled.values
        self.clauses = _rarest_first(compiled.clauses)
        self.raw_clauses = _rarest_first(required_literals(r) for r in compiled.raws)
        self.value_clauses = _rarest_first(required_literals(expression(kind)) for kind in compiled.values)
        self.starts = compiled.starts
        remember(self.gate or ())
        remember(literal for literal, _ in self.starts or ())  # the index tells a slice's starts (``spans``)
        self.programs = tuple(program(clauses) for clauses in (self.clauses, self.raw_clauses, self.value_clauses))
        # per program, each clause's first set (None when a clause needs none): ``terms_index._met``
        self.firsts = tuple(None if not all(p) else tuple(clause[0] for clause in p) for p in self.programs)
        self._patterns: tuple[re.Pattern[str] | None, re.Pattern[str] | None] | None = None
        self._starts: tuple[tuple[str, int], ...] | None = None  # ``starts`` when a match is never empty

    def patterns(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        if self._patterns is None:
            self._patterns = tuple(re.compile(s, re.IGNORECASE) if s else None for s in self.sources)
            folded = self.sources[0]
            if folded and self.starts and parse_expression(folded).getwidth()[0] > 0:
                self._starts = self.starts
        return self._patterns

    def _gated_out(self, prepared: Prepared, start: int, end: int) -> bool:
        lower = prepared.lower
        return self.gate is not None and lower is not None and \
            not any(lower.find(k, start, end) >= 0 for k in self.gate)

    def start_literals(self) -> tuple[tuple[str, int], ...] | None:
        """``Compiled.starts`` when the folded expression is sought from them (its matches are
        never empty; ``_folded_matches``), else None."""
        self.patterns()
        return self._starts

    def _folded_matches(self, folded: re.Pattern[str], prepared: Prepared, start: int, end: int,
                        starts: Sequence[tuple[str, int]] | None = None) -> list[Span]:
        """``folded.finditer`` in the slice, tried only at the word starts at most its offset
        before an occurrence of a literal of ``starts``, in a plain text: a match begins at
        such a word start (``Compiled.starts``), is never empty, and is the one a search
        reaching that word finds. ``starts``: those of them the slice holds, when the caller
        knows (``compliance.terms_index``)."""
        if self._starts is None or not prepared.plain:
            return [(m.start() - start, m.end() - start)
                    for m in folded.finditer(prepared.folded, start, end) if m.end() > m.start()]
        lower, find = prepared.lower, prepared.lower.find
        at: set[int] = set()
        for literal, offset in self._starts if starts is None else starts:
            found = find(literal, start, end)
            while found >= 0:
                if not offset:  # the match starts where the literal does
                    if found == 0 or lower[found - 1] not in _WORD_CHARS:
                        at.add(found)
                else:
                    for word in range(found, found - offset - 1 if found > offset else -1, -1):
                        if lower[word] in _WORD_CHARS and (word == 0 or lower[word - 1] not in _WORD_CHARS):
                            at.add(word)  # a word start within reach
                found = find(literal, found + 1, end)
        out: list[Span] = []
        free, text, match = start, prepared.folded, folded.match
        for word in sorted(at):
            if word >= free:
                m = match(text, word, end)
                if m is not None:
                    out.append((word - start, m.end() - start))
                    free = m.end()
        return out

    def spans(self, prepared: Prepared, start: int, end: int, verdicts: Verdicts | None = None) -> list[Span]:
        """Matches in ``text[start:end]`` (offsets in the slice). ``verdicts``: the caller's
        verdicts for the folded expression, the raw one and the value readers (False:
        they cannot match in the slice; for the first, None: test its literal gate here,
        or the start literals the slice holds, ``start_literals``, in a plain text)."""
        folded_may, raw_may, values_may = verdicts or (None, None, None)
        folded, raw = self.patterns()
        out: list[Span] = []
        if folded is not None:
            if folded_may is None and self._starts is not None and prepared.plain:
                folded_may = True  # the start literals are sought first: a gate of their own
            if folded_may if folded_may is not None else not self._gated_out(prepared, start, end):
                starts = folded_may if type(folded_may) is list else None
                out.extend(self._folded_matches(folded, prepared, start, end, starts))
        if raw is not None and raw_may is not False:
            out.extend((m.start() - start, m.end() - start)
                       for m in raw.finditer(prepared.text, start, end) if m.end() > m.start())
        if values_may is not False:
            for kind in self.values:
                out.extend((v.start, v.end) for v in VALUE_READERS[kind](prepared.text[start:end]))
        return out


class Terms:
    """A compiled list of alternative terms: plain phrases and ``{all: ...}`` groups.

    ``find(text)`` returns the spans of every alternative that matches (for
    highlighting), or an empty list when none does.
    """

    def __init__(self, specs: Sequence[Any], vocabulary: Mapping[str, Sequence[str]]) -> None:
        compiler = compiler_for(vocabulary)
        phrases = [s for s in specs if isinstance(s, str)]
        self.alternatives = Gated(compiler.alternatives(phrases)) if phrases else None
        self.groups: list[tuple[list[Gated], int | None]] = []  # {all: ...} groups and their ``near``
        for spec in specs:
            if isinstance(spec, str):
                continue
            groups = spec.get("all") if isinstance(spec, Mapping) else None
            if not groups or not all(isinstance(g, list) and g and all(isinstance(t, str) for t in g) for g in groups):
                raise TermError("a group must be {all: [[term, ...], [term, ...]], near: N}")
            near = spec.get("near")
            if near is not None and (not isinstance(near, int) or isinstance(near, bool) or near <= 0):
                raise TermError("near must be a positive number of characters")
            self.groups.append(([Gated(compiler.alternatives(g)) for g in groups], near))
        self.empty = self.alternatives is None and not self.groups
        # an alternative without known literals, which no gate rules out (``terms_index``)
        self.everywhere = any(g.gate is None or any(not c for c in g.raw_clauses + g.value_clauses)
                              for g in self.gated())
        # the first literal set of every clause of its lists, one of which a slice must hold
        # for any of them to match there (None: a clause needs no set; ``terms_index``)
        firsts = [f for g in self.gated() for f in g.firsts]
        self.first_sets = None if None in firsts else tuple(sorted({n for f in firsts for n in f}))

    def find(self, text: str) -> list[Span]:
        return self.find_slice(Prepared.of(text), 0, len(text))

    def gated(self) -> list[Gated]:
        """Every compiled list of alternatives, the plain one and each group's."""
        plain = [self.alternatives] if self.alternatives is not None else []
        return plain + [gated for group, _ in self.groups for gated in group]

    def find_slice(self, prepared: Prepared, start: int, end: int,
                   verdict: Callable[[Gated], Verdicts | None] = lambda gated: None) -> list[Span]:
        """``find`` on the slice ``text[start:end]`` of a prepared text (spans relative to the
        slice). ``verdict``: whether a list's literals let its parts match in this slice
        (``Gated.spans``), when the caller knows (``compliance.terms_index``); None: test here."""
        return self.find_with(lambda gated: gated.spans(prepared, start, end, verdict(gated)))

    def find_with(self, seek: Callable[[Gated], list[Span]]) -> list[Span]:
        """The spans of the list where ``seek`` gives each compiled list's spans in one slice
        (``Gated.spans``, or what a caller knows to equal it): the alternatives', and each
        group's that holds all of its lists (within ``near`` characters)."""
        spans: list[Span] = []
        if self.alternatives is not None:
            spans.extend(seek(self.alternatives))
        for group, near in self.groups:
            found = []
            for gated in group:
                group_spans = seek(gated)
                if not group_spans:
                    break
                found.append(group_spans)
            if len(found) < len(group):
                continue
            if near is None:
                spans.extend(s for group_spans in found for s in group_spans)
            else:
                spans.extend(spans_near(found, near))
        return sorted(set(spans))


def spans_near(found: list[list[Span]], width: int) -> list[Span]:
    """Spans, one per group, that fit together in a window of ``width`` characters,
    for every anchor span of the first group that has such partners."""
    out: list[Span] = []
    for anchor in found[0]:
        chosen = [anchor]
        for others in found[1:]:
            best = min(others, key=lambda s: max(abs(s[0] - anchor[1]), abs(anchor[0] - s[1])))
            chosen.append(best)
        if max(e for _, e in chosen) - min(s for s, _ in chosen) <= width:
            out.extend(chosen)
    return out


def merge_spans(spans: Sequence[Span]) -> list[Span]:
    """Overlapping or touching spans joined, in order."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]

