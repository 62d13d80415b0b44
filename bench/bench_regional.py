"""Benchmark the parser on the real regional instruments (../shared/corpus/regional).

    python bench/bench_regional.py            # all 11 (7 scans: needs tesseract)

Per document: the Pasal or diktum labels against manifest.json (labels checked against the
page images, the originals' own numbering kept), jenis, nomor, tahun and daerah, the
Lampiran found or not where the manifest describes one, and parse time.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling bench scripts

import compliance  # noqa: E402
from bench_parse import DEFAULT_CORPUS, label_scores  # noqa: E402
from compliance.errors import ComplianceError  # noqa: E402


def bench(doc: dict, folder: Path) -> dict:
    start = time.perf_counter()
    try:
        reg = compliance.load(folder / doc["file"])
    except ComplianceError as err:
        return {"file": doc["file"], "error": err.code}
    seconds = time.perf_counter() - start
    kind = "diktum" if "diktum" in doc["structure"] else "pasal"
    truth = doc["structure"][kind]
    found = [d.label for d in reg.diktum] if kind == "diktum" else [a.label for a in reg.articles if a.parent is None]
    _, precision, recall = label_scores(found, truth)
    md = reg.metadata
    identity = {"jenis": md.jenis_kode == doc["jenis_kode"], "nomor": md.nomor == doc["nomor"],
                "tahun": md.tahun == doc["tahun"], "daerah": md.daerah == doc["daerah"]}
    return {"file": doc["file"], "kind": kind, "labels_equal": found == truth, "precision": precision, "recall": recall,
            "identity": identity, "lampiran_expected": bool(doc["lampiran"]), "lampiran_found": len(reg.lampiran),
            "ocr_pages": len(reg.source.ocr_pages), "seconds": seconds}


def main() -> int:
    folder = DEFAULT_CORPUS / "regional"
    if not (folder / "manifest.json").exists():
        print(f"regional corpus not found: {folder}", file=sys.stderr)
        return 2
    docs = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["documents"]
    rows = [bench(d, folder) for d in docs]
    print(f"{'document':58} {'kind':6} {'labels':6} {'identity':22} {'lamp':5} {'ocr':>3} {'sec':>6}")
    for r in rows:
        if "error" in r:
            print(f"{r['file'][:58]:58} ERROR {r['error']}")
            continue
        ident = "ok" if all(r["identity"].values()) else ",".join(k for k, v in r["identity"].items() if not v)
        lamp = "-" if not r["lampiran_expected"] else ("ok" if r["lampiran_found"] else "MISS")
        print(f"{r['file'][:58]:58} {r['kind']:6} {'ok' if r['labels_equal'] else 'DIFF':6} {ident:22} {lamp:5} "
              f"{r['ocr_pages']:3d} {r['seconds']:6.2f}")
    ok = [r for r in rows if "error" not in r]
    print()
    print(f"documents {len(rows)}; labels equal to the manifest {sum(r['labels_equal'] for r in ok)}/{len(rows)}; "
          f"jenis+nomor+tahun right {sum(all(v for k, v in r['identity'].items() if k != 'daerah') for r in ok)}/{len(rows)}; "
          f"daerah right {sum(r['identity']['daerah'] for r in ok)}/{len(rows)}; "
          f"Lampiran found {sum(1 for r in ok if r['lampiran_expected'] and r['lampiran_found'])}/"
          f"{sum(1 for r in ok if r['lampiran_expected'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
