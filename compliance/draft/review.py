"""Reference review: the drafting slips a reviewer flags during harmonisasi.

Beside ``dangling-reference`` (a reference to a place that does not exist, found by
``compliance.cite``), ``review(reg)`` reports:

- ``self-reference``: a reference to the ayat / huruf / Menimbang point it stands in;
- ``misdirected-reference``: the subject named before "sebagaimana dimaksud dalam/pada
  Pasal N" is nowhere in what Pasal N says, while other places of the regulation do
  regulate it (the likely intended target is named when exactly one place fits);
- ``numbering-gap``: ayat (3) then (5), a huruf/angka list that skips or restarts,
  a Pasal number skipped.

They are places to check, never statuses: precision matters more than recall, so a
subject whose words are too common in the regulation, or that no other place
regulates either, is not flagged. The words are data (``regulations/reference-review.yaml``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from compliance.cite import Citation, citations_of, dangling, describe_place
from compliance.draft.units import Unit, article_units, index, innermost, leaves, walk
from compliance.draft.words import forms, stem, stems_in
from compliance.models import Regulation

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


@functools.cache
def _words() -> dict[str, Any]:
    from compliance.resources import data_yaml

    data = data_yaml("regulations", "reference-review.yaml")
    cues = "|".join(r"\s+".join(map(re.escape, c.split())) for c in data["reference_cues"])
    return {
        "cue_end": re.compile(rf"(?i)(?:{cues})\s*$"),
        "cue": re.compile(rf"(?i)(?:{cues})"),
        "cue_at": re.compile(rf"(?i)(?=(?:{cues}))"),
        "cue_heads": sorted({c.split()[0].lower() for c in data["reference_cues"]}),
        "backref": re.compile(rf"(?i)(?:[\w/-]+\s+){{0,{data['subject_words']}}}(?:{cues})"),
        "clause": frozenset(data["clause_words"]),
        "verb": re.compile("(?:" + "|".join(data["verb_prefixes"]) + ")"),
        "nouns": frozenset(data["not_verbs"]),
        "heads": frozenset(data["generic_heads"]),
        "generic": frozenset(data["generic_words"]),
        "limit": int(data["subject_words"]),
        "share": float(data["common_share"]),
    }


def review(reg: Regulation, citations: list[Citation] | None = None) -> list[ReviewNote]:
    """Every place to check, in document order of the checks (dangling, self, misdirected, numbering)."""
    citations = citations_of(reg) if citations is None else citations
    notes = [ReviewNote("dangling-reference", describe_place(c.place), _page(reg, c.place), c.raw)
             for c in dangling(citations)]
    notes += _self_references(reg, citations)
    notes += _misdirected(reg, citations)
    notes += numbering_gaps(reg)
    return notes


def _page(reg: Regulation, place: dict) -> int | None:
    if place.get("part") != "pasal":
        return None
    article = reg.article(str(place.get("pasal")), place.get("parent"))
    return article.page if article else None


def _citing_chain(reg: Regulation, c: Citation) -> list[Unit]:
    article = reg.article(str(c.place.get("pasal")), c.place.get("parent"))
    return innermost(article_units(article), c.offset) if article else []


# --- self-reference -----------------------------------------------------------------


def _self_references(reg: Regulation, citations: list[Citation]) -> list[ReviewNote]:
    out = []
    for c in citations:
        if not c.resolved or not c.pinpoint or c.pinpoint_end or c.form != "reference":
            continue
        part = c.place.get("part")
        if part == "menimbang":
            hit = c.pinpoint == f"menimbang-huruf-{c.place.get('item')}"
        elif part == "pasal" and (c.internal or c.place.get("parent")):
            chain = _citing_chain(reg, c)
            # the article as a whole only when it has no ayat or points of its own
            hit = any(u.pin == c.pinpoint and (u.level != "pasal" or not u.children) for u in chain)
            hit = hit and not _doubtful_place(reg, c, chain)
        else:
            continue
        if hit:
            out.append(ReviewNote("self-reference", _where(reg, c), _page(reg, c.place), c.raw))
    return out


_MERGED_MARK = re.compile(r"[.;:]\s+[(lI1]?[0-9Il]{1,2}[a-z]?[)\]lI1]\s+[A-Z]")
_PASAL_BEFORE = re.compile(r"(?i)pasal\s*[0-9Il]+[a-z]?\s*$")


def _doubtful_place(reg: Regulation, c: Citation, chain: list[Unit]) -> bool:
    """The citing place may not be what the structure says: a bare "ayat (1)" glued to a
    "pasal 84" the finder did not join, or a unit holding a second ayat mark the parser
    could not split (an OCR'd "12)" for "(2)")."""
    article = reg.article(str(c.place.get("pasal")), c.place.get("parent"))
    before = article.text[max(0, c.offset - 40):c.offset]
    if _PASAL_BEFORE.search(before):
        return True
    unit = chain[-1]
    if unit.start < 0:
        return False
    return bool(_MERGED_MARK.search(article.text, unit.start, c.offset))


def _where(reg: Regulation, c: Citation) -> str:
    if c.place.get("part") == "pasal":
        chain = _citing_chain(reg, c)
        if chain:
            return chain[-1].label
    return describe_place(c.place)


# --- misdirected reference ----------------------------------------------------------


def subject_before(text: str, end: int) -> str:
    """The noun phrase a reference cue follows: up to ``subject_words`` words back, stopping at
    punctuation, an ayat mark or a word that opens a clause."""
    words = _words()
    window = text[max(0, end - 160):end]
    window = re.split(r"[.;:,()\n]|\s-\s", window)[-1]
    taken: list[str] = []
    for word in reversed(window.split()):
        if word.lower() in words["clause"] or len(taken) >= words["limit"] or _verb(word):
            break
        taken.append(word)
    if taken and taken[0].lower() in words["heads"]:  # "pelanggaran ketentuan sebagaimana ...": the
        return ""  # reference names the generic last noun, not the phrase
    return " ".join(reversed(taken))


def _verb(word: str) -> bool:
    """A verb or participle ("melakukan", "disampaikan", "terdaftar"): the phrase before the
    cue is then an action, not a subject a place regulates."""
    low = word.lower()
    return (word[:1].islower() and len(low) >= 6 and low not in _words()["nouns"]
            and bool(_words()["verb"].match(low)))


def _chains(text: str, cited: list[Citation]) -> list[tuple[int, list[Citation]]]:
    """References that follow a cue, grouped when joined by "dan", "atau" or commas:
    (start of the cue, the references)."""
    out: list[tuple[int, list[Citation]]] = []
    previous_end = None
    for c in sorted(cited, key=lambda c: c.offset):
        cue = _words()["cue_end"].search(text, 0, c.offset)
        if cue is not None:
            out.append((cue.start(), [c]))
        elif out and previous_end is not None and re.fullmatch(
                r"[\s,]*(?:dan/atau|dan|atau|serta)?\s*", text[previous_end:c.offset]):
            out[-1][1].append(c)
        previous_end = c.offset + len(c.raw)
    return out


class _Document:
    """The regulation's places and how common each word stem is among its ayat."""

    def __init__(self, reg: Regulation) -> None:
        self.units = index(reg)
        ayat = leaves(reg)
        counts: dict[str, int] = {}
        for unit in ayat:
            for s in stems_in(unit.text):
                counts[s] = counts.get(s, 0) + 1
        limit = max(2, _words()["share"] * len(ayat))
        self.common = {s for s, n in counts.items() if n > limit}
        self.definitions = {a.label for a in reg.articles
                            if a.parent is None and re.search(r"(?i)yang\s+dimaksud\s+dengan", a.text[:400])}
        self.own = {pin: stems_in(without_backrefs(u.scope)) for pin, u in self.units.items()}

    def content(self, subject: str) -> set[frozenset[str]]:
        """The subject's words that are not generic (common ones included), as stem forms."""
        words = _words()
        return {forms(w) for w in re.findall(r"[A-Za-z][A-Za-z-]*", subject)
                if len(w) >= 3 and w.lower() not in words["generic"] and w.lower() not in words["clause"]}

    def distinctive(self, subject: str) -> set[frozenset[str]]:
        """The subject's words that can tell places apart, each as its set of stem forms: the
        rarer ones when it has some, else all its non-generic words."""
        words = _words()
        content = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]*", subject)
                   if len(w) >= 3 and w.lower() not in words["generic"] and w.lower() not in words["clause"]]
        rare = {forms(w) for w in content if stem(w) not in self.common}
        return rare or {forms(w) for w in content}

    def defines(self, unit: Unit) -> bool:
        """A place of the definitions article (a term defined is not thereby regulated)."""
        return unit.article in self.definitions

    def places(self, wanted: set[frozenset[str]], exclude: set[str]) -> list[Unit]:
        """The innermost places whose own words (back-references left out) hold every wanted word."""
        fits = {pin for pin, own in self.own.items() if all(w & own for w in wanted) and pin not in exclude}
        return [self.units[pin] for pin in self.units
                if pin in fits and not any(child.pin in fits for child in self.units[pin].children)]


