"""Citations of a parsed regulation: found everywhere, resolved, checked.

``find_citations(reg)`` walks the title, Menimbang, Mengingat, every article and
the Penjelasan and returns one ``Citation`` per citation-like span, in document
order: resolved to a canonical id, or kept unresolved with its raw text, place
and reason (never dropped, never guessed). References to the regulation's own
articles are checked against its structure; ``reference_warnings`` turns the
ones that point nowhere into ``dangling-reference`` warnings.
"""

from __future__ import annotations

import bisect
import operator
import re
from typing import Any, Iterator

from compliance.cite_find import LEVELS, Group, find
from compliance.cite_exists import article_index, exists
from compliance.cite_resolve import known_status, metadata_id, pinpoint, relations_in, span_id
from compliance.citation import Citation
from compliance.markers import markers
from compliance.models import Article, Mengingat, Place, Regulation, Warning_


def regulation_key(reg: Regulation) -> str:
    """The regulation's canonical id, or ``file:<name>`` when its metadata is incomplete."""
    return metadata_id(reg.metadata) or f"file:{reg.source.file.rsplit('/', 1)[-1]}"


# --- walking the regulation ------------------------------------------------------

_ROMAN = re.compile(r"^[IVX]+$")


def place_texts(reg: Regulation) -> Iterator[tuple[Place, str]]:
    """(place, text) of every text citations are searched in, in document order."""
    if reg.preamble:
        yield Place("judul"), reg.preamble
    for i, text in enumerate(reg.menimbang):
        m = markers().item_label.match(text)
        yield Place("menimbang", item=m.group(1) if m else chr(ord("a") + i) if i < 26 else str(i + 1)), text
    for i, entry in enumerate(reg.mengingat):
        yield Place("mengingat", item=_mengingat_item(i, entry)), entry.text
    for article in reg.articles:
        yield Place("pasal", pasal=article.label, parent=article.parent), article.text
    for diktum in reg.diktum:
        yield Place("diktum", diktum=diktum.label), diktum.text
    if reg.penjelasan:
        if reg.penjelasan.umum:
            yield Place("penjelasan"), reg.penjelasan.umum
        for entry in reg.penjelasan.pasal:
            yield Place("penjelasan", pasal=entry.get("label")), entry.get("text", "")
    for block in reg.lampiran:
        yield Place("lampiran", lampiran="Lampiran"), block.text


def _mengingat_item(i: int, entry: Mengingat) -> str:
    """The ``place.item`` of the i-th Mengingat entry: its printed label, else its position."""
    return (entry.label or str(i + 1)).strip("().")


def mengingat_citations(reg: Regulation, citations: list[Citation]) -> list[tuple[Mengingat, list[Citation]]]:
    """Each Mengingat entry with the citations found in it, in text order."""
    by_item: dict[str | None, list[Citation]] = {}
    for c in citations:
        if c.place.kind == "mengingat":
            by_item.setdefault(c.place.item, []).append(c)
    return [(entry, by_item.get(_mengingat_item(i, entry), [])) for i, entry in enumerate(reg.mengingat)]


def _amended_id(reg: Regulation, citing) -> str | None:
    """The act an amending regulation (Pasal I, II ...) amends: the first act its Pasal I names;
    "" when it amends an act the text does not let us identify; None when it amends nothing."""
    first = reg.article("I")
    if first is None:
        return None
    for span in find(first.text).regulations:
        if not span.self_ref:
            found, _ = span_id(span, citing)
            if found:
                return found
    return ""


def _names_itself(citation: Citation, meta, self_id: str) -> bool:
    """The title's own "PERATURAN MENTERI ... NOMOR 26 TAHUN 2007", even when OCR spoiled its year."""
    if citation.regulation == self_id:
        return True
    number = markers().nomor_number.search(citation.raw)
    return (not citation.resolved and citation.kind == meta.jenis_kode and number is not None
            and int(number.group(1)) == meta.nomor_pokok)


def citations_of(reg: Regulation) -> list[Citation]:
    """The citations of ``reg``: those ``compliance.load`` found, else found now and kept with it."""
    if reg.citations is None:
        reg.citations = find_citations(reg)
    return reg.citations


