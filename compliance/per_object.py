"""Values derived from one object, kept while that object lives.

A check asks for the same derived structure many times (the places of an article, once
per reference to it; the catalog's part of the citation graph, once per check), and a
process checks many regulations against one catalog. Objects such as ``Article`` and
``Catalog`` are unhashable dataclasses, so the value is keyed by the object's identity
and dropped when the object is collected (an id can then be reused by a new object).
"""

from __future__ import annotations

import weakref
from typing import Any, Callable, Generic, TypeVar

T = TypeVar("T")


class PerObject(Generic[T]):
    """``get(owner, build, version)``: ``build(owner)`` once per owner object; built again
    when ``version`` (compared by identity, e.g. the owner's text) is no longer the same."""

    def __init__(self) -> None:
        self._values: dict[int, tuple[weakref.ref, Any, T]] = {}

    def get(self, owner: Any, build: Callable[[Any], T], version: Any = None) -> T:
        key = id(owner)
        kept = self._values.get(key)
        if kept is not None and kept[1] is version:
            return kept[2]
        value = build(owner)
        # the value is dropped when the owner goes (before its id can be reused)
        ref = kept[0] if kept is not None else weakref.ref(owner, lambda _, values=self._values, key=key: values.pop(
            key, None))
        self._values[key] = (ref, version, value)
        return value
