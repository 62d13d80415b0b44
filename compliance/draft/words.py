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


@functools.lru_cache(maxsize=65536)
def plain_forms(word: str) -> frozenset[str]:
    """A word's stem and its tails, so that a stem ending another meets it (nasal
    assimilation: meny-usun / s-usun)."""
    s = stem(word.lower())
    return frozenset([s] + [s[cut:] for cut in (1, 2) if len(s) - cut >= 4])


@functools.lru_cache(maxsize=65536)
def forms(word: str) -> frozenset[str]:
    """``plain_forms`` of the word with the letters a scan confuses folded."""
    return plain_forms(fold(word))


def stems_in(text: str) -> set[str]:
    """Every form of every word of a text (words under 3 letters left out), scan
    confusions folded; each distinct word looked up once."""
    return set().union(*map(forms, set(WORD.findall(text))))


def plain_stems_in(text: str) -> set[str]:
    """``stems_in`` without folding: the words exactly as printed."""
    return set().union(*map(plain_forms, set(WORD.findall(text))))
