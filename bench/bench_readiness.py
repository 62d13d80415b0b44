"""Evidence readiness (Indeks Pemdi) against the keys written before the code, and its
soundness on real instruments nobody wrote keys for.

    python bench/bench_readiness.py                     # the samples (examples/) against their keys
    python bench/bench_readiness.py --region DIR        # also: a region folder, assessed as one region

Samples: per policy-evidenced and supporting indicator, the key's level (tests/answer_keys/
pemdi-2026/) against the tool's, and whether the key's places are among the tool's. Region:
``compliance region`` on the folder, per indicator the level and the places, checked for
soundness only — never above the cap, and every level from 1 citing a place of an instrument
in force. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from compliance.check import check

REPO = Path(__file__).resolve().parents[1]
KEYS = REPO / "tests" / "answer_keys" / "pemdi-2026"


def samples() -> tuple[int, int, int, int]:
    """Print one line per disagreement; return (levels agreeing, levels keyed, places found, places keyed)."""
    agree = keyed = places_ok = places_keyed = 0
    for key_path in sorted(KEYS.glob("*.yaml")):
        key = yaml.safe_load(key_path.read_text(encoding="utf-8"))
        result = check(REPO / "examples" / f"{key['sample']}.txt", evaluation="pemdi-2026")
        got = {i["no"]: i for i in result.evaluation_section["indicators"]}
        for no, exp in sorted(key["readiness"].items()):
            keyed += 1
            level = got[no]["readiness"]
            agree += level == exp["level"]
            tool_places = {e["pasal"] for e in got[no]["evidence"]}
            want = set(exp.get("places") or [])
            places_keyed += len(want)
            places_ok += len(want & tool_places)
            if level != exp["level"] or not want <= tool_places:
                print(f"  {key['sample']} indicator {no}: key {exp['level']} {sorted(want)}, "
                      f"tool {level} {sorted(tool_places)}")
    return agree, keyed, places_ok, places_keyed


def region(folder: Path) -> None:
    """Assess ``folder`` as one region under the Indeks Pemdi; print levels and soundness."""
    from compliance.region.assess import assess

    assessment, results = assess([folder], evaluation="pemdi-2026", progress=False)
    failed = [r for r in results if r.error is not None]
    print(f"region {assessment['region']['label']}: {sum(i['in_force'] for i in assessment['instruments'])} "
          f"instruments in force, {len(failed)} unreadable")
    places = {(e["file"], e["place"]) for f in assessment["findings"] for e in f["evidence"]}
    unsound = 0
    for ind in assessment["indicators"]:
        level = ind["indicated_level"]
        cited = {(e["file"], e["place"]) for e in ind["evidence"]}
        bad = level > 2 or (level >= 1 and not cited) or not cited <= places
        unsound += bad
        where = "; ".join(sorted({f"{Path(f).name.split('-hk-')[0]} {p}" for f, p in cited}))[:150]
        print(f"  {ind['no']:>2}. {ind['name'][:60]:<60} {level}  {where}{'  UNSOUND' if bad else ''}")
    print(f"  soundness: {len(assessment['indicators']) - unsound}/{len(assessment['indicators'])} indicators "
          "within the cap with existing places")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--region", type=Path, help="a folder of one region's instruments")
    args = parser.parse_args(argv)
    agree, keyed, found, wanted = samples()
    print(f"samples: readiness {agree}/{keyed} equal to the keys; key places found {found}/{wanted}")
    if args.region:
        region(args.region)
    return 0


if __name__ == "__main__":
    sys.exit(main())
