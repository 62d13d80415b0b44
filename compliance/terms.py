"""Find catalog terms in Indonesian legal text, tolerant of morphology and OCR noise.

Regional drafters inflect words (``menetapkan``, ``ditetapkan``, ``penetapan``),
repeat them for the plural (``aplikasi-aplikasi``), attach ``-nya`` and split or
join compounds (``e-Government``, ``e Government``); OCR swaps ``l``/``I``/``1``.
A catalog term is compiled once into a regular expression that accepts those
variants. OCR confusions are handled by *folding*: the text and the terms both map
``l``/``1``/``|``/``!`` to ``i`` and ``0`` to ``o``, one character for one, so the
expressions stay small (fast to compile) and every match is still an exact span of
the original text that a report can quote and highlight. Raw ``re:`` expressions
see the original text.

Term syntax (see rules/perpres-95-2018.yaml): a phrase of words; ``~root`` for a
root with affixes; ``@name`` for any phrase of a vocabulary set; ``re:...`` for a
raw expression; ``value:frequency`` / ``value:period`` for any frequency or period
``compliance.values`` reads ("setahun sekali", "tiap 2 (dua) tahun", "dua
tahunan"), so the words of a value are known in one place; ``...`` between two words for a gap within the clause (up to
80 characters, no ``.``/``;``/``:``); ``{all: [[...], [...]], near: N}`` for terms
that must co-occur (within N characters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Mapping, Sequence

from compliance.values import Value, frequencies, periods

Span = tuple[int, int]

_VOWELS = "aeiou"
_SUFFIX = r"(?:k?an(?:nya)?|i(?:ah)?|nya)?"  # -kan, -an, -i, -nya, -kannya, -annya, -iah (-lah folded)
_PLAIN_PREFIXES = ("", "di", "ter", "ke", "ber", "per", "se", "keter", "keber", "berke", "memper", "diper", "pember", "pemer")
_FOLD = str.maketrans({"l": "i", "L": "I", "1": "i", "|": "i", "!": "i", "0": "o"})
_ACRONYM_MAX_LEN = 7
_LEFT = r"(?<![0-9A-Za-z])"
_GAP = "..."  # in a phrase: up to _GAP_MAX characters of the same clause
_GAP_MAX = 80
_RIGHT = r"(?![0-9A-Za-z])"
_VALUE = "value:"
_VALUE_READERS: dict[str, Callable[[str], list[Value]]] = {"frequency": frequencies, "period": periods}


class TermError(ValueError):
    """A term that cannot be compiled (unknown vocabulary set, bad expression)."""


def nasal_forms(root: str, base: str) -> list[str]:
    """``me-``/``pe-`` + root with the nasal assimilation of Indonesian (tetap -> menetap)."""
    c = root[0]
    if c in _VOWELS:
        forms = [base + "ng" + root]
    elif c == "k":
        forms = [base + "ng" + root[1:], base + "ng" + root]
    elif c in "gh":
        forms = [base + "ng" + root]
    elif c == "t":
        forms = [base + "n" + root[1:], base + "n" + root]
    elif c in "dcjz":
        forms = [base + "n" + root]
    elif c == "s":
        forms = [base + "ny" + root[1:], base + "n" + root]
    elif c == "p":
        forms = [base + "m" + root[1:], base + "m" + root]
    elif c in "bfv":
        forms = [base + "m" + root]
    else:
        forms = [base + root]
    if sum(1 for ch in root if ch in _VOWELS) == 1:  # one syllable: menge-/penge- (sahkan -> pengesahan)
        forms.append(base + "nge" + root)
    return forms


def affixed_forms(root: str) -> list[str]:
    """Every prefixed form of ``root`` the matcher accepts (suffixes are added separately)."""
    root = root.lower()
    forms = {p + root for p in _PLAIN_PREFIXES}
    for base in ("me", "pe"):
        forms.update(nasal_forms(root, base))
    return sorted(forms, key=lambda f: (-len(f), f))


def fold(text: str) -> str:
    """``text`` with OCR-confusable characters unified; same length, same offsets."""
    return text.translate(_FOLD)


def _char(ch: str) -> str:
    if ch == "-":
        return r"[\s\-]?"
    if ch == "/":
        return r"\s*/\s*"
    if ch == ",":
        return ",?"
    return re.escape(fold(ch))


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and word.isupper() and len(word) <= _ACRONYM_MAX_LEN


@lru_cache(maxsize=None)
def _word(word: str, reduplicate: bool = True) -> str:
    """One plain word: acronyms exact-case; other words with suffixes and (for the
    head word of a term) reduplication."""
    if _is_acronym(word):
        return "(?-i:" + re.escape(fold(word)) + r")(?:-?nya)?"
    core = "".join(_char(ch) for ch in word)
    if not word[-1].isalnum():
        return core
    return core + ("(?:-" + core + ")?" if reduplicate else "") + _SUFFIX


@lru_cache(maxsize=None)
def _root_word(root: str) -> str:
    """The affixed forms of ``root`` (``affixed_forms``) as one small expression: the
    plain prefixes as one optional group before the root, then the nasal forms. A
    small expression compiles fast, and compiling is most of a first check's cost."""
    root = root.lower()
    plain = sorted((p for p in _PLAIN_PREFIXES if p), key=lambda p: (-len(p), p))
    nasal = sorted({fold(f) for base in ("me", "pe") for f in nasal_forms(root, base)}, key=lambda f: (-len(f), f))
    prefixed = "(?:" + "|".join(plain) + ")?" + re.escape(fold(root))
    return "(?:" + "|".join([prefixed, *map(re.escape, nasal)]) + ")" + _SUFFIX


