"""Round trip of amendment drafts: write, parse back, apply, check again.

    python bench/bench_amend.py             # examples/ (PDF, DOCX, TXT) + the whole regional corpus
    python bench/bench_amend.py --no-ocr    # leave out the scanned regional instruments
    python bench/bench_amend.py --only tests/shapes tests/heldout   # other folders instead

For every regulation with gaps: the amendment draft is written as TXT and DOCX and parsed
back; it round-trips when it reads as an amending regulation (Pasal I, II) whose quoted
articles (``parent: "I"``) are exactly the change points — for a Keputusan: a Keputusan
with diktum KESATU, KEDUA whose KESATU quotes exactly the changed/inserted diktum — and
when the base with those applied has no addressed requirement in conflict. A Keputusan
whose gaps all lie outside its subject gets no draft (``outside-subject``): counted apart.
Also printed: how many addressed requirements are fulfilled afterwards, and the same for
the full replacement (``--replace``), which must read as a revocation of the old text.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from compliance import ComplianceError, load  # noqa: E402
from compliance.check import check  # noqa: E402
from compliance.draft.amend import LAMPIRAN  # noqa: E402
from compliance.draft.apply import apply_amendment, quoted_diktum  # noqa: E402
from compliance.draft.command import amendment  # noqa: E402
from compliance.region.facts import relations  # noqa: E402
from compliance.draft.write import render  # noqa: E402

SHARED = Path(os.environ.get("COMPLIANCE_SHARED", REPO.parent / "shared"))
REGIONAL = SHARED / "corpus" / "regional"


def inputs(ocr: bool) -> list[Path]:
    paths = sorted(p for p in (REPO / "examples").iterdir() if p.suffix in (".pdf", ".docx", ".txt"))
    manifest = REGIONAL / "manifest.json"
    if manifest.exists():
        for doc in json.loads(manifest.read_text(encoding="utf-8"))["documents"]:
            if ocr or doc.get("text_layer"):
                paths.append(REGIONAL / doc["file"])
    return paths


def _reload(made, fmt: str, folder: Path):
    path = folder / f"draft.{fmt}"
    data = render(made, fmt)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return load(path)


def _reads_back(base, made, amendment_reg) -> bool:
    points = [p.label for p in made.changes]
    if base.is_keputusan:
        return (amendment_reg.is_keputusan and [d.label for d in amendment_reg.diktum] == ["KESATU", "KEDUA"]
                and [label for label, _ in quoted_diktum(amendment_reg)] == points)
    quoted = [a.label for a in amendment_reg.articles if a.parent == "I"]
    top = [a.label for a in amendment_reg.articles if a.parent is None]
    restates_lampiran = LAMPIRAN in points  # "Lampiran diubah sehingga menjadi ...": the Lampiran follows, whole
    return (top == ["I", "II"] and quoted == [p for p in points if p != LAMPIRAN]
            and bool(amendment_reg.lampiran) >= restates_lampiran)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-ocr", action="store_true", help="leave out scanned regional texts")
    parser.add_argument("--only", nargs="+", type=Path, help="folders to read instead of the samples and the corpus")
    args = parser.parse_args()
    trips = ok = addressed = closed = rep_addressed = rep_closed = rep_revokes = reps = declined = 0
    folder = Path(tempfile.mkdtemp(prefix="bench-amend-"))
    paths = (sorted(p for d in args.only for p in d.iterdir() if p.suffix in (".pdf", ".docx", ".txt"))
             if args.only else inputs(not args.no_ocr))
    for path in paths:
        try:
            base = load(path)
        except ComplianceError as exc:
            print(f"{path.name}: not read ({exc.code})")
            continue
        made = amendment(base)
        if made.draft is None:
            declined += made.reason == "outside-subject"
            print(f"{path.name}: no draft ({made.reason}: {', '.join(made.outside)})")
            continue
        for fmt in ("txt", "docx"):
            trips += 1
            amendment_reg = _reload(made.draft, fmt, folder)
            after = {f.requirement: f.status for f in check(apply_amendment(base, amendment_reg)).findings}
            good = _reads_back(base, made.draft, amendment_reg) and all(after[r] != "conflict" for r in made.draft.addressed)
            ok += good
            fulfilled = sum(after[r] == "fulfilled" for r in made.draft.addressed)
            if fmt == "txt":
                addressed += len(made.draft.addressed)
                closed += fulfilled
            print(f"{path.name} [{fmt}]: {'ok' if good else 'FAILED'}; {len(made.changes)} change points, "
                  f"{fulfilled} fulfilled after")
        replacement = amendment(base, replace=True).draft
        replaced = _reload(replacement, "txt", folder)
        after = {f.requirement: f.status for f in check(replaced).findings}
        reps += 1
        rep_addressed += len(replacement.addressed)
        rep_closed += sum(after[r] == "fulfilled" for r in replacement.addressed)
        rep_revokes += any(r["kind"] == "revokes" for r in relations(replaced))
    print(f"round trips: {ok}/{trips} = {ok / max(trips, 1):.3f}; Keputusan declined (gaps outside their subject): "
          f"{declined}")
    print(f"addressed requirements fulfilled after the amendment: {closed}/{addressed}; "
          f"after the replacement: {rep_closed}/{rep_addressed}; replacements read as revoking: {rep_revokes}/{reps}")


if __name__ == "__main__":
    main()
