"""What one check knows about a regulation while matching it: its units, where each
catalog term list occurs among them, the Perpres citations each unit carries, and
which entries' signals each operative unit holds. Everything is found once per check
(``compliance.terms_index``) and read many times by the rules of ``compliance.match``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from compliance.catalog import Catalog
from compliance.match_links import UnitCitation, national_citations
from compliance.match_units import Unit, units
from compliance.models import Regulation
from compliance.terms import Prepared, Span, Terms, fold
from compliance.terms_compile import VALUE_READERS
from compliance.terms_index import SliceIndex, bits as _bits

_WORD = re.compile(r"[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*")


@lru_cache(maxsize=4096)
def _folded_pieces(word: str) -> tuple[str, ...]:
    """A word's hyphen-joined pieces, folded (the catalog's model words, once per process)."""
    return tuple(fold(piece) for piece in word.split("-"))


@lru_cache(maxsize=1024)
def _pieces_counted(words: frozenset[str]) -> tuple[dict[str, int], int]:
    """Of a model's words (once per process): the folded words of one piece, with how many
    of ``words`` fold to each, and how many words join several pieces."""
    single: dict[str, int] = {}
    for word in words:
        pieces = _folded_pieces(word)
        if len(pieces) == 1:
            single[pieces[0]] = single.get(pieces[0], 0) + 1
    return single, sum(1 for word in words if len(_folded_pieces(word)) > 1)


def _folds_to_letters(unit: Unit) -> bool:
    """Whether the unit's body holds "|" or "!", which fold to a letter."""
    return unit.text.find("|", unit.start, unit.end) >= 0 or unit.text.find("!", unit.start, unit.end) >= 0


