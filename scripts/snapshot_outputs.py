"""Record every output of a set of regulations, to prove a refactor changes none of them.

    python scripts/snapshot_outputs.py record DIR            # samples + corpora into DIR
    python scripts/snapshot_outputs.py compare OLD NEW       # list the files that differ

For each input it writes what a user gets from the CLI: ``parse --format json``,
``cite --format json``, ``check --format json`` and ``check`` (HTML), plus one
batch (``check FOLDER -o``: every report and index.html) and one ``compare``
matrix (JSON, HTML) per folder of inputs. Inputs: ``examples/`` and, when present,
``../shared/corpus`` and its ``regional/`` folder (``--samples-only`` for the
examples alone). The results store is off, so every run does the whole work.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("COMPLIANCE_SHARED", REPO.parent / "shared"))
SUFFIXES = {".pdf", ".docx", ".txt"}


def input_folders(samples_only: bool) -> dict[str, Path]:
    folders = {"examples": REPO / "examples"}
    if not samples_only:
        for name, folder in (("corpus", SHARED / "corpus"), ("regional", SHARED / "corpus" / "regional")):
            if folder.is_dir():
                folders[name] = folder
    return folders


def _run(args: list[str], target: Path, folder: Path | None = None) -> None:
    """Write the command's stdout, stderr and exit code to ``target`` (``folder`` printed as <out>)."""
    from compliance.cli import main

    result = CliRunner().invoke(main, args)
    target.parent.mkdir(parents=True, exist_ok=True)
    content = result.stdout_bytes + b"\n-- stderr\n" + result.stderr_bytes + f"-- exit {result.exit_code}\n".encode()
    if folder is not None:
        content = content.replace(str(folder).encode(), b"<out>")
    target.write_bytes(content)


def record(out: Path, samples_only: bool) -> None:
    for name, folder in input_folders(samples_only).items():
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES)
        for path in files:
            base = out / name / path.name
            _run(["parse", str(path), "--format", "json"], base.with_name(path.name + ".parse.json"))
            _run(["cite", str(path), "--format", "json"], base.with_name(path.name + ".cite.json"))
            _run(["check", "--no-cache", str(path), "--format", "json"], base.with_name(path.name + ".check.json"))
            _run(["check", "--no-cache", str(path)], base.with_name(path.name + ".check.html"))
        with tempfile.TemporaryDirectory() as tmp:
            batch = Path(tmp) / "batch"
            _run(["check", "--no-cache", "--jobs", "1", *map(str, files), "-o", str(batch)],
                 out / name / "batch.log", batch)
            for report in sorted(batch.rglob("*")):
                if report.is_file():
                    target = out / name / "batch" / report.relative_to(batch)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(report.read_bytes())
        for fmt in ("json", "html"):
            _run(["compare", "--no-cache", "--jobs", "1", *map(str, files), "--format", fmt],
                 out / name / f"compare.{fmt}")


def compare(old: Path, new: Path) -> int:
    names = {p.relative_to(old) for p in old.rglob("*") if p.is_file()}
    names |= {p.relative_to(new) for p in new.rglob("*") if p.is_file()}
    differ = [n for n in sorted(names)
              if not (old / n).is_file() or not (new / n).is_file() or not filecmp.cmp(old / n, new / n, shallow=False)]
    for name in differ:
        print(name)
    print(f"{len(names) - len(differ)} of {len(names)} outputs byte-identical", file=sys.stderr)
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("out", type=Path)
    rec.add_argument("--samples-only", action="store_true")
    cmp_ = sub.add_parser("compare")
    cmp_.add_argument("old", type=Path)
    cmp_.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.command == "record":
        record(args.out, args.samples_only)
        return 0
    return compare(args.old, args.new)


if __name__ == "__main__":
    sys.exit(main())
