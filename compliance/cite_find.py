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
from functools import cache


from compliance.resources import data_yaml

LEVELS = ("pasal", "ayat", "huruf", "angka")
# The longest printed number and year read after "Nomor" ("188.45/123/KPTS/436.7.2/2019 Tahun 2019"
# is 40): a longer token is junk, and every pattern that reads a number sees at most this much.
NUMBER_MAX = 120


@dataclass(frozen=True)
class Kind:
    code: str
    name: str
    level: str
    regional: bool
    numbered: bool
    issuers: str | None  # "ministries" | "agencies" | None
    series: tuple[str, ...]
    by_level: tuple[tuple[str, str], ...] = ()  # citing level -> kind code ("Peraturan Daerah" in a Perbup)


@dataclass(frozen=True)
class Issuer:
    code: str
    names: tuple[str, ...]
    abbreviations: tuple[str, ...]
    markers: tuple[str, ...]


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


def _norm_key(text: str) -> str:
    return re.sub(r"[\s\-]+", "", text).lower()


def _surface_pattern(text: str) -> str:
    parts = re.split(r"(\s+|-)", text.strip())
    out = []
    for part in parts:
        if part == "-":
            out.append(r"\s*-\s*")
        elif part.isspace():
            out.append(r"\s*")
        elif part:
            out.append(re.escape(part))
    return "".join(out)


