"""Subjects as phrases: a reviewer reads "Manajemen Layanan SPBE" as one name, not three words
that a place may use apart ("manajemen SPBE ... layanan"). Words are compared by their stem
forms (``compliance.review.words``)."""

from __future__ import annotations

import re

from compliance.review.words import forms

_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


def holds_in_order(words: list[frozenset[str]], wanted: list[frozenset[str]], gap: int = 1) -> bool:
    """Whether ``wanted`` occur in ``words`` in their order, at most ``gap`` other words
    between two of them."""
    if not wanted:
        return False
    first = wanted[0]
    for start, word in enumerate(words):
        if word.isdisjoint(first):
            continue
        at, found = start, 1
        while found < len(wanted):
            nxt = next((j for j in range(at + 1, min(at + 2 + gap, len(words))) if not words[j].isdisjoint(wanted[found])),
                       None)
            if nxt is None:
                break
            at, found = nxt, found + 1
        if found == len(wanted):
            return True
    return False


def names_in(subject: str, says_nothing) -> list[list[frozenset[str]]]:
    """The capitalised names a subject holds ("Audit TIK", "Spektrum Frekuensi Radio"): runs of
    two or more capitalised words (a generic first word is left out: it may be capitalised only
    because it opens a sentence), at least one of them a word that tells things apart."""
    words = _NAME_WORD.findall(subject)
    if words and says_nothing(words[0]):
        words = words[1:]
    runs: list[list[str]] = [[]]
    for w in words:
        if w[:1].isupper():
            runs[-1].append(w)
        elif runs[-1]:
            runs.append([])
    return [[forms(w) for w in run] for run in runs
            if len(run) >= 2 and not all(says_nothing(w) for w in run)]