def find_citations(reg: Regulation) -> list[Citation]:
    """Every citation-like span in ``reg``, in document order, resolved where the text allows
    (a new search: use ``citations_of`` for the ones the regulation carries)."""
    self_id = regulation_key(reg)
    amended = _amended_id(reg, reg.metadata)
    index = article_index(reg)
    citations: list[Citation] = []
    for place, text in place_texts(reg):
        if not text:
            continue
        found = _cite_text(reg, text, place, self_id, amended, index)
        if place.part in ("judul", "lampiran"):  # the title and the annex header name the regulation itself
            found = [c for c in found if not _names_itself(c, reg.metadata, self_id)]
        citations.extend(found)
    for citation in citations:
        citation.status = known_status(citation.regulation) if not citation.internal else {}
    return citations


def _cite_text(
    reg: Regulation, text: str, place: Place, self_id: str, amended: str | None, index: dict[str, Article]
) -> list[Citation]:
    found = find(text)
    ids = {id(span): span_id(span, reg.metadata) for span in found.regulations}
    relations, amends = relations_in(text, found, ids, place.part)
    out: list[Citation] = []
    targeted = set()
    marks = {"pasal": markers().ayat_in_text, "penjelasan": markers().penjelasan_ayat}.get(place.part)
    ayat_marks = [(m.start(), m.group(1)) for m in marks.finditer(text)] if marks and place.pasal else []
    narrowed = _Narrowed(place)
    named_pasal: dict[int, str] = {}  # line -> last article an amending instruction named
    line, counted = 0, 0  # the line of each group, counted on from the one before (groups are in order)
    for group in found.groups:
        if group.target is not None:
            targeted.add(id(group.target))
        line += text.count("\n", counted, group.start)
        counted = max(counted, group.start)
        out.extend(_group_citations(reg, text, narrowed, group, ids, (relations, amends), self_id, amended,
                                    ayat_marks, named_pasal.get(line), index))
        if group.target is None:
            for ref in group.references:
                if "pasal" in ref.path:
                    named_pasal[line] = (ref.path_end or ref.path)["pasal"]
    for span in found.regulations:
        if span.self_ref or id(span) in targeted:
            continue
        reg_id, reason = ids[id(span)]
        out.append(Citation(
            raw=text[span.start:span.end], kind=span.kind, target=reg_id, pinpoint=None,
            relation=relations.get(id(span), "cites"), place=narrowed(_ayat_at(ayat_marks, span.start)),
            resolved=reg_id is not None,
            regulation=reg_id, title=span.title, amends=amends.get(id(span)), reason=reason, offset=span.start,
        ))
    out.sort(key=lambda c: c.offset)
    return out


def _ayat_at(ayat_marks: list[tuple[int, str]], pos: int) -> str | None:
    """The ayat a position falls in: the last "(n)" mark at or before it (the marks are in
    text order: found by bisection, not by reading them all for every citation)."""
    at = bisect.bisect_right(ayat_marks, pos, key=_START)
    return ayat_marks[at - 1][1] if at else None


_START = operator.itemgetter(0)


class _Narrowed:
    """A text's place narrowed to each ayat (``Place.within``), made once per ayat: a frozen
    dataclass rebuilt for every citation cost ~6% of the citation pass."""

    def __init__(self, place: Place) -> None:
        self.place = place
        self._by_ayat: dict[str | None, Place] = {}

    def __call__(self, ayat: str | None) -> Place:
        narrowed = self._by_ayat.get(ayat)
        if narrowed is None:
            narrowed = self._by_ayat[ayat] = self.place.within(ayat)
        return narrowed


