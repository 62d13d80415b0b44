"""Whether an internal reference points at a part the regulation has (its article, ayat,
huruf or angka), for ``dangling-reference`` warnings."""

from __future__ import annotations

import re

from compliance.models import Article, Regulation


_NOT_LABEL = re.compile(r"[^0-9a-z]")  # compiled once: _label runs for every reference


def _label(text: str) -> str:
    return _NOT_LABEL.sub("", (text or "").lower())


def article_index(reg: Regulation) -> dict[str, Article]:
    index: dict[str, Article] = {}
    for article in reg.articles:
        if article.parent is None:
            index.setdefault(_label(article.label), article)
    return index


def exists(reg: Regulation, path: dict[str, str], index: dict[str, Article]) -> bool:
    """Does the regulation have the article / ayat / huruf / angka the path names?"""
    if "menimbang" in path:
        return ord(path["menimbang"][0]) - ord("a") < len(reg.menimbang)
    article = index.get(_label(path["pasal"]))
    if article is None:
        return False
    items = article.items
    text = article.text
    if "ayat" in path:
        ayat = next((a for a in article.ayat if _label(a.label) == _label(path["ayat"])), None)
        if ayat is None:
            if article.ayat or not re.search(r"\(\s*" + re.escape(path["ayat"]) + r"\s*\)", text):
                return False
            return True  # ayat not split by the parser but printed: do not claim it is missing
        items, text = ayat.items, ayat.text
    for level in ("huruf", "angka"):
        if level not in path:
            continue
        item = next((i for i in items if _label(i.label) == _label(path[level])), None)
        if item is None:
            if items:
                return False
            as_ayat = any(_label(a.label) == _label(path[level]) for a in article.ayat)
            if level == "angka" and "ayat" not in path and as_ayat:
                return True  # definitions printed "(1) ..." instead of "1. ...": same numbering
            return bool(re.search(r"(?m)(?:^|\s)" + re.escape(path[level]) + r"[.)]\s", text))
        items, text = item.items, item.text
    return True
