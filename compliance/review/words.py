"""Word stems for comparing what a phrase names with what a place of a regulation says.

A crude Indonesian stemmer is enough here: "penyusunan", "disusun" and "menyusun" must
meet at "susun", "pengelolaan" and "kelola" at "elola"/"kelola" (a stem that ends
another counts as the same). It never has to produce dictionary roots.
"""

from __future__ import annotations

import functools
import re

_PREFIXES = ("meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "per", "pe", "ber", "be",
             "ter", "di", "ke", "se")
_SUFFIXES = ("nya", "kan", "an", "i")
# the words compared (here and in phrases): runs of letters, 3 or more (shorter ones tell nothing apart)
WORD = re.compile(r"[A-Za-z]{3,}")
# bytes: the ASCII letters as themselves, every other byte a space; a text's runs of letters are
# then its ``split()``, read in C (quicker than ``WORD``; a shorter run has no forms, below)
_LETTER_BYTES = bytes(c if 65 <= c <= 90 or 97 <= c <= 122 else 32 for c in range(256))


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Lower-case stem with common affixes cut, never shorter than 4 letters."""
    out = word.lower()
    for suffix in _SUFFIXES:
        if out.endswith(suffix) and len(out) - len(suffix) >= 4:
            out = out[: -len(suffix)]
            break
    for prefix in _PREFIXES:
        if out.startswith(prefix) and len(out) - len(prefix) >= 4:
            out = out[len(prefix):]
            break
    return out


# Letters a text layer read from a scan confuses ("Lernbaga", "asinq", "ID-SIRTII" for
# "ID-SIRTU"), folded alike on both sides of a comparison; no Indonesian word is told apart by them.
_OCR_FOLDS = (("rn", "m"), ("ii", "u"), ("vv", "w"), ("q", "g"))


def fold(word: str) -> str:
    out = word.lower()
    for seen, meant in _OCR_FOLDS:
        out = out.replace(seen, meant)
    return out


class _Memo(dict):
    """A pure function of a word, computed once per word per process: the memo holds the
    language's words (every regulation uses mostly the same ones), never a file's content;
    cleared when it holds ``_MEMO_WORDS`` words. Read as ``memo[word]`` (a dict lookup: the
    review looks up every word of a regulation's texts)."""

    def __init__(self, function) -> None:
        super().__init__()
        self._function = function

    def __missing__(self, word: str) -> frozenset[str]:
        if len(self) >= _MEMO_WORDS:
            self.clear()
        value = self[word] = self._function(word)
        return value


_MEMO_WORDS = 200_000


def _plain_forms(word: str) -> frozenset[str]:
    s = stem(word.lower())
    return frozenset([s] + [s[cut:] for cut in (1, 2) if len(s) - cut >= 4])


_PLAIN_FORMS = _Memo(_plain_forms)
_FORMS = _Memo(lambda word: _PLAIN_FORMS[fold(word)])
_NONE: frozenset[str] = frozenset()
# a run of letters of a text, as the bytes ``_runs`` reads: ``forms`` of its word (3 letters or
# more), none for a shorter run (keyed by the bytes: the runs are never decoded one by one)
_RUN_FORMS = _Memo(lambda run: _FORMS[run.decode("ascii")] if len(run) >= 3 else _NONE)
_PLAIN_RUN_FORMS = _Memo(lambda run: _PLAIN_FORMS[run.decode("ascii")] if len(run) >= 3 else _NONE)


def _runs(text: str) -> list[bytes]:
    """The runs of ASCII letters of a text, in order, as bytes (each other character a space)."""
    return text.encode("ascii", "replace").translate(_LETTER_BYTES).split()


def plain_forms(word: str) -> frozenset[str]:
    """A word's stem and its tails, so that a stem ending another meets it (nasal
    assimilation: meny-usun / s-usun)."""
    return _PLAIN_FORMS[word]


def forms(word: str) -> frozenset[str]:
    """``plain_forms`` of the word with the letters a scan confuses folded."""
    return _FORMS[word]


def forms_in_order(text: str) -> list[frozenset[str]]:
    """``forms`` of each word of a text, in their order (words under 3 letters left out)."""
    return list(filter(None, map(_RUN_FORMS.__getitem__, _runs(text))))  # a word's forms are never none


def stems_in(text: str) -> set[str]:
    """Every form of every word of a text (words under 3 letters left out), scan
    confusions folded. (A word met twice is looked up twice: cheaper than listing the
    distinct words first.)"""
    return set().union(*map(_RUN_FORMS.__getitem__, _runs(text)))


def plain_stems_in(text: str) -> set[str]:
    """``stems_in`` without folding: the words exactly as printed."""
    return set().union(*map(_PLAIN_RUN_FORMS.__getitem__, _runs(text)))

