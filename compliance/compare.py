"""The comparison matrix: catalog entries against regulations (or regions), as data
first, then rendered to HTML, CSV or JSON from that one structure.

Rows are the catalog entries in catalog order and grouping; columns are the
checked regulations, or with ``group_by="daerah"`` one column per region whose
cell takes the best status among that region's regulations still in force.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any


from compliance.file_result import FileResult, report_metadata, report_score
from compliance.i18n import message
from compliance.models import Regulation, leading_number
from compliance.output import dumps_json
from compliance.resources import data_yaml, kind_levels, regulation_kinds
from compliance.score import status_score
from compliance.store import daerah_key

COMPARE_SCHEMA = "compliance/compare@1"
# How well a status answers the entry; not_applicable is not ranked (it neither fulfils nor fails).
STATUS_RANK = {"fulfilled": 3, "partial": 2, "conflict": 1, "missing": 0}
WIDE = 30  # above this many columns the page lists regulations as rows (transposed)
PRINT_COLUMNS = 9  # columns per landscape A4 page when printed; the first column repeats on each
# The regional levels of regulations/kinds.yaml that name one region ("kabupaten_kota" does not).
LEVELS = ("provinsi", "kabupaten", "kota")

# (kind, later index, earlier index): "amends" keeps the earlier in force, "revokes" ends it.
Relation = tuple[str, int, int]


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


# --- regulations of one region: amendments and revocations --------------------------------


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
        for kind, prefixes in sorted(_relation_phrases().items()):
            if not any(tentang.startswith(p.casefold()) for p in prefixes):
                continue
            for earlier, e in enumerate(members):
                if earlier != later and e["nomor"] and e["tahun"] and re.search(
                        rf"\bnomor {re.escape(str(e['nomor']).casefold())} tahun {e['tahun']}\b", tentang):
                    found.append((kind, later, earlier))
    return found


# --- labels -------------------------------------------------------------------------------


@cache
def _cited_whole() -> frozenset[str]:
    """Kinds whose number is cited whole ("188.45/1612/HK/2019"): ``whole_number`` in kinds.yaml."""
    return frozenset(k["code"] for k in regulation_kinds() if k.get("whole_number"))


@cache
def _abbreviations() -> dict[str, str]:
    return {k["code"]: (k.get("abbreviations") or [k["name"]])[0] for k in regulation_kinds()}


def regulation_label(meta: dict[str, Any], fallback: str) -> str:
    """"Labuhanbatu · Perbup 12/2019": daerah, short kind, nomor/tahun; the file name when unknown.
    A compound number ("41/PER/M.KOMINFO/10/2009") is shortened to its leading number, as cited."""
    kind = _abbreviations().get(meta.get("jenis_kode") or "", meta.get("jenis") or "")
    nomor = str(meta.get("nomor") or "")
    if meta.get("jenis_kode") in _cited_whole():
        number = nomor or str(meta.get("tahun") or "")  # a Keputusan is cited by its whole number
    else:
        if nomor and not re.fullmatch(r"\d+[A-Z]?", nomor) and leading_number(nomor):
            nomor = str(leading_number(nomor))
        number = "/".join(str(x) for x in (nomor, meta.get("tahun")) if x)
    parts = [p for p in (meta.get("daerah"), " ".join(x for x in (kind, number) if x)) if p]
    return " · ".join(parts) if parts else fallback


def _jsonable(params: dict[str, Any]) -> dict[str, Any]:
    return {k: v if isinstance(v, (str, int, float, bool, type(None))) else str(v) for k, v in params.items()}


# --- rendering ----------------------------------------------------------------------------


def render_json(matrix: dict[str, Any]) -> str:
    return dumps_json(matrix)


def _safe(value: Any) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    from compliance.report.spreadsheet import neutralise

    return neutralise("" if value is None else str(value))


def render_csv(matrix: dict[str, Any], lang: str) -> str:
    """The matrix as CSV: one row per entry, one status column per regulation/region, then
    counts and the best column; score and Domain 1 levels as closing rows."""
    t = compare_labels(lang)
    columns = matrix["columns"]
    labels = {c["id"]: c["label"] for c in columns}
    from compliance.report.spreadsheet import BOM

    out = io.StringIO()
    out.write(BOM)  # as the single-report CSV: spreadsheets then read UTF-8
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([_safe(x) for x in [t["requirement"], t["title_h"], t["group"]] + [c["label"] for c in columns]
                     + [t["fulfilled_count"], t["best"]]])
    for row in matrix["rows"]:
        best = "; ".join(labels[i] for i in row["best"]["columns"]) if row["best"] else ""
        writer.writerow([_safe(x) for x in [row["requirement"], row["title"], row["group"]]
                         + [t["status"].get(c["status"], "") for c in row["cells"]]
                         + [row["counts"].get("fulfilled", 0), best]])
    writer.writerow([_safe(x) for x in ["score", t["score"], ""] + [_num(c["score"]) for c in columns] + ["", ""]])
    for no, name in indicator_names(matrix).items():
        levels = [next((d["indicated_level"] for d in c["domain1"] if d["no"] == no), None) for c in columns]
        writer.writerow([_safe(x) for x in [f"domain1-{no}", name, t["domain1_short"]]
                         + ["" if v is None else v for v in levels] + ["", ""]])
    return out.getvalue()


def _num(value: Any) -> str:
    return "" if value is None else f"{value:g}"


def render_html(matrix: dict[str, Any], lang: str) -> str:
    """A self-contained page: sticky headers, inline sort/filter script that degrades to a
    plain table, transposed (regulations as rows) when there are many columns."""
    from compliance.report.templating import environment

    titles = {g["id"]: g["title"] for g in matrix["groups"]}
    groups: list[dict[str, Any]] = []
    for row in matrix["rows"]:
        if not groups or groups[-1]["id"] != row["group"]:
            groups.append({"id": row["group"], "name": titles.get(row["group"]) or row["group"], "rows": []})
        groups[-1]["rows"].append(row)
    names = indicator_names(matrix)
    template = environment().get_template("compare.html.j2")
    return template.render(m=matrix, groups=groups, t=compare_labels(lang), lang=lang, indicator_names=names,
                           transposed=len(matrix["columns"]) > WIDE, status_rank=STATUS_RANK,
                           print_columns=PRINT_COLUMNS,
                           msg=lambda f: message(f["code"], lang, **f["params"]))


def indicator_names(matrix: dict[str, Any]) -> dict[int, str]:
    """The Domain 1 indicators any column estimates, by number."""
    return {no: name for no, name in sorted({(d["no"], d["name"]) for c in matrix["columns"] for d in c["domain1"]})}


def compare_labels(lang: str) -> dict[str, Any]:
    from compliance.report.labels import labels

    common = labels(lang)
    return {**_LABELS.get(lang, _LABELS["id"]), "status": common["status"]}


_LABELS: dict[str, dict[str, str]] = {
    "id": {
        "title": "Perbandingan pemenuhan Perpres 95/2018 tentang SPBE",
        "index_title": "Laporan kesenjangan SPBE per peraturan",
        "requirement": "Persyaratan", "title_h": "Judul", "group": "Kelompok", "score": "Skor",
        "fulfilled_count": "Jumlah terpenuhi", "best": "Terbaik", "filter": "Saring",
        "any_status": "semua status", "regulation": "Peraturan", "files": "Berkas", "domain1": "Tingkat per indikator menurut instrumen evaluasi yang dipakai (dari teks)",
        "domain1_short": "Indikator (dari teks)",
        "estimate_note": "Tingkat indikator adalah perkiraan atau kesiapan bukti dukung dari teks menurut instrumen "
                         "evaluasi yang dipakai laporan, bukan hasil evaluasi.", "failed": "Berkas yang gagal diperiksa",
        "details": "Rincian per peraturan", "missing_elements": "Unsur yang belum ada",
        "members": "Peraturan dalam kolom ini",
        "in_force": "berlaku", "revoked_by": "dicabut oleh", "amended_by": "diubah oleh",
        "from": "dari", "transposed_note": "Banyak kolom: setiap peraturan/daerah ditampilkan sebagai baris.",
        "legend": "Keterangan",
        "none": "—", "back": "kembali ke tabel",
        "more_evidence": "bukti lain (lihat laporan peraturan ini: compliance check)",
        "score_note": "Skor 0–100 dari laporan tiap peraturan; kolom gabungan per daerah dihitung dari status "
                      "gabungan (terpenuhi 1, sebagian ½, yang tidak berlaku tidak dihitung).",
    },
    "en": {
        "title": "Comparison of compliance with Perpres 95/2018 on SPBE",
        "index_title": "SPBE gap reports per regulation",
        "requirement": "Requirement", "title_h": "Title", "group": "Group", "score": "Score",
        "fulfilled_count": "Fulfilled count", "best": "Best", "filter": "Filter",
        "any_status": "any status", "regulation": "Regulation", "files": "Files", "domain1": "Level per indicator of the evaluation instrument used (from the text)",
        "domain1_short": "Indicator (from the text)",
        "estimate_note": "Indicator levels are estimates or evidence readiness from the text under the evaluation "
                         "instrument the reports used, not evaluation results.", "failed": "Files that could not be checked",
        "details": "Details per regulation", "missing_elements": "Missing elements",
        "members": "Regulations in this column",
        "in_force": "in force", "revoked_by": "revoked by", "amended_by": "amended by",
        "from": "from", "transposed_note": "Many columns: each regulation/region is shown as a row.",
        "legend": "Legend",
        "none": "—", "back": "back to the table",
        "more_evidence": "more evidence (see this regulation's own report: compliance check)",
        "score_note": "0–100 score from each regulation's report; a region's combined column is scored from the "
                      "combined statuses (fulfilled 1, partial ½, not applicable not counted).",
    },
}
