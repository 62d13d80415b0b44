"""The citation graph: regulations, their articles, the national catalog, and the links between them.

``build_graph(regulations, catalog, findings)`` returns a ``networkx.MultiDiGraph``:

- nodes: ``regulation`` (canonical id, e.g. ``perpres/2018/95``), ``article`` /
  ``ayat`` / ``huruf`` / ``angka`` (``perpres/2018/95#pasal-19``, nested by
  ``contains`` edges) and ``requirement`` (``requirement:<catalog entry id>``);
- edges (the key is the relation): ``contains``; ``cites`` / ``amends`` /
  ``revokes`` / ``implements`` from the citing article (or regulation, for the
  preamble) to the cited node; ``basis_of`` from a Perpres article to the
  catalog entries based on it; ``satisfies`` from a regional article to an entry
  (status, score, from the matcher's findings); ``assessed`` from a regulation
  to every entry (its status); ``revokes`` / ``amends`` between acts known from
  ``regulations/relations.yaml`` or stated in the text.

So "regional article --cites--> perpres#pasal-19 --basis_of--> requirement" is a
path (``requirements_for``); the matcher reads the same links off the catalog's part of the
graph (``compliance.catalog_links``) and the HTML report draws a regulation's part of it
(``compliance.report.graph_svg``), neither building the graph. Exports are deterministic:
nodes and edges sorted, attributes sorted, one form per format.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable

import networkx as nx

from compliance.cite import Citation, citations_of, regulation_key
from compliance.cite_find import find
from compliance.cite_resolve import known_relations, known_status, pinpoint_chain, span_id
from compliance.graph_builder import GraphBuilder, copy_graph
from compliance.models import Finding, Place, Regulation, title_parts
from compliance.models_place import article_ref
from compliance.per_object import PerObject

REQUIREMENT = "requirement:"


class _Builder(GraphBuilder):
    """A ``GraphBuilder`` that knows regulations (their known status) and pinpointed targets."""

    def __init__(self, graph: nx.MultiDiGraph | None = None) -> None:
        super().__init__(graph)
        self.plain_regulations: set[str] = set()  # regulation nodes already given their known status
        self.targets: dict[str, str] = {}  # target id -> its node, once its chain is in the graph

    def regulation(self, reg_id: str, **attrs: Any) -> str:
        if not attrs and reg_id in self.plain_regulations:
            return reg_id  # already typed and given its known status: nothing more to add
        status = known_status(reg_id)
        self.node(reg_id, type="regulation", revoked_by=status.get("revoked_by"),
                  amended_by=",".join(status.get("amended_by", [])) or None, **attrs)
        self.plain_regulations.add(reg_id)
        return reg_id

    def _unlabelled(self, node_id: str) -> bool:
        """A node still to be given its type and label (missing, or either empty)."""
        known = self.nodes.get(node_id)
        return known is None or known.get("type") in (None, "") or known.get("label") in (None, "")

    def target(self, target: str, exists: bool | None = None) -> str:
        """The node for a (pinpointed) id, with its chain of containing nodes (added once: the
        same target again only marks whether it exists)."""
        nodes, targets = self.nodes, self.targets
        parent = targets.get(target)
        if parent is None:
            base = target.partition("#")[0]
            parent = self.regulation(base)
            if "#" in target:
                for node_id, level, label in pinpoint_chain(target, self._unlabelled):
                    if node_id not in targets:  # else its chain is in the graph already
                        if label is not None:
                            self.node(node_id, type=level if level != "pasal" else "article", label=label)
                        self.link(parent, node_id, {"relation": "contains"})
                        targets[node_id] = node_id
                    parent = node_id
            targets[target] = parent
        if exists is False:
            nodes[parent]["exists"] = False
        return parent


def article_node(reg_id: str, label: str, parent: str | None = None) -> str:
    """Node id of an article of a parsed regulation (quoted articles live under their amending article)."""
    own = f"pasal-{label.lower()}"
    return f"{reg_id}#pasal-{parent.lower()}/{own}" if parent else f"{reg_id}#{own}"


def _catalog_regulation(catalog) -> str | None:
    for text in (getattr(catalog, "short", "") or "", (getattr(catalog, "title", {}) or {}).get("id", "")):
        for span in find(text).regulations:
            found, _ = span_id(span)
            if found:
                return found
    return None


def _add_catalog(b: _Builder, catalog) -> None:
    national = _catalog_regulation(catalog)
    if national:
        b.regulation(national, label=catalog.short, catalog=catalog.id)
    for order, entry in enumerate(catalog.entries):
        req = b.node(REQUIREMENT + entry.id, type="requirement", label=entry.title_in("id"), group=entry.group,
                     order=order, basis=entry.basis.printable("id"), confidence=entry.basis.confidence)
        if not national:
            continue
        basis = entry.basis
        if basis.confidence in ("text", "number") and basis.pasal:
            pin = f"pasal-{basis.pasal.lower()}" + (f"-ayat-{basis.ayat}" if basis.ayat else "")
            b.edge(b.target(f"{national}#{pin}"), req, "basis_of", confidence=basis.confidence)
        elif basis.confidence == "range" and basis.range:
            lo, hi = basis.range
            for n in range(lo, hi + 1):
                b.edge(b.target(f"{national}#pasal-{n}"), req, "basis_of", confidence="range")
        else:
            b.edge(national, req, "basis_of", confidence=basis.confidence)


_CATALOG_GRAPHS: PerObject[nx.MultiDiGraph] = PerObject()


def catalog_graph(catalog) -> nx.MultiDiGraph:
    """The catalog's part of every graph (its entries, the national articles they rest on),
    built once per catalog object; each graph starts from a copy."""
    def build(catalog) -> nx.MultiDiGraph:
        b = _Builder()
        _add_catalog(b, catalog)
        return b.done()

    return _CATALOG_GRAPHS.get(catalog, build)


def regulation_label(reg: Regulation) -> str:
    """A parsed regulation's node label: "Peraturan Wali Kota Banyuasri Nomor 18 Tahun 2022"
    from what its title gives, else its file name."""
    jenis, daerah, nomor, tahun = title_parts(reg.metadata.to_dict())
    return " ".join(x for x in (jenis, daerah, nomor and f"Nomor {nomor}", tahun and f"Tahun {tahun}") if x) \
        or reg.source.file


def citation_source(reg_id: str, place: Place) -> str:
    """The node a citation leaves from: its article, else (preamble, Lampiran, …) the regulation."""
    return article_node(reg_id, place.pasal, place.parent) if place.part == "pasal" and place.pasal else reg_id


def unresolved_node(reg_id: str, c: Citation) -> str:
    """The node of a citation no id was built for (one per place and wording)."""
    return f"unresolved:{reg_id}:{c.place.part}:{c.offset}:{c.raw}"


def _add_regulation(b: _Builder, reg: Regulation, citations: list[Citation]) -> str:
    reg_id = regulation_key(reg)
    b.regulation(reg_id, label=regulation_label(reg), file=reg.source.file, parsed=True, tentang=reg.metadata.tentang)
    for article in reg.articles:
        node = b.node(article_node(reg_id, article.label, article.parent), type="article",
                      label=article_ref(article.label), page=article.page,
                      parent_article=article.parent)
        b.link(article_node(reg_id, article.parent) if article.parent else reg_id, node, {"relation": "contains"})
    for c in citations:
        part = c.place.part
        source = citation_source(reg_id, c.place)
        if not c.resolved:
            unresolved = unresolved_node(reg_id, c)
            b.node(unresolved, type="unresolved", label=c.raw, reason=c.reason)
            b.link(source, unresolved, _citation_edge(c, part, None))
            continue
        b.link(source, b.target(c.target, c.exists), _citation_edge(c, part, True if c.exists is False else None))
        if c.amends and c.regulation:
            b.regulation(c.amends)
            b.edge(c.regulation, c.amends, "amends", source="text")
    return reg_id


def _citation_edge(c: Citation, part: str, dangling: bool | None) -> dict[str, Any]:
    """A citation edge's data: its relation, then what it records of the citation (None
    values left out)."""
    place = c.place
    data = {"relation": c.relation, "dangling": dangling, "raw": c.raw, "title": c.title, "part": part,
            "item": place.item, "ayat": place.ayat, "pinpoint_end": c.pinpoint_end, "form": c.form,
            "offset": c.offset}
    return {key: value for key, value in data.items() if value is not None}


def _add_known_relations(b: _Builder) -> None:
    """Relations from ``regulations/relations.yaml`` between acts already in the graph."""
    present = {n for n, d in b.nodes.items() if d.get("type") == "regulation"}
    for reg_id, status in sorted(known_relations().items()):
        if reg_id not in present:
            continue
        if status.get("revoked_by"):
            b.edge(b.regulation(status["revoked_by"]), reg_id, "revokes", source="relations.yaml")
        for amender in status.get("amended_by", []):
            b.edge(b.regulation(amender), reg_id, "amends", source="relations.yaml")


def _add_findings(b: _Builder, reg_id: str, findings: Iterable[Finding]) -> None:
    for f in findings:
        req = b.node(REQUIREMENT + f.requirement, type="requirement", label=f.title, group=f.group, basis=f.basis)
        b.link(reg_id, req, {"relation": "assessed", "status": f.status, "confidence": round(f.confidence, 3)})
        for ev in f.evidence:
            source = _evidence_node(b, reg_id, ev.place)
            b.edge(source, req, "satisfies", status=f.status, score=round(ev.score, 3), via=ev.via, ayat=ev.ayat)


def _evidence_node(b: _Builder, reg_id: str, place: Place) -> str:
    """The node evidence sits in: an article, or the part (Menimbang, Mengingat, a diktum, a
    Lampiran) the matcher names."""
    node, kind, label = evidence_node(reg_id, place)
    if kind is None:
        return node
    if kind == "article":
        if node in b.nodes:
            return node
        b.node(node, type="article", label=label)
    else:
        b.node(node, type="part", label=label)
    b.edge(reg_id, node, "contains")
    return node


def evidence_node(reg_id: str, place: Place) -> tuple[str, str | None, str | None]:
    """(node, its type, its label) of the place evidence sits in: an article, a part, or the
    regulation itself (type None) when the place names neither."""
    pasal = place.fields()[0]
    if not pasal:
        return reg_id, None, None
    if place.in_article:
        return article_node(reg_id, pasal, place.parent), "article", article_ref(pasal)
    return f"{reg_id}#{pasal.lower()}", "part", pasal


def build_graph(regulations: Iterable[Regulation], catalog=None, findings=None) -> nx.MultiDiGraph:
    """One graph over ``regulations`` (+ the catalog and the matcher's findings), from the
    citations each regulation carries (``citations_of``).

    ``findings``: a list of ``Finding`` for a single regulation, or a dict from
    regulation id (``regulation_key``) or source file name to such lists."""
    b = _Builder(copy_graph(catalog_graph(catalog)) if catalog is not None else None)
    regulations = list(regulations)
    for reg in regulations:
        reg_id = _add_regulation(b, reg, citations_of(reg))
        found = None
        if isinstance(findings, dict):
            found = findings.get(reg_id) or findings.get(reg.source.file)
        elif findings is not None and len(regulations) == 1:
            found = findings
        if found:
            _add_findings(b, reg_id, found)
    _add_known_relations(b)
    return b.done()


def add_findings(graph: nx.MultiDiGraph, regulation: Regulation, findings: Iterable[Finding]) -> None:
    """Add the matcher's findings on ``regulation`` (``assessed``, ``satisfies``) to its graph."""
    b = _Builder(graph)
    _add_findings(b, regulation_key(regulation), findings)
    b.done()


def requirements_for(graph: nx.MultiDiGraph, node: str) -> list[str]:
    """Catalog entries based on ``node`` (an article or ayat of the national act), on an ayat
    inside it, or on the article containing it: what a citation of ``node`` points at.

    Walks the graph's adjacency dicts as networkx's own algorithms do (its views cost more
    than the walk); a relation is present between two nodes when its first key is."""
    succ, pred, nodes = graph._succ, graph._pred, graph._node
    if node not in nodes:
        return []
    related, below = {node}, [node]
    while below:  # the parts it contains, at any depth
        for part, keys in succ[below.pop()].items():
            if _CONTAINS in keys and part not in related:
                related.add(part)
                below.append(part)
    parent = node
    while True:  # the parts containing it, up to its regulation
        up = None
        for u, keys in pred[parent].items():
            if _CONTAINS in keys:
                up = u
                break
        if up is None or nodes[up].get("type") == "regulation":
            break
        related.add(up)
        parent = up
    out = {v for n in related for v, keys in succ[n].items() if _BASIS_OF in keys}
    return sorted(out, key=lambda r: (nodes[r].get("order", 10**6), r)) if out else []


def first_key(relation: str) -> str:
    """The key of the first edge of ``relation`` between two nodes (keys count ``relation:0``,
    ``relation:1`` … per pair): the pair has such an edge exactly when it has this key."""
    return f"{relation}:0"


_CONTAINS, _BASIS_OF = first_key("contains"), first_key("basis_of")


# --- exports -------------------------------------------------------------------------


def sorted_edges(graph: nx.MultiDiGraph) -> list[tuple[str, str, str, dict]]:
    return sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))


