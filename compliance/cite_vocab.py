"""The citation vocabulary of ``regulations/kinds.yaml``, compiled once.

Kinds, their spellings and abbreviations, issuers, and the words citations are written
with ("Nomor", "Tahun", "tentang", "Pasal ... ayat ... huruf", list and range joiners)
are data; this module turns them into the patterns ``cite_find`` reads spans with and
``cite_resolve`` reads ids with. A new kind, abbreviation or citation word is a YAML entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Iterator

from compliance.resources import data_yaml

LEVELS = ("pasal", "ayat", "huruf", "angka")


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
    whole_number: bool = False  # identified by its whole number ("188.45/1612/HK/2019"), not its first digits


@dataclass(frozen=True)
class Issuer:
    code: str
    names: tuple[str, ...]
    abbreviations: tuple[str, ...]
    markers: tuple[str, ...]


_SPACES_AND_HYPHENS = re.compile(r"[\s\-]+")


def norm_key(text: str) -> str:
    """The key a surface is looked up by: no spaces or hyphens, lower case."""
    return _SPACES_AND_HYPHENS.sub("", text).lower()


def surface_pattern(text: str) -> str:
    """A pattern for ``text`` as printed: any spacing, a hyphen with or without spaces."""
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


def _tokens(text: str) -> list[str]:
    """``text`` as the pieces of its ``surface_pattern``: one per character, a space run, a hyphen."""
    out = []
    for part in re.split(r"(\s+|-)", text.strip()):
        if part == "-":
            out.append(r"\s*-\s*")
        elif part.isspace():
            out.append(r"\s*")
        else:
            out += [re.escape(c.lower() if c.isascii() else c) for c in part]
    return out


def trie_pattern(words: list[str]) -> str:
    """A pattern matching what ``alternation(words)`` matches (case-insensitively), with the
    words' common beginnings written once ("Peraturan (?:Presiden|Pemerintah|...)"), so the
    engine leaves a word after its first differing letter instead of trying every alternative.
    Which alternative wins is not kept: use it to test whether some word matches."""
    root: dict = {}
    for word in words:
        node = root
        for token in _tokens(word):
            node = node.setdefault(token, {})
        node[""] = {}  # a word ends here

    def emit(node: dict) -> str:
        branches = [token + emit(child) for token, child in node.items() if token]
        if "" in node:
            branches.append("")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(root)


def alternation(words: list[str]) -> str:
    """One alternative per word, longest first (so "Perda Kota" wins over "Perda")."""
    return "|".join(surface_pattern(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


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
                whole_number=bool(entry.get("whole_number", False)),
            )
            self.kinds[kind.code] = kind
            for word in entry.get("spellings", []):
                self.surfaces.setdefault(norm_key(word), (kind.code, None, False))
            for word in entry.get("abbreviations", []):
                self.surfaces.setdefault(norm_key(word), (kind.code, None, True))
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
                        self.surfaces.setdefault(norm_key(word), (kind_code, entry["code"], True))
        self.issuer_keys = {
            norm_key(name) for issuers in self.issuers.values() for i in issuers for name in i.names + i.abbreviations
        }
        words = data["citation"]
        surface_words = self._surface_words(data)
        initials = "".join(sorted({w[0].lower() for w in surface_words} | {w[0].upper() for w in surface_words}))
        # the initial-letter look-ahead lets the engine skip most positions before trying the alternation
        self.kind_re = re.compile(
            r"(?=[" + re.escape(initials) + r"])(?<![\w-])(?:" + alternation(surface_words) + r")(?![\w])", re.I
        )
        # where kind_re matches, found by the words' trie: the long alternation runs only there
        self._kind_start_re = re.compile(
            r"(?=[" + re.escape(initials) + r"])(?<![\w-])(?=" + trie_pattern(surface_words) + r"(?![\w]))", re.I
        )
        # the same places in ASCII text, found faster: a pattern opening with a character class
        # lets the engine skip to the next initial in C instead of trying every position (it
        # consumes the initial, so the look-behind reads two characters). Only for ASCII: under
        # re.I a class of ASCII letters also matches "\u212a" (Kelvin), "\u0130" and the like.
        self._kind_start_ascii_re = re.compile(
            r"[" + re.escape(initials) + r"](?<![\w-].)(?<=(?=(?i:" + trie_pattern(surface_words) + r")(?![\w])).)"
        )
        self.nomor_re = re.compile(r"(?<!\w)(?:" + alternation(words["number_words"]) + r")(?!\w)\s*:?\s*", re.I)
        year = r"(?i:" + alternation(words["year_words"]) + r")"
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
            r"(?P<num>(?:\d+(?:\.\d+)+(?=\s*/)|" + ocr_number + r"|(?:[A-Z]{1,3}\s*\.?\s*)?(?:\d+|[IVXLCDM]+(?=\s*/)))[A-Za-z]?"
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
        self.republic_re = re.compile(r"(?:" + alternation(words["republic_words"]) + r")", re.I)
        self.daerah_prefix_re = re.compile(r"^(?:" + alternation(words["daerah_prefixes"]) + r")(?:\s+|$)", re.I)
        self.self_re = re.compile(r"\s+(?:" + alternation(words["self_words"]) + r")(?!\w)", re.I)
        unit_parts = []
        for level in LEVELS:
            pattern = words["units"][level].replace("(?P<label>", f"(?P<{level}_label>")
            unit_parts.append(f"(?P<{level}>{pattern})")
        starts = {words["units"][level][0] for level in LEVELS}
        lead = "(?=[" + re.escape("".join(sorted(starts))) + "])" if all(c.isalpha() for c in starts) else ""
        self.unit_re = re.compile(lead + "(?:" + "|".join(unit_parts) + ")")
        unit_words = [words["units"][lv].split("\\s")[0] for lv in LEVELS]
        self.blank_unit_re = re.compile(r"(?:" + "|".join(unit_words) + r")\s*\(?\s*" + words["blank"])
        # a unit pattern opening with a plain word ("Pasal\s*...") matches only where that word stands
        self._unit_words = tuple(unit_words) if all(w.isalpha() for w in unit_words) else None
        self.list_re = re.compile(words["list_joiners"])
        self.range_re = re.compile(words["range_joiners"])
        self.connectors = frozenset(words["connectors"])
        connectors = "|".join(re.escape(w) for w in words["connectors"])
        self.between_word_re = re.compile(r"^(?:[A-Z][\w.,/'&-]*|" + connectors + r"|,)$")
        title = alternation(words["title_words"])
        self.title_lead_re = re.compile(r"\s*(?:,\s*)?(?:" + title + r")\s+", re.I)  # "\s*,?\s*" backtracks on spaces
        self.title_before_re = re.compile(r"^\s*,?\s*(?:" + title + r")\b", re.I)
        self.title_stop_re = re.compile("|".join(words["title_ends"]))
        self.after_note_re = re.compile(r"(?:\s*,?\s*(?:" + title + r")\b[^;()]*)?\s*\([^()]*\)\s*,\s*", re.I)
        self.pinpoint_lead_re = re.compile(r"\s*,?\s*(?:(?:" + "|".join(map(re.escape, words["pinpoint_words"])) + r")\s+)?")

    def _surface_words(self, data: dict) -> list[str]:
        words = []
        for entry in data["kinds"]:
            words += entry.get("spellings", []) + entry.get("abbreviations", [])
        for group in ("ministries", "agencies"):
            for entry in data.get(group, []):
                for more in (entry.get("regulation_abbreviations") or {}).values():
                    words += more
        return words

    def kind_matches(self, text: str) -> Iterator[re.Match]:
        """What ``kind_re.finditer(text)`` yields, faster: ``kind_re`` is tried only where the
        trie of the words says one of them starts (the same places: the same test, factored)."""
        end = 0
        starts = self._kind_start_ascii_re if text.isascii() else self._kind_start_re
        for start in starts.finditer(text):
            if start.start() >= end:
                m = self.kind_re.match(text, start.start())
                if m:
                    end = m.end()
                    yield m

    def may_hold_units(self, text: str) -> bool:
        """Whether ``unit_re`` or ``blank_unit_re`` may match in ``text``: it holds the word one
        of the unit patterns opens with (a fifth of the corpus text holds none: no scan there)."""
        return self._unit_words is None or any(word in text for word in self._unit_words)

    def year(self, printed: str) -> int | None:
        """A year as printed, OCR look-alikes read as the digits they stand for; None when implausible."""
        value = int(printed.translate(self.ocr_table))
        return value if 1900 <= value <= 2100 else None

    def surface(self, text: str) -> tuple[str, str | None, bool]:
        return self.surfaces[norm_key(text)]


@cache
def vocabulary() -> Vocabulary:
    """The compiled vocabulary of ``regulations/kinds.yaml`` (loaded once per process)."""
    return Vocabulary(data_yaml("regulations", "kinds.yaml"))
