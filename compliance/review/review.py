"""Reference review: the drafting slips a reviewer flags during harmonisasi.

Beside ``dangling-reference`` (a reference to a place that does not exist, found by
``compliance.cite``), ``review(reg)`` reports:

- ``self-reference``: a reference to the ayat / huruf / Menimbang point it stands in;
- ``misdirected-reference``: the subject named before "sebagaimana dimaksud dalam/pada
  Pasal N" is not what Pasal N says, while another place of the regulation states it
  (``compliance.review.misdirect``; the likely intended target is named when one place fits);
- ``numbering-gap``: ayat (3) then (5), a huruf/angka list that skips or restarts,
  a Pasal number skipped.

They are places to check, never statuses: precision matters more than recall, so a
subject that no other place states is not flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from compliance.cite import Citation, citations_of, dangling
from compliance.review.misdirect import misdirected
from compliance.review.units import Unit, article_units, by_label, citing_chain, place_page, where
from compliance.models import Regulation
from compliance.models_place import ayat_ref

CODES = ("dangling-reference", "self-reference", "misdirected-reference", "numbering-gap")


@dataclass
class ReviewNote:
    """One place to check. ``where`` is printed ("Pasal 12 ayat (2)"); ``reference`` verbatim."""

    code: str
    where: str
    page: int | None = None
    reference: str = ""
    subject: str = ""
    target: str = ""
    suggestion: str = ""
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "where": self.where, "page": self.page, "reference": self.reference,
                "subject": self.subject, "target": self.target, "suggestion": self.suggestion,
                "detail": self.detail}


def review(reg: Regulation, citations: list[Citation] | None = None) -> list[ReviewNote]:
    """Every place to check, in document order of the checks (dangling, self, misdirected, numbering)."""
    citations = citations_of(reg) if citations is None else citations
    notes = [ReviewNote("dangling-reference", c.place.short(), place_page(reg, c.place), c.raw)
             for c in dangling(citations)]
    notes += _self_references(reg, citations)
    notes += [ReviewNote("misdirected-reference", **fields) for fields in misdirected(reg, citations)]
    notes += numbering_gaps(reg)
    return notes


# --- self-reference -----------------------------------------------------------------


def _self_references(reg: Regulation, citations: list[Citation]) -> list[ReviewNote]:
    out = []
    articles = by_label(reg)
    for c in citations:
        if not c.resolved or not c.pinpoint or c.pinpoint_end or c.form != "reference":
            continue
        part = c.place.part
        if part == "menimbang":
            hit = c.pinpoint == f"menimbang-huruf-{c.place.item}"
        elif part == "pasal" and (c.internal or c.place.parent):
            chain = citing_chain(reg, c, articles)
            # the article as a whole only when it has no ayat or points of its own
            hit = any(u.pin == c.pinpoint and (u.level != "pasal" or not u.children) for u in chain)
            hit = hit and not _doubtful_place(reg, c, chain)
        else:
            continue
        if hit:
            out.append(ReviewNote("self-reference", where(reg, c), place_page(reg, c.place), c.raw))
    return out


_MERGED_MARK = re.compile(r"[.;:]\s+[(lI1]?[0-9Il]{1,2}[a-z]?[)\]lI1]\s+[A-Z]")
_PASAL_BEFORE = re.compile(r"(?i)pasal\s*[0-9Il]+[a-z]?\s*$")


def _doubtful_place(reg: Regulation, c: Citation, chain: list[Unit]) -> bool:
    """The citing place may not be what the structure says: a bare "ayat (1)" glued to a
    "pasal 84" the finder did not join, or a unit holding a second ayat mark the parser
    could not split (an OCR'd "12)" for "(2)")."""
    article = reg.article(str(c.place.pasal), c.place.parent)
    before = article.text[max(0, c.offset - 40):c.offset]
    if _PASAL_BEFORE.search(before):
        return True
    unit = chain[-1]
    if unit.start < 0:
        return False
    return bool(_MERGED_MARK.search(article.text, unit.start, c.offset))


# --- numbering ------------------------------------------------------------------------

_NUMBER = re.compile(r"^\d+$")
# a later mark left in a unit's own text: an ayat's "(5)", a numbered point's "5.", a lettered point's "d."
_LATER_MARK = {"ayat": re.compile(r"[.;:]\s+\((\d+)\)\s+[A-Z]"),
               "number": re.compile(r";\s+(?:dan\s+|atau\s+|dan/atau\s+)?(\d+)\.\s+\w"),
               "letter": re.compile(r";\s+(?:dan\s+|atau\s+|dan/atau\s+)?([a-z])\.\s+\w")}
# a character each style of mark needs (an ayat's, a point's), and how many characters at least a
# match has from it
_MARK_NEEDS = {"ayat": ("(", 5), "point": (";", 6)}


def _skipped_mark(unit: Unit, label: str, style: str) -> str | None:
    """A later point's mark left inside a unit's own text ("(3) Tiga. (5) Lima.",
    "b. aplikasi; d. keamanan"): the parser keeps it as text, the reviewer sees a gap."""
    needed, length = _MARK_NEEDS["ayat" if style == "ayat" else "point"]
    own = _own_text(unit) if unit.children else unit.text
    at = own.find(needed)
    if at < 0 or at > len(own) - length:  # none, or its first such character too near the end
        return None
    kind = "ayat" if style == "ayat" else "number" if _NUMBER.match(label) else "letter"
    for m in _LATER_MARK[kind].finditer(own):
        found = m.group(1)
        step = int(found) - int(label) if _NUMBER.match(label) and found.isdigit() else (
            ord(found) - ord(label) if len(label) == 1 and not found.isdigit() else 0)
        if 2 <= step <= 4:
            return found
    return None


def _own_text(unit: Unit) -> str:
    if not unit.children or unit.children[0].start < 0 or unit.start < 0:
        return unit.text
    last = unit.children[-1]
    return unit.text[:max(0, unit.children[0].start - unit.start)] + unit.text[last.end - unit.start:]


def _label(unit: Unit) -> str:
    return unit.pin.rsplit("-", 1)[-1]


def numbering_gaps(reg: Regulation) -> list[ReviewNote]:
    out = []
    body = [a for a in reg.articles if a.parent is None]
    numbers = [(int(a.label), a) for a in body if _NUMBER.match(a.label)]
    for (n, _), (m, article) in zip(numbers, numbers[1:]):
        if m > n + 1:
            out.append(ReviewNote("numbering-gap", ayat_ref(article.label), article.page,
                                  detail=f"{ayat_ref(str(n))} → {ayat_ref(str(m))}"))
    for article in body:
        top = article_units(article)
        if not top.children:  # an article without ayat or points has no numbering of its own
            continue
        ayat = [u for u in top.children if u.level == "ayat"]
        labels = [_label(u) for u in ayat]
        for a, b, unit in zip(labels, labels[1:], ayat[1:]):
            if a.isdigit() and b.isdigit() and int(b) > int(a) + 1:
                out.append(ReviewNote("numbering-gap", unit.label, article.page, detail=f"ayat ({a}) → ({b})"))
        for unit, label in zip(ayat, labels):
            found = _skipped_mark(unit, label, "ayat")
            if found:
                out.append(ReviewNote("numbering-gap", unit.label, article.page, detail=f"ayat ({label}) → ({found})"))
        # a list's gaps are among the points of a unit holding them (in document order)
        holding = [top]
        while holding:
            unit = holding.pop()
            out += _list_gaps(unit, article.page)
            holding.extend(child for child in reversed(unit.children) if child.children)
    return out


def _list_gaps(parent: Unit, page: int) -> list[ReviewNote]:
    items = [c for c in parent.children if c.level in ("huruf", "angka")]
    out = []
    labels = [_label(c) for c in items]
    for a, b, unit in zip(labels, labels[1:], items[1:]):
        step = (int(b) - int(a)) if a.isdigit() and b.isdigit() else (
            ord(b) - ord(a) if len(a) == 1 == len(b) and a.isalpha() and b.isalpha() else 1)
        if step > 1:
            out.append(ReviewNote("numbering-gap", unit.label, page, detail=f"{a} → {b}"))
    for unit, label in zip(items, labels):
        found = _skipped_mark(unit, label, unit.level)
        if found:
            out.append(ReviewNote("numbering-gap", unit.label, page, detail=f"{label} → {found}"))
        first = unit.children[0] if unit.children else None
        if (first is not None and first.level == unit.level and label.isalpha() == first.pin[-1].isalpha()
                and not _own_text(unit).rstrip().endswith(":")):
            restart = _label(first)
            out.append(ReviewNote("numbering-gap", unit.label, page, detail=f"{label} → {restart}"))
    return out


# --- report ---------------------------------------------------------------------------


def review_section(reg: Regulation, citations: list[Citation] | None = None) -> list[dict[str, Any]]:
    """The report key ``reference_review``: places to check beside the dangling references
    (which the report lists in their own section)."""
    return [n.to_dict() for n in review(reg, citations) if n.code != "dangling-reference"]


def review_rows(notes: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """One sentence per place to check, in the reader's language, with its page."""
    from compliance.i18n import message

    rows = []
    for n in notes:
        code = n.get("code") or ""
        if code == "misdirected-reference" and n.get("suggestion"):
            code = "review-misdirected-suggestion"
        else:
            code = f"review-{code}"
        rows.append({"kind": n.get("code"), "where": n.get("where") or "", "page": n.get("page"),
                     "sentence": message(code, lang, where=n.get("where") or "", ref=n.get("reference") or "",
                                         subject=n.get("subject") or "", suggestion=n.get("suggestion") or "",
                                         detail=n.get("detail") or "")})
    return rows
