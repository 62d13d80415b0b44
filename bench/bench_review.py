"""Measure the reference review on real documents, tuned and held-out, and print figures.

    python bench/bench_review.py                  # every text-layer PDF of ../shared/corpus (+ regional)
    python bench/bench_review.py --split tuned    # only the documents the rules were tuned on
    python bench/bench_review.py --per-doc 3      # fewer injections per document
    python bench/bench_review.py --list           # also the warnings on the unmodified texts and misses

Figures per split (a fixed third of the documents, by file name, is held out of tuning):
false alarms (self-reference, misdirected-reference, numbering-gap warnings on the unmodified
documents, every one counted) per 50 body articles; recall on injected slips, one at a time:
a single reference "sebagaimana dimaksud dalam/pada Pasal N ..." is moved to a neighbouring
article (1-2 away, a renumbering slip) or to one of another chapter (3+ away) — misdirected —
and a bare "ayat (k)" is pointed at the ayat it stands in — self-reference. A moved reference
is graded by the words before the cue that the right article states: ``detectable`` when the
wrong article lacks some of them, ``same-subject`` when it states them all (no reader can tell
by the subject), ``unverifiable`` when the right article states none. Recall is printed on the
detectable injections and raw, over all of them.
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
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from compliance import ComplianceError, load  # noqa: E402
from compliance.cite import citations_of  # noqa: E402
from compliance.review.cues import chains, review_words  # noqa: E402
from compliance.review.review import review  # noqa: E402
from compliance.review.words import plain_stems_in as stems_in, stem  # noqa: E402

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
    article = edited.article(str(c.place.pasal))
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


_FUNCTION = frozenset("""dan atau dan/atau serta sebagaimana dimaksud tersebut diatur ini itu para""".split())
_CLAUSE = frozenset("""yang bahwa untuk dalam pada oleh dengan terhadap kepada bagi atas dari jika apabila
    setelah sebelum setiap tiap""".split())


def subject_words(text: str, cue_start: int) -> set[str]:
    """What a reader takes as the subject named before a cue, for grading an injection: the
    content words (stems) of up to 8 words back, within the clause (stopping at punctuation, a
    relative or prepositional word, an active/passive "me-"/"di-" verb). Plain grammar, not the
    reviewer's word lists or weights, so that the bench does not grade the reviewer by itself."""
    window = re.split(r"[.;:,\n]|\(\d+\)|\b[a-z]\.\s", text[max(0, cue_start - 200):cue_start])[-1]
    taken = []
    for w in reversed(re.findall(r"[A-Za-z][A-Za-z/-]*", window)[-8:]):
        low = w.lower()
        if low in _CLAUSE or (w[:1].islower() and len(low) >= 6 and low[:2] in ("me", "di")):
            break
        taken.append(low)
    return {stem(w) for w in taken if len(w) >= 4 and w not in _FUNCTION}


def classify(reg, citing: str, cue_start: int, home: str, new: str) -> str:
    """``detectable`` when the subject words the right article states are not all in the wrong
    one; ``same-subject`` when the wrong article states them too (no reader could tell the slip
    by the subject); ``unverifiable`` when the right article states none of them (the reference
    was not checkable by its words in the first place)."""
    stated = subject_words(reg.article(citing).text, cue_start) & stems_in(reg.article(home).text)
    if not stated:
        return "unverifiable"
    return "same-subject" if stated <= stems_in(reg.article(new).text) else "detectable"


def misdirect_candidates(reg, citations, rng: random.Random, per_doc: int):
    """(citation, kind, new article label, original article label): single references after a
    cue into another article, moved to a neighbouring article (1 or 2 away: a renumbering
    slip) or to an article of another chapter (at least 3 away). Drawn without looking at
    what the reviewer would extract."""
    numbered = [a.label for a in _body(reg) if a.label.isdigit() and a.label != "1"]
    by_article: dict[str, list] = {}
    for c in citations:
        if c.place.part == "pasal" and c.internal and c.exists and not c.place.parent:
            by_article.setdefault(str(c.place.pasal), []).append(c)
    near, far = [], []
    for label, cited in by_article.items():
        article = reg.article(label)
        for cue_start, chain in chains(article.text, cited):
            c = chain[0]
            if len(chain) != 1 or c.pinpoint_end or not re.match(r"(?i)pasal\s*\d", c.raw):
                continue
            target = c.pinpoint.split("-")[1]
            home = reg.article(target)
            if target == label or not target.isdigit() or home is None:
                continue
            others = [n for n in numbered if n not in (label, target)]
            close = [n for n in others if abs(int(n) - int(target)) <= 2]
            away = [n for n in others if abs(int(n) - int(target)) >= 3 and (
                home.bab is None or reg.article(n).bab is None or reg.article(n).bab.label != home.bab.label)]
            if close:
                near.append((c, cue_start, "near", rng.choice(close), target))
            if away:
                far.append((c, cue_start, "far", rng.choice(away), target))
    rng.shuffle(near)
    rng.shuffle(far)
    return near[:per_doc] + far[:per_doc]


def self_candidates(reg, citations, rng: random.Random, per_doc: int):
    """(citation, own ayat label): bare "ayat (k)" references standing in another ayat j."""
    out = []
    for c in citations:
        bare = re.fullmatch(r"ayat\s*\((\d+)\)", c.raw)
        if (bare and c.place.part == "pasal" and c.internal and c.exists and not c.place.parent
                and c.place.ayat and c.pinpoint == f"pasal-{c.place.pasal.lower()}-ayat-{bare.group(1)}"
                and c.place.ayat != bare.group(1)):
            out.append((c, c.place.ayat))
    rng.shuffle(out)
    return out[:per_doc]