def to_node_link(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """JSON node-link form, nodes and edges sorted."""
    return {
        "directed": True,
        "multigraph": True,
        "nodes": [{"id": n, **dict(sorted(d.items()))} for n, d in sorted(graph.nodes(data=True))],
        "edges": [{"source": u, "target": v, "key": k, **dict(sorted(d.items()))}
                  for u, v, k, d in sorted_edges(graph)],
    }


def _scalar(value: Any) -> Any:
    if isinstance(value, (bool, int, float, str)):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _ordered(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with nodes and edges in sorted order and scalar attributes, for the XML writers."""
    ordered = nx.MultiDiGraph()
    for n, d in sorted(graph.nodes(data=True)):
        ordered.add_node(n, **{k: _scalar(v) for k, v in sorted(d.items())})
    for u, v, k, d in sorted_edges(graph):
        ordered.add_edge(u, v, key=k, **{a: _scalar(b) for a, b in sorted(d.items())})
    return ordered


def to_graphml(graph: nx.MultiDiGraph) -> str:
    """GraphML text, nodes and edges in sorted order."""
    return "\n".join(nx.generate_graphml(_ordered(graph))) + "\n"


def to_gexf(graph: nx.MultiDiGraph) -> str:
    """GEXF text (Gephi), nodes and edges in sorted order; the writer's date stamp is
    dropped so the same input gives the same bytes on any day."""
    text = "\n".join(nx.generate_gexf(_ordered(graph)))
    return re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1) + "\n"


def _dot_id(text: Any) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(graph: nx.MultiDiGraph) -> str:
    """Graphviz DOT text, nodes and edges in sorted order."""
    lines = ["digraph citations {", "  rankdir=LR;"]
    for n, d in sorted(graph.nodes(data=True)):
        attrs = ", ".join(f"{k}={_dot_id(_scalar(v))}" for k, v in sorted(d.items()))
        lines.append(f"  {_dot_id(n)}" + (f" [{attrs}]" if attrs else "") + ";")
    for u, v, k, d in sorted_edges(graph):
        attrs = ", ".join(f"{a}={_dot_id(_scalar(b))}" for a, b in sorted({"key": k, **d}.items()))
        lines.append(f"  {_dot_id(u)} -> {_dot_id(v)} [{attrs}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
