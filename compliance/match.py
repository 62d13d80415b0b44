"""Decide, for every catalog entry, whether a regional regulation addresses it.

The regulation is cut into units (an ayat, or an article without ayat; a
Lampiran paragraph; a Menimbang or Mengingat item). For each entry:

1. *Topic*: operative units where the entry's signal terms occur, or that cite
   the entry's own Perpres article (citations come from ``compliance.cite`` and
   lead to entries through the graph of ``compliance.graph``). A citation shows
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

import re
from dataclasses import dataclass, field
from datetime import date

import networkx as nx
from rapidfuzz import fuzz

from compliance.catalog import Catalog, Element, Entry, Parameter
from compliance.graph import build_graph
from compliance.match_links import UnitCitation, national_citations
from compliance.match_units import Unit, trimmed, units
from compliance.models import Conflict, Evidence, Finding, Regulation
from compliance.terms import Prepared, Span, Terms, merge_spans
from compliance.values import frequencies, periods

SCORE_CITATION = 1.0
SCORE_CITATION_RANGE = 0.9
SCORE_TERM = 0.85
SCORE_ELEMENT = 0.75
SCORE_WEAK = 0.6
SIMILARITY_THRESHOLD = 80.0
SIMILARITY_COVERAGE = 0.6
QUOTE_MAX = 400
EVIDENCE_MAX = 6

_WORD = re.compile(r"[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*")
_SEGMENT_END = re.compile(r"[;:.](?=\s)|\n")


@dataclass
class _Hit:
    unit: Unit
    spans: list[Span] = field(default_factory=list)  # offsets in unit.body
    via: str = "term"
    score: float = SCORE_TERM


def _quote(unit: Unit, spans: list[Span]) -> tuple[str, list[str], int]:
    """The shortest run of whole segments of the unit that holds every span, the
    matched substrings inside it (for highlighting), and where it starts in the body."""
    body = unit.body
    if len(body) <= QUOTE_MAX or not spans:
        start, end = 0, len(body)
    else:
        cuts = [0] + [m.end() for m in _SEGMENT_END.finditer(body)] + [len(body)]
        first, last = min(s for s, _ in spans), max(e for _, e in spans)
        start = max(c for c in cuts if c <= first)
        end = min(c for c in cuts if c >= last)
        start, end = trimmed(body, start, end)
    quote = body[start:end]
    matched: list[str] = []
    for s, e in merge_spans(spans):
        piece = body[s:e]
        if start <= s and e <= end and piece not in matched:
            matched.append(piece)
    return quote, matched, start


def _evidence(hit: _Hit) -> Evidence:
    quote, matched, start = _quote(hit.unit, hit.spans)
    start += hit.unit.start
    return Evidence(pasal=hit.unit.pasal, ayat=hit.unit.ayat, quote=quote, via=hit.via, score=hit.score,
                    matched=matched, parent=hit.unit.parent, start=start, end=start + len(quote))


def _lang(labels: dict[str, str], lang: str) -> str:
    return labels.get(lang) or labels["id"]


# --- the matcher ---------------------------------------------------------------------


@dataclass
class _Context:
    catalog: Catalog
    units: list[Unit]
    lang: str
    signal_owners: dict[int, set[str]]  # unit index -> entries whose signals occur in it
    actor_terms: dict[str, Terms]
    undelegated: dict[int, str]  # id(unit) -> body as elements see it (delegations, scope lists blanked)
    memo: dict[tuple[int, int], list[Span]] = field(default_factory=dict)
    siblings: dict[int, list[Unit]] = field(default_factory=dict)  # id(text) -> units cut from it
    prepared: dict[int, Prepared] = field(default_factory=dict)  # id(text) -> the text ready for matching
    cites: dict[int, list[UnitCitation]] = field(default_factory=dict)  # id(unit) -> its citations of the Perpres
    _comparable: list[tuple[Unit, str, set[str]]] | None = None
    whole: Prepared | None = None  # every unit's text in one, for a quick "can it occur at all" test
    may_occur: dict[int, bool] = field(default_factory=dict)  # id(terms) -> may match somewhere in ``whole``

    def comparable(self) -> list[tuple[Unit, str, set[str]]]:
        """Operative units long enough to compare by similarity, with their lower-case
        body and its words: computed once, every entry without a term needs them."""
        if self._comparable is None:
            self._comparable = []
            for unit in self.units:
                if unit.kind == "operative" and len(unit.body) >= 40:
                    body = unit.body.lower()
                    self._comparable.append((unit, body, set(_WORD.findall(body))))
        return self._comparable

    def is_outline(self, unit: Unit) -> bool:
        """Whether the unit opens with a scope formula ("Ruang lingkup ... meliputi")."""
        return any(s == 0 for s, _ in self.find(self.catalog.outline, unit))

    def listing(self, unit: Unit) -> list[Span]:
        """The opening formula of a unit that introduces a list of names ("berpedoman
        pada prinsip:", "disusun dengan sistematika:"), if it has one."""
        return [(s, e) for s, e in self.find(self.catalog.listing, unit) if s == 0]

    def find(self, terms: Terms, unit: Unit) -> list[Span]:
        """``terms.find(unit.body)``, computed once per pair and in one pass over
        the text all sibling units were cut from."""
        if id(terms) not in self.may_occur:
            self.may_occur[id(terms)] = self.whole is None or terms.may_occur_in(self.whole)
        if not self.may_occur[id(terms)]:
            return []
        key = (id(terms), id(unit))
        if key not in self.memo:
            group = self.siblings[id(unit.text)]
            if id(unit.text) not in self.prepared:
                self.prepared[id(unit.text)] = Prepared.of(unit.text)
            found = terms.find_in(self.prepared[id(unit.text)], [(u.start, u.end) for u in group])
            for other, spans in zip(group, found):
                self.memo[(id(terms), id(other))] = spans
        return list(self.memo[key])  # a copy: callers extend hit spans in place


def _context(reg: Regulation, catalog: Catalog, lang: str, graph: nx.MultiDiGraph) -> _Context:
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
    ctx = _Context(catalog, all_units, lang, {}, actor_terms, {})
    ctx.cites = national_citations(reg, catalog, all_units, graph)
    for unit in all_units:
        ctx.siblings.setdefault(id(unit.text), []).append(unit)
    ctx.whole = Prepared.of("\n\n".join(group[0].text for group in ctx.siblings.values()))
    for unit in all_units:
        body = unit.body
        if ctx.is_outline(unit):
            body = " " * len(body)  # a scope list names topics; it supplies no element
        for s, e in ctx.find(catalog.delegation, unit):
            body = body[:s] + " " * (e - s) + body[e:]
        ctx.undelegated[id(unit)] = body
    for i, unit in enumerate(all_units):
        if unit.kind == "operative":
            ctx.signal_owners[i] = {e.id for e in catalog.entries if e.check is None and ctx.find(e.signals, unit)}
    return ctx


def _finding(entry: Entry, catalog: Catalog, lang: str, status: str, **kw) -> Finding:
    basis = entry.basis
    reference = basis.printable(lang) if basis.confidence != "topic" else _lang(basis.topic, lang)
    return Finding(requirement=entry.id, title=entry.title_in(lang), group=entry.group, basis=reference,
                   basis_confidence=basis.confidence, status=status, indicators=list(entry.indicators),
                   act=entry.act or catalog.short, **kw)


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


def _match_legal_basis(entry: Entry, reg: Regulation, ctx: _Context) -> Finding:
    """``dasar-hukum``: structural — is the Perpres in Mengingat, and does it even apply?"""
    cat = ctx.catalog
    cited = {"mengingat": [], "body": []}
    for unit in ctx.units:
        spans = [c.span for c in ctx.cites.get(id(unit), [])]
        if spans:
            key = "mengingat" if unit.kind == "mengingat" else "body"
            cited[key].append(_Hit(unit, spans, "citation", SCORE_CITATION))
    if cited["mengingat"]:
        return _finding(entry, cat, ctx.lang, "fulfilled", evidence=[_evidence(h) for h in cited["mengingat"]],
                        confidence=SCORE_CITATION)
    predates = _predates(reg, cat.ditetapkan)
    if predates:
        related = []
        for unit in ctx.units:
            if unit.kind == "mengingat" and entry.related_bases is not None:
                spans = entry.related_bases.find(unit.body)
                if spans:
                    related.append(_Hit(unit, spans, "structure", 1.0))
        return _finding(entry, cat, ctx.lang, "not_applicable", evidence=[_evidence(h) for h in related],
                        notes=["note-predates-perpres"], confidence=0.95 if reg.metadata.ditetapkan else 0.8)
    notes = [] if predates is False else ["note-enactment-date-unknown"]
    labels = [_lang(e.label, ctx.lang) for e in entry.elements]
    if cited["body"]:
        return _finding(entry, cat, ctx.lang, "partial", evidence=[_evidence(h) for h in cited["body"][:EVIDENCE_MAX]],
                        missing_elements=labels, notes=["note-cited-outside-mengingat", *notes], confidence=0.9)
    return _finding(entry, cat, ctx.lang, "missing", missing_elements=labels, notes=notes, confidence=0.9)


def _topic(entry: Entry, ctx: _Context) -> tuple[list[_Hit], bool, str | None]:
    """Operative units on the entry's topic; whether only weak signals found it; and
    the note when a citation of the Perpres leads to the entry itself
    (``note-cited-article``, or ``note-cited-range`` for an article in its range).

    A citation is strong evidence of topic, not of content: the elements must still
    be written in the regional text for ``fulfilled``. A unit with the entry's terms
    that cites the Perpres as a whole also ranks as citation evidence; one citing
    another article does not."""
    hits: list[tuple[_Hit, bool]] = []
    weak_only = True
    cited_note: str | None = None
    for unit in ctx.units:
        if unit.kind != "operative":
            continue
        spans = ctx.find(entry.signals, unit)
        weak = [] if spans else ctx.find(entry.weak_signals, unit)
        cites = ctx.cites.get(id(unit), [])
        exact = [c.span for c in cites if entry.id in c.exact]
        ranged = [c.span for c in cites if entry.id in c.ranged]
        pinned = exact or ranged
        if not (spans or weak or pinned):
            continue
        if spans and not pinned and _only_listed(entry, unit, spans, ctx):
            continue  # an object of what another entry covers ("Keamanan SPBE mencakup ... data dan informasi")
        listing = ctx.listing(unit)
        if listing and not pinned and not any(s < le and ls < e for s, e in spans or weak for ls, le in listing):
            continue  # a principle's or a chapter's name in a list: not a duty on the entry's topic
        outline = ctx.is_outline(unit)  # a scope list names, it does not regulate
        hit = _Hit(unit, spans or weak, "term", SCORE_TERM if spans and not outline else SCORE_WEAK)
        if spans or pinned:
            weak_only = False
        general = [c.span for c in cites if not c.pinpoint]
        if pinned or (spans and general):
            hit.via = "citation"
            hit.score = SCORE_CITATION if exact or not pinned else SCORE_CITATION_RANGE
            hit.spans = hit.spans + (pinned or general)
        if exact:
            cited_note = "note-cited-article"
        elif ranged and cited_note is None:
            cited_note = "note-cited-range:" + entry.basis.printable(ctx.lang)
        hits.append((hit, bool(spans or pinned)))
    # Where the entry's own terms (or a citation) found it, units reached only by weak
    # terms (an old "rencana induk", Satu Data for data management) belong to other
    # topics: they neither add to the scope nor supply elements.
    return [h for h, strong in hits if strong or weak_only], weak_only, cited_note


def _only_listed(entry: Entry, unit: Unit, spans: list[Span], ctx: _Context) -> bool:
    """Whether every span of the entry's terms lies among the items after a composition
    formula ("mencakup", "meliputi", "terdiri atas") whose subject, earlier in the same
    sentence, is another entry's term and not this entry's."""
    own = ctx.find(entry.signals, unit) + ctx.find(entry.weak_signals, unit)
    zones = []
    for start, end in ctx.find(ctx.catalog.composition, unit):
        sentence = max((m.end() for m in _SEGMENT_END.finditer(unit.body, 0, start)), default=0)
        stop = next((m.start() for m in _SEGMENT_END.finditer(unit.body, end)), len(unit.body))
        if any(sentence <= s < start for s, _ in own):
            continue
        if any(other is not entry and other.check is None
               and any(sentence <= s < start for s, _ in ctx.find(other.signals, unit)) for other in ctx.catalog.entries):
            zones.append((end, stop))
    return bool(zones) and all(any(zs <= s and e <= ze for zs, ze in zones) for s, e in spans)


def _scope(entry: Entry, topic: list[_Hit], ctx: _Context) -> list[Unit]:
    """Topic units and the sibling ayat that belong to no other entry."""
    keys = {h.unit.article_key for h in topic}
    chosen = {id(h.unit) for h in topic}
    scope = []
    for i, unit in enumerate(ctx.units):
        if id(unit) in chosen:
            scope.append(unit)
        elif unit.kind == "operative" and unit.article_key in keys and ctx.signal_owners.get(i, set()) <= {entry.id}:
            scope.append(unit)
    return scope


def _belongs(entry: Entry, unit: Unit, at: int, ctx: _Context, kind: str) -> bool:
    """Whether the value at ``at`` is the entry's. In its sentence, the first plan
    named before it is the one the sentence is about ("Arsitektur ... berlaku sepuluh
    tahun, dan dijabarkan ke dalam rencana induk" sets the Arsitektur's period, and
    "Peta Rencana ... berpedoman pada Arsitektur ... lima tahun" the Peta Rencana's):
    plans are the entries with a parameter of the same kind and the catalog's
    ``plans`` (RPJMD, Renstra). And no competing
    activity is named between the entry's last term before it and the value."""
    own_spans = ctx.find(entry.signals, unit) + ctx.find(entry.weak_signals, unit)
    sentence = max((m.end() for m in _SEGMENT_END.finditer(unit.body, 0, at)), default=0)
    rival_terms = [other.signals for other in ctx.catalog.entries
                   if other is not entry and any(p.kind == kind for p in other.parameters)] + [ctx.catalog.plans]
    rivals = [s for terms in rival_terms for s, _ in ctx.find(terms, unit) if sentence <= s < at]
    first_own = min((s for s, _ in own_spans if sentence <= s < at), default=None)
    if rivals and (first_own is None or min(rivals) < first_own):
        return False
    own = [e for _, e in own_spans if e <= at]
    other = [e for _, e in ctx.find(ctx.catalog.competitors, unit) if e <= at]
    return max(own, default=-1) >= max(other, default=-1)


def _conflicts(entry: Entry, param: Parameter, scope: list[Unit], ctx: _Context) -> list[tuple[Unit, Conflict, Span]]:
    out = []
    for unit in scope:
        body = unit.body
        found: list[tuple[str, Span]] = []
        if param.kind == "period":
            found = [(v.printed, (v.start, v.end)) for v in periods(body) if abs(v.years - param.national["years"]) > 1e-9]
        elif param.kind == "frequency":
            limit = param.national["max_interval_years"]
            found = [(v.printed, (v.start, v.end)) for v in frequencies(body) if v.years > limit + 1e-9]
        else:
            found = [(body[s:e], (s, e)) for s, e in ctx.actor_terms[f"{entry.id}/{param.id}"].find(body)]
        for printed, span in found:
            if param.kind != "actor" and not _belongs(entry, unit, span[0], ctx, param.kind):
                continue
            conflict = Conflict(parameter=_lang(param.label, ctx.lang), national=param.national["printed"],
                                regional=printed, pasal=unit.pasal, ayat=unit.ayat)
            out.append((unit, conflict, span))
    return out


def _similar(entry: Entry, ctx: _Context) -> _Hit | None:
    """The operative unit most like the entry's model sentences, if similar enough.

    ``token_set_ratio`` forgives word order and extra words; a unit must also share
    most of a model's words (``SIMILARITY_COVERAGE``), or a short unit made of a few
    common words would score 100 as a subset.
    """
    best: _Hit | None = None
    models = [(m.lower(), set(_WORD.findall(m.lower()))) for m in entry.similar]
    for unit, body, words in ctx.comparable():
        for model, model_words in models:
            if len(model_words & words) < SIMILARITY_COVERAGE * len(model_words):
                continue
            score = fuzz.token_set_ratio(model, body)
            if score >= SIMILARITY_THRESHOLD and (best is None or score > best.score * 100):
                shared = [(m.start(), m.end()) for m in _WORD.finditer(unit.body) if m.group().lower() in model_words]
                best = _Hit(unit, shared, "similarity", score / 100)
    return best


def _not_found(entry: Entry, ctx: _Context) -> Finding:
    cat, lang = ctx.catalog, ctx.lang
    labels = [_lang(e.label, lang) for e in entry.elements]
    similar = _similar(entry, ctx) if entry.similar else None
    if similar is not None:
        return _finding(entry, cat, lang, "partial", evidence=[_evidence(similar)], missing_elements=labels,
                        notes=["note-similarity-only"], confidence=round(similar.score * 0.6, 3))
    for kind, note in (("definition", "note-only-defined"), ("menimbang", "note-only-menimbang"),
                       ("background", "note-only-background")):
        hits = []
        for unit in ctx.units:
            if unit.kind == kind:
                spans = ctx.find(entry.signals, unit) or ctx.find(entry.weak_signals, unit)
                if spans:
                    hits.append(_Hit(unit, spans, kind, 0.0))
        if hits:
            return _finding(entry, cat, lang, "missing", evidence=[_evidence(h) for h in hits[:EVIDENCE_MAX]],
                            missing_elements=labels, notes=[note], confidence=0.8)
    return _finding(entry, cat, lang, "missing", missing_elements=labels, confidence=0.7)


def _match_entry(entry: Entry, reg: Regulation, ctx: _Context) -> tuple[Finding, set[str]]:
    """The finding for one entry and the tags of its satisfied elements."""
    if entry.check == "mengingat":
        return _match_legal_basis(entry, reg, ctx), set()
    topic, weak_only, cited_note = _topic(entry, ctx)
    if not topic:
        return _not_found(entry, ctx), set()
    scope = _scope(entry, topic, ctx)
    by_unit: dict[int, _Hit] = {id(h.unit): h for h in topic}
    order = {id(u): i for i, u in enumerate(ctx.units)}
    missing: list[Element] = []
    delegated = False
    tags: set[str] = set()
    for element in entry.elements:
        found = False
        for unit in scope:
            spans = element.terms.find(ctx.undelegated[id(unit)]) if not element.terms.empty else []
            if not spans and not element.terms.empty and element.terms.find(unit.body):
                delegated = True
            if spans:
                hit = by_unit.setdefault(id(unit), _Hit(unit, [], "term", SCORE_ELEMENT))
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
        for unit, conflict, span in _conflicts(entry, param, scope, ctx):
            hit = by_unit.setdefault(id(unit), _Hit(unit, [], "term", SCORE_ELEMENT))
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
                                                     -h.score, order[id(h.unit)]))
    kept = sorted(ranked[:EVIDENCE_MAX], key=lambda h: order[id(h.unit)])
    evidence = [_evidence(h) for h in kept]
    strength = max(h.score for h in topic)
    confidence = 0.9 if conflicts else strength
    finding = _finding(entry, ctx.catalog, ctx.lang, status, evidence=evidence,
                       missing_elements=[_lang(e.label, ctx.lang) for e in missing] if status != "fulfilled" else [],
                       conflicts=conflicts, notes=notes, confidence=confidence)
    return finding, tags


def match_with_tags(reg: Regulation, catalog: Catalog, lang: str = "id", graph: nx.MultiDiGraph | None = None
                    ) -> tuple[list[Finding], dict[str, set[str]]]:
    """Findings in catalog order, and per entry the tags (national-link, review) of
    its satisfied elements, which the indicator estimate needs. ``graph``: the citation
    graph of ``reg`` and ``catalog`` (``build_graph([reg], catalog)``) when the caller has it."""
    graph = build_graph([reg], catalog) if graph is None else graph
    ctx = _context(reg, catalog, lang, graph)
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
