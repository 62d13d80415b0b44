"""What the report's citation graph drawing shows of one checked regulation, read straight off
its citations, the matcher's findings and the catalog: the regulation's part of the graph
``compliance.graph.build_graph`` would build (plus ``add_findings``), without building it.

A check's HTML report draws one regulation: the edges leaving its own nodes (``satisfies`` from
evidence, ``cites`` / ``implements`` from its articles, which reach catalog entries through
``compliance.catalog_links``), in the graph's edge order; its nodes' labels; the order in which
its node gained its successors (articles in text order); the catalog's requirement nodes; its
Mengingat citations with what is known of each cited act. Each is derived by the rules the
graph's builder follows, tracking only the regulation's own nodes (the nodes a drawn edge can
leave from); the tests compare it with the drawing of the built graph, document by document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from compliance.catalog_links import catalog_links
from compliance.cite import Citation, citations_of, regulation_key
from compliance.cite_resolve import known_status, pinpoint_chain, pinpoint_levels
from compliance.graph import (
    REQUIREMENT, article_node, catalog_graph, citation_source, evidence_node, regulation_label, unresolved_node,
)
from compliance.models import Finding, Regulation
from compliance.models_place import article_ref
from compliance.per_object import PerObject

_LAST = 10**6  # the place of a node the regulation's node does not lead to


@dataclass
class MengingatAct:
    """One act a Mengingat item cites, as the drawing lists it (``target``: its node)."""

    item: str | None
    raw: str
    title: str | None
    target: str
    unresolved: bool
    revoked_by: str | None
    amended_by: str | None  # the amending acts, comma-joined


@dataclass
class Drawing:
    reg_id: str
    heading: str
    # (source node, requirement node, status or "cites", the citation's words or the evidence's
    # "via score") per edge drawn, in the graph's edge order
    links: list[tuple[str, str, str, str]]
    articles: list[tuple[str, str]]  # (node, label), in text order
    requirements: list[tuple[str, str, str]]  # (node, label, basis), in catalog order
    assessed: dict[str, Any]  # requirement node -> its finding's status
    mengingat: list[MengingatAct]


def _fill(data: dict[str, Any], attrs: dict[str, Any]) -> None:
    """What ``GraphBuilder.node`` does to an existing node: only what it lacks is set."""
    for key, value in attrs.items():
        if value is not None and data.get(key) in (None, ""):
            data[key] = value


class _ChainLabel:
    """The label ``GraphBuilder.target`` gives a chain node it adds unlabelled, worked out when
    read (few ever are)."""

    def __init__(self, target: str, node: str) -> None:
        self.target, self.node = target, node

    def text(self) -> str:
        return next(label for node, _, label in pinpoint_chain(self.target, self.node.__eq__) if node == self.node)


class _OwnNodes:
    """The regulation's own nodes (its id, ``id#…``) as the builder leaves them: their type and
    label, and the order in which the regulation's node first links to each. Its articles are
    kept as their labels (``articles``) until something reads or changes them (``data``)."""

    def __init__(self, reg_id: str, base: Any) -> None:
        self.reg_id, self.prefix = reg_id, reg_id + "#"
        # the catalog's graph holds nodes of its own act: a check of that act starts from them
        self.data = {n: {k: d[k] for k in ("type", "label", "tentang") if k in d}
                     for n, d in base._node.items() if self.owns(n)} if reg_id in base._node else {}
        self.articles: dict[str, str] = {}
        self.order: dict[str, int] = {}
        for v in base._succ.get(reg_id, ()):
            self.followed(reg_id, v)

    def add_articles(self, reg: Regulation) -> None:
        """What ``_add_regulation`` adds of the articles: each article's node (the first article
        of a label names it), contained in the regulation or in its amending article."""
        reg_id, data = self.reg_id, self.data
        nodes = [article_node(reg_id, a.label, a.parent) for a in reg.articles]
        self.articles = dict(zip(reversed(nodes), (a.label for a in reversed(reg.articles))))
        for node in data.keys() & self.articles.keys():
            _fill(data[node], {"type": "article", "label": article_ref(self.articles.pop(node))})
        for node in dict.fromkeys(n for n, a in zip(nodes, reg.articles) if not a.parent):
            if node not in self.order:
                self.order[node] = len(self.order)
        for a in reg.articles:
            if a.parent:
                self.exists(article_node(reg_id, a.parent))

    def _get(self, node: str) -> dict[str, Any] | None:
        data = self.data.get(node)
        if data is None and node in self.articles:
            data = self.data[node] = {"type": "article", "label": article_ref(self.articles.pop(node))}
        return data

    def owns(self, node: str) -> bool:
        return node == self.reg_id or node.startswith(self.prefix)

    def has(self, node: str) -> bool:
        return node in self.data or node in self.articles

    def node(self, node: str, **attrs: Any) -> None:
        data = self._get(node)
        if data is None:
            self.data[node] = {k: v for k, v in attrs.items() if v is not None}
        else:
            _fill(data, attrs)

    def exists(self, node: str) -> None:
        if node not in self.data and node not in self.articles and self.owns(node):
            self.data[node] = {}

    def followed(self, u: str, v: str) -> None:
        """An edge u -> v: its owned ends exist; v is the regulation's next successor."""
        self.exists(u)
        self.exists(v)
        if u == self.reg_id and v not in self.order and self.owns(v):
            self.order[v] = len(self.order)

    def unlabelled(self, node: str) -> bool:
        data = self.data.get(node)
        if data is None and node in self.articles:
            return not self.articles[node]  # "Pasal <label>": empty only for an empty label
        return data is None or data.get("type") in (None, "") or data.get("label") in (None, "")

    def label(self, node: str) -> str:
        label = (self._get(node) or {}).get("label", node)
        return label.text() if isinstance(label, _ChainLabel) else label


