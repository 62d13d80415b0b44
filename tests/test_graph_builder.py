"""GraphBuilder and copy_graph write a MultiDiGraph's dicts as networkx's own methods would."""

from __future__ import annotations

import networkx as nx

from compliance.graph_builder import GraphBuilder, copy_graph


def _layout(graph: nx.MultiDiGraph) -> list:
    """Everything a graph holds, in insertion order: nodes and data, successors, predecessors."""
    return [list(graph._node.items()), [(u, list(nbrs.items())) for u, nbrs in graph._succ.items()],
            [(v, list(nbrs.items())) for v, nbrs in graph._pred.items()], graph.graph]


def _through_networkx() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("act", type="regulation")
    g.add_edge("act", "act#pasal-1", "contains:0", relation="contains")
    g.add_edge("act#pasal-1", "uu#pasal-5", "cites:0", relation="cites", raw="Pasal 5")
    g.add_edge("act#pasal-1", "uu#pasal-5", "cites:1", relation="cites", raw="Pasal 5 lagi")
    g.add_edge("act#pasal-1", "uu#pasal-5", "amends:0", relation="amends")
    g.add_edge("act", "act", "cites:0", relation="cites")
    g.add_node("act#pasal-1", type="article", label="Pasal 1")
    return g


def _through_builder() -> GraphBuilder:
    b = GraphBuilder()
    b.node("act", type="regulation", label=None)
    b.edge("act", "act#pasal-1", "contains")
    b.edge("act", "act#pasal-1", "contains")  # a second contains adds nothing
    b.edge("act#pasal-1", "uu#pasal-5", "cites", raw="Pasal 5", title=None)
    b.edge_with("act#pasal-1", "uu#pasal-5", "cites", {"raw": "Pasal 5 lagi"})
    b.link("act#pasal-1", "uu#pasal-5", {"relation": "amends"})
    b.edge("act", "act", "cites")
    b.node("act#pasal-1", type="article", label="Pasal 1")
    return b


def test_the_builder_writes_what_add_node_and_add_edge_write():
    assert _layout(_through_builder().done()) == _layout(_through_networkx())


def test_an_existing_node_gets_only_the_attributes_it_lacks():
    b = GraphBuilder()
    b.node("n", label="", type="article")
    b.node("n", label="Pasal 2", type="part", page=3, note=None)
    assert b.g.nodes["n"] == {"label": "Pasal 2", "type": "article", "page": 3}


def test_edge_keys_go_on_counting_in_a_graph_built_before():
    graph = _through_builder().done()
    b = GraphBuilder(graph)
    b.edge("act#pasal-1", "uu#pasal-5", "cites", raw="ketiga")
    assert sorted(graph["act#pasal-1"]["uu#pasal-5"]) == ["amends:0", "cites:0", "cites:1", "cites:2"]


def test_the_built_graph_is_one_networkx_reads_and_its_cache_is_cleared():
    b = _through_builder()
    b.g.__networkx_cache__["converted"] = "stale"
    graph = b.done()
    assert graph.__networkx_cache__ == {}
    assert nx.descendants(graph, "act") == {"act#pasal-1", "uu#pasal-5"}
    assert list(graph.predecessors("uu#pasal-5")) == ["act#pasal-1"]
    assert graph.number_of_edges() == 5 and graph.in_degree("uu#pasal-5") == 3
    assert "uu#pasal-5" in "\n".join(nx.generate_graphml(graph))


def test_copy_graph_is_networkx_copy_in_the_same_order_and_independent():
    graph = _through_builder().done()
    graph.graph["name"] = "citations"
    graph.add_edge("uu#pasal-5", "new", "cites:0", relation="cites")
    graph.add_edge("act", "new", "cites:0", relation="cites")  # copy lists new's predecessors in node order
    copied = copy_graph(graph)
    assert _layout(copied) == _layout(graph.copy()) and list(copied.pred["new"]) == ["act", "uu#pasal-5"]
    copied.nodes["act"]["type"] = "changed"
    copied["act#pasal-1"]["uu#pasal-5"]["cites:0"]["raw"] = "changed"
    GraphBuilder(copied).edge("act", "uu#pasal-5", "cites")
    assert graph.nodes["act"]["type"] == "regulation"
    assert graph["act#pasal-1"]["uu#pasal-5"]["cites:0"]["raw"] == "Pasal 5"
    assert not graph.has_edge("act", "uu#pasal-5")
