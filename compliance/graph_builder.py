"""Adding nodes and edges to a citation graph without networkx's per-call overhead.

A check adds thousands of nodes and edges (every article, citation, finding) to a fresh
``networkx.MultiDiGraph``; through ``add_node`` / ``add_edge`` and the graph's views each
costs several times the dict writes it amounts to. ``GraphBuilder`` writes the graph's own
adjacency dicts (``_node``, ``_succ``, ``_pred``) exactly as those methods do — the same
dicts, in the same insertion order, a keydict shared by ``_succ[u][v]`` and ``_pred[v][u]``
— so the result is an ordinary graph every networkx algorithm and writer accepts, and
clears the graph's conversion cache once when done.
"""

from __future__ import annotations

from typing import Any

import networkx as nx


def copy_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``graph.copy()`` (new attribute dicts; nodes, successors and predecessors in the order
    that copy gives them) written straight into the new graph's dicts."""
    new = graph.__class__()
    new.graph.update(graph.graph)
    nodes, succ, pred = new._node, new._succ, new._pred
    for n, data in graph._node.items():
        nodes[n] = data.copy()
        succ[n] = {}
        pred[n] = {}
    for u, neighbours in graph._succ.items():
        out = succ[u]
        for v, keydict in neighbours.items():
            copied = {key: data.copy() for key, data in keydict.items()}
            out[v] = copied
            pred[v][u] = copied
    return new


class GraphBuilder:
    """Nodes and edges for ``graph`` (a new one by default); an edge's key is ``relation:n``,
    n the edges of that relation already between its nodes, so adding to an existing graph
    goes on counting."""

    def __init__(self, graph: nx.MultiDiGraph | None = None) -> None:
        self.g = nx.MultiDiGraph() if graph is None else graph
        self.nodes: dict[str, dict[str, Any]] = self.g._node
        self._succ: dict[str, dict[str, dict[str, dict]]] = self.g._succ
        self._pred: dict[str, dict[str, dict[str, dict]]] = self.g._pred

    def done(self) -> nx.MultiDiGraph:
        """The graph, its networkx conversion cache cleared as ``add_edge`` would have (the
        cache exists from networkx 3.3; earlier releases have none to clear)."""
        cache = getattr(self.g, "__networkx_cache__", None)
        if cache:
            cache.clear()
        return self.g

    def _add(self, node_id: str, data: dict[str, Any]) -> None:
        self.nodes[node_id] = data
        self._succ[node_id] = {}
        self._pred[node_id] = {}

    def node(self, node_id: str, **attrs: Any) -> str:
        """The node, added with ``attrs`` (None left out); an existing node gets only those it
        lacks (missing, None or empty)."""
        data = self.nodes.get(node_id)
        if data is None:
            self._add(node_id, {key: value for key, value in attrs.items() if value is not None})
            return node_id
        for key, value in attrs.items():
            if value is not None and data.get(key) in (None, ""):
                data[key] = value
        return node_id

    def edge(self, u: str, v: str, relation: str, **attrs: Any) -> None:
        self.edge_with(u, v, relation, attrs)

    def edge_with(self, u: str, v: str, relation: str, attrs: dict[str, Any]) -> None:
        """``edge`` with its attributes in a dict (None left out)."""
        data = {"relation": relation}
        for name, value in attrs.items():
            if value is not None:
                data[name] = value
        self.link(u, v, data)

    def link(self, u: str, v: str, data: dict[str, Any]) -> None:
        """The edge ``data`` describes (its ``relation`` first, no None values; kept as the
        edge's own dict); a second ``contains`` between the same nodes adds nothing. Writes
        what ``add_edge(u, v, key, **data)`` would: missing end nodes added bare (u first)."""
        relation = data["relation"]
        out = self._succ.get(u)
        keydict = out.get(v) if out is not None else None
        if keydict is None:
            if out is None:
                self._add(u, {})
                out = self._succ[u]
            if v not in self.nodes:
                self._add(v, {})
            keydict = out[v] = {}
            self._pred[v][u] = keydict
            keydict[f"{relation}:0"] = data
            return
        n = 0
        for edge in keydict.values():
            if edge["relation"] == relation:
                n += 1
        if n and relation == "contains":
            return
        key = f"{relation}:{n}"
        if key in keydict:
            keydict[key].update(data)
        else:
            keydict[key] = data
