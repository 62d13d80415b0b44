"""``compare`` by region: one column per region from its combined findings.

``compliance compare kab-a/ kab-b/ kota-c/`` (or a folder holding those folders) makes
each folder a region, assessed as ``compliance region`` does; a file given alone is a
column of its own (a one-instrument assessment), a national act is refused as a column.
``--group-by daerah`` groups the files by the region their own titles name instead.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from compliance.batch import SUPPORTED_SUFFIXES, FileResult, run_batch
from compliance.errors import ComplianceError
from compliance.i18n import message
from compliance.region.assess import assess_results, region_pipeline
from compliance.region.instruments import make_instrument
from compliance.store import Store


def wants_regions(paths: list[Path]) -> bool:
    """Region columns when several folders are given, or one folder that holds only folders
    of instruments; a single folder of files keeps one column per file, as before."""
    folders = [p for p in paths if p.is_dir()]
    if len(folders) > 1 or (folders and len(paths) > 1):
        return True
    return bool(folders) and not _direct_files(folders[0]) and bool(_region_folders(folders[0]))


def _direct_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            and not p.name.startswith(".")]


def _region_folders(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")
                  and any(f.suffix.lower() in SUPPORTED_SUFFIXES for f in p.rglob("*") if f.is_file()))


def _groups(paths: list[Path]) -> list[tuple[Path, bool]]:
    """(path, is_region_folder) per column: region folders, and files given alone."""
    out = []
    for path in paths:
        if path.is_dir() and not _direct_files(path) and _region_folders(path):
            out += [(sub, True) for sub in _region_folders(path)]
        else:
            out.append((path, path.is_dir()))
    return out


def region_columns(paths: list[Path], *, catalog: str, lang: str, jobs: int | None, store: Store | None,
                   evaluation: str | None = None, progress: str | bool | None = None
                   ) -> tuple[list[dict[str, Any]], list[FileResult], list[dict[str, Any]]]:
    """The columns, the batch results, and the columns refused (``{files, code, params}``)."""
    pipeline = region_pipeline(catalog, lang, evaluation)
    groups = _groups(paths)
    results = run_batch([g for g, _ in groups], pipeline, jobs=jobs, store=store, progress=progress)
    columns, refused = [], []
    members = _members(groups, results)
    for group, is_folder in groups:
        inside = members.get(group, [])
        try:
            assessment = assess_results(inside, pipeline, lang=lang, evaluation=evaluation, store=store)
        except ComplianceError as exc:
            if inside and all(r.error is not None for r in inside):
                continue  # its files failed: each is reported as such
            if not is_folder and exc.code == "region-none":
                code, params = "compare-national-column", {"file": str(group)}
            else:
                code, params = "compare-region-refused", {"file": str(group), "reason": exc.message(lang)}
            refused.append({"files": [str(group)], "code": code, "params": params})
            continue
        columns.append(as_column(assessment, single=not is_folder))
        columns[-1]["folder"] = group.name
    repeated = {c["label"] for c in columns if sum(d["label"] == c["label"] for d in columns) > 1}
    for column in columns:  # two folders of one region (say, before and after an amendment)
        if column["label"] in repeated:
            column["label"] += f" ({column['folder']})"
        del column["folder"]
    return columns, results, refused


def _members(groups: list[tuple[Path, bool]], results: list[FileResult]) -> dict[Path, list[FileResult]]:
    """Each group's results, each naming only its files under that group (one content may be
    in several region folders)."""
    index = {group for group, _ in groups}
    found: dict[Path, dict[int, list[Path]]] = {}
    for number, result in enumerate(results):
        for file in result.files:
            for group in (file, *file.parents):
                if group in index:
                    found.setdefault(group, {}).setdefault(number, []).append(file)
                    break
    return {group: [dataclasses.replace(results[n], files=files) for n, files in sorted(by.items())]
            for group, by in found.items()}


def as_column(assessment: dict[str, Any], *, single: bool = False) -> dict[str, Any]:
    """A region assessment as a ``compare`` column (see ``compliance.compare.build_matrix``)."""
    used = [i for i in assessment["instruments"] if i["in_force"]]
    own = [i for i in assessment["instruments"] if i["status"] in ("in-force", "revoked")]
    findings = {}
    for f in assessment["findings"]:
        findings[f["requirement"]] = {
            **f, "from": "; ".join(x["instrument"] for x in f["from"]) or None,
            "evidence": [{"place": f"{e['instrument']}, {e['place']}", "quote": e["quote"], "via": e.get("via"),
                          "pasal": None, "ayat": None, "parent": None} for e in f["evidence"]],
        }
    first = used[0] if single and len(used) == 1 else None
    return {
        "label": first["label"] if first else assessment["region"]["label"],
        "daerah": assessment["region"]["label"],
        "jenis": first["jenis"] if first else None, "nomor": first["nomor"] if first else None,
        "tahun": first["tahun"] if first else None, "tentang": first["tentang"] if first else None,
        "files": [f for i in own for f in i["files"]],
        "sha256": [i["sha256"] for i in own],
        "score": assessment["summary"]["score"],
        "domain1": list(assessment["summary"]["indicator_levels"]),
        "findings": findings,
        "order": [(f["requirement"], f["group"]) for f in assessment["findings"]],
        "members": [] if first else [
            {"label": i["label"], "files": i["files"], "in_force": i["in_force"],
             "revoked_by": [i["revoked_by"]["instrument"]] if i["revoked_by"] else [],
             "amended_by": [a["instrument"] for a in i["amended_by"]]} for i in own],
        "catalog": assessment["catalog"],
        "groups": assessment["summary"]["groups"],
    }


def daerah_columns(paths: list[Path], *, catalog: str, lang: str, jobs: int | None, store: Store | None,
                   evaluation: str | None = None, progress: str | bool | None = None
                   ) -> tuple[list[dict[str, Any]], list[FileResult], list[dict[str, Any]]]:
    """``compare --group-by daerah``: the files grouped by the region each names (a Perda of
    open level joins the one region of its name), each group assessed as a region; a national
    act or a file whose region cannot be read is refused as a column."""
    pipeline = region_pipeline(catalog, lang, evaluation)
    results = run_batch(paths, pipeline, jobs=jobs, store=store, progress=progress)
    groups: dict[tuple[str, str], list[FileResult]] = {}
    refused = []
    for result in results:
        if result.report is None:
            continue
        instrument = make_instrument([str(p) for p in result.files], result.sha256, result.report)
        if instrument.region is None:
            code = "compare-national-column" if instrument.status == "national" else "compare-region-refused"
            refused.append({"files": [str(result.path)], "code": code,
                            "params": {"file": str(result.path), "reason": message("region-none", lang)}})
            continue
        groups.setdefault((instrument.region.name, instrument.region.level), []).append(result)
    for name, level in [k for k in groups if not k[1]]:
        specific = [k for k in groups if k[0] == name and k[1]]
        if len(specific) == 1:
            groups[specific[0]] += groups.pop((name, level))
    columns = [as_column(assess_results(group, pipeline, lang=lang, evaluation=evaluation, store=store))
               for _, group in sorted(groups.items())]
    return columns, results, refused
