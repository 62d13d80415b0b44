"""A region's instruments and which of them are in force.

Every instrument of the folder is placed: the region's own (in force, revoked by a
later one, or amended), another region's, a national act, or one whose region could
not be read. A revocation is matched by the revoked act's jenis/nomor/tahun (its
canonical id) or, failing that, by its title quoted in the revoking sentence; an
amendment is matched the same way, or by a title "Perubahan atas ... Nomor N Tahun Y".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from compliance.regulation_label import regulation_label
from compliance.relations import relations_from_metadata
from compliance.errors import ComplianceError
from compliance.region.identity import NATIONAL, RegionKey, instrument_region, same_region

MIN_TITLE_WORDS = 3  # a title shorter than this ("SPBE") names too many acts to match on


@dataclass
class Instrument:
    """One distinct file of the folder and what the region makes of it."""

    files: list[str]
    sha256: str
    report: dict[str, Any]
    region: RegionKey | None
    region_name: str
    label: str
    status: str = "in-force"  # in-force | revoked | other-region | national | region-unknown
    revoked_by: dict[str, Any] | None = None  # {file, instrument, place, quote}
    amended_by: list[dict[str, Any]] = field(default_factory=list)
    superseded: list[str] = field(default_factory=list)  # article labels an amendment replaced

    @property
    def metadata(self) -> dict[str, Any]:
        return self.report["regulation"]["metadata"]

    @property
    def in_force(self) -> bool:
        return self.status == "in-force"

    @property
    def file(self) -> str:
        return self.files[0]

    def sort_key(self) -> tuple:
        m = self.metadata
        return (m.get("ditetapkan") or f"{m.get('tahun') or 0:04d}", m.get("tahun") or 0,
                _leading(m.get("nomor")), self.file)


def _leading(nomor: Any) -> int:
    digits = re.match(r"\d+", str(nomor or ""))
    return int(digits.group()) if digits else 0


def make_instrument(files: list[str], sha256: str, report: dict[str, Any]) -> Instrument:
    metadata = report["regulation"]["metadata"]
    region, name = instrument_region(metadata)
    label = regulation_label(metadata, files[0].rsplit("/", 1)[-1])
    status = "in-force"
    if region is None:
        status = "national" if name == NATIONAL else "region-unknown"
    return Instrument(files, sha256, report, region, name, label, status)


def choose_region(instruments: list[Instrument], wanted: RegionKey | None) -> tuple[RegionKey, str]:
    """The region to assess: the one named by ``--region``, else the folder's only region.
    Several regions without ``--region`` are refused, listing them; none at all too."""
    regional = [i for i in instruments if i.region is not None]
    if wanted is not None:
        chosen = [i for i in regional if same_region(wanted, i.region)]
        if not chosen:
            raise ComplianceError("region-not-in-folder", region=wanted.label(), found=_listing(regional) or "-")
        levels = {i.region.level for i in chosen if i.region.level}
        return RegionKey(wanted.name, wanted.level or (levels.pop() if len(levels) == 1 else "")), chosen[0].region_name
    keys = _distinct(regional)
    if not keys:
        raise ComplianceError("region-none")
    if len(keys) > 1:
        raise ComplianceError("region-several", found=_listing(regional))
    key = keys[0]
    return key, next(i.region_name for i in regional if same_region(key, i.region))


def _distinct(regional: list[Instrument]) -> list[RegionKey]:
    """The regions named, an open level ("Peraturan Daerah Sukamaju") joining the one
    region of that name when there is exactly one."""
    specific = sorted({i.region for i in regional if i.region.level})
    keys = set(specific)
    for i in regional:
        if not i.region.level and not [k for k in specific if k.name == i.region.name]:
            keys.add(i.region)
    return sorted(keys)


def _listing(regional: list[Instrument]) -> str:
    names: dict[RegionKey, str] = {}
    for i in regional:
        names.setdefault(i.region, i.region.label(i.region_name))
    return "; ".join(names[k] for k in sorted(names))


def place_in_force(instruments: list[Instrument], region: RegionKey) -> list[dict[str, Any]]:
    """Mark each instrument's status; return notes about relations that found no target
    (a revoked act absent from the folder)."""
    members = []
    for instrument in instruments:
        if instrument.region is not None and not same_region(region, instrument.region):
            instrument.status = "other-region"
        elif instrument.region is not None:
            members.append(instrument)
    members.sort(key=Instrument.sort_key)
    notes: list[dict[str, Any]] = []
    known_ids = {m.report.get("id") for m in members}
    for member in members:
        for relation in member.report.get("relations", []):
            by_title = relation.get("target") not in known_ids
            targets = [e for e in members if e is not member and e.sort_key() <= member.sort_key()
                       and _names(relation, e, by_title)]
            if not targets:
                notes.append({"code": "relation-target-absent", "kind": relation["kind"], "file": member.file,
                              "instrument": member.label, "place": relation["place"], "quote": relation["quote"],
                              "target": relation.get("raw") or relation.get("title") or ""})
            for earlier in targets:
                _apply(relation["kind"], member, earlier, relation)
    rows = [{"nomor": m.metadata.get("nomor"), "tahun": m.metadata.get("tahun"),
             "tentang": m.metadata.get("tentang")} for m in members]
    for kind, later, earlier in relations_from_metadata(rows):
        relation = {"kind": kind, "place": {"part": "judul"}, "quote": members[later].metadata.get("tentang") or ""}
        if not any(a["file"] == members[later].file for a in members[earlier].amended_by):
            _apply(kind, members[later], members[earlier], relation)
    return notes


def _apply(kind: str, later: Instrument, earlier: Instrument, relation: dict[str, Any]) -> None:
    source = {"file": later.file, "instrument": later.label, "place": relation["place"], "quote": relation["quote"]}
    if kind == "revokes":
        if earlier.revoked_by is None:
            earlier.status, earlier.revoked_by = "revoked", source
        return
    if any(a["file"] == later.file for a in earlier.amended_by):
        return
    earlier.amended_by.append(source)
    changed = later.report.get("amended_articles", [])
    earlier.superseded = sorted(set(earlier.superseded) | set(changed), key=lambda s: (_leading(s), s))


def _names(relation: dict[str, Any], instrument: Instrument, by_title: bool) -> bool:
    """Whether a revocation/amendment names this instrument: by id (jenis, daerah, nomor,
    tahun), or, when the id names no instrument of the folder, by its title (tentang)
    written out in the sentence."""
    if not by_title:
        return relation["target"] == instrument.report.get("id")
    title = _words(instrument.metadata.get("tentang"))
    return len(title.split()) >= MIN_TITLE_WORDS and f" {title} " in f" {_words(relation.get('quote'))} "


def _words(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").casefold()))
