"""Round trip of amendment drafts: write, parse back, apply, check again.

    python bench/bench_amend.py             # examples/ (PDF, DOCX, TXT) + the regional Perwal
    python bench/bench_amend.py --no-ocr    # leave out the scanned regional Perwal

For every regulation with gaps: the amendment draft is written as TXT and DOCX and parsed
back; it round-trips when it reads as an amending regulation (Pasal I, II) whose quoted
articles (``parent: "I"``) are exactly the change points, and when the base with those
articles applied has no addressed requirement in conflict. Also printed: how many addressed
requirements are fulfilled afterwards, and the same for the full replacement (``--replace``).
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
from compliance.draft.amend import changes, draft  # noqa: E402
from compliance.draft.apply import apply_amendment  # noqa: E402
from compliance.draft.write import render  # noqa: E402

SHARED = Path(os.environ.get("COMPLIANCE_SHARED", REPO.parent / "shared"))
REGIONAL = SHARED / "corpus" / "regional"


def inputs(ocr: bool) -> list[Path]:
    paths = sorted(p for p in (REPO / "examples").iterdir() if p.suffix in (".pdf", ".docx", ".txt"))
    manifest = REGIONAL / "manifest.json"
    if manifest.exists():
        for doc in json.loads(manifest.read_text(encoding="utf-8"))["documents"]:
            if doc["jenis_kode"] in ("perwal", "perbup", "pergub", "perda") and (ocr or doc.get("text_layer")):
                paths.append(REGIONAL / doc["file"])
    return paths


def _reload(made, fmt: str, folder: Path):
    path = folder / f"draft.{fmt}"
    data = render(made, fmt)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return load(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-ocr", action="store_true", help="leave out scanned regional texts")
    args = parser.parse_args()
    trips = ok = addressed = closed = rep_addressed = rep_closed = 0
    folder = Path(tempfile.mkdtemp(prefix="bench-amend-"))
    for path in inputs(not args.no_ocr):
        try:
            base = load(path)
        except ComplianceError as exc:
            print(f"{path.name}: not read ({exc.code})")
            continue
        result = check(base)
        made = draft(result)
        if made is None:
            print(f"{path.name}: no gap")
            continue
        points = [p.label for p in changes(result)]
        for fmt in ("txt", "docx"):
            trips += 1
            amendment = _reload(made, fmt, folder)
            quoted = [a.label for a in amendment.articles if a.parent == "I"]
            top = [a.label for a in amendment.articles if a.parent is None]
            after = {f.requirement: f.status for f in check(apply_amendment(base, amendment)).findings}
            good = top == ["I", "II"] and quoted == points and all(after[r] != "conflict" for r in made.addressed)
            ok += good
            if fmt == "txt":
                addressed += len(made.addressed)
                closed += sum(after[r] == "fulfilled" for r in made.addressed)
            print(f"{path.name} [{fmt}]: {'ok' if good else 'FAILED'}; {len(points)} change points, "
                  f"{sum(after[r] == 'fulfilled' for r in made.addressed)} fulfilled after")
        replacement = draft(result, replace=True)
        after = {f.requirement: f.status for f in check(_reload(replacement, "txt", folder)).findings}
        rep_addressed += len(replacement.addressed)
        rep_closed += sum(after[r] == "fulfilled" for r in replacement.addressed)
    print(f"round trips: {ok}/{trips} = {ok / max(trips, 1):.3f}")
    print(f"addressed requirements fulfilled after the amendment: {closed}/{addressed}; "
          f"after the replacement: {rep_closed}/{rep_addressed}")


if __name__ == "__main__":
    main()
