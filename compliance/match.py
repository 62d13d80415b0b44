"""Decide, for every catalog entry, whether a regional regulation addresses it.

The regulation is cut into units (an ayat, or an article without ayat; a
Lampiran paragraph; a Menimbang or Mengingat item). For each entry:

1. *Topic*: operative units where the entry's signal terms occur, or that cite
   the entry's own Perpres article (citations come from ``compliance.cite`` and
   lead to entries as the graph of ``compliance.graph`` links them, read off the catalog's
   compiled links ``compliance.catalog_links``; ``compliance.match_topic``). A citation shows
   the topic, not the content: without the elements written it gives ``partial``.
   Units of the Pasal 1 definitions or the Menimbang never count: such an entry
   is ``missing`` with a note.
2. *Scope*: the topic units plus their sibling ayat that belong to no other
   entry (the "(2) ... sebagaimana dimaksud pada ayat (1)" continuation).
3. *Elements* are searched in the scope; all present -> ``fulfilled``, some ->
   ``partial``. Weak signals (an old "rencana induk TIK") cap at ``partial``, and
   where the entry's own terms are found, units reached only by weak ones are left
   out (they belong to other topics).
4. *Parameters* (period, frequency, who sets it) are read as values from the
   scope; one that contradicts the national value -> ``conflict``.
5. Nothing found by terms: rapidfuzz similarity against the entry's model
   sentences may still give ``partial`` (never ``fulfilled``).

Every quote is a slice of the parsed text, so it is verbatim by construction.

Evidence scores: an explicit citation of the Perpres 1.0 (0.9 when the cited
article only lies in a range-based entry's range); a signal term 0.85; a
unit that only supplies an element or a parameter 0.75; a weak signal or a scope
list 0.6; similarity its rapidfuzz ratio / 100. A finding's ``confidence`` says how
firmly the text supports its status: the best topic evidence score for fulfilled /
partial, 0.9 for a conflict (values compared as numbers), 0.6 x similarity for a
similarity-only partial; for missing 0.8 when the term is seen only in definitions
or Menimbang, else 0.7 (absence is never certain); for not_applicable 0.95 with an
enactment date, 0.8 from the year alone.
"""

from __future__ import annotations

from datetime import date

from compliance.catalog import Catalog, Element, Entry
from compliance.match_context import MatchContext, match_context
from compliance.match_params import conflicts as find_conflicts
from compliance.match_params import label as _lang
from compliance.match_topic import (SCORE_CITATION, SCORE_ELEMENT, SEGMENT_END, Hit, scope as find_scope,
                                    similar as find_similar, topic as find_topic)
from compliance.match_units import Unit, trimmed
from compliance.models import Conflict, Evidence, Finding, Regulation
from compliance.per_object import PerObject
from compliance.terms import Span, merge_spans
from compliance.terms_index import bits

QUOTE_MAX = 400
EVIDENCE_MAX = 6


def _quote(unit: Unit, spans: list[Span]) -> tuple[str, list[str], int]:
    """The shortest run of whole segments of the unit that holds every span, the
    matched substrings inside it (for highlighting), and where it starts in the body."""
    body = unit.body
    if len(body) <= QUOTE_MAX or not spans:
        start, end = 0, len(body)
    else:
        first, last = min(s for s, _ in spans), max(e for _, e in spans)
        # segment ends (one character each) up to the first span, and the first one reaching the last
        start = _segment_start(body, first)
        after = SEGMENT_END.search(body, max(last - 1, 0))
        end = after.end() if after else len(body)
        start, end = trimmed(body, start, end)
    quote = body[start:end]
    matched: list[str] = []
    for s, e in merge_spans(spans) if spans else ():
        if start <= s and e <= end:
            piece = body[s:e]
            if piece not in matched:
                matched.append(piece)
    return quote, matched, start


def _segment_start(body: str, first: int) -> int:
    """Where the segment holding offset ``first`` starts: after the last segment end (one
    character, found alike from any offset) that ends at or before it; 0 without one. Sought
    just before ``first`` first (a long unit has many)."""
    low = max(0, first - QUOTE_MAX)
    while True:
        ends = [m.end() for m in SEGMENT_END.finditer(body, low, first + 1)]
        while ends and ends[-1] > first:
            ends.pop()
        if ends or not low:
            return ends[-1] if ends else 0
        low = 0


def _evidence(hit: Hit) -> Evidence:
    quote, matched, start = _quote(hit.unit, hit.spans)
    start += hit.unit.start
    return Evidence(place=hit.unit.place, quote=quote, via=hit.via, score=hit.score, matched=matched,
                    start=start, end=start + len(quote))


_TEXTS: PerObject[dict] = PerObject()


