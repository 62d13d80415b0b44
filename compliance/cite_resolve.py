"""Turn found spans into canonical ids, read relation cues, look up known status.

Canonical ids: ``kind[/issuer|/daerah]/year/number`` (``perpres/2018/95``,
``permen/kominfo/2007/41``, ``perbup/labuhanbatu/2018/14``, ``uud/1945``) and a
pinpoint fragment ``#pasal-58-ayat-4``. An id is only built from what the text
prints; anything missing (number, year, issuer, daerah) leaves the citation
unresolved with a reason, never a guess.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import Callable


from compliance.cite_find import Found, RegulationSpan
from compliance.cite_vocab import LEVELS, Vocabulary, norm_key, surface_pattern, vocabulary
from compliance.models import Metadata, Place
from compliance.models_place import article_ref
from compliance.resources import data_yaml

_NOT_SLUG = re.compile(r"[^0-9a-z]+")


def slug(text: str) -> str:
    """Lower-case id segment: letters and digits joined by single hyphens."""
    return _NOT_SLUG.sub("-", text.lower()).strip("-")


def pinpoint(path: dict[str, str] | None) -> str | None:
    """``{"pasal": "58", "ayat": "4"}`` -> ``pasal-58-ayat-4`` (outermost level first)."""
    if not path:
        return None
    if "menimbang" in path:
        return f"menimbang-huruf-{slug(path['menimbang'])}"
    return "-".join(f"{level}-{slug(path[level])}" for level in LEVELS if path.get(level))


def pinpoint_levels(target: str) -> list[tuple[str, str]]:
    """``x#pasal-5-ayat-2`` -> [(``x#pasal-5``, pasal), (``x#pasal-5-ayat-2``, ayat)]: the ids
    ``pinpoint`` builds, read back level by level."""
    base, _, frag = target.partition("#")
    parts = frag.split("-")
    out = []
    i = 0
    while i + 1 < len(parts):
        level = parts[i]
        j = i + 1
        # labels never contain a level word, so the label runs to the next level word
        while j + 1 < len(parts) and parts[j + 1] not in LEVELS:
            j += 1
        out.append((f"{base}#{'-'.join(parts[:j + 1])}", level if level in LEVELS else "part"))
        i = j + 1
    return out


def _level_fields(levels: list[tuple[str, str]]) -> list[tuple[str, str | None, str | None, str | None]]:
    """(kind, pasal, ayat, item) of the place each of ``pinpoint_levels`` names, read level by
    level: "Pasal 5", then "Pasal 5 ayat (2)", then "Pasal 5 ayat (2) huruf b"."""
    pasal = ayat = None
    points: list[str] = []
    out = []
    for node, level in levels:
        label = node.rsplit(f"{level}-", 1)[-1]
        if level == "huruf" or level == "angka":
            points.append(label)
        elif level == "pasal":
            pasal = label.upper()
        elif level == "ayat":
            ayat = label
        out.append(("item" if points else "ayat" if ayat is not None else "pasal", pasal, ayat,
                    " ".join(points) or None))
    return out


def pinpoint_place(node_id: str | None) -> Place | None:
    """The place a pinpoint names: ``x#pasal-58-ayat-4`` -> Pasal 58 ayat (4) (the last nested
    article wins for quoted ones; ``menimbang-huruf-a`` -> Menimbang huruf a); None without one."""
    frag = (node_id or "").partition("#")[2].split("/")[-1]
    if frag.startswith("menimbang-huruf-"):
        return Place("menimbang", item=frag[len("menimbang-huruf-"):])
    if frag.split("-")[0] not in LEVELS:
        return None
    fields = _level_fields(pinpoint_levels("x#" + frag))
    return Place(*fields[-1]) if fields else Place("pasal")


def pinpoint_chain(target: str, wanted: Callable[[str], bool]) -> list[tuple[str, str, str | None]]:
    """``pinpoint_levels(target)`` with the ``pinpoint_label`` of each node ``wanted`` (None for
    the others), read in one pass: the chain of nodes a cited target adds to the citation graph."""
    levels = pinpoint_levels(target)
    frag = target.partition("#")[2]
    if "/" in frag or frag.startswith("menimbang-huruf-") or frag.split("-")[0] not in LEVELS:
        return [(node, level, pinpoint_label(node) if wanted(node) else None) for node, level in levels]
    return [(node, level, article_ref(*fields[1:]) if wanted(node) else None)
            for (node, level), fields in zip(levels, _level_fields(levels))]


def pinpoint_label(node_id: str | None) -> str:
    """``x#pasal-58-ayat-4`` -> "Pasal 58 ayat (4)", as ``Place`` prints it; empty when there is no pinpoint."""
    place = pinpoint_place(node_id)
    if place is not None:
        return place.text()
    frag = (node_id or "").partition("#")[2].split("/")[-1]
    return " ".join(frag.split("-")).capitalize()  # a part the pinpoints do not build: as written


