"""Draft-to-draft diff: which articles were added, removed or changed (word by word), and
how each requirement's status moved (fixed, broke, new conflict).

Articles are aligned by their text, not their labels alone: a draft that inserts an
article renumbers every one after it, and "Pasal 12" of the old draft is then "Pasal 13"
of the new one. Pairs are taken greedily by similarity (rapidfuzz), the same label
breaking ties; a pair below ``MIN_SIMILARITY`` is no pair. Two texts where few articles
pair up are said to look unrelated, and are still compared.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from rapidfuzz import fuzz

from compliance.models import Article, Regulation

DIFF_SCHEMA = "compliance/diff@1"
MIN_SIMILARITY = 60.0
UNRELATED_SHARE = 0.3  # fewer articles than this share paired: the texts look unrelated
_RANK = {"conflict": 0, "missing": 1, "partial": 2, "fulfilled": 3}


def _norm(text: str) -> str:
    return " ".join(text.split())


def _body(reg: Regulation) -> list[Article]:
    return [a for a in reg.articles if a.parent is None]


def align(old: list[Article], new: list[Article]) -> list[tuple[int, int, float]]:
    """(old index, new index, similarity) of the article pairs, in the new text's order."""
    scores = []
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            score = fuzz.ratio(_norm(a.text), _norm(b.text))
            if score >= MIN_SIMILARITY:
                scores.append((score, a.label == b.label, -abs(i - j), i, j))
    pairs, used_old, used_new = [], set(), set()
    for score, _, _, i, j in sorted(scores, reverse=True):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j, score / 100))
    return sorted(pairs, key=lambda p: p[1])


def word_diff(old: str, new: str) -> list[dict[str, str]]:
    """Word-level operations: equal / delete / insert / replace, with the words verbatim."""
    a, b = re.findall(r"\S+", old), re.findall(r"\S+", new)
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        ops.append({"op": tag, "old": " ".join(a[i1:i2]), "new": " ".join(b[j1:j2])})
    return ops


def _movement(before: str | None, after: str | None) -> str:
    if before == after:
        return "unchanged"
    if after == "conflict":
        return "new-conflict"
    if before not in _RANK or after not in _RANK:
        return "changed"
    if _RANK[after] > _RANK[before]:
        return "fixed" if after == "fulfilled" else "improved"
    return "broke" if before == "fulfilled" else "worsened"


def diff(old: Regulation, new: Regulation, catalog: str = "perpres-95-2018", lang: str = "id") -> dict[str, Any]:
    """The ``compliance/diff@1`` dict of two drafts (keys sorted at dump time)."""
    from compliance.check import check

    a, b = _body(old), _body(new)
    pairs = align(a, b)
    paired_old, paired_new = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
    articles = []
    for i, j, score in pairs:
        same = _norm(a[i].text) == _norm(b[j].text)
        articles.append({"change": "unchanged" if same else "changed", "old": a[i].label, "new": b[j].label,
                         "renumbered": a[i].label != b[j].label, "similarity": round(score, 3),
                         "words": [] if same else word_diff(a[i].text, b[j].text)})
    articles += [{"change": "added", "old": None, "new": b[j].label, "renumbered": False, "similarity": 0.0,
                  "words": [{"op": "insert", "old": "", "new": _norm(b[j].text)}]}
                 for j in range(len(b)) if j not in paired_new]
    articles += [{"change": "removed", "old": a[i].label, "new": None, "renumbered": False, "similarity": 0.0,
                  "words": [{"op": "delete", "old": _norm(a[i].text), "new": ""}]}
                 for i in range(len(a)) if i not in paired_old]
    order = {label: n for n, label in enumerate(x.label for x in b)}
    old_order = {label: n for n, label in enumerate(x.label for x in a)}
    articles.sort(key=lambda r: (order.get(r["new"], old_order.get(r["old"], 0) - 0.5)))
    share = len(pairs) / max(len(a), len(b), 1)
    before, after = check(old, catalog, lang=lang), check(new, catalog, lang=lang)
    after_by_id = {f.requirement: f for f in after.findings}
    requirements = []
    for f in before.findings:
        g = after_by_id.get(f.requirement)
        requirements.append({"requirement": f.requirement, "title": f.title, "old": f.status,
                             "new": g.status if g else None, "movement": _movement(f.status, g.status if g else None)})
    return {
        "schema": DIFF_SCHEMA,
        "old": {"file": old.source.file, "sha256": old.source.sha256, "metadata": old.metadata.to_dict(),
                "score": before.score},
        "new": {"file": new.source.file, "sha256": new.source.sha256, "metadata": new.metadata.to_dict(),
                "score": after.score},
        "aligned_share": round(share, 3),
        "unrelated": share < UNRELATED_SHARE,
        "articles": articles,
        "requirements": requirements,
        "counts": {k: sum(r["change"] == k for r in articles) for k in ("added", "removed", "changed", "unchanged")},
    }
