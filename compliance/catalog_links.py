"""Which catalog entries a cited node of the national act leads to, without building a graph.

The matcher asks, for each citation of Perpres 95/2018, which catalog entries rest on the
cited article (``compliance.graph.requirements_for`` on the check's citation graph). Only the
catalog's part of that graph holds ``basis_of`` edges, and a cited node's containing nodes
follow from its id alone (``pinpoint_levels``: ``x#pasal-19-ayat-2`` sits in ``x#pasal-19``),
so the answer is read off the catalog graph, compiled once per catalog and process:

- a node of the catalog graph: ``requirements_for`` on that graph, for every node at once;
- any other pinpoint the citations add: the entries based on the catalog nodes containing it
  (nothing it contains is in the catalog, or it would be there too);
- an id no citation adds as a node (a range's article absent from the catalog, a malformed
  pinpoint): none.
"""

from __future__ import annotations

from compliance.cite_resolve import pinpoint_levels
from compliance.graph import REQUIREMENT, catalog_graph, first_key, requirements_for
from compliance.per_object import PerObject

_BASIS_OF = first_key("basis_of")


class CatalogLinks:
    """The catalog's national act (``national``: its id, None when the catalog names none)
    and, per cited node, the entries it leads to (``entries``), with each entry's basis
    confidence (``confidence``)."""

    def __init__(self, catalog) -> None:
        graph = catalog_graph(catalog)
        nodes, succ = graph._node, graph._succ
        self.national = next((n for n, d in nodes.items() if d.get("catalog") == catalog.id), None)
        self._reached = {n: tuple(requirements_for(graph, n)) for n in nodes}
        self._based = {n: [v for v, keys in succ[n].items() if _BASIS_OF in keys] for n in nodes}
        self._order = {n: d.get("order", 10**6) for n, d in nodes.items()}
        self.confidence = {e.id: e.basis.confidence for e in catalog.entries}

    def holds(self, node: str) -> bool:
        """Whether ``node`` is a node of the catalog's graph (each the end of its own chain)."""
        return node in self._reached

    def requirements(self, target: str) -> tuple[str, ...]:
        """The requirement nodes (``requirement:<id>``) a cited ``target`` (or an article of
        the national act) leads to, in catalog order: what ``requirements_for`` gives on the
        graph of any check that cites it."""
        reached = self._reached.get(target)
        if reached is not None:
            return reached
        levels = pinpoint_levels(target)
        if not levels or levels[-1][0] != target:
            return ()  # no citation adds this id as a node
        found = {r for node, _ in levels[:-1] for r in self._based.get(node, ())}
        return tuple(sorted(found, key=lambda r: (self._order[r], r)))

    def entries(self, target: str) -> set[str]:
        """The catalog entry ids a cited ``target`` leads to."""
        return {r.removeprefix(REQUIREMENT) for r in self.requirements(target)}


_LINKS: PerObject[CatalogLinks] = PerObject()


def catalog_links(catalog) -> CatalogLinks:
    """The compiled links of ``catalog``, once per catalog object."""
    return _LINKS.get(catalog, CatalogLinks)
