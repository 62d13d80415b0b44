"""The comparison matrix: catalog entries against regulations (or regions), as data;
``compliance.report.matrix`` renders this one structure to HTML, CSV or JSON.

Rows are the catalog entries in catalog order and grouping; columns are the
checked regulations, or with ``group_by="daerah"`` one column per region whose
cell takes the best status among that region's regulations still in force.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from compliance.daerah_keys import daerah_key
from compliance.file_result import FileResult, report_metadata, report_score
from compliance.models import leading_number
from compliance.regulation_label import regulation_label
from compliance.relations import relations_between
from compliance.resources import kind_levels
from compliance.score import status_score

COMPARE_SCHEMA = "compliance/compare@1"
# How well a status answers the entry; not_applicable is not ranked (it neither fulfils nor fails).
STATUS_RANK = {"fulfilled": 3, "partial": 2, "conflict": 1, "missing": 0}
# The regional levels of regulations/kinds.yaml that name one region ("kabupaten_kota" does not).
LEVELS = ("provinsi", "kabupaten", "kota")


# --- building the matrix ---------------------------------------------------------------


def build_matrix(results: list[FileResult], *, group_by: str | None = None,
                 region_columns: list[dict[str, Any]] | None = None,
                 refused: list[dict[str, Any]] = ()) -> dict[str, Any]:
    """The matrix as a JSON-ready dict (see README: ``compliance/compare@1``). With
    ``region_columns`` (``compliance.region.columns``) those are the columns, and
    ``refused`` lists the folders or files that could not be one."""
    checked = [r for r in results if r.report is not None] if region_columns is None else []
    members = [_member(r) for r in checked]
    if region_columns is not None:
        columns = [{k: v for k, v in c.items() if k not in ("catalog", "groups")} for c in region_columns]
        checked = [FileResult([], None, report={"catalog": c["catalog"], "summary": {"groups": c["groups"]}})
                   for c in region_columns[:1]]
    elif group_by == "daerah":
        columns = _region_columns(members)
    else:
        columns = [_single_column(m) for m in members]
    repeated = {label for label, n in Counter(c["label"] for c in columns).items() if n > 1}
    for number, column in enumerate(columns, 1):
        column["id"] = f"c{number}"
        if column["label"] in repeated:  # the same regulation as PDF and DOCX, say: tell them apart
            column["label"] += f" ({Path(column['files'][0]).name})"
    rows = _rows(columns)
    first = checked[0].report if checked else {}
    return {
        "schema": COMPARE_SCHEMA,
        "catalog": first.get("catalog"),
        "groups": [{"id": g.get("id"), "title": g.get("title")} for g in (first.get("summary") or {}).get("groups", [])],
        "group_by": group_by,
        "columns": [{k: v for k, v in c.items() if k not in ("findings", "order")} for c in columns],
        "rows": rows,
        "failed": [{"files": [str(p) for p in r.files], "code": r.error.code, "params": _jsonable(r.error.params)}
                   for r in results if r.error is not None] + list(refused),
    }


def _member(result: FileResult) -> dict[str, Any]:
    """One checked regulation: identity, findings by requirement, score and Domain 1 levels."""
    report = result.report or {}
    summary = report.get("summary") or {}
    meta = report_metadata(report)
    return {
        "label": regulation_label(meta, result.path.name),
        "daerah": meta.get("daerah"),
        "jenis": meta.get("jenis"),
        "jenis_kode": meta.get("jenis_kode"),
        "nomor": meta.get("nomor"),
        "tahun": meta.get("tahun"),
        "tentang": meta.get("tentang"),
        "files": [str(p) for p in result.files],
        "sha256": result.sha256,
        "links": result.links or {},
        "score": report_score(report),
        "findings": {f["requirement"]: f for f in report.get("findings", [])},
        "order": [(f["requirement"], f.get("group", "")) for f in report.get("findings", [])],
        "domain1": evaluation_levels(report),
        "weights": summary.get("score_weights", {}),
    }


def evaluation_levels(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The levels the report's chosen instrument gives from the text (Pemdi readiness or SPBE
    Domain 1 indicated level), for the indicators a text can show."""
    section = report.get("evaluation") or {}
    return [{"no": i.get("no"), "name": i.get("name"), "indicated_level": i.get("readiness")}
            for i in section.get("indicators") or [] if i.get("readiness") is not None]


def _single_column(member: dict[str, Any]) -> dict[str, Any]:
    keys = ("label", "daerah", "jenis", "nomor", "tahun", "tentang", "files", "score", "domain1", "findings", "order")
    column = {k: member[k] for k in keys}
    column["sha256"] = [member["sha256"]]
    column["members"] = []
    return column