def _alternation(words: list[str]) -> str:
    return "|".join(_surface_pattern(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


class Vocabulary:
    """Everything ``kinds.yaml`` says about how citations are written, compiled once."""

    def __init__(self, data: dict) -> None:
        self.kinds: dict[str, Kind] = {}
        # key -> (kind code, issuer code, is an abbreviation)
        self.surfaces: dict[str, tuple[str, str | None, bool]] = {}
        for entry in data["kinds"]:
            kind = Kind(
                code=entry["code"], name=entry["name"], level=entry.get("level", "national"),
                regional=bool(entry.get("regional", False)), numbered=entry.get("numbered", True),
                issuers=entry.get("issuers"), series=tuple(entry.get("series", ())),
                by_level=tuple(sorted((entry.get("by_level") or {}).items())),
            )
            self.kinds[kind.code] = kind
            for word in entry.get("spellings", []):
                self.surfaces.setdefault(_norm_key(word), (kind.code, None, False))
            for word in entry.get("abbreviations", []):
                self.surfaces.setdefault(_norm_key(word), (kind.code, None, True))
        self.issuers: dict[str, list[Issuer]] = {}
        for group in ("ministries", "agencies"):
            self.issuers[group] = []
            for entry in data.get(group, []):
                self.issuers[group].append(Issuer(
                    code=entry["code"], names=tuple(entry.get("names", ())),
                    abbreviations=tuple(entry.get("abbreviations", ())), markers=tuple(entry.get("markers", ())),
                ))
                for kind_code, words in (entry.get("regulation_abbreviations") or {}).items():
                    for word in words:
                        self.surfaces.setdefault(_norm_key(word), (kind_code, entry["code"], True))
        self.issuer_keys = {
            _norm_key(name) for issuers in self.issuers.values() for i in issuers for name in i.names + i.abbreviations
        }
        words = data["citation"]
        surface_words = self._surface_words(data)
        initials = "".join(sorted({w[0].lower() for w in surface_words} | {w[0].upper() for w in surface_words}))
        # the initial-letter look-ahead lets the engine skip most positions before trying the alternation
        self.kind_re = re.compile(
            r"(?=[" + re.escape(initials) + r"])(?<![\w-])(?:" + _alternation(surface_words) + r")(?![\w])", re.I
        )
        self.nomor_re = re.compile(r"(?<!\w)(?:" + _alternation(words["number_words"]) + r")(?!\w)\s*:?\s*", re.I)
        year = r"(?i:" + _alternation(words["year_words"]) + r")"
        self.year_word_re = re.compile(year)
        ocr = words.get("ocr_digits") or {}
        self.ocr_table = str.maketrans({k: str(v) for k, v in ocr.items()})
        lookalike = "0-9" + re.escape("".join(sorted(ocr)))
        self.ocr_chars = "".join(sorted(ocr))
        # a number or year an OCR layer misread ("20O8", "l1"): digits and look-alikes ending in a real
        # digit. One quantifier only: "[x]*\d(?:[x]*\d)*" is the same language but backtracks
        # exponentially on "1O1O1O...O" (the digit belongs to both classes).
        self.ocr_lead = re.compile(rf"[{lookalike}]*\d")
        ocr_number = rf"(?<![A-Za-z])[{lookalike}]*\d(?![A-Za-z])"
        self.year_value = rf"(?P<year>[12][{lookalike}]{{3}}(?![{lookalike}]))"
        self.number_re = re.compile(
            r"(?P<num>(?:" + ocr_number + r"|(?:[A-Z]{1,3}\s*\.?\s*)?(?:\d+|[IVXLCDM]+(?=\s*/)))[A-Za-z]?"
            r"(?:\s*/\s*[A-Za-z0-9][A-Za-z0-9.\-]*)*"
            r"(?:\s+(?:" + "|".join(words.get("number_series", [])) + r")(?!\w))?)"
            r"(?:\s*,?\s*" + year + r"\s*:?\s*" + self.year_value + ")?"
        )
        self.short_number_re = re.compile(
            r"(?P<num>\d+)\s*(?:/\s*(?P<year>\d{4})(?!\d)|,?\s*" + year + r"\s*(?P<year2>\d{4})(?!\d))"
        )
        blank = words["blank"]
        self.blank_tail_re = re.compile(
            r"(?:" + blank + r"|\d+)?(?:\s*,?\s*" + year + r"\s*(?:\d{4}(?!\d)|" + blank + r")?)?"
        )
        self.year_only_re = re.compile(r"(?:" + year + r"\s*)?(?P<year>\d{4})(?!\d)")
        self.republic_re = re.compile(r"(?:" + _alternation(words["republic_words"]) + r")", re.I)
        self.daerah_prefix_re = re.compile(r"^(?:" + _alternation(words["daerah_prefixes"]) + r")(?:\s+|$)", re.I)
        self.self_re = re.compile(r"\s+(?:" + _alternation(words["self_words"]) + r")(?!\w)", re.I)
        unit_parts = []
        for level in LEVELS:
            pattern = words["units"][level].replace("(?P<label>", f"(?P<{level}_label>")
            unit_parts.append(f"(?P<{level}>{pattern})")
        starts = {words["units"][level][0] for level in LEVELS}
        lead = "(?=[" + re.escape("".join(sorted(starts))) + "])" if all(c.isalpha() for c in starts) else ""
        self.unit_re = re.compile(lead + "(?:" + "|".join(unit_parts) + ")")
        self.blank_unit_re = re.compile(
            r"(?:" + "|".join(words["units"][lv].split("\\s")[0] for lv in LEVELS) + r")\s*\(?\s*" + words["blank"]
        )
        self.list_re = re.compile(words["list_joiners"])
        self.range_re = re.compile(words["range_joiners"])

    def _surface_words(self, data: dict) -> list[str]:
        words = []
        for entry in data["kinds"]:
            words += entry.get("spellings", []) + entry.get("abbreviations", [])
        for group in ("ministries", "agencies"):
            for entry in data.get(group, []):
                for more in (entry.get("regulation_abbreviations") or {}).values():
                    words += more
        return words

    def year(self, printed: str) -> int | None:
        """A year as printed, OCR look-alikes read as the digits they stand for; None when implausible."""
        value = int(printed.translate(self.ocr_table))
        return value if 1900 <= value <= 2100 else None

    def surface(self, text: str) -> tuple[str, str | None, bool]:
        return self.surfaces[_norm_key(text)]


@cache
def vocabulary() -> Vocabulary:
    """The compiled vocabulary of ``regulations/kinds.yaml`` (loaded once per process)."""
    return Vocabulary(data_yaml("regulations", "kinds.yaml"))


_BETWEEN_WORD = re.compile(r"^(?:[A-Z][\w.,/'&-]*|dan|atau|serta|dan/atau|,)$")
_CONNECTORS = {"dan", "atau", "serta", "dan/atau"}


def _between_ok(vocab: Vocabulary, between: str) -> bool:
    """Words between a kind and its number must read as a name (issuer, daerah), not prose."""
    words = between.replace(",", " , ").split()
    if len(words) > 14 or vocab.kind_re.search(between) or vocab.year_word_re.search(between):
        return False
    if _norm_key(between) in vocab.issuer_keys:  # "Komunikasi dan informatika" as an OCR left it
        return True
    return all(_BETWEEN_WORD.match(w) or w.lower() in _CONNECTORS for w in words)


def find_regulations(text: str, vocab: Vocabulary | None = None) -> list[RegulationSpan]:
    """Every mention of a regulation by kind and number in ``text``, in order."""
    vocab = vocab or vocabulary()
    spans: list[RegulationSpan] = []
    for m in vocab.kind_re.finditer(text):
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
    _add_titles(text, spans)
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


_TITLE_STOP = re.compile(
    r"\s*\(|;|\s+sebagaimana\b|\s+dimana\b|\s*,?\s+yang\s+telah\b|,\s+(?:dan\s+)?(?:sebagaimana|yang)\b|\.\s|\.$|\n"
)


_TITLE_LEAD = re.compile(r"\s*(?:,\s*)?tentang\s+", re.I)  # "\s*,?\s*" backtracks quadratically on spaces


def _add_titles(text: str, spans: list[RegulationSpan]) -> None:
    for i, span in enumerate(spans):
        if span.self_ref:
            continue
        tm = _TITLE_LEAD.match(text, span.end)  # at the span's end, not on a copy of the rest of the text
        if not tm:
            continue
        start = tm.end()
        limit = spans[i + 1].start if i + 1 < len(spans) else len(text)
        stop = _TITLE_STOP.search(text, start, limit)
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
    lead = _LEAD.match(text, group.end)
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
            group.target = _pinpoint_after(text, group, mentions)
    return group


_AFTER_NOTE = re.compile(r"(?:\s*,?\s*tentang\b[^;()]*)?\s*\([^()]*\)\s*,\s*", re.I)


def _pinpoint_after(text: str, group: Group, mentions: _Mentions) -> RegulationSpan | None:
    """"Undang-undang Nomor 4 PNPS Tahun 1963 tentang ... (Lembaran Negara ...), Pasal 2 ayat (3)":
    a reference list right after an act's title and its Lembaran note points into that act."""
    before = mentions.last_before(group.start)
    if before is not None and _AFTER_NOTE.fullmatch(text, before.end, group.start):
        return before
    return None


_LEAD = re.compile(r"\s*,?\s*(?:(?:dari|dalam|pada)\s+)?")


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