def _group_citations(
    reg, text, narrowed: _Narrowed, group: Group, ids, cues, self_id, amended, ayat_marks, named_pasal, index
) -> list[Citation]:
    relations, amends = cues
    place = narrowed.place
    ayat_here = _ayat_at(ayat_marks, group.start)
    where = narrowed(ayat_here)
    if group.blank:
        return [_unresolved_reference(text[group.start:group.end], group.start, where, "reference-blank", None,
                                      internal=True)]
    out = []
    for ref in group.references:
        if group.target is not None:
            span = group.target
            reg_id, reason = ids[id(span)]
            pin = pinpoint(ref.path)
            out.append(Citation(
                raw=text[ref.start:span.end], kind=span.kind, target=f"{reg_id}#{pin}" if reg_id else None,
                pinpoint=pin, pinpoint_end=pinpoint(ref.path_end), relation=relations.get(id(span), "cites"),
                place=where, resolved=reg_id is not None, regulation=reg_id, title=span.title,
                amends=amends.get(id(span)), reason=reason, offset=ref.start,
            ))
            continue
        raw = text[ref.start:ref.end]
        # In the preamble "Pasal 47 Radio Regulation" names another document: it does not cite the body.
        if group.unnamed_target or ("pasal" in ref.path and place.part in ("menimbang", "mengingat")):
            out.append(_unresolved_reference(raw, ref.start, where, "target-unnamed", pinpoint(ref.path)))
            continue
        path, path_end = ref.path, ref.path_end
        instruction = place.pasal == "I" and place.parent is None
        if amended and instruction and named_pasal and "pasal" not in path:
            # "Ketentuan Pasal 26 ditambah 3 ayat yakni ayat (3) ...": the instruction's article
            path = {"pasal": named_pasal, **path}
            path_end = {"pasal": named_pasal, **path_end} if path_end else None
        path, path_end, reason = _fill_from_context(path, path_end, place, ayat_here)
        if reason:
            out.append(_unresolved_reference(raw, ref.start, where, reason, pinpoint(ref.path), internal=True))
            continue
        pin, pin_end = pinpoint(path), pinpoint(path_end)
        into_amended = _into_amended(amended, place, path)
        if into_amended and not amended:
            out.append(_unresolved_reference(raw, ref.start, where, "amended-act-unknown", pin))
            continue
        base = amended if into_amended else self_id
        citation = Citation(
            raw=raw, kind=reg.metadata.jenis_kode, target=f"{base}#{pin}", pinpoint=pin, pinpoint_end=pin_end,
            # only the amending instructions (Pasal I) amend; quoted articles merely cite
            relation=relations.get(id(group), "cites") if into_amended and place.pasal == "I" else "cites",
            place=where, resolved=True,
            internal=not into_amended, regulation=base, offset=ref.start, form="reference",
        )
        if not into_amended:
            citation.exists = exists(reg, path, index) and (path_end is None or exists(reg, path_end, index))
            if not citation.exists:
                citation.reason = "dangling-reference"
        out.append(citation)
    return out


def _unresolved_reference(raw: str, offset: int, where: Place, reason: str, pin: str | None,
                          internal: bool = False) -> Citation:
    """A bare reference ("Pasal 5 ayat (2)") kept unresolved, with why."""
    return Citation(raw=raw, kind=None, target=None, pinpoint=pin, relation="cites", place=where, resolved=False,
                    internal=internal, reason=reason, offset=offset, form="reference")


def _into_amended(amended: str | None, place: Place, path: dict[str, str]) -> bool:
    """In an amending regulation (Pasal I, II ...), Pasal I, the articles it quotes and any
    arabic-numbered article reference point into the amended act, not into the amending one."""
    if amended is None:
        return False
    if place.parent is not None or place.pasal == "I":
        return True
    return "pasal" in path and not _ROMAN.match(path["pasal"])


def _fill_from_context(path, path_end, place, ayat_here):
    """Complete "ayat (1)" or "huruf a" with the article (and ayat) they are written in."""
    path = dict(path)
    top = min(LEVELS.index(level) for level in path)
    if place.part == "menimbang" and "pasal" not in path:
        if set(path) == {"huruf"}:
            return {"menimbang": path["huruf"]}, None, None
        return path, path_end, "context-missing"
    if "pasal" not in path:
        amending = place.pasal == "I" and place.parent is None
        if not place.pasal or place.part not in ("pasal", "penjelasan") or amending:
            return path, path_end, "context-missing"
        path["pasal"] = place.pasal
        if top >= LEVELS.index("huruf") and "ayat" not in path and ayat_here:
            path["ayat"] = ayat_here
    if path_end is not None:
        path_end = {**{k: v for k, v in path.items() if LEVELS.index(k) < min(LEVELS.index(x) for x in path_end)},
                    **path_end}
    return path, path_end, None