def without_backrefs(text: str) -> str:
    """``backref.sub(" ", text)``, the expression run only around the cues: a match ends
    with a cue and starts at most ``subject_words`` words before it, so text outside those
    windows is kept as it is; a window also holds the word after its cue, which a
    condition on what follows may read. (The expression alone tries every position of
    every place, most of a regulation's text.)"""
    words = _words()
    windows = sorted((_subject_start(text, at, words["limit"]), _next_word_end(text, words["cue"].match(text, at).end()))
                     for at in _cue_starts(text))
    out: list[str] = []
    done = start = end = 0
    for window_start, window_end in windows + [(len(text) + 1, len(text) + 1)]:
        if window_start > end:  # a window apart from the ones before: change those
            out += [text[done:start], words["backref"].sub(" ", text[start:end])]
            done, start = end, window_start
        end = max(end, window_end)
    return "".join(out) + text[done:]


def _cue_starts(text: str) -> list[int]:
    """Every offset where a cue begins. A cue's first word in lower case found by a
    substring search, then the cue matched there: the same offsets as the expression
    tried at every position, except in a text whose lower case differs from what a
    case-blind match accepts ("ı", "ſ" match "i", "s"; "İ" lower-cases to two
    characters), where the expression does it."""
    words = _words()
    lower = text.lower()
    if len(lower) != len(text) or "ı" in text or "ſ" in text:
        return [m.start() for m in words["cue_at"].finditer(text)]
    starts = set()
    for head in words["cue_heads"]:
        at = lower.find(head)
        while at >= 0:
            if words["cue"].match(text, at):
                starts.add(at)
            at = lower.find(head, at + 1)
    return sorted(starts)


