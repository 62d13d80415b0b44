"""Agreement of the checker with held-out answer keys written before the tool saw the texts.

    python bench/bench_heldout.py                 # every tests/heldout/*.txt that has a key
    python bench/bench_heldout.py FILE.txt ...    # only these (key: same name, .yaml)

The held-out samples (tests/heldout/) are fictional regional regulations drafted in the
wording real drafters use, not the catalog's; their keys give a careful reader's status
per catalog entry. For each sample this prints a table (requirement, expected, got) and
the totals: agreement, the costly error (the tool says `fulfilled` where the key says
partial/missing/conflict: it would mislead legal staff), the cautious error (the key says
`fulfilled`, the tool says less) and other disagreements; also whether the tool's evidence
includes an article the key names, and conflicts the tool raises at articles the key does
not. Figures are printed, never asserted: the point is to measure, not to tune the
matcher to these texts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from compliance.check import check

REPO = Path(__file__).resolve().parents[1]
HELDOUT = REPO / "tests" / "heldout"
SHORTFALL = ("partial", "missing", "conflict")


def samples(paths: list[Path] | None = None) -> list[tuple[Path, Path]]:
    """(text, key) pairs: the given texts, or every held-out text that has a key."""
    texts = paths if paths else sorted(HELDOUT.glob("*.txt"))
    return [(t, t.with_suffix(".yaml")) for t in texts if t.with_suffix(".yaml").is_file()]


def load_key(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def kind(expected: str, got: str) -> str:
    """Classify one comparison: agree, costly (over-claims), cautious (under-claims) or other."""
    if expected == got:
        return "agree"
    if got == "fulfilled" and expected in SHORTFALL:
        return "costly"
    if expected == "fulfilled":
        return "cautious"
    return "other"


def compare(key: dict, findings) -> list[dict]:
    """One row per key entry, in the key's order, with the tool's status and evidence articles."""
    by_id = {f.requirement: f for f in findings}
    rows = []
    for rid, exp in key["expected"].items():
        finding = by_id.get(rid)
        got = finding.status if finding else "(absent)"
        pasal = sorted({e.pasal for e in finding.evidence if e.pasal}, key=_article_order) if finding else []
        key_pasal = list(exp.get("pasal") or [])
        evidence_ok = bool(set(key_pasal) & set(pasal)) if key_pasal and got in ("fulfilled", "partial", "conflict") else None
        key_conflicts = {c.get("pasal") for c in exp.get("conflicts") or []}
        extra = sorted({c.pasal for c in finding.conflicts if c.pasal not in key_conflicts},
                       key=_article_order) if finding and exp["status"] == "conflict" else []
        rows.append({"requirement": rid, "expected": exp["status"], "got": got,
                     "kind": kind(exp["status"], got), "key_pasal": key_pasal, "tool_pasal": pasal,
                     "evidence_ok": evidence_ok, "extra_conflict_pasal": extra})
    return rows


def _article_order(label: str) -> tuple[int, str]:
    digits = "".join(ch for ch in label if ch.isdigit())
    return (int(digits) if digits else 0, label)


def totals(rows: list[dict]) -> dict:
    """Counts per kind of comparison, the agreement ratio, and how many key conflicts the tool found."""
    counts = {k: sum(r["kind"] == k for r in rows) for k in ("agree", "costly", "cautious", "other")}
    counts["n"] = len(rows)
    counts["agreement"] = counts["agree"] / len(rows) if rows else 0.0
    counts["conflicts_expected"] = sum(r["expected"] == "conflict" for r in rows)
    counts["conflicts_found"] = sum(r["expected"] == "conflict" and r["got"] == "conflict" for r in rows)
    counts["evidence_checked"] = sum(r["evidence_ok"] is not None for r in rows)
    counts["evidence_ok"] = sum(r["evidence_ok"] is True for r in rows)
    counts["extra_conflicts"] = sum(len(r["extra_conflict_pasal"]) for r in rows)
    return counts


def parse_differences(key: dict, regulation) -> list[str]:
    """Where the parse differs from the key's structure: a match error may start as a parse error."""
    got = {"articles": [a.label for a in regulation.articles if a.parent is None],
           "menimbang_count": len(regulation.menimbang), "mengingat_count": len(regulation.mengingat)}
    return [f"{field}: key {key[field]!r}, parsed {value!r}" for field, value in got.items()
            if field in key and key[field] != value]


def table(name: str, rows: list[dict]) -> str:
    marks = {"agree": "", "costly": "COSTLY", "cautious": "cautious", "other": "differs"}
    width = max(len(r["requirement"]) for r in rows)
    lines = [f"== {name}", f"{'requirement':<{width}}  {'expected':<14}  {'got':<14}  note"]
    for r in rows:
        note = marks[r["kind"]]
        if r["evidence_ok"] is False:
            note += " evidence not at a key Pasal"
        if r["extra_conflict_pasal"]:
            note += f" conflict also at Pasal {','.join(r['extra_conflict_pasal'])}"
        if note:
            note = note.strip() + f"  (key Pasal {','.join(r['key_pasal']) or '-'}; tool Pasal {','.join(r['tool_pasal']) or '-'})"
        lines.append(f"{r['requirement']:<{width}}  {r['expected']:<14}  {r['got']:<14}  {note}".rstrip())
    return "\n".join(lines)


def summary_line(label: str, t: dict) -> str:
    return (f"{label}: agreement {t['agree']}/{t['n']} ({t['agreement']:.0%}); costly {t['costly']}, "
            f"cautious {t['cautious']}, other {t['other']}; conflicts found {t['conflicts_found']}/{t['conflicts_expected']}"
            f" (+{t['extra_conflicts']} not in the key); evidence at a key Pasal {t['evidence_ok']}/{t['evidence_checked']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    pairs = samples(args.files)
    if not pairs:
        print("no held-out sample with a key", file=sys.stderr)
        return 1
    everything: list[dict] = []
    for text, key_path in pairs:
        key, result = load_key(key_path), check(text)
        rows = compare(key, result.findings)
        everything += rows
        print(table(text.stem, rows))
        for difference in parse_differences(key, result.regulation):
            print(f"  parse differs: {difference}")
        print(summary_line("  total", totals(rows)))
        print()
    print(summary_line(f"ALL ({len(pairs)} samples)", totals(everything)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
