"""Region names as keys: what history look-ups and ``compare`` columns match on."""

from __future__ import annotations

from functools import cache

from compliance.resources import data_yaml


def daerah_key(daerah: str | None) -> str:
    """Case- and spacing-insensitive form of a region name, for history look-ups."""
    return " ".join((daerah or "").casefold().split())


def region_query(label: str) -> str:
    """The history key of what a user types: a region name, or a column label of ``compare``
    ("Kota Tirtaraya", "Tirtaraya · Perwal 3/2017"); the level word is dropped because the
    regulation's own title may name the region without it."""
    key = daerah_key(label.split("·")[0])
    first, _, rest = key.partition(" ")
    return rest if rest and first in _typed_level_words() else key


@cache
def _typed_level_words() -> frozenset[str]:
    """The level words of ``daerah_levels_typed`` in ``regulations/kinds.yaml``, casefolded."""
    return frozenset(word.casefold() for word in data_yaml("regulations", "kinds.yaml")["daerah_levels_typed"])
