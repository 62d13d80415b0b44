"""Which units of a regulation speak of a catalog entry: its topic (signal terms, weak
signals, citations of its Perpres article), its scope (the topic and the sibling ayat
no other entry owns), and, when no term is found, the unit most like its model
sentences. The rules that turn these into a finding are in ``compliance.match``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from compliance.catalog import Entry
from compliance.match_context import MatchContext
from compliance.match_units import Unit
from compliance.terms import Span
from compliance.terms_index import bits

SCORE_CITATION = 1.0
SCORE_CITATION_RANGE = 0.9
SCORE_TERM = 0.85
SCORE_ELEMENT = 0.75
SCORE_WEAK = 0.6
SIMILARITY_THRESHOLD = 80.0
SIMILARITY_COVERAGE = 0.6

_WORD = re.compile(r"[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*")
SEGMENT_END = re.compile(r"[;:.](?=\s)|\n")


@dataclass
class Hit:
    unit: Unit
    spans: list[Span] = field(default_factory=list)  # offsets in unit.body
    via: str = "term"
    score: float = SCORE_TERM


def topic(entry: Entry, ctx: MatchContext) -> tuple[list[Hit], bool, str | None]:
    """Operative units on the entry's topic; whether only weak signals found it; and
    the note when a citation of the Perpres leads to the entry itself
    (``note-cited-article``, or ``note-cited-range`` for an article in its range).

    A citation is strong evidence of topic, not of content: the elements must still
    be written in the regional text for ``fulfilled``. A unit with the entry's terms
    that cites the Perpres as a whole also ranks as citation evidence; one citing
    another article does not."""
    hits: list[tuple[Hit, bool]] = []
    weak_only = True
    cited_note: str | None = None
    signals, weak_signals = ctx.hits(entry.signals), ctx.hits(entry.weak_signals)
    for i in sorted(signals.keys() | weak_signals.keys() | ctx.cites.keys()):
        unit = ctx.units[i]
        if unit.kind != "operative":
            continue
        spans = list(signals.get(i, ()))
        weak = [] if spans else list(weak_signals.get(i, ()))
        cites = ctx.cites.get(i)
        if cites:
            exact = [c.span for c in cites if entry.id in c.exact]
            ranged = [c.span for c in cites if entry.id in c.ranged]
        else:
            cites, exact, ranged = (), [], []
        pinned = exact or ranged
        if not (spans or weak or pinned):
            continue
        if spans and not pinned and _only_listed(entry, unit, spans, ctx):
            continue  # an object of what another entry covers ("Keamanan SPBE mencakup ... data dan informasi")
        listing = ctx.listing(unit)
        if listing and not pinned and not any(s < le and ls < e for s, e in spans or weak for ls, le in listing):
            continue  # a principle's or a chapter's name in a list: not a duty on the entry's topic
        outline = ctx.is_outline(unit)  # a scope list names, it does not regulate
        hit = Hit(unit, spans or weak, "term", SCORE_TERM if spans and not outline else SCORE_WEAK)
        if spans or pinned:
            weak_only = False
        general = [c.span for c in cites if not c.pinpoint] if cites else []
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


def _only_listed(entry: Entry, unit: Unit, spans: list[Span], ctx: MatchContext) -> bool:
    """Whether every span of the entry's terms lies among the items after a composition
    formula ("mencakup", "meliputi", "terdiri atas") whose subject, earlier in the same
    sentence, is another entry's term and not this entry's."""
    formulas = ctx.find(ctx.catalog.composition, unit)
    if not formulas:
        return False
    owners = ctx.signal_owners[ctx.position[id(unit)]]  # the entries whose signals occur in the unit
    if not owners - {entry.id}:
        return False  # no other entry's subject before a formula
    own = ctx.find(entry.signals, unit) + ctx.find(entry.weak_signals, unit)
    rivals = [other for other in ctx.catalog.entries if other is not entry and other.id in owners]
    zones, body = [], unit.body
    for start, end in formulas:
        sentence = max((m.end() for m in SEGMENT_END.finditer(body, 0, start)), default=0)
        stop = next((m.start() for m in SEGMENT_END.finditer(body, end)), len(body))
        if any(sentence <= s < start for s, _ in own):
            continue
        if any(any(sentence <= s < start for s, _ in ctx.find(other.signals, unit)) for other in rivals):
            zones.append((end, stop))
    return bool(zones) and all(any(zs <= s and e <= ze for zs, ze in zones) for s, e in spans)


def scope(entry: Entry, topic_hits: list[Hit], ctx: MatchContext) -> list[Unit]:
    """Topic units and the sibling ayat that belong to no other entry, in document order."""
    keys = {h.unit.article_key for h in topic_hits}
    chosen = {ctx.position[id(h.unit)] for h in topic_hits}
    siblings = {i for key in keys for i in ctx.articles.get(key, ())}
    out, mine = [], {entry.id}
    for i in sorted(chosen | siblings):
        unit = ctx.units[i]
        if i in chosen or (unit.kind == "operative" and ctx.signal_owners[i] <= mine):
            out.append(unit)
    return out


def _least_shared(n: int) -> int:
    """The fewest words of ``n`` a unit must share with a model (``SIMILARITY_COVERAGE``)."""
    least = 0
    while least < SIMILARITY_COVERAGE * n:
        least += 1
    return least


@lru_cache(maxsize=None)
def _models(sentences: tuple[str, ...]) -> list[tuple[str, frozenset[str], int]]:
    """Each model sentence lower-cased, its words, and how many a unit must share."""
    out = []
    for sentence in sentences:
        words = frozenset(_WORD.findall(sentence.lower()))
        out.append((sentence.lower(), words, _least_shared(len(words))))
    return out


def similar(entry: Entry, ctx: MatchContext) -> Hit | None:
    """The operative unit most like the entry's model sentences, if similar enough.

    ``token_set_ratio`` forgives word order and extra words; a unit must also share
    most of a model's words (``SIMILARITY_COVERAGE``), or a short unit made of a few
    common words would score 100 as a subset.
    """
    best: Hit | None = None
    models = _models(entry.similar)
    close = [ctx.sharing(words, least) for _, words, least in models]  # units sharing enough words
    left = 0
    for near in close:
        left |= near
    for i in bits(left):
        unit, (body, _) = ctx.units[i], ctx.lowered(i)
        for (model, model_words, _), near in zip(models, close):
            if not near >> i & 1:
                continue
            score = fuzz.token_set_ratio(model, body)
            if score >= SIMILARITY_THRESHOLD and (best is None or score > best.score * 100):
                shared = [(m.start(), m.end()) for m in _WORD.finditer(unit.body) if m.group().lower() in model_words]
                best = Hit(unit, shared, "similarity", score / 100)
    return best
