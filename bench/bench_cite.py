"""Measure citation finding over the shared corpus and print figures.

    python bench/bench_cite.py            # transcriptions + 8 PDFs for timing
    python bench/bench_cite.py --pdfs 0   # transcriptions only (fast)
    python bench/bench_cite.py --pdfs 42  # time every PDF

Figures: citations found per document (on the ``NAME.md`` transcriptions); share
of Mengingat entries resolved to an id (aim >= 0.98); precision/recall of
internal references against tests/fixtures/internal_refs.yaml (aim >= 0.95);
time of citation finding as a share of parse time (``compliance.load`` on PDFs).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from compliance import load  # noqa: E402
from compliance.cite import find_citations, resolved_mengingat  # noqa: E402
from tests.transcript import internal_reference_counts, read_transcript  # noqa: E402

SHARED = Path(os.environ.get("COMPLIANCE_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"


def transcriptions(docs: dict[str, dict]) -> None:
    per_doc, names, unresolved, entries, resolved = [], [], Counter(), 0, 0
    forms = Counter()
    start = time.perf_counter()
    for name, doc in sorted(docs.items()):
        reg = read_transcript(CORPUS / name, doc)
        citations = find_citations(reg)
        per_doc.append(len(citations))
        names.append(f"{name.removesuffix('.md')} {len(citations)}")
        forms.update(c.form for c in citations)
        unresolved.update(c.reason for c in citations if not c.resolved)
        rows = resolved_mengingat(reg, citations)
        entries += len(rows)
        resolved += sum(r["resolved"] for r in rows)
        for row in rows:
            if not row["resolved"]:
                print(f"  mengingat unresolved: {name}: {row['text'][:110]}")
    elapsed = time.perf_counter() - start
    print(f"transcriptions: {len(per_doc)} documents, {sum(per_doc)} citations "
          f"(per document: mean {statistics.mean(per_doc):.1f}, median {statistics.median(per_doc)}, "
          f"min {min(per_doc)}, max {max(per_doc)}); forms {dict(sorted(forms.items()))}")
    print("  per document: " + ", ".join(names))
    print(f"  unresolved by reason: {dict(sorted(unresolved.items()))}")
    print(f"mengingat entries resolved: {resolved}/{entries} = {resolved / entries:.3f} (aim >= 0.98)")
    print(f"  citation finding on transcriptions: {elapsed:.2f} s total")


def internal(docs: dict[str, dict]) -> None:
    counts = internal_reference_counts(CORPUS, docs)
    tp = fp = fn = 0
    for name, expected, got in counts:
        tp += sum((expected & got).values())
        fp += sum((got - expected).values())
        fn += sum((expected - got).values())
        for key in (got - expected):
            print(f"  false positive: {name}: {key}")
        for key in (expected - got):
            print(f"  missed: {name}: {key}")
    print(f"internal references ({len(counts)} documents, {tp + fn} hand-checked): "
          f"precision {tp / max(tp + fp, 1):.3f}, recall {tp / max(tp + fn, 1):.3f} (aim >= 0.95)")


def timing(docs: dict[str, dict], count: int) -> None:
    names = sorted(docs)[:: max(1, len(docs) // count)][:count] if count else []
    parse_total = cite_total = 0.0
    found = entries = resolved = 0
    for name in names:
        pdf = CORPUS / docs[name]["pdf"]
        start = time.perf_counter()
        reg = load(pdf)  # includes one citation pass (dangling-reference warnings)
        parse_total += time.perf_counter() - start
        start = time.perf_counter()
        citations = find_citations(reg)
        cite_total += time.perf_counter() - start
        found += len(citations)
        rows = resolved_mengingat(reg, citations)
        entries += len(rows)
        resolved += sum(r["resolved"] for r in rows)
    if names:
        print(f"PDFs: {len(names)} loaded in {parse_total:.1f} s; one citation pass {cite_total:.2f} s "
              f"= {cite_total / (parse_total - cite_total):.1%} of the rest of loading; {found} citations; "
              f"Mengingat entries (as parsed) resolved {resolved}/{entries} = {resolved / max(entries, 1):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdfs", type=int, default=8, help="how many corpus PDFs to parse for the timing")
    args = parser.parse_args()
    manifest = CORPUS / "manifest.json"
    if not manifest.exists():
        sys.exit(f"shared corpus not available ({manifest})")
    docs = {d["truth"]: d for d in json.loads(manifest.read_text(encoding="utf-8"))["documents"]}
    transcriptions(docs)
    internal(docs)
    timing(docs, args.pdfs)


if __name__ == "__main__":
    main()