def split_of(path: Path) -> str:
    """A fixed split by file name: a third of the documents is held out of tuning."""
    return "held-out" if zlib.crc32(path.name.encode()) % 3 == 1 else "tuned"


def _found(notes, label: str, before) -> list:
    return [n for n in notes if n.code == "misdirected-reference" and (n.code, n.where) not in before
            and re.search(rf"Pasal\s*{re.escape(label)}\b", n.reference)]


def measure(path: Path, reg, rng: random.Random, per_doc: int, tally: dict, listing: bool) -> None:
    """Review one document unmodified, then with each injection, adding to ``tally``."""
    citations = citations_of(reg)
    start = time.perf_counter()
    notes = [n for n in review(reg, citations) if n.code in FLAGS]
    tally["seconds"] += time.perf_counter() - start
    tally["articles"] += len(_body(reg))
    tally["alarms"] += len(notes)
    for n in notes if listing else ():
        print(f"  {path.name}: {n.code} {n.where}: {n.reference or n.detail} «{n.subject}» {n.suggestion}")
    before = {(n.code, n.where) for n in notes}
    for c, cue_start, kind, label, home in misdirect_candidates(reg, citations, rng, per_doc):
        edited = _edit(reg, c, f"Pasal {label}")
        if edited is None:
            continue
        grade = classify(reg, str(c.place.pasal), cue_start, home, label)
        hits = _found(review(edited), label, before)
        cell = tally["misdirected"].setdefault((kind, grade), [0, 0])
        cell[0] += 1
        cell[1] += bool(hits)
        if hits and hits[0].suggestion:
            tally["suggested"][0] += 1
            tally["suggested"][1] += hits[0].suggestion.split()[1] == home
            tally["suggested"][2] += hits[0].suggestion == " ".join(c.raw.split())
        if listing and grade == "detectable" and not hits:
            print(f"  missed {path.name} Pasal {c.place.pasal}: {c.raw} -> Pasal {label} ({kind})")
    for c, own in self_candidates(reg, citations, rng, per_doc):
        edited = _edit(reg, c, f"ayat ({own})")
        if edited is None:
            continue
        hits = [n for n in review(edited) if n.code == "self-reference" and (n.code, n.where) not in before]
        tally["self"][0] += 1
        tally["self"][1] += bool(hits)


def _ratio(hit: int, n: int) -> str:
    return f"{hit}/{n} = {hit / n:.2f}" if n else "0/0"


def report(split: str, docs: list[str], t: dict) -> None:
    cells = t["misdirected"]

    def total(kinds=("near", "far"), grades=("detectable", "same-subject", "unverifiable")):
        pairs = [cells.get((k, g), [0, 0]) for k in kinds for g in grades]
        return sum(p[1] for p in pairs), sum(p[0] for p in pairs)

    print(f"[{split}] {len(docs)} documents, {t['articles']} body articles")
    print(f"  false alarms on the unmodified texts: {t['alarms']} = "
          f"{t['alarms'] * 50 / max(t['articles'], 1):.2f} per 50 articles (every warning counted)")
    print(f"  self-reference recall: {_ratio(t['self'][1], t['self'][0])}")
    print(f"  misdirected recall, detectable injections: {_ratio(*total(grades=('detectable',)))}"
          f" (near {_ratio(*total(('near',), ('detectable',)))}, far {_ratio(*total(('far',), ('detectable',)))})")
    print(f"  misdirected recall, raw (all injections): {_ratio(*total())}")
    for grade in ("same-subject", "unverifiable"):
        print(f"    {grade} injections flagged anyway: {_ratio(*total(grades=(grade,)))}")
    named, right, exact = t["suggested"]
    print(f"  likely target named on {named} found injections, the original article on {right}"
          f" (the original place exactly on {exact})")
    print(f"  review time on the unmodified texts: {t['seconds']:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-doc", type=int, default=5, help="injections of each kind per document")
    parser.add_argument("--seed", type=int, default=95)
    parser.add_argument("--split", choices=("tuned", "held-out", "all"), default="all")
    parser.add_argument("--list", action="store_true",
                        help="print the warnings on the unmodified texts and the missed detectable injections")
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"shared corpus not available ({CORPUS})")
    review_words()
    tallies: dict[str, dict] = {}
    names: dict[str, list[str]] = {}
    skipped = []
    for path in documents():
        split = split_of(path)
        if args.split not in ("all", split):
            continue
        try:
            reg = load(path)
        except ComplianceError as exc:
            skipped.append(f"{path.name} ({exc.code})")
            continue
        tally = tallies.setdefault(split, {"articles": 0, "alarms": 0, "seconds": 0.0, "misdirected": {},
                                           "self": [0, 0], "suggested": [0, 0, 0]})
        names.setdefault(split, []).append(path.name)
        # one generator per document: a document's injections do not depend on the others
        measure(path, reg, random.Random(f"{args.seed}:{path.name}"), args.per_doc, tally, args.list)
    print(f"not parsed: {', '.join(skipped) or '-'}")
    for split in sorted(tallies, reverse=True):
        report(split, names[split], tallies[split])
    print("held-out documents: " + ", ".join(names.get("held-out", [])))


if __name__ == "__main__":
    main()