def _next_word_end(text: str, at: int) -> int:
    """The end of the white space from ``at`` and of the word after it."""
    while at < len(text) and text[at].isspace():
        at += 1
    while at < len(text) and (text[at].isalnum() or text[at] in "_/-"):
        at += 1
    return at


def _subject_start(text: str, cue: int, limit: int) -> int:
    """The earliest offset from which ``limit`` words, each followed by white space,
    reach ``cue`` (a word: ``[\\w/-]+``, as the backref expression reads it)."""
    start = cue
    for _ in range(limit):
        space = start
        while space > 0 and text[space - 1].isspace():
            space -= 1
        word = space
        while word > 0 and (text[word - 1].isalnum() or text[word - 1] in "_/-"):
            word -= 1
        if space == start or word == space:
            break
        start = word
    return start


def _misdirected(reg: Regulation, citations: list[Citation]) -> list[ReviewNote]:
    by_article: dict[str, list[Citation]] = {}
    for c in citations:
        if (c.place.get("part") == "pasal" and c.internal and c.exists and c.resolved and not c.place.get("parent")
                and c.pinpoint and not c.pinpoint_end and c.pinpoint.startswith("pasal-")):
            by_article.setdefault(str(c.place["pasal"]), []).append(c)
    if not by_article:
        return []
    doc = _Document(reg)
    out = []
    for label, cited in by_article.items():
        article = reg.article(label)
        for cue_start, chain in _chains(article.text, cited):
            note = _check_chain(reg, doc, article.text, cue_start, chain)
            if note is not None:
                out.append(note)
    return out


