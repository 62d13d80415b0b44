"""Find citation-like spans in one piece of text.

Two shapes are found: a *regulation* ("Peraturan Presiden Nomor 95 Tahun 2018",
"Perpres 95/2018", "UU No. 11 Th. 2008") and a *reference list* ("Pasal 5 ayat (2)
huruf a", "ayat (1) dan ayat (2)", "Pasal 3 sampai dengan Pasal 7"). A reference
list directly before a regulation is a pinpoint into it. The words (kinds,
spellings, ministries, joiners) all come from ``regulations/kinds.yaml``; this
module knows only the shape, so a new kind or abbreviation is a YAML entry.
Nothing here decides identity: ``cite_resolve`` turns spans into ids.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from compliance.cite_vocab import LEVELS, Vocabulary, norm_key, vocabulary

# The longest printed number and year read after "Nomor" ("188.45/123/KPTS/436.7.2/2019 Tahun 2019"
# is 40): a longer token is junk, and every pattern that reads a number sees at most this much.
NUMBER_MAX = 120


@dataclass
class RegulationSpan:
    """A mention of a regulation by kind and number, as printed."""

    start: int
    end: int
    kind: str | None
    surface_issuer: str | None  # issuer named by a one-word abbreviation ("Permendagri")
    between: str  # words between the kind and "Nomor": issuer or daerah, as printed
    number: str | None  # printed number ("41/PER/M.KOMINFO/11/2007"), None when blank
    year: int | None
    self_ref: bool = False  # "Peraturan Menteri ini"
    reason: str | None = None  # why it cannot be an id (blank number, no year ...)
    title: str | None = None


@dataclass
class Unit:
    """One reference like "Pasal 5 ayat (2) huruf a": labels per level, None when not given."""

    start: int
    end: int
    labels: dict[str, str]
    reversed_form: bool = False  # "angka 6 Pasal 1": the outer level printed last


@dataclass
class Reference:
    """A resolved-shape internal/pinpoint reference: full path plus an optional range end."""

    start: int
    end: int
    path: dict[str, str]  # level -> label, outermost given first; levels filled from context later
    path_end: dict[str, str] | None = None


@dataclass
class Group:
    """A reference list and what it points into (``target`` None = this regulation)."""

    start: int
    end: int
    references: list[Reference] = field(default_factory=list)
    target: RegulationSpan | None = None
    unnamed_target: bool = False  # followed by a kind with no number ("Peraturan Presiden tersebut")
    blank: bool = False  # "Pasal ... ayat (...)" left blank in a draft


@dataclass
class Found:
    regulations: list[RegulationSpan]
    groups: list[Group]


def _between_ok(vocab: Vocabulary, between: str) -> bool:
    """Words between a kind and its number must read as a name (issuer, daerah), not prose."""
    words = between.replace(",", " , ").split()
    if len(words) > 14 or vocab.kind_re.search(between) or vocab.year_word_re.search(between):
        return False
    if norm_key(between) in vocab.issuer_keys:  # "Komunikasi dan informatika" as an OCR left it
        return True
    return all(vocab.between_word_re.match(w) or w.lower() in vocab.connectors for w in words)


def find_regulations(text: str, vocab: Vocabulary | None = None) -> list[RegulationSpan]:
    """Every mention of a regulation by kind and number in ``text``, in order."""
    vocab = vocab or vocabulary()
    spans: list[RegulationSpan] = []
    for m in vocab.kind_matches(text):
        if spans and m.start() < spans[-1].end:
            continue
        kind_code, issuer, is_abbreviation = vocab.surface(m.group(0))
        kind = vocab.kinds.get(kind_code)
        if kind is None:
            continue
        selfm = vocab.self_re.match(text, m.end())
        if selfm:
            spans.append(RegulationSpan(m.start(), selfm.end(), kind_code, issuer, "", None, None, self_ref=True))
            continue
        span = _read_number(text, m, kind, issuer, is_abbreviation, vocab)
        if span is not None:
            spans.append(span)
    _add_titles(text, spans, vocab)
    return spans


def _read_number(
    text: str, m: re.Match, kind: Kind, issuer: str | None, is_abbreviation: bool, vocab: Vocabulary
) -> RegulationSpan | None:
    """Read "[issuer|daerah] Nomor N Tahun YYYY" (or "95/2018" after an abbreviation) after a kind."""
    window = text[m.end():m.end() + 160]
    if not kind.numbered:
        ym = vocab.year_only_re.search(window)
        if not ym:
            return None
        between = window[: ym.start()]
        if vocab.republic_re.sub("", between).strip():
            return None
        year = vocab.year(ym.group("year"))
        return RegulationSpan(m.start(), m.end() + ym.end(), kind.code, issuer, "", None, year)
    nm = vocab.nomor_re.search(window)
    sm = vocab.short_number_re.search(window) if is_abbreviation else None
    if sm and (nm is None or sm.start() < nm.start()):
        between = window[: sm.start()]
        if not _between_ok(vocab, between):
            return None
        year = sm.group("year") or sm.group("year2")
        return RegulationSpan(m.start(), m.end() + sm.end(), kind.code, issuer, between.strip(" ,\t\r\n"),
                              sm.group("num"), int(year))
    if nm is None:
        return None
    between = window[: nm.start()]
    if not _between_ok(vocab, between):
        return None
    start_num = m.end() + nm.end()
    num = vocab.number_re.match(text, start_num, start_num + NUMBER_MAX)
    if not num or not num.group("num").strip():
        # "Nomor ... Tahun ...": keep the printed words, never guess the number.
        tail = vocab.blank_tail_re.match(text, start_num)
        end = tail.end() if tail and tail.group(0).strip() else start_num
        return RegulationSpan(m.start(), end, kind.code, issuer, between.strip(" ,\t\r\n"), None, None,
                              reason="number-blank")
    printed = num.group("num").rstrip(". ")
    end = start_num + len(num.group(0).rstrip(". ")) if not num.group("year") else num.end()
    year = vocab.year(num.group("year")) if num.group("year") else None
    if year is None:
        tail_years = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", printed)
        year = int(tail_years[-1]) if tail_years and "/" in printed else None
    span = RegulationSpan(m.start(), end, kind.code, issuer, between.strip(" ,\t\r\n"), printed, year)
    if year is None:
        span.reason = "year-missing"
    return span


def _add_titles(text: str, spans: list[RegulationSpan], vocab: Vocabulary) -> None:
    for i, span in enumerate(spans):
        if span.self_ref:
            continue
        tm = vocab.title_lead_re.match(text, span.end)  # at the span's end, not on a copy of the rest of the text
        if not tm:
            continue
        start = tm.end()
        limit = spans[i + 1].start if i + 1 < len(spans) else len(text)
        stop = vocab.title_stop_re.search(text, start, limit)
        end = stop.start() if stop else limit
        title = text[start:end].strip(" ,\t\r\n")
        if title:
            span.title = title


# --- reference lists -----------------------------------------------------------


def _units(text: str, vocab: Vocabulary) -> list[tuple[int, int, str, str]]:
    return [
        (m.start(), m.end(), m.lastgroup, m.group(m.lastgroup + "_label"))
        for m in vocab.unit_re.finditer(text)
    ]


def _gap_kind(gap: str, vocab: Vocabulary) -> str | None:
    if gap == "" or gap.isspace():
        return "adjacent"
    if vocab.range_re.fullmatch(gap):
        return "range"
    if vocab.list_re.fullmatch(gap):
        return "list"
    return None


def find_groups(text: str, regulations: list[RegulationSpan], vocab: Vocabulary | None = None) -> list[Group]:
    """Reference lists in ``text``; a list directly followed by a regulation mention points into it."""
    vocab = vocab or vocabulary()
    if not vocab.may_hold_units(text):
        return []
    tokens = _units(text, vocab)
    mentions = _Mentions(regulations)
    groups: list[Group] = []
    i = 0
    while i < len(tokens):
        # A group: tokens joined by adjacency, list joiners or range joiners.
        members = [tokens[i]]
        joins = []
        j = i + 1
        while j < len(tokens):
            gap = _gap_kind(text[members[-1][1]:tokens[j][0]], vocab)
            if gap is None:
                break
            members.append(tokens[j])
            joins.append(gap)
            j += 1
        groups.append(_make_group(text, members, joins, mentions, vocab))
        i = j
    starts = [g.start for g in groups]  # in order: looked up by bisection, not by a scan per blank
    merged: set[int] = set()
    blanks: list[Group] = []
    for bm in vocab.blank_unit_re.finditer(text):
        at = bisect.bisect_right(starts, bm.start()) - 1
        if at >= 0 and bm.start() < groups[at].end:
            continue
        blank = Group(bm.start(), bm.end(), blank=True)
        # "Pasal ... ayat (2)": what follows a blank belongs to the blank reference, not to this article
        after = bisect.bisect_left(starts, bm.end())
        if after < len(groups) and not _NON_SPACE.search(text, bm.end(), groups[after].start):
            merged.add(after)
            blank.end = groups[after].end
        blanks.append(blank)
    groups = [g for i, g in enumerate(groups) if i not in merged] + blanks
    groups.sort(key=lambda g: g.start)
    return groups


def _level_index(level: str) -> int:
    return LEVELS.index(level)


_NON_SPACE = re.compile(r"\S")


class _Mentions:
    """The regulation mentions of a text, looked up by where they start and end: scanning the
    list for every reference group took quadratic time in a text with thousands of both."""

    def __init__(self, regulations: list[RegulationSpan]) -> None:
        self.starting: dict[int, RegulationSpan] = {}
        for span in regulations:
            self.starting.setdefault(span.start, span)
        self.named = [span for span in regulations if not span.self_ref]  # in order, so by end too
        self.ends = [span.end for span in self.named]

    def last_before(self, offset: int) -> RegulationSpan | None:
        """The last mention (not "... ini") that ends at or before ``offset``."""
        index = bisect.bisect_right(self.ends, offset)
        return self.named[index - 1] if index else None


def _make_group(text, members, joins, mentions: _Mentions, vocab) -> Group:
    # Units: runs of adjacent tokens ("Pasal 5 ayat (2) huruf a" or reversed "angka 6 Pasal 1").
    units: list[Unit] = []
    unit_joins: list[str] = []
    current: list = [members[0]]
    for token, join in zip(members[1:], joins):
        prev_level = _level_index(current[-1][2])
        if join == "adjacent" and _level_index(token[2]) != prev_level and token[2] not in {t[2] for t in current}:
            current.append(token)
            continue
        units.append(_unit(current))
        unit_joins.append(join if join != "adjacent" else "list")
        current = [token]
    units.append(_unit(current))
    group = Group(units[0].start, units[-1].end)
    # Reversed units lend their outer levels to the list before them ("angka 6 dan angka 7 Pasal 1").
    lender: dict[int, Unit] = {}
    for idx in range(len(units) - 1, -1, -1):
        if units[idx].reversed_form:
            for back in range(idx - 1, -1, -1):
                if "pasal" in units[back].labels:
                    break
                lender[back] = units[idx]
    refs: list[Reference] = []
    previous: dict[str, str] | None = None
    k = 0
    while k < len(units):
        unit = units[k]
        path = _inherit(unit, previous, lender.get(k))
        ref = Reference(unit.start, unit.end, path)
        if k < len(unit_joins) and unit_joins[k] == "range" and k + 1 < len(units):
            end_unit = units[k + 1]
            ref.path_end = _inherit(end_unit, path, lender.get(k + 1))
            ref.end = end_unit.end
            previous = ref.path_end
            k += 2
        else:
            previous = path
            k += 1
        refs.append(ref)
    group.references = refs
    lead = vocab.pinpoint_lead_re.match(text, group.end)
    pos = lead.end()
    following = mentions.starting.get(pos)
    if following is not None:
        if not following.self_ref:
            group.target = following
    else:
        km = vocab.kind_re.match(text, pos)
        if km and not vocab.self_re.match(text, km.end()):
            group.unnamed_target = True
        else:
            group.target = _pinpoint_after(text, group, mentions, vocab)
    return group


def _pinpoint_after(text: str, group: Group, mentions: _Mentions, vocab: Vocabulary) -> RegulationSpan | None:
    """"Undang-undang Nomor 4 PNPS Tahun 1963 tentang ... (Lembaran Negara ...), Pasal 2 ayat (3)":
    a reference list right after an act's title and its Lembaran note points into that act."""
    before = mentions.last_before(group.start)
    if before is not None and vocab.after_note_re.fullmatch(text, before.end, group.start):
        return before
    return None


def _unit(tokens) -> Unit:
    labels = {level: label for _, _, level, label in tokens}
    order = [_level_index(level) for _, _, level, _ in tokens]
    return Unit(tokens[0][0], tokens[-1][1], labels, reversed_form=len(order) > 1 and order[0] > order[-1])


def _inherit(unit: Unit, previous: dict[str, str] | None, lender: Unit | None) -> dict[str, str]:
    """Fill the outer levels a unit leaves out from the reference before it in the same list."""
    top = min(_level_index(level) for level in unit.labels)
    source = lender.labels if lender is not None else previous
    path: dict[str, str] = {}
    if source:
        for level in LEVELS[:top]:
            if level in source:
                path[level] = source[level]
    path.update(unit.labels)
    return path


def find(text: str, vocab: Vocabulary | None = None) -> Found:
    """All citation-like spans of ``text``: regulation mentions and reference lists."""
    vocab = vocab or vocabulary()
    regulations = find_regulations(text, vocab)
    return Found(regulations, find_groups(text, regulations, vocab))
