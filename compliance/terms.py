"""Find catalog terms in Indonesian legal text, tolerant of morphology and OCR noise.

Regional drafters inflect words (``menetapkan``, ``ditetapkan``, ``penetapan``),
repeat them for the plural (``aplikasi-aplikasi``), attach ``-nya`` and split or
join compounds (``e-Government``, ``e Government``); OCR swaps ``l``/``I``/``1``.
A catalog term is compiled once into a regular expression that accepts those
variants and is run on the original text, so every match is an exact substring
that a report can quote and highlight.

Term syntax (see rules/perpres-95-2018.yaml): a phrase of words; ``~root`` for a
root with affixes; ``@name`` for any phrase of a vocabulary set; ``re:...`` for a
raw expression; ``...`` between two words for a gap within the clause (up to
80 characters, no ``.``/``;``/``:``); ``{all: [[...], [...]], near: N}`` for terms
that must co-occur (within N characters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

Span = tuple[int, int]

_VOWELS = "aeiou"
_SUFFIX = r"(?:kannya|annya|kan|an|i|nya|lah)?"
_PLAIN_PREFIXES = ("", "di", "ter", "ke", "ber", "per", "se", "keter", "keber", "berke", "memper", "diper", "pember", "pemer")
_OCR = {"i": "[il1|!]", "l": "[li1|]", "o": "[o0]"}
_OCR_MIN_LEN = 6
_ACRONYM_MAX_LEN = 7
_LEFT = r"(?<![0-9A-Za-z])"
_GAP = "..."  # in a phrase: up to _GAP_MAX characters of the same clause
_GAP_MAX = 80
_RIGHT = r"(?![0-9A-Za-z])"


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


def _char(ch: str, ocr: bool) -> str:
    if ocr and ch.lower() in _OCR:
        return _OCR[ch.lower()]
    if ch == "-":
        return r"[\s\-]?"
    if ch == "/":
        return r"\s*/\s*"
    if ch == ",":
        return ",?"
    return re.escape(ch)


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and word.isupper() and len(word) <= _ACRONYM_MAX_LEN


def _word(word: str) -> str:
    """One plain word: acronyms exact-case; other words with suffixes, reduplication, OCR."""
    if _is_acronym(word):
        return "(?-i:" + re.escape(word) + r")(?:-?nya)?"
    ocr = len(word) >= _OCR_MIN_LEN
    core = "".join(_char(ch, ocr) for ch in word)
    if not word[-1].isalnum():
        return core
    return core + "(?:-" + core + ")?" + _SUFFIX


def _root_word(root: str) -> str:
    forms = "|".join(re.escape(f) for f in affixed_forms(root))
    return "(?:" + forms + ")" + _SUFFIX


@dataclass
class _Compiler:
    vocabulary: Mapping[str, Sequence[str]]

    def phrase(self, phrase: str, *, inside_set: bool = False) -> str:
        """The expression of one phrase, without outer word boundaries."""
        if phrase.startswith("re:"):
            body = phrase[3:]
            try:
                re.compile(body)
            except re.error as exc:
                raise TermError(f"bad expression {body!r}: {exc}") from exc
            return "(?:" + body + ")"
        words = phrase.split()
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
                parts.append(re.escape(word.lower()) + _SUFFIX)
            else:
                parts.append(_word(word))
        separator = r"[\s\-]?" if root_phrase else r"[\s\-]+"
        out = parts[0]
        for previous, part in zip(parts, parts[1:]):
            if part == _GAP:
                out += r"(?:[\s\-]+[^.;:\n]{0,%d}?)?" % _GAP_MAX
            else:
                out += (r"[\s\-]+" if previous == _GAP else separator) + part
        return out

    def vocab(self, name: str) -> str:
        if name not in self.vocabulary:
            raise TermError(f"unknown vocabulary set @{name}")
        alternatives = [self.phrase(p, inside_set=True) for p in self.vocabulary[name]]
        return "(?:" + "|".join(alternatives) + ")"

    def alternatives(self, phrases: Sequence[str]) -> re.Pattern[str]:
        body = "|".join(self.phrase(p) for p in phrases)
        return re.compile(_LEFT + "(?:" + body + ")" + _RIGHT, re.IGNORECASE)


class Terms:
    """A compiled list of alternative terms: plain phrases and ``{all: ...}`` groups.

    ``find(text)`` returns the spans of every alternative that matches (for
    highlighting), or an empty list when none does.
    """

    def __init__(self, specs: Sequence[Any], vocabulary: Mapping[str, Sequence[str]]) -> None:
        compiler = _Compiler(vocabulary)
        phrases = [s for s in specs if isinstance(s, str)]
        self._any = compiler.alternatives(phrases) if phrases else None
        self._all: list[tuple[list[re.Pattern[str]], int | None]] = []
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
        spans: list[Span] = []
        if self._any is not None:
            spans.extend(m.span() for m in self._any.finditer(text) if m.end() > m.start())
        for group, near in self._all:
            found = [[m.span() for m in pattern.finditer(text) if m.end() > m.start()] for pattern in group]
            if not all(found):
                continue
            if near is None:
                spans.extend(s for group_spans in found for s in group_spans)
            else:
                spans.extend(_near(found, near))
        return sorted(set(spans))


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
