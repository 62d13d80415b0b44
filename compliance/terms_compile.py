"""Compile catalog terms into regular expressions, tolerant of morphology and OCR noise.

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
from typing import Callable, Mapping, NamedTuple, Sequence

from compliance.values import Value, frequencies, periods

Span = tuple[int, int]

_VOWELS = "aeiou"
_SUFFIX = r"(?:k?an(?:nya)?|i(?:ah)?|nya)?"  # -kan, -an, -i, -nya, -kannya, -annya, -iah (-lah folded)
_PLAIN_PREFIXES = ("", "di", "ter", "ke", "ber", "per", "se", "keter", "keber", "berke", "memper", "diper", "pember", "pemer")
# One character for another; no result is a later pair's source, so the pairs applied
# in turn map every character at once (``str.replace`` per pair is ~50x faster than
# ``str.translate`` with a table on a long text). An ASCII text (most) is mapped as bytes,
# by one table, in one pass (``bytes.translate``: faster again, on a word or a page).
_FOLD = (("l", "i"), ("L", "I"), ("1", "i"), ("|", "i"), ("!", "i"), ("0", "o"))
_FOLD_BYTES = bytes(ord(dict(_FOLD).get(chr(c), chr(c))) for c in range(256))
_ACRONYM_MAX_LEN = 7
_LEFT = r"(?<![0-9A-Za-z])"
_GAP = "..."  # in a phrase: up to _GAP_MAX characters of the same clause
_GAP_MAX = 80
_RIGHT = r"(?![0-9A-Za-z])"
_WORD_RUN = re.compile(r"[0-9A-Za-z]+")
_HYPHENATED = re.compile(r"[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*")
_START_MIN = 3  # a shorter literal starts too many words to be worth seeking
_VALUE = "value:"
VALUE_READERS: dict[str, Callable[[str], list[Value]]] = {"frequency": frequencies, "period": periods}


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
    if text.isascii():
        return text.encode("ascii").translate(_FOLD_BYTES).decode("ascii")
    for old, new in _FOLD:
        text = text.replace(old, new)
    return text


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


class Compiled(NamedTuple):
    """A list of alternatives compiled: an expression for folded text, a raw one for the
    original text, the literals of which one must occur for the first to match (None:
    unknown), the value kinds read on the original text, per alternative the
    literal sets that must all be met (``_Compiler.clause``), and the raw expressions
    the second joins, one per alternative; ``starts``: literals of which one is in the
    word where every match of the first begins, with how far into the word (None:
    unknown, ``_Compiler.start``)."""

    folded: str | None
    raw: str | None
    gate: frozenset[str] | None
    values: tuple[str, ...]
    clauses: tuple[tuple[frozenset[str], ...], ...]
    raws: tuple[str, ...] = ()
    starts: tuple[tuple[str, int], ...] | None = None


@dataclass
class _Compiler:
    """Turns phrases into expressions against one vocabulary; remembers each
    vocabulary set's expression and literals (sets recur in many terms)."""

    vocabulary: Mapping[str, Sequence[str]]
    _vocab: dict[str, str] = field(default_factory=dict)
    _clauses: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)

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
        return _best(self._word_sets(phrase, sharp=False))

    def clause(self, phrase: str) -> tuple[frozenset[str], ...]:
        """For each word of ``phrase`` whose literals are known, the literals of which one
        must occur wherever the phrase matches: every set of them must be met in a text
        the phrase can match. Sharper than ``keys``, which keeps the best one: a root
        keeps the first letter no nasal prefix drops, and an acronym its capitals
        (``=`` + the literal, to be found in the folded text as it is cased)."""
        if phrase not in self._clauses:
            self._clauses[phrase] = tuple(self._word_sets(phrase, sharp=True))
        return self._clauses[phrase]

    def _word_sets(self, phrase: str, sharp: bool) -> list[frozenset[str]]:
        words = phrase.split()
        tail_of_root = bool(words) and words[0].startswith("~")  # later words of "~root word" ignore case
        out = []
        for i, word in enumerate(words):
            if word == _GAP:
                continue
            if word.startswith("@"):
                members = self.vocabulary.get(word[1:], [])
                options = [_best(self.clause(p)) if sharp else self.keys(p) for p in members]
                if options and all(o is not None for o in options):
                    out.append(frozenset().union(*options))
                continue
            literal = _sharp_literal(word, exact_case=not (tail_of_root and i > 0)) if sharp else _literal(word)
            if literal:
                out.append(frozenset([literal]))
        return out

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

    def alternatives(self, phrases: Sequence[str]) -> Compiled:
        phrases = self.expand(phrases)
        phrases_raw = [p for p in phrases if p.startswith("re:")]
        raws = [self.raw(p) for p in phrases_raw]
        values = tuple(sorted({p[len(_VALUE):] for p in phrases if p.startswith(_VALUE)}))
        for kind in values:
            if kind not in VALUE_READERS:
                raise TermError(f"unknown value kind {kind!r} (use {', '.join(sorted(VALUE_READERS))})")
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
        clauses = tuple(self.clause(p) for p in phrases) if gate is not None else ()
        start: dict[str, int] | None = {}
        for p in phrases:
            starts = self.start(p)
            if starts is None:
                start = None
                break
            for literal, offset in starts.items():
                start[literal] = max(offset, start.get(literal, 0))
        start = tuple(sorted(start.items())) if start else None
        return Compiled(folded, raw, gate, values, clauses, tuple(r[3:] for r in phrases_raw), start)

    def start(self, phrase: str) -> dict[str, int] | None:
        """Folded lower-case literals of which one occurs at most so many characters after
        the start of every match of ``phrase``, which is a word start (of a run of
        ``[0-9A-Za-z]`` of the folded text): a plain word's or an acronym's first run of
        letters and digits of ``_START_MIN`` or more (after shorter ones joined by hyphens,
        "e-Gov": each hyphen is one character or none); a root's sharp literal, somewhere
        in its affixed form; a set's members' (None when unknown: the expression then
        runs everywhere)."""
        first = phrase.split()[0]
        if first.startswith("@"):
            merged: dict[str, int] = {}
            for member in self.vocabulary.get(first[1:], []):
                starts = self.start(member)
                if starts is None:
                    return None
                for literal, offset in starts.items():
                    merged[literal] = max(offset, merged.get(literal, 0))
            return merged or None
        if first.startswith("~"):
            root = fold(first[1:].lower())
            literal = _sharp_literal(first, exact_case=False) if _WORD_RUN.fullmatch(root) else ""
            offset = max(len(fold(f)) for f in affixed_forms(root)) - len(literal)
        elif _HYPHENATED.match(fold(first)):  # the match starts with these runs
            runs = _HYPHENATED.match(fold(first)).group().lower().split("-")
            at = next((i for i, run in enumerate(runs) if len(run) >= _START_MIN), None)
            if at is None:
                return None
            literal, offset = runs[at], sum(len(run) + 1 for run in runs[:at])
        else:
            return None
        return {literal: offset} if len(literal) >= _START_MIN else None