def _whole_number_id(printed: str) -> str | None:
    """The id segment of a number cited whole: "188.45 / 1612 / HK / 2019" -> "188.45-1612-hk-2019"."""
    parts = [p.strip().lower() for p in printed.split("/")]
    return "-".join(parts) if parts[0][:1].isdigit() and all(parts) else None


def _number_id(printed: str, kind_series: tuple[str, ...]) -> str | None:
    body = printed.strip()
    ocr = vocabulary().ocr_lead.match(body)
    if ocr:  # "l1" as an OCR layer printed 11
        body = ocr.group(0).translate(vocabulary().ocr_table) + body[ocr.end():]
    else:
        body = re.sub(r"^[A-Z]{1,3}\s*\.?\s*(?=\d)", "", body)
    lead = re.match(r"\d+", body)
    if lead:
        number = str(int(lead.group(0)))
        rest = body[lead.end():]
        if rest[:1] and rest[0] in vocabulary().ocr_chars:
            return None  # "84l": an OCR layer lost what followed the number ("84/P"?); do not guess
        letter = re.match(r"([A-Za-z])(?=\s*/|$)", rest)
        if letter:  # "3A/PER/M.KOMINFO/..." is not number 3
            number += letter.group(1).lower()
        series = re.fullmatch(r"\d+\s*/\s*([A-Z]+)", body)
        if series and series.group(1) in kind_series:
            number += "-" + series.group(1).lower()
        word = re.fullmatch(r"\d+\s+([A-Za-z]+)\.?", body)  # "4 PNPS": a series printed after the number
        if word:
            number += "-" + word.group(1).lower()
        return number
    roman = re.match(r"[IVXLCDM]+(?=\s*/|$)", body)
    return roman.group(0).lower() if roman else None


def _issuer_code(vocab: Vocabulary, group: str, span: RegulationSpan) -> str | None:
    named = vocab.republic_re.sub(" ", span.between).strip(" ,\t\r\n")
    key = norm_key(named)
    for issuer in vocab.issuers.get(group, []):
        forms = list(issuer.names) + list(issuer.abbreviations)
        # "Peraturan Badan" + "Siber dan Sandi Negara" names "Badan Siber dan Sandi Negara".
        if key and any(key in (norm_key(f), norm_key(f.split(" ", 1)[-1])) for f in forms):
            return issuer.code
    if named:
        return slug(named)  # a ministry the vocabulary lacks: its printed name, verbatim
    for issuer in vocab.issuers.get(group, []):
        for marker in issuer.markers:
            if _marker_re(marker).search(span.number or ""):
                return issuer.code
    return None


@cache
def _marker_re(marker: str) -> re.Pattern:
    """An issuer's marker as a whole word of a printed number ("KOMINFO" in "3/PER/M.KOMINFO/2014"),
    compiled once per marker of the vocabulary (every check of such an act reads them)."""
    return re.compile(r"(?<![A-Za-z])" + surface_pattern(marker) + r"(?![A-Za-z])", re.I)


def _daerah_segment(vocab: Vocabulary, daerah: str | None) -> str | None:
    if not daerah:
        return None
    named = vocab.republic_re.sub(" ", daerah).strip(" ,\t\r\n")
    named = vocab.daerah_prefix_re.sub("", named).strip()
    return slug(named) or None