# --- reports -----------------------------------------------------------------------


def dangling(citations: list[Citation]) -> list[Citation]:
    """Internal references to an article, ayat, huruf or angka the regulation does not have."""
    return [c for c in citations if c.internal and c.exists is False]


def reference_warnings(citations: list[Citation]) -> list[Warning_]:
    """One ``dangling-reference`` warning per dangling reference; detail "place: reference"."""
    return [Warning_("dangling-reference", f"{c.place.short()}: {c.raw}") for c in dangling(citations)]


def add_reference_warnings(reg: Regulation, citations: list[Citation] | None = None) -> list[Citation]:
    """Append the dangling-reference warnings of the citations (``citations_of(reg)`` unless
    given) to ``reg.warnings`` (once)."""
    citations = citations_of(reg) if citations is None else citations
    present = {(w.code, w.detail) for w in reg.warnings}
    for warning in reference_warnings(citations):
        if (warning.code, warning.detail) not in present:
            reg.warnings.append(warning)
    return citations


def resolved_mengingat(reg: Regulation, citations: list[Citation] | None = None) -> list[dict[str, Any]]:
    """The Mengingat list with each entry's citations, whether one resolved and the known status of
    the acts (the resolution figures of ``bench/bench_cite.py``; the report uses ``mengingat_entries``)."""
    citations = citations_of(reg) if citations is None else citations
    rows = []
    for entry, cited in mengingat_citations(reg, citations):
        rows.append({
            "label": entry.label,
            "text": entry.text,
            "citations": [c.to_dict() for c in cited],
            "resolved": any(c.resolved for c in cited),
            "revoked": any(c.status.get("revoked_by") for c in cited if c.pinpoint is None),
            "amended": any(c.status.get("amended_by") for c in cited if c.pinpoint is None),
        })
    return rows


CITATIONS_SCHEMA = "compliance/citations@1"


def dangling_messages(citations: list[Citation], lang: str = "id") -> list[str]:
    """"Pasal 12 merujuk Pasal 25 ayat (3), yang tidak ada" for each dangling reference."""
    from compliance.i18n import message

    return [message("dangling-reference", lang, place=c.place.short(), ref=c.raw) for c in dangling(citations)]


def citations_report(reg: Regulation, citations: list[Citation], lang: str = "id") -> dict[str, Any]:
    """The JSON form of ``compliance cite``: every citation, plus the dangling references as sentences."""
    return {
        "schema": CITATIONS_SCHEMA,
        "source": reg.source.to_dict(),
        "regulation": regulation_key(reg),
        "citations": [c.to_dict() for c in citations],
        "dangling": dangling_messages(citations, lang),
        "counts": _counts(citations),
    }


def _counts(citations: list[Citation]) -> dict[str, int]:
    return {"total": len(citations), "resolved": sum(c.resolved for c in citations),
            "unresolved": sum(not c.resolved for c in citations), "dangling": len(dangling(citations))}


def render_citations(reg: Regulation, citations: list[Citation], lang: str = "id") -> str:
    """One line per citation: place, raw text, resolved id and relation, known status or reason."""
    from compliance.i18n import message

    lines = [regulation_key(reg)]
    for c in citations:
        line = f"{c.place.short()}: {c.raw.replace(chr(10), ' ')}"
        if c.resolved:
            line += f" -> {c.target}" + (f" .. {c.pinpoint_end}" if c.pinpoint_end else "") + f" [{c.relation}]"
        else:
            line += f" -> {message('cite-unresolved', lang, reason=c.reason)}"
        if c.amends:
            line += f" ({message('cite-amends', lang, target=c.amends)})"
        if c.status.get("revoked_by"):
            line += f" ({message('graph-revoked', lang, by=c.status['revoked_by'])})"
        elif c.status.get("amended_by"):
            line += f" ({message('graph-amended', lang, by=', '.join(c.status['amended_by']))})"
        lines.append(line)
    lines += dangling_messages(citations, lang)
    lines.append(message("cite-summary", lang, **_counts(citations)))
    return "\n".join(lines) + "\n"