def _region_columns(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One column per region, told apart by level (Kabupaten and Kota Bekasi are two regions).
    A Perda whose level the title leaves open joins the one region of that name, if only one;
    regulations without a daerah stay columns of their own."""
    keyed = [(_region_key(m), m) for m in members]
    specific: dict[str, set[str]] = {}
    for (level, name), _ in keyed:
        if level in LEVELS:
            specific.setdefault(name, set()).add(level)
    regions: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for (level, name), member in keyed:
        if not name:
            level, name = "", "\0" + member["files"][0]
        elif level not in LEVELS and len(specific.get(name, ())) == 1:
            level = next(iter(specific[name]))
        regions.setdefault((level, name), []).append(member)
    rank = {level: i for i, level in enumerate(LEVELS)}
    return [_combine(regions[key], key[0]) for key in sorted(regions, key=lambda k: (k[1], rank.get(k[0], 3), k[0]))]


def _region_key(member: dict[str, Any]) -> tuple[str, str]:
    """(level, name): the level from regulations/kinds.yaml, or a level word the daerah starts with."""
    level = kind_levels().get(member["jenis_kode"] or "", "")
    name = daerah_key(member["daerah"])
    for word in LEVELS:
        if name.startswith(word + " "):
            return word, name[len(word) + 1:]
    return level, name


def _combine(members: list[dict[str, Any]], level: str) -> dict[str, Any]:
    """A region's column: per entry the best status among its regulations in force."""
    members = sorted(members, key=lambda m: (m["tahun"] or 0, leading_number(m["nomor"]) or 0, m["label"]))
    revoked_by: dict[int, list[str]] = {}
    amended_by: dict[int, list[str]] = {}
    for kind, later, earlier in relations_between(members):
        target = revoked_by if kind == "revokes" else amended_by
        target.setdefault(earlier, []).append(members[later]["label"])
    in_force = [m for i, m in enumerate(members) if i not in revoked_by]
    findings: dict[str, dict[str, Any]] = {}
    order: list[tuple[str, str]] = []
    for member in in_force:
        for requirement, group in member["order"]:
            if requirement not in findings:
                order.append((requirement, group))
            candidate = {**member["findings"][requirement], "from": member["label"]}
            if requirement not in findings or _strength(candidate) > _strength(findings[requirement]):
                findings[requirement] = candidate
    statuses = [f["status"] for f in findings.values()]
    daerah = members[0]["daerah"]
    if not daerah:
        label = members[0]["label"]
    elif level in LEVELS and daerah_key(daerah).split(" ")[0] not in LEVELS:
        label = f"{level.title()} {daerah}"  # Kota Bekasi, not just Bekasi
    else:
        label = daerah
    return {
        "label": label,
        "daerah": daerah,
        "jenis": None, "nomor": None, "tahun": None, "tentang": None,
        "files": [f for m in members for f in m["files"]],
        "sha256": [m["sha256"] for m in members],
        "score": status_score(statuses, members[0]["weights"]),
        "domain1": _best_levels(in_force),
        "findings": findings,
        "order": order,
        "members": [{"label": m["label"], "files": m["files"], "score": m["score"],
                     "in_force": i not in revoked_by, "revoked_by": revoked_by.get(i, []),
                     "amended_by": amended_by.get(i, [])} for i, m in enumerate(members)],
    }


def _best_levels(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per Domain 1 indicator the highest level any in-force regulation indicates on its own
    (never summed across regulations: an estimate must not claim more than one text shows)."""
    best: dict[int, dict[str, Any]] = {}
    for member in members:
        for item in member["domain1"]:
            known = best.get(item["no"])
            if known is None or (item["indicated_level"] or 0) > (known["indicated_level"] or 0):
                best[item["no"]] = dict(item)
    return [best[no] for no in sorted(best)]


def _strength(finding: dict[str, Any]) -> tuple[int, float]:
    return STATUS_RANK.get(finding.get("status"), -1), float(finding.get("confidence") or 0.0)


def _rows(columns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Catalog entries in the order the reports list them, each with its cells, counts and best column."""
    entries: dict[str, dict[str, Any]] = {}
    for column in columns:
        for requirement, _group in column["order"]:
            if requirement not in entries:
                f = column["findings"][requirement]
                entries[requirement] = {k: f.get(k) for k in ("requirement", "title", "group", "basis",
                                                              "basis_confidence")}
    rows = []
    for requirement, entry in entries.items():
        cells = [_cell(column["findings"].get(requirement)) for column in columns]
        counts: dict[str, int] = {}
        for cell in cells:
            if cell["status"]:
                counts[cell["status"]] = counts.get(cell["status"], 0) + 1
        rows.append({**entry, "cells": cells, "counts": counts, "best": _best(columns, requirement)})
    return rows


def _cell(finding: dict[str, Any] | None) -> dict[str, Any]:
    if finding is None:
        return {"status": None, "evidence": [], "missing_elements": [], "from": None}
    return {
        "status": finding.get("status"),
        "evidence": [{**{k: e.get(k) for k in ("pasal", "ayat", "parent", "quote", "via")},
                      **({"place": e["place"]} if "place" in e else {})}
                     for e in finding.get("evidence", [])],
        "missing_elements": list(finding.get("missing_elements", [])),
        "from": finding.get("from"),
    }


def _best(columns: list[dict[str, Any]], requirement: str) -> dict[str, Any] | None:
    """The column(s) that do this entry best: highest status, then the matcher's confidence."""
    scored = [(_strength(c["findings"][requirement]), c["id"]) for c in columns if requirement in c["findings"]]
    scored = [(s, cid) for s, cid in scored if s[0] >= STATUS_RANK["partial"]]
    if not scored:
        return None
    top = max(s for s, _ in scored)
    ids = [cid for s, cid in scored if s == top]
    return {"status": next(k for k, v in STATUS_RANK.items() if v == top[0]), "columns": ids}


def _jsonable(params: dict[str, Any]) -> dict[str, Any]:
    return {k: v if isinstance(v, (str, int, float, bool, type(None))) else str(v) for k, v in params.items()}