def span_id(span: RegulationSpan, citing: Metadata | None = None) -> tuple[str | None, str | None]:
    """(canonical id, None) for a regulation mention, or (None, reason) when the text does not say enough."""
    vocab = vocabulary()
    if span.reason:
        return None, span.reason
    kind = vocab.kinds[span.kind]
    if not kind.numbered:
        return f"{kind.code}/{span.year}", None
    number = _whole_number_id(span.number or "") if kind.whole_number else _number_id(span.number or "", kind.series)
    if number is None:
        return None, "number-unreadable"
    segments = [kind.code]
    if kind.issuers:
        issuer = span.surface_issuer or _issuer_code(vocab, kind.issuers, span)
        if issuer is None:
            return None, "issuer-missing"
        segments.append(issuer)
    elif kind.regional:
        daerah = _daerah_segment(vocab, span.between)
        own = _daerah_segment(vocab, citing.daerah) if citing is not None else None
        if daerah is None:
            # "Peraturan Daerah Nomor 3 Tahun 2016" in a Perbup: the citing daerah's own act.
            daerah = own
        if daerah is None:
            return None, "daerah-missing"
        citing_kind = vocab.kinds.get(citing.jenis_kode or "") if citing is not None else None
        if kind.by_level and citing_kind is not None and daerah == own:
            segments[0] = dict(kind.by_level).get(citing_kind.level, kind.code)
        segments.append(daerah)
    elif vocab.republic_re.sub(" ", span.between).strip(" ,\t\r\n"):
        return None, "words-unrecognised"
    return "/".join(segments + [str(span.year), number]), None


def metadata_id(meta: Metadata) -> str | None:
    """The canonical id of a parsed regulation from its metadata, None when incomplete."""
    vocab = vocabulary()
    if not (meta.jenis_kode and meta.tahun and meta.nomor) or meta.jenis_kode not in vocab.kinds:
        return None
    kind = vocab.kinds[meta.jenis_kode]
    between = ""
    if kind.issuers and meta.jenis:
        m = vocab.kind_re.search(meta.jenis)
        between = meta.jenis[m.end():] if m else ""
    elif kind.regional:
        between = meta.daerah or ""
    span = RegulationSpan(0, 0, kind.code, None, between, meta.nomor, meta.tahun)
    found, _ = span_id(span)
    return found


# --- known status and relation cues --------------------------------------------


def _relations_data() -> dict:
    return data_yaml("regulations", "relations.yaml")


def known_status(regulation_id: str | None) -> dict:
    """What ``regulations/relations.yaml`` knows: ``{"amended_by": [...], "revoked_by": ...}`` or ``{}``."""
    if not regulation_id:
        return {}
    entry = _relations_data().get("known", {}).get(regulation_id.split("#")[0], {})
    return {k: (list(v) if isinstance(v, list) else v) for k, v in entry.items() if k in ("amended_by", "revoked_by")}


def known_relations() -> dict[str, dict]:
    """All known statuses, keyed by regulation id (for the graph)."""
    return {key: known_status(key) for key in _relations_data().get("known", {})}


@cache
def _cue_patterns() -> dict[str, tuple[re.Pattern | None, re.Pattern | None]]:
    cues = _relations_data()["cues"]
    out = {}
    for relation in ("revokes", "amends", "implements"):
        before = cues.get(relation, {}).get("before") or []
        after = cues.get(relation, {}).get("after") or []
        out[relation] = (
            re.compile(r"(?<!\w)(?:" + "|".join(surface_pattern(c) for c in before) + r")(?!\w)[^.;]{0,45}$", re.I)
            if before else None,
            re.compile(r"(?<!\w)(?:" + "|".join(surface_pattern(c) for c in after) + r")(?!\w)", re.I)
            if after else None,
        )
    return out


@cache
def chain_re() -> re.Pattern:
    return re.compile(_relations_data()["chain"], re.I)


def relation_before(window: str) -> str | None:
    """The relation a cue at the end of ``window`` (text just before a citation) gives, if any.
    No "." or ";" may stand between the cue and the citation, so the search starts after the
    last one (unless a cue itself holds one)."""
    patterns, words = _cue_patterns(), _cue_words()
    start = 0 if _cues_hold_stops() else max(window.rfind("."), window.rfind(";")) + 1
    lowered = window.lower() if window.isascii() else None
    for relation, (before, _) in patterns.items():
        if before is not None and _may_hold(lowered, words[relation][0]) and before.search(window, start):
            return relation
    return None


@cache
def _cues_hold_stops() -> bool:
    cues = _relations_data()["cues"]
    return any("." in cue or ";" in cue for relation in cues.values() for cue in relation.get("before") or [])


