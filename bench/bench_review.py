"""Measure the reference review on real documents nobody tuned it to, and print figures.

    python bench/bench_review.py              # every text-layer PDF of ../shared/corpus (+ regional)
    python bench/bench_review.py --per-doc 3  # fewer injections per document
    python bench/bench_review.py --list       # also print every warning on the unmodified texts

Figures: false alarms (self-reference, misdirected-reference, numbering-gap warnings on the
unmodified documents, every one counted as an alarm) per 50 body articles; recall on injected
slips: a reference "sebagaimana dimaksud dalam Pasal N ..." pointing into another article is
moved to an article of another chapter (misdirected), and a bare "ayat (k)" is pointed at the
ayat it stands in (self-reference); how often the misdirected warning names the original
article as the likely target. Injections are drawn with a fixed seed, one at a time.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from compliance import ComplianceError, load  # noqa: E402
from compliance.cite import citations_of  # noqa: E402
from compliance.draft.review import _chains, _words, review, subject_before  # noqa: E402

SHARED = Path(os.environ.get("COMPLIANCE_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
FLAGS = ("self-reference", "misdirected-reference", "numbering-gap")


def documents() -> list[Path]:
    paths = sorted(CORPUS.glob("*.pdf"))
    manifest = CORPUS / "regional" / "manifest.json"
    if manifest.exists():
        for doc in json.loads(manifest.read_text(encoding="utf-8"))["documents"]:
            if doc.get("text_layer"):
                paths.append(CORPUS / "regional" / doc["file"])
    return paths


def _replace_everywhere(article, old: str, new: str) -> bool:
    """Edit one snippet in the article text and in the ayat/item texts that hold it."""
    if article.text.count(old) != 1:
        return False
    article.text = article.text.replace(old, new)

    def items(units):
        for unit in units:
            unit.text = unit.text.replace(old, new)
            items(unit.items)

    for ayat in article.ayat:
        ayat.text = ayat.text.replace(old, new)
        items(ayat.items)
    items(article.items)
    return True


def _edit(reg, c, new_raw: str):
    """A copy of ``reg`` where citation ``c`` reads ``new_raw`` instead."""
    edited = copy.deepcopy(reg)
    article = edited.article(str(c.place["pasal"]))
    text, end = article.text, c.offset + len(c.raw)
    # the snippet stays on the reference's line, so that the ayat/item texts hold it too
    start = max(0, c.offset - 60, text.rfind("\n", 0, c.offset) + 1)
    mark = re.match(r"\(\w+\)\s*|\w{1,2}[.)]\s+", text[start:c.offset])  # "(2) " is not in the ayat's text
    start += mark.end() if mark else 0
    stop = min(len(text), end + 30, text.find("\n", end) if "\n" in text[end:] else len(text))
    old = text[start:stop]
    new = text[start:c.offset] + new_raw + text[end:stop]
    edited.citations = None  # found again on the edited text
    return edited if _replace_everywhere(article, old, new) else None


def _body(reg):
    return [a for a in reg.articles if a.parent is None]


def misdirect_candidates(reg, citations, rng: random.Random, per_doc: int):
    """(citation, new article label): references after a cue into another article, moved to an
    article of another chapter (or at least 3 articles away)."""
    body = _body(reg)
    numbered = [a for a in body if a.label.isdigit() and a.label != "1"]
    out = []
    by_article: dict[str, list] = {}
    for c in citations:
        if c.place.get("part") == "pasal" and c.internal and c.exists and not c.place.get("parent"):
            by_article.setdefault(str(c.place["pasal"]), []).append(c)
    for label, cited in by_article.items():
        article = reg.article(label)
        for cue_start, chain in _chains(article.text, cited):
            c = chain[0]
            if len(chain) != 1 or c.pinpoint_end or not re.match(r"(?i)pasal\s*\d", c.raw):
                continue
            target = c.pinpoint.split("-")[1]
            if target == label or not subject_before(article.text, cue_start):
                continue
            home = reg.article(target)
            far = [a for a in numbered if a.label not in (label, target)
                   and (a.bab is None or home is None or home.bab is None or a.bab.label != home.bab.label)
                   and abs(int(a.label) - int(target)) >= 3]
            if far:
                out.append((c, rng.choice(far).label, target))
    rng.shuffle(out)
    return out[:per_doc]


def self_candidates(reg, citations, rng: random.Random, per_doc: int):
    """(citation, own ayat label): bare "ayat (k)" references standing in another ayat j."""
    out = []
    for c in citations:
        bare = re.fullmatch(r"ayat\s*\((\d+)\)", c.raw)
        if (bare and c.place.get("part") == "pasal" and c.internal and c.exists and not c.place.get("parent")
                and c.place.get("ayat") and c.pinpoint == f"pasal-{c.place['pasal'].lower()}-ayat-{bare.group(1)}"
                and c.place["ayat"] != bare.group(1)):
            out.append((c, c.place["ayat"]))
    rng.shuffle(out)
    return out[:per_doc]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-doc", type=int, default=5, help="injections of each kind per document")
    parser.add_argument("--seed", type=int, default=95)
    parser.add_argument("--list", action="store_true", help="print the warnings on the unmodified texts")
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"shared corpus not available ({CORPUS})")
    _words()
    rng = random.Random(args.seed)
    articles = alarms = 0
    injected = {"misdirected-reference": [0, 0], "self-reference": [0, 0]}
    suggested = suggested_right = 0
    skipped, seconds, docs = [], 0.0, 0
    for path in documents():
        try:
            reg = load(path)
        except ComplianceError as exc:
            skipped.append(f"{path.name} ({exc.code})")
            continue
        docs += 1
        citations = citations_of(reg)
        start = time.perf_counter()
        notes = [n for n in review(reg, citations) if n.code in FLAGS]
        seconds += time.perf_counter() - start
        articles += len(_body(reg))
        alarms += len(notes)
        if args.list:
            for n in notes:
                print(f"  {path.name}: {n.code} {n.where}: {n.reference or n.detail} «{n.subject}» {n.suggestion}")
        before = {(n.code, n.where) for n in notes}
        for c, label, home in misdirect_candidates(reg, citations, rng, args.per_doc):
            edited = _edit(reg, c, f"Pasal {label}")
            if edited is None:
                continue
            injected["misdirected-reference"][0] += 1
            hits = [n for n in review(edited) if n.code == "misdirected-reference"
                    and f"Pasal {label}" in n.reference and (n.code, n.where) not in before]
            if hits:
                injected["misdirected-reference"][1] += 1
                if hits[0].suggestion:
                    suggested += 1
                    suggested_right += hits[0].suggestion.split()[1] == home
        for c, own in self_candidates(reg, citations, rng, args.per_doc):
            edited = _edit(reg, c, f"ayat ({own})")
            if edited is None:
                continue
            injected["self-reference"][0] += 1
            hits = [n for n in review(edited) if n.code == "self-reference" and (n.code, n.where) not in before]
            injected["self-reference"][1] += bool(hits)
    print(f"documents: {docs} ({len(skipped)} not parsed: {', '.join(skipped) or '-'})")
    print(f"unmodified: {alarms} warnings on {articles} body articles = "
          f"{alarms * 50 / max(articles, 1):.2f} per 50 articles (every warning counted as a false alarm)")
    for code, (n, hit) in injected.items():
        print(f"injected {code}: {hit}/{n} found, recall {hit / max(n, 1):.3f}")
    print(f"misdirected found with a likely target named: {suggested}, of which the original article: "
          f"{suggested_right}")
    print(f"review time on the unmodified documents: {seconds:.2f} s")


if __name__ == "__main__":
    main()