def _chain_end(own: _OwnNodes, target: str, chained: dict[str, str]) -> str:
    """The node ``GraphBuilder.target`` returns for a cited target (the last of its chain of
    pinpointed nodes), adding the regulation's own chain nodes as it does."""
    end = chained.get(target)
    if end is not None:
        return end
    end = target.partition("#")[0]
    if own.owns(end):
        own.node(end, type="regulation")
    if "#" in target:
        if not own.owns(end):
            levels = pinpoint_levels(target)
            end = levels[-1][0] if levels else end
        else:
            for node, level in pinpoint_levels(target):
                if node not in chained:
                    if own.unlabelled(node):
                        own.node(node, type=level if level != "pasal" else "article", label=_ChainLabel(target, node))
                    own.followed(end, node)
                    chained[node] = node
                end = node
    chained[target] = end
    return end


class _Edges:
    """Edge keys as the builder counts them (``relation:n`` per pair of nodes)."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str, str], int] = {}

    def key(self, u: str, v: str, relation: str) -> str:
        n = self.counts.get((u, v, relation), 0)
        self.counts[(u, v, relation)] = n + 1
        return f"{relation}:{n}"


def _requirements(catalog) -> tuple[dict[str, tuple[int, dict[str, Any]]], list[tuple[str, str, str]], set[str]]:
    """The catalog graph's requirement nodes (node -> (order, its label and basis)), their rows
    as drawn, and those whose label and basis no finding can fill."""
    def build(catalog):
        nodes = catalog_graph(catalog)._node
        known = {n: (d.get("order", _LAST), {k: d[k] for k in ("label", "basis") if k in d})
                 for n, d in nodes.items() if d.get("type") == "requirement"}
        complete = {n for n, (_, d) in known.items() if d.get("label") not in (None, "") and d.get("basis") not in (None, "")}
        return known, _rows(known), complete

    return _REQUIREMENTS.get(catalog, build)


_REQUIREMENTS: PerObject[tuple] = PerObject()


def catalog_rows(catalog) -> list[tuple[str, str, str]]:
    """The catalog's own requirement rows: the very list a drawing's ``requirements`` is when no
    finding fills a label or basis the catalog leaves empty."""
    return _requirements(catalog)[1]


def drawing(reg: Regulation, findings: list[Finding], catalog) -> Drawing:
    """The drawing of ``reg``'s part of its check's citation graph (``findings`` on ``catalog``)."""
    reg_id = regulation_key(reg)
    links = catalog_links(catalog)
    own = _OwnNodes(reg_id, catalog_graph(catalog))
    own.node(reg_id, type="regulation", label=regulation_label(reg), tentang=reg.metadata.tentang)
    own.add_articles(reg)
    edges, drawn, mengingat = _Edges(), [], []
    chained: dict[str, str] = {}
    # a reference to the regulation's own parts adds nodes of its own that only matter where
    # the drawing leaves from them (an article drawn, a place of evidence): its chain is
    # followed once those are known (its other effects are on nodes never drawn)
    deferred = []
    for c in citations_of(reg):
        source, part = citation_source(reg_id, c.place), c.place.part
        if not c.resolved:
            own.exists(source)
            if part == "mengingat":
                mengingat.append(_mengingat_act(c, unresolved_node(reg_id, c)))
            continue
        # the node it reaches matters for a citation of the regulation itself (its nodes), of
        # the national act (the entries it leads to) and in the Mengingat (the act listed)
        base = c.target.partition("#")[0]
        if base == reg_id != links.national and part != "mengingat" and not c.amends:
            deferred.append((c.target, source))
            continue
        if base == links.national and links.holds(c.target):
            target = c.target  # a node of the catalog's graph: the end of its own chain
        elif base == links.national or part == "mengingat" or own.owns(base):
            target = _chain_end(own, c.target, chained)
        else:
            target = None
        if target is not None:
            own.followed(source, target)
        else:
            own.exists(source)
        if base == links.national and c.relation in ("cites", "implements") and source != reg_id:
            reached = links.requirements(target)
            if reached:
                key = edges.key(source, target, c.relation)
                drawn.append((source, target, key, [(source, r, "cites", c.raw or "") for r in reached]))
        if part == "mengingat":
            mengingat.append(_mengingat_act(c, target))
        if c.amends and c.regulation:
            if own.owns(c.amends):
                own.node(c.amends, type="regulation")
            own.followed(c.regulation, c.amends)
    placed = [(f, [(ev, evidence_node(reg_id, ev.place)) for ev in f.evidence]) for f in findings]
    drawable = {a for *_, made in drawn for a, *_ in made} | {node for _, evs in placed for _, (node, *_) in evs}
    drawable.discard(reg_id)
    for target, source in deferred:
        if "#" not in target or _reaches(target, drawable):
            own.followed(source, _chain_end(own, target, chained))
        else:
            own.exists(source)
    statuses = _add_findings(own, edges, drawn, reg_id, placed)
    heading = own.label(reg_id)
    tentang = own.data[reg_id].get("tentang")
    return Drawing(
        reg_id=reg_id,
        heading=f"{heading} tentang {tentang}" if tentang else heading,
        links=[link for *_, made in sorted(drawn, key=lambda e: e[:3]) for link in made],
        articles=[(a, own.label(a)) for a in sorted({a for *_, made in drawn for a, *_ in made},
                                                     key=lambda n: (own.order.get(n, _LAST), n))],
        requirements=_requirement_rows(catalog, findings),
        assessed=statuses,
        mengingat=_mengingat_rows(mengingat),
    )


def _reaches(target: str, nodes: set[str]) -> bool:
    """Whether a node of ``target``'s chain may be one of ``nodes``: each is the target's id or
    a prefix of it ending before a hyphen of its pinpoint."""
    if target in nodes:
        return True
    i = target.find("#")
    while (i := target.find("-", i + 1)) >= 0:
        if target[:i] in nodes:
            return True
    return False


def _add_findings(own: _OwnNodes, edges: _Edges, drawn: list, reg_id: str,
                  placed: list[tuple[Finding, list[tuple[Any, tuple]]]]) -> dict:
    """The ``satisfies`` edges of the findings' evidence (``add_findings``, ``_evidence_node``;
    ``placed``: each finding with its evidence and the node each sits in); returns each
    requirement node's status (the last finding's, as the ``assessed`` edges say)."""
    statuses = {}
    for f, evidence in placed:
        req = REQUIREMENT + f.requirement
        statuses[req] = f.status
        status = f.status if f.status is not None else ""
        for ev, (node, kind, label) in evidence:
            if kind == "part" or (kind == "article" and not own.has(node)):
                own.node(node, type=kind, label=label)
                own.followed(reg_id, node)
            key = edges.key(node, req, "satisfies")
            detail = f"{ev.via if ev.via is not None else ''} {round(ev.score, 3)}"
            drawn.append((node, req, key, [(node, req, status, detail)]))
    return statuses


def _requirement_rows(catalog, findings: list[Finding]) -> list[tuple[str, str, str]]:
    """(node, label, basis) of every requirement node, in catalog order (a finding's entry the
    catalog lacks comes last): the catalog's, completed by the findings as ``add_findings`` does
    (a finding only fills a label or basis the catalog leaves empty)."""
    known, rows, complete = _requirements(catalog)
    if all(REQUIREMENT + f.requirement in complete for f in findings):
        return rows
    filled: dict[str, tuple[int, dict[str, Any]]] = {}
    for f in findings:
        req = REQUIREMENT + f.requirement
        order, data = filled.get(req) or known.get(req) or (_LAST, {})
        data = dict(data)
        _fill(data, {"label": f.title, "basis": f.basis})
        filled[req] = (order, data)
    return _rows({**known, **filled})


def _rows(nodes: dict[str, tuple[int, dict[str, Any]]]) -> list[tuple[str, str, str]]:
    return [(r, d.get("label", r), d.get("basis", "")) for r, (_, d) in sorted(nodes.items(), key=lambda x: (x[1][0], x[0]))]


def _mengingat_act(c: Citation, target: str) -> tuple[MengingatAct, int]:
    """The act a Mengingat citation names (a whole act carries its known status), and its offset."""
    status = known_status(target) if c.resolved and "#" not in target else {}
    return MengingatAct(c.place.item, c.raw if c.raw is not None else "", c.title, target, not c.resolved,
                        status.get("revoked_by"), ",".join(status.get("amended_by", [])) or None), c.offset


def _mengingat_rows(cited: list[tuple[MengingatAct, int]]) -> list[MengingatAct]:
    """By item, then place in the text; an act named twice in one item (base and amendment
    title) once."""
    rows, seen = [], set()
    for act, _ in sorted(cited, key=lambda a: (_item_key(a[0].item), a[1] or 0, a[0].target)):
        if (act.item, act.target) not in seen:
            seen.add((act.item, act.target))
            rows.append(act)
    return rows


def _item_key(item: Any) -> tuple:
    text = str(item or "")
    return (0, int(text), "") if text.isdigit() else (1, 0, text)