@dataclass
class _Compiler:
    """Turns phrases into expressions against one vocabulary; remembers each
    vocabulary set's expression and literals (sets recur in many terms)."""

    vocabulary: Mapping[str, Sequence[str]]
    _vocab: dict[str, str] = field(default_factory=dict)
    _keys: dict[str, frozenset[str] | None] = field(default_factory=dict)

    def raw(self, phrase: str) -> str:
        body = phrase[3:]
        try:
            re.compile(body)
        except re.error as exc:
            raise TermError(f"bad expression {body!r}: {exc}") from exc
        return "(?:" + body + ")"

    def phrase(self, phrase: str, *, inside_set: bool = False) -> str:
        """The expression of one phrase (for folded text), without outer word boundaries."""
        if phrase.startswith("re:"):
            raise TermError(f"a raw expression cannot be part of a longer phrase ({phrase})")
        words = phrase.split()
        if any(w.startswith(_VALUE) for w in words):
            raise TermError(f"a value term stands alone, not in a longer phrase ({phrase})")
        if not words:
            raise TermError("empty term")
        parts: list[str] = []
        root_phrase = words[0].startswith("~")
        if words[0] == _GAP or words[-1] == _GAP:
            raise TermError("a gap (...) must stand between two words")
        for i, word in enumerate(words):
            if word == _GAP:
                parts.append(_GAP)
            elif word.startswith("@"):
                if inside_set:
                    raise TermError(f"vocabulary sets cannot nest ({word})")
                parts.append(self.vocab(word[1:]))
            elif word.startswith("~"):
                if len(word) < 2:
                    raise TermError("empty root after ~")
                parts.append(_root_word(word[1:]))
            elif root_phrase and i > 0:
                parts.append(re.escape(fold(word.lower())) + _SUFFIX)
            else:
                parts.append(_word(word, reduplicate=i == 0 and not inside_set))
        separator = r"[\s\-]?" if root_phrase else r"[\s\-]+"
        out = parts[0]
        for previous, part in zip(parts, parts[1:]):
            if part == _GAP:
                out += r"(?:[\s\-]+[^.;:\n]{0,%d}?)?" % _GAP_MAX
            else:
                out += (r"[\s\-]+" if previous == _GAP else separator) + part
        return out

    def keys(self, phrase: str) -> frozenset[str] | None:
        """Folded lower-case literals of which one must occur wherever ``phrase``
        matches (None: no such literal is known, always run the expression). A
        cheap substring test on them spares the regular expression most ayat."""
        if phrase not in self._keys:
            self._keys[phrase] = self._find_keys(phrase)
        return self._keys[phrase]

    def _find_keys(self, phrase: str) -> frozenset[str] | None:
        best: frozenset[str] | None = None
        for word in phrase.split():
            if word == _GAP:
                continue
            if word.startswith("@"):
                options = [self.keys(p) for p in self.vocabulary.get(word[1:], [])]
                if not options or any(o is None for o in options):
                    continue
                candidate = frozenset().union(*options)
            else:
                candidate = frozenset([_literal(word)]) if _literal(word) else None
            if candidate and (best is None or min(map(len, candidate)) > min(map(len, best))):
                best = candidate
        return best

    def vocab(self, name: str) -> str:
        if name not in self.vocabulary:
            raise TermError(f"unknown vocabulary set @{name}")
        if name not in self._vocab:
            alternatives = [self.phrase(p, inside_set=True) for p in self.vocabulary[name]]
            self._vocab[name] = "(?:" + "|".join(alternatives) + ")"
        return self._vocab[name]

    def expand(self, phrases: Sequence[str]) -> list[str]:
        """A term that is a whole set (``@periodic``) stands for its members, so the
        set's raw expressions can run on the original text."""
        out: list[str] = []
        for p in phrases:
            if p.startswith("@") and len(p.split()) == 1:
                if p[1:] not in self.vocabulary:
                    raise TermError(f"unknown vocabulary set {p}")
                out.extend(self.vocabulary[p[1:]])
            else:
                out.append(p)
        return out

    def alternatives(self, phrases: Sequence[str]) -> _Gated:
        phrases = self.expand(phrases)
        raws = [self.raw(p) for p in phrases if p.startswith("re:")]
        values = tuple(sorted({p[len(_VALUE):] for p in phrases if p.startswith(_VALUE)}))
        for kind in values:
            if kind not in _VALUE_READERS:
                raise TermError(f"unknown value kind {kind!r} (use {', '.join(sorted(_VALUE_READERS))})")
        phrases = [p for p in phrases if not p.startswith(("re:", _VALUE))]
        # "tim @spbe", "dewan @spbe", ...: one copy of the set after the joined heads.
        tails: dict[str, list[str]] = {}
        rest: list[str] = []
        for p in phrases:
            words = p.split()
            if len(words) > 1 and words[-1].startswith("@") and not p.startswith(("~", "re:")) and _GAP not in words:
                tails.setdefault(words[-1], []).append(" ".join(words[:-1]))
            else:
                rest.append(p)
        bodies = [self.phrase(p) for p in rest]
        for tail, heads in tails.items():
            bodies.append("(?:" + "|".join(self.phrase(h) for h in heads) + r")[\s\-]+" + self.phrase(tail))
        keys = [self.keys(p) for p in phrases]
        gate = None if any(k is None for k in keys) else frozenset().union(*keys)
        folded = _LEFT + "(?:" + "|".join(bodies) + ")" + _RIGHT if bodies else None
        raw = "|".join(raws) if raws else None
        return _Gated(folded, raw, gate, values)