def _texts(entry: Entry, catalog: Catalog, lang: str) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """What every finding on ``entry`` in ``lang`` says of the catalog (requirement, title, group,
    printed basis, basis confidence; the act; the labels of its elements): read once per
    catalog, not once per check."""
    texts = _TEXTS.get(catalog, lambda _: {})
    found = texts.get((entry.id, lang))
    if found is None:
        basis = entry.basis
        reference = basis.printable(lang) if basis.confidence != "topic" else _lang(basis.topic, lang)
        found = texts[(entry.id, lang)] = (
            (entry.id, entry.title_in(lang), entry.group, reference, basis.confidence), entry.act or catalog.short,
            tuple(_lang(e.label, lang) for e in entry.elements))
    return found


def _labels(entry: Entry, catalog: Catalog, lang: str) -> list[str]:
    """The labels of the entry's elements in ``lang`` (a new list)."""
    return list(_texts(entry, catalog, lang)[2])


def _finding(entry: Entry, catalog: Catalog, lang: str, status: str, **kw) -> Finding:
    head, act, _ = _texts(entry, catalog, lang)
    return Finding(*head, status, indicators=list(entry.indicators), act=act, **kw)


def _predates(reg: Regulation, enacted: str) -> bool | None:
    """True/False when the enactment date (or an earlier year) settles it, else None."""
    meta = reg.metadata
    if meta.ditetapkan:
        try:
            return date.fromisoformat(meta.ditetapkan) < date.fromisoformat(enacted)
        except ValueError:
            pass
    if meta.tahun:
        year = int(enacted[:4])
        if meta.tahun != year:
            return meta.tahun < year
    return None


def _match_legal_basis(entry: Entry, reg: Regulation, ctx: MatchContext) -> Finding:
    """``dasar-hukum``: structural — is the Perpres in Mengingat, and does it even apply?"""
    cat = ctx.catalog
    cited = {"mengingat": [], "body": []}
    for i in sorted(ctx.cites):
        unit = ctx.units[i]
        spans = [c.span for c in ctx.cites[i]]
        if spans:
            key = "mengingat" if unit.kind == "mengingat" else "body"
            cited[key].append(Hit(unit, spans, "citation", SCORE_CITATION))
    if cited["mengingat"]:
        return _finding(entry, cat, ctx.lang, "fulfilled", evidence=[_evidence(h) for h in cited["mengingat"]],
                        confidence=SCORE_CITATION)
    predates = _predates(reg, cat.ditetapkan)
    if predates:
        related = []
        for unit in ctx.units:
            if unit.kind == "mengingat" and entry.related_bases is not None:
                spans = ctx.find_alone(entry.related_bases, unit)
                if spans:
                    related.append(Hit(unit, spans, "structure", 1.0))
        return _finding(entry, cat, ctx.lang, "not_applicable", evidence=[_evidence(h) for h in related],
                        notes=["note-predates-perpres"], confidence=0.95 if reg.metadata.ditetapkan else 0.8)
    notes = [] if predates is False else ["note-enactment-date-unknown"]
    labels = _labels(entry, cat, ctx.lang)
    if cited["body"]:
        return _finding(entry, cat, ctx.lang, "partial", evidence=[_evidence(h) for h in cited["body"][:EVIDENCE_MAX]],
                        missing_elements=labels, notes=["note-cited-outside-mengingat", *notes], confidence=0.9)
    return _finding(entry, cat, ctx.lang, "missing", missing_elements=labels, notes=notes, confidence=0.9)


def _not_found(entry: Entry, ctx: MatchContext) -> Finding:
    cat, lang = ctx.catalog, ctx.lang
    labels = _labels(entry, cat, lang)
    similar = find_similar(entry, ctx) if entry.similar else None
    if similar is not None:
        return _finding(entry, cat, lang, "partial", evidence=[_evidence(similar)], missing_elements=labels,
                        notes=["note-similarity-only"], confidence=round(similar.score * 0.6, 3))
    signals, weak_signals = ctx.hits(entry.signals), ctx.hits(entry.weak_signals)
    seen = sorted(signals.keys() | weak_signals.keys())
    for kind, note in (("definition", "note-only-defined"), ("menimbang", "note-only-menimbang"),
                       ("background", "note-only-background")):
        hits = []
        for i in seen:
            unit = ctx.units[i]
            if unit.kind == kind:
                spans = list(signals.get(i) or weak_signals.get(i) or ())
                hits.append(Hit(unit, spans, kind, 0.0))
        if hits:
            return _finding(entry, cat, lang, "missing", evidence=[_evidence(h) for h in hits[:EVIDENCE_MAX]],
                            missing_elements=labels, notes=[note], confidence=0.8)
    return _finding(entry, cat, lang, "missing", missing_elements=labels, confidence=0.7)