@dataclass
class MatchContext:
    catalog: Catalog
    units: list[Unit]
    lang: str
    index: SliceIndex  # the units as slices of their texts, in the same order
    position: dict[int, int]  # id(unit) -> its place in ``units``
    cites: dict[int, list[UnitCitation]]  # unit position -> its citations of the Perpres
    actor_terms: dict[str, Terms]
    value_terms: dict[str, Terms]  # "value:period", "value:frequency": where the index allows a value
    articles: dict[tuple[str, str | None] | None, list[int]] = field(default_factory=dict)  # article_key -> unit positions
    signal_owners: dict[int, set[str]] = field(default_factory=dict)  # operative unit position -> entries whose signals occur in it
    _hits: dict[int, dict[int, list[Span]]] = field(default_factory=dict)  # id(terms) -> unit position -> spans
    _found: dict[tuple[int, int], list[Span]] = field(default_factory=dict)  # (id(terms), position) -> spans
    _undelegated: dict[int, str] = field(default_factory=dict)
    _alone: dict[tuple[int, bool], Prepared] = field(default_factory=dict)  # (id(unit), undelegated) -> its body prepared
    _comparable: int | None = None
    _loose: int = 0
    _lowered: dict[int, tuple[str, frozenset[str]]] = field(default_factory=dict)
    _may_hold_word: dict[str, int] = field(default_factory=dict)
    _outline: dict[int, bool] = field(default_factory=dict)  # unit position -> ``is_outline``
    _listing: dict[int, list[Span]] = field(default_factory=dict)  # unit position -> ``listing``

    def hits(self, terms: Terms) -> dict[int, list[Span]]:
        """Unit position -> the spans of ``terms`` in its body, for the units where they
        occur (each list found once per check; do not change the lists)."""
        if id(terms) not in self._hits:
            self._hits[id(terms)] = self.index.find(terms)
        return self._hits[id(terms)]

    def find(self, terms: Terms, unit: Unit) -> list[Span]:
        """``terms.find`` in ``unit.body`` as a slice of its text (a copy: callers extend
        hit spans in place). A list that must run on every unit (a raw expression) is
        run unit by unit, only on the units asked about."""
        at = self.position[id(unit)]
        hits = self._hits.get(id(terms))
        if hits is None and not self.index.everywhere(terms):
            hits = self.hits(terms)
        if hits is not None:
            return list(hits.get(at, ()))
        key = (id(terms), at)
        if key not in self._found:
            self._found[key] = self.index.find_at(terms, at)
        return list(self._found[key])

    def find_alone(self, terms: Terms, unit: Unit, undelegated: bool = False) -> list[Span]:
        """``terms.find(unit.body)`` (or of ``undelegated(unit)``), the body read on its own.
        Both hold only literals the unit's slice holds, so a list the index rules out
        there cannot match: its expression is not run."""
        at = self.position[id(unit)]
        if not self.index.may_match(terms, at):
            return []
        key = (id(unit), undelegated)
        if key not in self._alone:
            self._alone[key] = Prepared.of(self.undelegated(unit) if undelegated else unit.body)
        copy, seek = self._alone[key], self.index.seek_in_copy
        return terms.find_with(lambda gated: seek(gated, at, copy))

    def is_outline(self, unit: Unit) -> bool:
        """Whether the unit opens with a scope formula ("Ruang lingkup ... meliputi");
        read once per unit (every entry whose topic the unit holds asks)."""
        at = self.position[id(unit)]
        outline = self._outline.get(at)
        if outline is None:
            spans = self.find(self.catalog.outline, unit)
            outline = self._outline[at] = bool(spans) and any(s == 0 for s, _ in spans)
        return outline

    def listing(self, unit: Unit) -> list[Span]:
        """The opening formula of a unit that introduces a list of names ("berpedoman
        pada prinsip:", "disusun dengan sistematika:"), if it has one; read once per unit
        (do not change the list)."""
        at = self.position[id(unit)]
        listing = self._listing.get(at)
        if listing is None:
            spans = self.find(self.catalog.listing, unit)
            listing = self._listing[at] = [(s, e) for s, e in spans if s == 0] if spans else []
        return listing

    def undelegated(self, unit: Unit) -> str:
        """The body as elements see it: a scope list blanked (it names topics, it supplies
        no element), and so are delegations ("diatur dengan Peraturan Bupati")."""
        if id(unit) not in self._undelegated:
            body = unit.body
            if self.is_outline(unit):
                body = " " * len(body)
            for s, e in self.find(self.catalog.delegation, unit):
                body = body[:s] + " " * (e - s) + body[e:]
            self._undelegated[id(unit)] = body
        return self._undelegated[id(unit)]

    def blanked(self, unit: Unit) -> bool:
        """Whether ``undelegated`` blanks anything of the unit's body."""
        return self.undelegated(unit) != unit.body

    def comparable(self) -> int:
        """The units long enough to compare by similarity (operative, 40 characters or
        more; bit ``i`` for unit ``i``)."""
        if self._comparable is None:
            comparable = loose = 0  # loose: units whose folded words may differ from their own
            holds: dict[int, bool] = {}  # id(text) -> whether it holds "|" or "!" (most texts: neither)
            for i, unit in enumerate(self.units):
                if unit.kind == "operative" and unit.end - unit.start >= 40:
                    comparable |= 1 << i
                    text = unit.text
                    held = holds.get(id(text))
                    if held is None:
                        held = holds[id(text)] = "|" in text or "!" in text
                    if held and _folds_to_letters(unit):
                        loose |= 1 << i
            self._comparable, self._loose = comparable, self.index.ungated | loose
        return self._comparable

    def lowered(self, i: int) -> tuple[str, frozenset[str]]:
        """Unit ``i``'s lower-case body and its words, as similarity compares them."""
        if i not in self._lowered:
            body = self.units[i].body.lower()
            self._lowered[i] = body, frozenset(_WORD.findall(body))
        return self._lowered[i]

    def _may_hold(self, word: str) -> int:
        """The comparable units that may hold ``word``: each of its pieces, folded, is a
        word of their folded text (the index's words), or their folding is unusual."""
        found = self._may_hold_word.get(word)
        if found is None:
            found = self.comparable()
            for piece in _folded_pieces(word):
                found &= self.index.word(piece) | self._loose
            self._may_hold_word[word] = found
        return found

    def sharing(self, words: set[str] | frozenset[str], least: int) -> int:
        """The comparable units (``comparable``) holding at least ``least`` of ``words``.
        The units that may hold each word (``_may_hold``) are added up as binary counters;
        the few with enough are counted again in their own words (``lowered``). Where too
        few words are a word of the regulation, or once too few are left to reach ``least``
        in any unit, none is sought further."""
        if not self.comparable():
            return 0
        if not self._loose and isinstance(words, frozenset):  # a word is held only where its pieces are words
            single, joined = _pieces_counted(words)
            if joined + sum(single[word] for word in single.keys() & self.index.words()) < least:
                return 0
        planes: list[int] = []  # bit i of planes[k]: bit k of unit i's count
        may_hold, left, held = self._may_hold, len(words), 0
        for word in words:
            if held + left < least:
                return 0
            left -= 1
            carry = may_hold(word)
            if not carry:
                continue
            held += 1
            for k, plane in enumerate(planes):
                planes[k], carry = plane ^ carry, plane & carry
                if not carry:
                    break
            if carry:
                planes.append(carry)
        if least >= 1 << len(planes):
            return 0
        equal, greater = self.comparable(), 0
        for k in reversed(range(len(planes))):
            if least >> k & 1:
                equal &= planes[k]
            else:
                greater |= equal & planes[k]
        return sum(1 << i for i in _bits(greater | equal) if len(words & self.lowered(i)[1]) >= least)


def match_context(reg: Regulation, catalog: Catalog, lang: str) -> MatchContext:
    """The context of one check: units, citations placed in them, signal owners."""
    all_units = units(reg)
    actor_terms = {}
    for entry in catalog.entries:
        for p in entry.parameters:
            if p.kind == "actor":
                others = "@" + p.national["others"]
                actor_terms[f"{entry.id}/{p.id}"] = catalog.terms([
                    f"~tetap oleh {others}", f"~tetap dengan keputusan {others}", f"~sah oleh {others}",
                    f"{others} ~tetap",
                ])
    position = {id(unit): i for i, unit in enumerate(all_units)}
    cites = {position[key]: found for key, found in national_citations(reg, catalog, all_units).items()}
    index = SliceIndex([(unit.text, unit.start, unit.end) for unit in all_units])
    value_terms = {kind: catalog.terms([f"value:{kind}"]) for kind in VALUE_READERS}
    ctx = MatchContext(catalog, all_units, lang, index, position, cites, actor_terms, value_terms)
    for i, unit in enumerate(all_units):
        ctx.articles.setdefault(unit.article_key, []).append(i)
        if unit.kind == "operative":
            ctx.signal_owners[i] = set()
    for entry in catalog.entries:
        if entry.check is None:
            for i in ctx.hits(entry.signals):
                if i in ctx.signal_owners:
                    ctx.signal_owners[i].add(entry.id)
    return ctx