def relation_after(window: str) -> str | None:
    """The relation a cue in ``window`` (text after a citation, same sentence) gives, if any."""
    words = _cue_words()
    lowered = window.lower() if window.isascii() else None
    for relation, (_, after) in _cue_patterns().items():
        if after is not None and _may_hold(lowered, words[relation][1]) and after.search(window):
            return relation
    return None


@cache
def _cue_words() -> dict[str, tuple[tuple[str, ...] | None, tuple[str, ...] | None]]:
    """Per relation, for its "before" and its "after" cues: one word of each cue (its longest),
    lower-cased. A cue matches only where its words stand, so a window holding none of them
    needs no regex search (most windows hold no cue). None where a word is not ASCII: its
    case-insensitive match is not a lower-cased ``in``."""
    cues = _relations_data()["cues"]
    out = {}
    for relation in ("revokes", "amends", "implements"):
        sides = []
        for side in ("before", "after"):
            longest = [max(re.split(r"\s+|-", cue.strip()), key=len).lower() for cue in cues.get(relation, {}).get(side) or []]
            sides.append(tuple(longest) if all(w.isascii() and w for w in longest) else None)
        out[relation] = (sides[0], sides[1])
    return out


def _may_hold(lowered: str | None, words: tuple[str, ...] | None) -> bool:
    """Whether a window (``lowered``: lower-cased, None when not ASCII) may hold one of ``words``."""
    return lowered is None or words is None or any(word in lowered for word in words)


# --- relations in a text ------------------------------------------------------------

_SENTENCE_END = re.compile(r"\.\s+(?=[A-Z])|\.\s*$")
_CLAUSE_END = re.compile(r";|\.\s+(?=[A-Z])")


def relations_in(text: str, found: Found, ids, part: str) -> tuple[dict[int, str], dict[int, str]]:
    """Relation cue per span (or per amending-context group), and "A amends B" facts the text states."""
    relations: dict[int, str] = {}
    amends: dict[int, str] = {}
    spans = [s for s in found.regulations if not s.self_ref]
    starts = {id(g.target): g.start for g in found.groups if g.target is not None}
    title_lead = vocabulary().title_before_re
    ends = sorted([s.end for s in found.regulations] + [g.end for g in found.groups])
    span_ending = {s.end: s for s in spans}  # the last span ending at each offset
    items: list[tuple[int, int, object]] = [(min(starts.get(id(s), s.start), s.start), s.end, s) for s in spans]
    items += [(g.start, g.end, g) for g in found.groups if g.target is None and not g.blank]
    items.sort(key=lambda t: t[0])
    for start, end, obj in items:
        before = bisect.bisect_right(ends, start)  # spans and groups that end before this one starts
        prev_end = ends[before - 1] if before else 0
        window = text[max(prev_end, start - 200):start]
        previous = span_ending.get(prev_end)
        if title_lead.match(window) and previous is not None:
            # "... UU 9/2015 tentang Perubahan Kedua atas <this>": the earlier act amends this one.
            if relation_before(window) == "amends" and isinstance(obj, RegulationSpan) and ids[id(obj)][0]:
                amends.setdefault(id(previous), ids[id(obj)][0])
            continue
        if part == "mengingat":
            continue
        relation = relation_before(window)
        if relation is None:
            stop = _SENTENCE_END.search(text, end, end + 400)  # bounded: only 400 characters are read
            relation = relation_after(text[end:stop.start() if stop else len(text)][:400])
        if relation:
            relations[id(obj)] = relation
    _chains(text, spans, ids, amends)
    return relations, amends


def _chains(text: str, spans: list[RegulationSpan], ids, amends: dict[int, str]) -> None:
    """"X sebagaimana telah diubah ... dengan Y": Y amends X."""
    for i, base in enumerate(spans):
        base_id = ids[id(base)][0]
        if base_id is None or i + 1 >= len(spans):
            continue
        stop = _CLAUSE_END.search(text, base.end)
        limit = stop.start() if stop else len(text)
        # the chain names only acts in its clause: with none there, no phrase is sought
        if spans[i + 1].start >= limit or not chain_re().search(text, base.end, spans[i + 1].start):
            continue
        for member in spans[i + 1:]:
            if member.start >= limit:
                break
            member_id = ids[id(member)][0]
            if member_id and member_id != base_id:
                amends.setdefault(id(member), base_id)