def _check_chain(reg, doc: _Document, text: str, cue_start: int, chain: list[Citation]) -> ReviewNote | None:
    subject = subject_before(text, cue_start)
    wanted = doc.distinctive(subject)
    targets = [doc.units.get(c.pinpoint) for c in chain]
    if not wanted or any(t is None for t in targets):
        return None
    # the whole target article counts: "Nomenklatur X sebagaimana dimaksud dalam Pasal 2 ayat (1)
    # huruf a" names something of huruf a that its article may state elsewhere
    articles = [doc.units[pin] for pin in sorted({f"pasal-{t.pin.split('-')[1]}" for t in targets})]
    said = set().union(*(stems_in(u.scope) for u in [*targets, *articles]))
    whole = doc.content(subject)
    if any(w & said for w in wanted):  # its rarer words are there: the target is doubtful only when
        if 2 * sum(bool(w & said) for w in whole) > len(whole):  # most of the subject is missing
            return None  # from it and a place states the whole subject
        wanted = whole
    citing = {u.pin for u in _citing_chain(reg, chain[0])}
    places = [u for u in doc.places(wanted, citing) if not doc.defines(u)]
    if not places:  # nothing else regulates it either: not a slip we can show
        return None
    c = chain[0]
    reference = text[c.offset:chain[-1].offset + len(chain[-1].raw)]
    suggestion = places[0].label if len(places) == 1 else ""
    return ReviewNote("misdirected-reference", _where(reg, c), _page(reg, c.place), reference, subject,
                      ", ".join(t.label for t in targets), suggestion)


# --- numbering ------------------------------------------------------------------------

_NUMBER = re.compile(r"^\d+$")


def _skipped_mark(own: str, label: str, style: str) -> str | None:
    """A later point's mark left inside a unit's own text ("(3) Tiga. (5) Lima.",
    "b. aplikasi; d. keamanan"): the parser keeps it as text, the reviewer sees a gap."""
    if style == "ayat":
        pattern = r"[.;:]\s+\((\d+)\)\s+[A-Z]"
    elif _NUMBER.match(label):
        pattern = r";\s+(?:dan\s+|atau\s+|dan/atau\s+)?(\d+)\.\s+\w"
    else:
        pattern = r";\s+(?:dan\s+|atau\s+|dan/atau\s+)?([a-z])\.\s+\w"
    for m in re.finditer(pattern, own):
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


def numbering_gaps(reg: Regulation) -> list[ReviewNote]:
    out = []
    body = [a for a in reg.articles if a.parent is None]
    numbers = [(int(a.label), a) for a in body if _NUMBER.match(a.label)]
    for (n, _), (m, article) in zip(numbers, numbers[1:]):
        if m > n + 1:
            out.append(ReviewNote("numbering-gap", f"Pasal {article.label}", article.page,
                                  detail=f"Pasal {n} → Pasal {m}"))
    for article in body:
        top = article_units(article)
        ayat = [u for u in top.children if u.level == "ayat"]
        labels = [u.pin.rsplit("-", 1)[-1] for u in ayat]
        for a, b, unit in zip(labels, labels[1:], ayat[1:]):
            if a.isdigit() and b.isdigit() and int(b) > int(a) + 1:
                out.append(ReviewNote("numbering-gap", unit.label, article.page, detail=f"ayat ({a}) → ({b})"))
        for unit in ayat:
            found = _skipped_mark(_own_text(unit), unit.pin.rsplit("-", 1)[-1], "ayat")
            if found:
                out.append(ReviewNote("numbering-gap", unit.label, article.page,
                                      detail=f"ayat ({unit.pin.rsplit('-', 1)[-1]}) → ({found})"))
        for unit in walk(top):
            out += _list_gaps(unit, article.page)
    return out


def _list_gaps(parent: Unit, page: int) -> list[ReviewNote]:
    items = [c for c in parent.children if c.level in ("huruf", "angka")]
    out = []
    labels = [c.pin.rsplit("-", 1)[-1] for c in items]
    for a, b, unit in zip(labels, labels[1:], items[1:]):
        step = (int(b) - int(a)) if a.isdigit() and b.isdigit() else (
            ord(b) - ord(a) if len(a) == 1 == len(b) and a.isalpha() and b.isalpha() else 1)
        if step > 1:
            out.append(ReviewNote("numbering-gap", unit.label, page, detail=f"{a} → {b}"))
    for unit in items:
        label = unit.pin.rsplit("-", 1)[-1]
        found = _skipped_mark(_own_text(unit), label, unit.level)
        if found:
            out.append(ReviewNote("numbering-gap", unit.label, page, detail=f"{label} → {found}"))
        first = unit.children[0] if unit.children else None
        if (first is not None and first.level == unit.level and label.isalpha() == first.pin[-1].isalpha()
                and not _own_text(unit).rstrip().endswith(":")):
            restart = first.pin.rsplit("-", 1)[-1]
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
