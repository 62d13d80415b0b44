"""The evidence pack for the SPBE evaluation: per Domain 1 indicator, the instruments,
places and quotes behind the estimated level and what is missing for the next one.

``bukti/index.html`` (readable offline, no script), ``bukti/bukti.csv`` (one row per
quote) and ``bukti/sumber/`` (a copy of every instrument used, so Diskominfo can attach
them in the evaluation application). Files are written atomically; an input is never
overwritten.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote as url_quote

from compliance.errors import ComplianceError
from compliance.output import write_atomic

SOURCES = "sumber"


def write_pack(assessment: dict[str, Any], folder: Path, lang: str) -> Path:
    """Write the pack into ``folder`` (created if missing); return the index path."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / SOURCES).mkdir(exist_ok=True)
    except OSError as exc:
        raise ComplianceError("output-unwritable", file=str(folder), reason=exc.strerror or str(exc)) from exc
    inputs = [Path(f) for i in assessment["instruments"] for f in i["files"]]
    copies = _copy_sources(assessment, folder / SOURCES, inputs)
    rows = pack_rows(assessment)
    write_atomic(folder / "bukti.csv", _csv(rows, lang), inputs)
    index = folder / "index.html"
    write_atomic(index, _html(assessment, rows, copies, lang), inputs)
    return index


def pack_rows(assessment: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per (indicator, quote): the indicator, its level, the requirement, the
    instrument, the place and the verbatim quote; an indicator without evidence keeps one
    row saying what is missing."""
    rows = []
    for ind in assessment["indicators"]:
        needs = _needs_text(ind["next_level"])
        base = {"no": ind["no"], "indicator": ind["name"], "level": ind["indicated_level"],
                "next_level": ind["next_level"]["level"], "needs": needs}
        if not ind["evidence"]:
            rows.append({**base, "requirement": "", "instrument": "", "file": "", "place": "", "quote": ""})
        for e in ind["evidence"]:
            rows.append({**base, "requirement": e["requirement"], "instrument": e["instrument"], "file": e["file"],
                         "place": e["place"], "quote": e["quote"]})
    return rows


def _needs_text(next_level: dict[str, Any]) -> str:
    return "; ".join(next_level["needs"])


def _copy_sources(assessment: dict[str, Any], target: Path, inputs: list[Path]) -> dict[str, str]:
    """Copy each instrument in force (atomically); map its path to the copy's relative link."""
    links: dict[str, str] = {}
    taken: set[str] = set()
    for instrument in assessment["instruments"]:
        if not instrument["in_force"]:
            continue
        source = Path(instrument["file"])
        name, n = source.name, 1
        while name.casefold() in taken:
            n += 1
            name = f"{source.stem}-{n}{source.suffix}"
        taken.add(name.casefold())
        destination = target / name
        if any(p.resolve() == destination.resolve() for p in inputs):
            raise ComplianceError("output-is-input", file=str(destination))
        handle, temporary = tempfile.mkstemp(dir=target, prefix=".tmp-")
        os.close(handle)
        try:
            shutil.copyfile(source, temporary)
            os.replace(temporary, destination)
        except OSError as exc:
            Path(temporary).unlink(missing_ok=True)
            raise ComplianceError("output-unwritable", file=str(destination), reason=exc.strerror or str(exc)) from exc
        links[instrument["file"]] = f"{SOURCES}/{url_quote(name)}"
    return links


def _csv(rows: list[dict[str, Any]], lang: str) -> str:
    from compliance.report.spreadsheet import BOM, neutralise

    keys = ("no", "indicator", "level", "next_level", "requirement", "instrument", "file", "place", "quote", "needs")
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_HEADERS.get(lang, _HEADERS["id"]))
    for row in rows:
        writer.writerow([neutralise("" if row[k] is None else str(row[k])) for k in keys])
    return out.getvalue()


_HEADERS = {
    "id": ("No", "Indikator", "Tingkat (perkiraan)", "Tingkat berikutnya", "Persyaratan", "Instrumen", "Berkas",
           "Tempat", "Kutipan", "Yang belum ada untuk tingkat berikutnya"),
    "en": ("No", "Indicator", "Level (estimate)", "Next level", "Requirement", "Instrument", "File", "Place", "Quote",
           "Missing for the next level"),
}


def _html(assessment: dict[str, Any], rows: list[dict[str, Any]], copies: dict[str, str], lang: str) -> str:
    from compliance.region.render import region_labels
    from compliance.report.templating import environment

    return environment().get_template("evidence.html.j2").render(
        a=assessment, t=region_labels(lang), lang=lang, copies=copies,
        headers=_HEADERS.get(lang, _HEADERS["id"]))
