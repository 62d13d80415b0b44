"""An entry's parameters (period, frequency, who sets it) read as values from its scope:
a value that contradicts the national one is a ``Conflict`` of the finding."""

from __future__ import annotations

from compliance.catalog import Entry, Parameter
from compliance.match_context import MatchContext
from compliance.match_topic import SEGMENT_END
from compliance.match_units import Unit
from compliance.models import Conflict
from compliance.terms import Span
from compliance.values import frequencies, periods


def label(labels: dict[str, str], lang: str) -> str:
    return labels.get(lang) or labels["id"]


def _belongs(entry: Entry, unit: Unit, at: int, ctx: MatchContext, kind: str) -> bool:
    """Whether the value at ``at`` is the entry's. In its sentence, the first plan
    named before it is the one the sentence is about ("Arsitektur ... berlaku sepuluh
    tahun, dan dijabarkan ke dalam rencana induk" sets the Arsitektur's period, and
    "Peta Rencana ... berpedoman pada Arsitektur ... lima tahun" the Peta Rencana's):
    plans are the entries with a parameter of the same kind and the catalog's
    ``plans`` (RPJMD, Renstra). And no competing
    activity is named between the entry's last term before it and the value."""
    own_spans = ctx.find(entry.signals, unit) + ctx.find(entry.weak_signals, unit)
    sentence = max((m.end() for m in SEGMENT_END.finditer(unit.body, 0, at)), default=0)
    rival_terms = [other.signals for other in ctx.catalog.entries
                   if other is not entry and any(p.kind == kind for p in other.parameters)] + [ctx.catalog.plans]
    rivals = [s for terms in rival_terms for s, _ in ctx.find(terms, unit) if sentence <= s < at]
    first_own = min((s for s, _ in own_spans if sentence <= s < at), default=None)
    if rivals and (first_own is None or min(rivals) < first_own):
        return False
    own = [e for _, e in own_spans if e <= at]
    other = [e for _, e in ctx.find(ctx.catalog.competitors, unit) if e <= at]
    return max(own, default=-1) >= max(other, default=-1)


def conflicts(entry: Entry, param: Parameter, scope: list[Unit], ctx: MatchContext) -> list[tuple[Unit, Conflict, Span]]:
    """The values of ``param`` in the scope that contradict the national value, with their units and spans."""
    out = []
    for unit in scope:
        if param.kind in ctx.value_terms and not ctx.index.may_match(ctx.value_terms[param.kind], ctx.position[id(unit)]):
            continue  # the unit lacks the words every such value holds
        body = unit.body
        found: list[tuple[str, Span]] = []
        if param.kind == "period":
            found = [(v.printed, (v.start, v.end)) for v in periods(body) if abs(v.years - param.national["years"]) > 1e-9]
        elif param.kind == "frequency":
            limit = param.national["max_interval_years"]
            found = [(v.printed, (v.start, v.end)) for v in frequencies(body) if v.years > limit + 1e-9]
        else:
            found = [(body[s:e], (s, e)) for s, e in ctx.find_alone(ctx.actor_terms[f"{entry.id}/{param.id}"], unit)]
        for printed, span in found:
            if param.kind != "actor" and not _belongs(entry, unit, span[0], ctx, param.kind):
                continue
            conflict = Conflict(parameter=label(param.label, ctx.lang), national=param.national["printed"],
                                regional=printed, place=unit.place)
            out.append((unit, conflict, span))
    return out