@lru_cache(maxsize=None)
def _literal(word: str) -> str:
    """The longest piece of ``word`` that every accepted variant contains (folded,
    lower-case; without the first letter of a root, which nasal prefixes drop)."""
    if word.startswith("~"):
        word = word[2:]
    pieces = re.split(r"[^0-9a-z]", fold(word.lower()))
    return max(pieces, key=len, default="")


@dataclass(frozen=True)
class Prepared:
    """A text made ready for matching: the original, its folded form, and the
    folded lower-case form the literal gates test (None when lower-casing would
    shift offsets)."""

    text: str
    folded: str
    lower: str | None

    @classmethod
    def of(cls, text: str) -> Prepared:
        folded = fold(text)
        lower = folded.lower()
        return cls(text, folded, lower if len(lower) == len(text) else None)


class _Gated:
    """An expression for folded text, a raw one for the original text, the
    literals that gate the first (None: always run), and the value kinds read on
    the original text. Expressions are compiled on first use: compiling is the
    costly part, and an expression whose literals never occur in a text is never
    needed."""

    def __init__(self, folded: str | None, raw: str | None, gate: frozenset[str] | None,
                 values: tuple[str, ...] = ()) -> None:
        self.sources = (folded, raw)
        self.gate = gate
        self.values = values
        self._patterns: tuple[re.Pattern[str] | None, re.Pattern[str] | None] | None = None

    def patterns(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        if self._patterns is None:
            self._patterns = tuple(re.compile(s, re.IGNORECASE) if s else None for s in self.sources)
        return self._patterns

    def _gated_out(self, prepared: Prepared, start: int, end: int) -> bool:
        lower = prepared.lower
        return self.gate is not None and lower is not None and \
            not any(lower.find(k, start, end) >= 0 for k in self.gate)

    def may_occur(self, prepared: Prepared) -> bool:
        """False when no alternative can match anywhere in the whole text (none of the
        gate's literals occurs, no raw expression matches): then no slice of it has a
        match either. Cheap: substring tests, no scan with the large expression."""
        folded, raw = self.sources
        if self.values or (folded is not None and not self._gated_out(prepared, 0, len(prepared.text))):
            return True
        return raw is not None and self.patterns()[1].search(prepared.text) is not None

    def spans(self, prepared: Prepared, start: int, end: int) -> list[Span]:
        folded, raw = self.patterns()
        out: list[Span] = []
        if folded is not None:
            if not self._gated_out(prepared, start, end):
                out.extend((m.start() - start, m.end() - start)
                           for m in folded.finditer(prepared.folded, start, end) if m.end() > m.start())
        if raw is not None:
            out.extend((m.start() - start, m.end() - start)
                       for m in raw.finditer(prepared.text, start, end) if m.end() > m.start())
        for kind in self.values:
            out.extend((v.start, v.end) for v in _VALUE_READERS[kind](prepared.text[start:end]))
        return out


_COMPILERS: list[_Compiler] = []  # the last few vocabularies (a catalog's terms share one)


def _compiler(vocabulary: Mapping[str, Sequence[str]]) -> _Compiler:
    """The compiler of this very vocabulary object, made once: its memory of sets
    holds only while the vocabulary is not changed, which catalogs never do."""
    for compiler in _COMPILERS:
        if compiler.vocabulary is vocabulary:
            return compiler
    compiler = _Compiler(vocabulary)
    _COMPILERS.insert(0, compiler)
    del _COMPILERS[4:]
    return compiler


class Terms:
    """A compiled list of alternative terms: plain phrases and ``{all: ...}`` groups.

    ``find(text)`` returns the spans of every alternative that matches (for
    highlighting), or an empty list when none does.
    """

    def __init__(self, specs: Sequence[Any], vocabulary: Mapping[str, Sequence[str]]) -> None:
        compiler = _compiler(vocabulary)
        phrases = [s for s in specs if isinstance(s, str)]
        self._any = compiler.alternatives(phrases) if phrases else None
        self._all: list[tuple[list[_Gated], int | None]] = []
        for spec in specs:
            if isinstance(spec, str):
                continue
            groups = spec.get("all") if isinstance(spec, Mapping) else None
            if not groups or not all(isinstance(g, list) and g and all(isinstance(t, str) for t in g) for g in groups):
                raise TermError("a group must be {all: [[term, ...], [term, ...]], near: N}")
            near = spec.get("near")
            if near is not None and (not isinstance(near, int) or isinstance(near, bool) or near <= 0):
                raise TermError("near must be a positive number of characters")
            self._all.append(([compiler.alternatives(g) for g in groups], near))
        self.empty = self._any is None and not self._all

    def find(self, text: str) -> list[Span]:
        return self.find_in(Prepared.of(text), [(0, len(text))])[0]

    def may_occur_in(self, prepared: Prepared) -> bool:
        """A quick whole-text test: False means ``find_in`` finds nothing in any
        slice of the text (one test instead of one per slice)."""
        if self._any is not None and self._any.may_occur(prepared):
            return True
        return any(all(gated.may_occur(prepared) for gated in group) for group, _ in self._all)

    def find_in(self, prepared: Prepared, ranges: Sequence[Span]) -> list[list[Span]]:
        """``find`` on each slice ``text[start:end]`` of a prepared text (spans
        relative to the slice); one preparation serves every term and ayat."""
        results: list[list[Span]] = [[] for _ in ranges]
        for i, (start, end) in enumerate(ranges):
            if self._any is not None:
                results[i].extend(self._any.spans(prepared, start, end))
            for group, near in self._all:
                found = []
                for gated in group:
                    spans = gated.spans(prepared, start, end)
                    if not spans:
                        break
                    found.append(spans)
                if len(found) < len(group):
                    continue
                if near is None:
                    results[i].extend(s for group_spans in found for s in group_spans)
                else:
                    results[i].extend(_near(found, near))
        return [sorted(set(spans)) for spans in results]


def _near(found: list[list[Span]], width: int) -> list[Span]:
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