def _match_entry(entry: Entry, reg: Regulation, ctx: MatchContext) -> tuple[Finding, set[str]]:
    """The finding for one entry and the tags of its satisfied elements."""
    if entry.check == "mengingat":
        return _match_legal_basis(entry, reg, ctx), set()
    topic, weak_only, cited_note = find_topic(entry, ctx)
    if not topic:
        return _not_found(entry, ctx), set()
    scope = find_scope(entry, topic, ctx)
    by_unit: dict[int, Hit] = {id(h.unit): h for h in topic}
    missing: list[Element] = []
    delegated = False
    tags: set[str] = set()
    in_scope = sum(1 << ctx.position[id(unit)] for unit in scope)
    for element in entry.elements:
        found = False
        # only the units where the element's literals occur can hold it (``find_alone``)
        for i in bits(ctx.index.visit(element.terms) & in_scope) if not element.terms.empty else ():
            unit = ctx.units[i]
            spans = ctx.find_alone(element.terms, unit, undelegated=True)
            if not spans and not delegated and ctx.blanked(unit) and ctx.find_alone(element.terms, unit):
                delegated = True
            if spans:
                hit = by_unit.setdefault(id(unit), Hit(unit, [], "term", SCORE_ELEMENT))
                hit.spans.extend(spans)
                found = True
                break
        if found:
            tags.update(element.tags)
        else:
            missing.append(element)
    conflicts: list[Conflict] = []
    conflict_units: set[int] = set()
    # A text found only through weak signals (an old "rencana induk TIK" for a Peta Rencana)
    # is not the national instrument, so its period cannot contradict the national one:
    # at most partial, as the spec says.
    for param in entry.parameters if not weak_only else ():
        for unit, conflict, span in find_conflicts(entry, param, scope, ctx):
            hit = by_unit.setdefault(id(unit), Hit(unit, [], "term", SCORE_ELEMENT))
            hit.spans.append(span)
            conflicts.append(conflict)
            conflict_units.add(id(unit))
    notes: list[str] = []
    if conflicts:
        status = "conflict"
    elif not missing and not weak_only:
        status = "fulfilled"
    else:
        status = "partial"
    if status == "fulfilled" and all(h.unit.planned for h in topic):
        status = "partial"  # a Lampiran lists the policy as one still to be drawn up
        notes.append("note-planned-only")
    if weak_only:
        notes.append("note-weak-signal")
    if cited_note:
        notes.append(cited_note)
    if delegated and missing:
        notes.append("note-delegated")
    notes.extend(f"note-secondary-element:{_lang(e.label, ctx.lang)}" for e in missing if e.secondary)
    # Keep the units that matter most (conflicts, citations, strong topic, weak topic,
    # element-only), then show them in document order.
    topic_ids = {id(h.unit) for h in topic}
    ranked = sorted(by_unit.values(), key=lambda h: (id(h.unit) not in conflict_units, id(h.unit) not in topic_ids,
                                                     -h.score, ctx.position[id(h.unit)]))
    kept = sorted(ranked[:EVIDENCE_MAX], key=lambda h: ctx.position[id(h.unit)])
    evidence = [_evidence(h) for h in kept]
    strength = max(h.score for h in topic)
    confidence = 0.9 if conflicts else strength
    finding = _finding(entry, ctx.catalog, ctx.lang, status, evidence=evidence,
                       missing_elements=[_lang(e.label, ctx.lang) for e in missing] if status != "fulfilled" else [],
                       conflicts=conflicts, notes=notes, confidence=confidence)
    return finding, tags


def match_with_tags(reg: Regulation, catalog: Catalog, lang: str = "id") -> tuple[list[Finding], dict[str, set[str]]]:
    """Findings in catalog order, and per entry the tags (national-link, review) of
    its satisfied elements, which the indicator estimate needs."""
    ctx = match_context(reg, catalog, lang)
    findings, tags = [], {}
    for entry in catalog.entries:
        finding, entry_tags = _match_entry(entry, reg, ctx)
        if reg.is_keputusan and finding.status == "missing":
            # a Keputusan speaks only for what it sets; the rest is not its subject
            finding.status = "not_applicable"
            finding.notes = ["note-outside-keputusan", *finding.notes]
        findings.append(finding)
        tags[entry.id] = entry_tags if finding.status in ("fulfilled", "partial", "conflict") else set()
    return findings, tags


def match(reg: Regulation, catalog: Catalog, lang: str = "id") -> list[Finding]:
    """One finding per catalog entry, in catalog order; deterministic."""
    return match_with_tags(reg, catalog, lang)[0]