def _best(sets: Sequence[frozenset[str]]) -> frozenset[str] | None:
    """The set whose shortest literal is longest (the first of equals)."""
    best: frozenset[str] | None = None
    for candidate in sets:
        if best is None or min(map(len, candidate)) > min(map(len, best)):
            best = candidate
    return best


@lru_cache(maxsize=None)
def _sharp_literal(word: str, exact_case: bool) -> str:
    """Like ``_literal``, sharper: a root's first letter stays unless a nasal prefix can
    drop it (k, t, s, p: "menetapkan"); an acronym, matched in its case, is ``=`` and its
    longest piece as folded ("=SPBE") when it has a capital."""
    if word.startswith("~") and len(word) > 1:
        root = word[1:] if word[1].lower() not in "ktsp" else word[2:]
        pieces = re.split(r"[^0-9a-z]", fold(root.lower()))
        return max(pieces, key=len, default="")
    if exact_case and _is_acronym(word):
        piece = max(re.split(r"[^0-9A-Za-z]", fold(word)), key=len, default="")
        if piece != piece.lower():  # a capital to find as cased
            return "=" + piece
    return _literal(word)


@lru_cache(maxsize=None)
def _literal(word: str) -> str:
    """The longest piece of ``word`` that every accepted variant contains (folded,
    lower-case; without the first letter of a root, which nasal prefixes drop)."""
    if word.startswith("~"):
        word = word[2:]
    pieces = re.split(r"[^0-9a-z]", fold(word.lower()))
    return max(pieces, key=len, default="")



_COMPILERS: list[_Compiler] = []  # the last few vocabularies (a catalog's terms share one)


def compiler_for(vocabulary: Mapping[str, Sequence[str]]) -> _Compiler:
    """The compiler of this very vocabulary object, made once: its memory of sets
    holds only while the vocabulary is not changed, which catalogs never do."""
    for compiler in _COMPILERS:
        if compiler.vocabulary is vocabulary:
            return compiler
    compiler = _Compiler(vocabulary)
    _COMPILERS.insert(0, compiler)
    del _COMPILERS[4:]
    return compiler

