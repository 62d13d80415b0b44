"""The parser's vocabulary: ``regulations/markers.yaml`` loaded and compiled once.

Headings, title and closing formulas, section labels, diktum and item markers and the
value words (months, ordinals) are data, so a new spelling is a YAML line, not code.
Every entry outside ``values`` is a regular expression; a list is a set of alternative
spellings, read as one alternation. An entry names another as ``{{name}}`` (the
``Pasal N`` heading is written once and reused). ``markers().pasal_heading`` is the
compiled pattern, built on first use and kept: never compiled per line or per document.
"""

from __future__ import annotations

import re
from functools import cache, cached_property
from typing import Any

from compliance.resources import data_yaml

_REFERENCE = re.compile(r"\{\{(\w+)\}\}")
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


class Markers:
    """The compiled entries of ``markers.yaml`` as attributes, and its ``values`` tables."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.values: dict[str, Any] = data["values"]
        self._word_sets: dict[str, frozenset[str]] = {}
        self._any: dict[tuple[str, ...], re.Pattern[str]] = {}
        self._sources: dict[str, str | list[str]] = {}
        for section, entries in data.items():
            if section == "values":
                continue
            for name, source in entries.items():
                if name in self._sources or name in self.values:
                    raise ValueError(f"markers.yaml: {name!r} is defined twice")
                self._sources[name] = source

    def source(self, name: str, _seen: tuple[str, ...] = ()) -> str:
        """The pattern text of ``name`` with every ``{{reference}}`` expanded."""
        if name in _seen:
            raise ValueError(f"markers.yaml: {name!r} refers to itself")
        entry = self._sources[name] if name in self._sources else self.values[name]
        text = "|".join(entry) if isinstance(entry, list) else entry
        return _REFERENCE.sub(lambda m: self._embedded(m.group(1), (*_seen, name)), text)

    def _embedded(self, name: str, seen: tuple[str, ...]) -> str:
        text = self.source(name, seen)
        if text.startswith("(?i)"):  # a global flag is only allowed at the start: scope it
            return f"(?i:{text[4:]})"
        entry = self._sources.get(name, self.values.get(name))
        return f"(?:{text})" if isinstance(entry, list) else text

    def word_set(self, name: str) -> frozenset[str]:
        """The words of the ``values`` list ``name`` in lower case, for membership tests."""
        words = self._word_sets.get(name)
        if words is None:
            words = self._word_sets[name] = frozenset(w.lower() for w in self.values[name])
        return words

    def any_of(self, *names: str) -> re.Pattern[str]:
        """One pattern that matches where any of the entries ``names`` matches (their groups
        unnamed): a line most of whose tests fail is asked once, not once per entry."""
        pattern = self._any.get(names)
        if pattern is None:
            sources = [getattr(self, name).pattern for name in names]
            if any("(?P=" in source for source in sources):  # a back-reference needs its group's name
                sources = [""]
            scoped = [f"(?i:{s[4:]})" if s.startswith("(?i)") else s for s in sources]
            pattern = self._any[names] = re.compile("|".join(f"(?:{_NAMED_GROUP.sub('(?:', s)})" for s in scoped))
        return pattern

    @cached_property
    def diktum_ordinals(self) -> tuple[str, ...]:
        """KESATU, KEDUA, ...: the Bagian ordinals in capitals, without the other names of the
        first (PERTAMA)."""
        other_firsts = self.values["diktum_first"][1:]
        return tuple(w for w in (w.upper() for w in self.values["bagian_ordinals"]) if w not in other_firsts)

    def __getattr__(self, name: str) -> re.Pattern[str]:
        if name.startswith("_") or name not in self._sources:
            raise AttributeError(name)
        pattern = re.compile(self.source(name))
        setattr(self, name, pattern)  # later look-ups are plain attributes
        return pattern


@cache
def markers() -> Markers:
    """The parser's vocabulary (``regulations/markers.yaml``), loaded once per process."""
    return Markers(data_yaml("regulations", "markers.yaml"))
