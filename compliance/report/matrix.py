"""The comparison matrix (``compliance.compare.build_matrix``) rendered as JSON, CSV or a
self-contained HTML page, with its labels in Indonesian or English."""

from __future__ import annotations

import csv
import io
from typing import Any

from compliance.compare import STATUS_RANK
from compliance.i18n import message
from compliance.output import dumps_json
from compliance.report.labels import labels
from compliance.report.spreadsheet import BOM, neutralise
from compliance.report.templating import environment

WIDE = 30  # above this many columns the page lists regulations as rows (transposed)
PRINT_COLUMNS = 9  # columns per landscape A4 page when printed; the first column repeats on each


def render_json(matrix: dict[str, Any]) -> str:
    return dumps_json(matrix)


def _safe(value: Any) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    return neutralise("" if value is None else str(value))


def render_csv(matrix: dict[str, Any], lang: str) -> str:
    """The matrix as CSV: one row per entry, one status column per regulation/region, then
    counts and the best column; score and Domain 1 levels as closing rows."""
    t = compare_labels(lang)
    columns = matrix["columns"]
    column_labels = {c["id"]: c["label"] for c in columns}
    out = io.StringIO()
    out.write(BOM)  # as the single-report CSV: spreadsheets then read UTF-8
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([_safe(x) for x in [t["requirement"], t["title_h"], t["group"]] + [c["label"] for c in columns]
                     + [t["fulfilled_count"], t["best"]]])
    for row in matrix["rows"]:
        best = "; ".join(column_labels[i] for i in row["best"]["columns"]) if row["best"] else ""
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
