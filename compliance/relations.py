"""Which regulations of one region amend or revoke which: from their citations, or from
titles that say so ("Perubahan atas Peraturan Bupati ... Nomor 12 Tahun 2019")."""

from __future__ import annotations

from typing import Any

from compliance.markers import markers
from compliance.models import Regulation
from compliance.resources import data_yaml

# (kind, later index, earlier index): "amends" keeps the earlier in force, "revokes" ends it.
Relation = tuple[str, int, int]


def regulation_links(regulation: Regulation) -> dict[str, Any]:
    """This regulation's canonical id and the ids it amends or revokes, from its citations
    (run in the worker right after parsing; stored with the parse)."""
    from compliance.cite import citations_of, regulation_key

    own = regulation_key(regulation)
    citations = citations_of(regulation)
    return {"id": own, **{kind: sorted({c.regulation for c in citations if c.relation == kind and c.regulation
                                        and c.regulation != own}) for kind in ("amends", "revokes")}}


def relations_between(members: list[dict[str, Any]]) -> list[Relation]:
    """Amendments and revocations among a region's regulations: the citation links, plus
    titles that say so when the citations do not (see ``relations_from_metadata``)."""
    found = set(relations_from_metadata(members))
    index = {m["links"]["id"]: i for i, m in enumerate(members) if m["links"].get("id")}
    for later, member in enumerate(members):
        for kind in ("amends", "revokes"):
            for target in member["links"].get(kind, []):
                if index.get(target, later) != later:
                    found.add((kind, later, index[target]))
    return sorted(found)


def _relation_phrases() -> dict[str, list[str]]:
    """How a title says it amends or revokes another regulation (data, see regulations/)."""
    return data_yaml("regulations", "relation-titles.yaml")["title_prefixes"]


def relations_from_metadata(members: list[dict[str, Any]]) -> list[Relation]:
    """A later regulation whose tentang opens with an amending/revoking phrase and names the
    earlier one's nomor and tahun ("Perubahan atas Peraturan Bupati ... Nomor 12 Tahun 2019")."""
    found: list[Relation] = []
    for later, m in enumerate(members):
        tentang = " ".join((m["tentang"] or "").casefold().split())
        named = {(n.group("nomor"), n.group("tahun")) for n in markers().nomor_tahun.finditer(tentang)}
        for kind, prefixes in sorted(_relation_phrases().items()):
            if not any(tentang.startswith(p.casefold()) for p in prefixes):
                continue
            for earlier, e in enumerate(members):
                if earlier != later and e["nomor"] and e["tahun"] and (
                        str(e["nomor"]).casefold(), str(e["tahun"])) in named:
                    found.append((kind, later, earlier))
    return found
