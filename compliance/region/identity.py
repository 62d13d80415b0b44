"""Which region an instrument belongs to, however its title or the user writes it.

"Kota Denpasar", "Pemerintah Kota Denpasar", "Wali Kota Denpasar" and a Peraturan
Wali Kota whose daerah reads "Denpasar" are one region: (``kota``, ``denpasar``).
The level words are data (``regulations/regions.yaml``); the level of a kind of
regulation comes from ``regulations/kinds.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from compliance.resources import data_yaml, kind_levels

LEVELS = ("provinsi", "kabupaten", "kota")
NATIONAL = "national"


@dataclass(frozen=True, order=True)
class RegionKey:
    """A region: its level (``provinsi``/``kabupaten``/``kota``, or "" when the text
    leaves it open, as a bare "Peraturan Daerah") and its name, case-folded."""

    name: str
    level: str = ""

    def label(self, display: str | None = None) -> str:
        """"Kota Denpasar": the level word and the name as printed (``display``)."""
        shown = display or self.name.title()
        word = _data()["display"].get(self.level)
        return f"{word} {shown}" if word else shown

    def slug(self) -> str:
        """A stable text form for the store and file names: ``kota denpasar``."""
        return f"{self.level} {self.name}".strip()


@cache
def _data() -> dict:
    return data_yaml("regulations", "regions.yaml")


@cache
def _level_patterns() -> list[tuple[re.Pattern[str], str]]:
    words = [(w, level) for level, ws in _data()["level_words"].items() for w in ws]
    words.sort(key=lambda wl: -len(wl[0]))
    return [(re.compile(r"^\s*" + r"\s+".join(map(re.escape, w.split())) + r"(?:\s+|$)", re.IGNORECASE), level)
            for w, level in words]


def split_level(text: str | None) -> tuple[str, str]:
    """(level, name as printed) of a region name: "Pemerintah Kota Denpasar" -> ("kota", "Denpasar")."""
    rest = " ".join((text or "").split())
    level = ""
    for pattern, word_level in _level_patterns():
        m = pattern.match(rest)
        if m:
            level, rest = word_level, rest[m.end():]
            break
    return level, rest.strip(" ,.")


def parse_region(text: str | None) -> RegionKey | None:
    """The region a user or a title names, None for an empty name."""
    level, name = split_level(text)
    return RegionKey(" ".join(name.casefold().split()), level) if name else None


def instrument_region(metadata: dict) -> tuple[RegionKey | None, str]:
    """(region, display name) of an instrument from its metadata; (None, "national") for a
    national act, (None, "") when the region is not known. The kind decides the level when
    the daerah does not say it (a Peraturan Bupati is a kabupaten's)."""
    kind_level = kind_levels().get(metadata.get("jenis_kode") or "", "")
    if kind_level == NATIONAL:
        return None, NATIONAL
    level, name = split_level(metadata.get("daerah"))
    if not name:
        return None, ""
    if not level and kind_level in LEVELS:
        level = kind_level
    return RegionKey(" ".join(name.casefold().split()), level), name


def same_region(wanted: RegionKey, found: RegionKey) -> bool:
    """Whether ``found`` is the region ``wanted`` names: same name, and same level unless
    either leaves the level open."""
    return wanted.name == found.name and (not wanted.level or not found.level or wanted.level == found.level)
