"""Turn extracted pages into clean lines: no page furniture, no carry-over, words whole.

Real regulation PDFs carry running headers (``PRESIDEN REPUBLIK INDONESIA``),
page numbers (``-2-``), stamps (``SK No 012345 A``), the first words of the next
page repeated at the foot (``Pasal 5 . . .``), words hyphenated across lines and
OCR misreadings of headings (``Pasal1``, ``PasaI 10``, ``BABI``). The parser
should see none of that. Which lines are furniture comes from
``regulations/layout.yaml`` plus lines that repeat at page edges across the
document; structural OCR repairs stay minimal so source words are kept.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from rapidfuzz import fuzz

from compliance.markers import markers
from compliance.models import Line, Page
from compliance.resources import data_yaml

_EDGE = 4  # how many lines at the top / foot of a page can be furniture
HEADING_MAX = 24  # a longer line is no heading to repair (fix_heading)
_PAGE_NUMBER = re.compile(r"[-–—~]\s*\d{1,3}\s*[-–—~]?|[-–—~]\s*\d[0-9A-Za-z]{1,2}\s*[-–—~]")  # -2-, -2, -2t-
_INNER_PAGE_NUMBER = re.compile(r"[-–—]\s*\d{1,3}\s*[-–—]")  # only the dashed form is safe mid-page
_DASHES = frozenset("-–—")  # how _INNER_PAGE_NUMBER starts: other lines skip the regex call
_DIGITS = re.compile(r"\d+")
_DOTS_AND_SPACES = "." + "".join(c for c in map(chr, range(0x3001)) if c.isspace())  # "." and regex \s
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_LETTER_POINT = re.compile(r"[a-z]\.\s")  # "b. " opens a lettered point: no word goes on in it


def layout() -> dict:
    """The layout data (furniture patterns, OCR word fixes, digit look-alikes)."""
    return data_yaml("regulations", "layout.yaml")


@cache
def _patterns(key: str) -> re.Pattern[str]:
    """The patterns of ``key`` as one alternation, each anchored at both ends: one regex call
    per line instead of one per pattern. A leading global flag (``(?i)``) is scoped to its
    own pattern."""
    return re.compile("|".join(f"(?:{_scoped(p)})\\Z" for p in layout()[key]))


def _scoped(pattern: str) -> str:
    flags = re.match(r"\(\?([aiLmsux]+)\)", pattern)
    return f"(?{flags.group(1)}:{pattern[flags.end():]})" if flags else pattern


@cache
def _word_fixes() -> list[tuple[str, re.Pattern[str], str]]:
    """Each word fix with the longest literal of its pattern, a cheap test before the regex."""
    out = []
    for pattern, replacement in layout()["word_fixes"].items():
        literal = max(re.findall(r"[A-Za-z]{2,}", pattern.replace("\\b", " ").replace("\\s", " ")), key=len)
        out.append((literal, re.compile(pattern), replacement))
    return out


def normalise(text: str) -> str:
    """One line with pdfium's soft-hyphen marker restored and spaces collapsed."""
    text = text.replace("\ufffe", "-").replace("\u00ad", "-").replace("\ufeff", "")
    return _SPACES.sub(" ", text).strip()


# What ``normalise`` would change in a page's lines (spacing; in ASCII, the other whitespace),
# and what splits lines besides "\n".
_SPACING = ("  ", " \n", "\n ")
_UNTIDY_ASCII = ("\t", "\x1f", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e")


def _page_lines(text: str) -> list[str]:
    """The page's lines, normalised, without empty ones. A page that is tidy already (a PDF
    text layer as ``pdf_lines`` rebuilds it) is only split: normalising each line would
    return it unchanged."""
    if _is_tidy(text):
        return [t for t in text.split("\n") if t]
    return [t for t in (normalise(x) for x in text.splitlines()) if t]


def _is_tidy(text: str) -> bool:
    """Single spaces between words only, no line break but "\n" and nothing ``normalise``
    maps. Beyond ASCII, a page printable but for "\n" holds no whitespace but the space, nor
    pdfium's markers (non-characters and format characters are not printable)."""
    if text.startswith(" ") or text.endswith(" ") or any(spacing in text for spacing in _SPACING):
        return False
    if text.isascii():
        return not any(mark in text for mark in _UNTIDY_ASCII)
    return text.replace("\n", " ").isprintable()


def _key(text: str) -> str:
    """What a running header looks like on every page: digits and spacing ignored."""
    return _DIGITS.sub("#", text.replace(" ", "")).lower()


def _is_pattern_furniture(text: str, top: bool) -> bool:
    return bool(_patterns("page_furniture").match(text) or (top and _patterns("page_headers").match(text)))


def _learn_repeated(pages: list[list[str]]) -> set[str]:
    """Keys of lines that sit at a page edge on many pages and nowhere else: running
    headers/footers. Sentences (``Cukup jelas.``) and headings are never learned."""
    if len(pages) < 3:
        return set()
    edge_counts: Counter[str] = Counter()
    for lines in pages[1:]:
        edge_counts.update({_key(t) for t in lines[:_EDGE] + lines[-_EDGE:] if not t.endswith((".", ";", ":", ","))})
    threshold = max(3, int(0.4 * (len(pages) - 1)))
    structural = markers().structural_line
    candidates = {k for k, n in edge_counts.items() if n >= threshold and len(k) > 1 and not structural.match(k)}
    if not candidates:
        return candidates
    # only a line that starts like a candidate can have its key: the others are not keyed
    starts = {k[0] for k in candidates}
    inner = {
        _key(t) for lines in pages[1:] for t in lines[_EDGE:-_EDGE]
        if ("#" if t[0].isdecimal() else t[0].lower()[:1]) in starts
    }
    return candidates - inner


def _strip_edges(lines: list[str], repeated: set[str], top: bool) -> list[str]:
    """Drop furniture lines running in from the top (and always the foot) of one page."""
    def furniture(t: str, at_top: bool) -> bool:
        return _is_pattern_furniture(t, at_top) or _key(t) in repeated

    start = 0
    if top:
        # everything above the page number is the running header, however the OCR read it
        for k, t in enumerate(lines[: _EDGE + 1]):
            if _PAGE_NUMBER.fullmatch(t) and all(len(x.split()) <= 4 for x in lines[:k]):
                start = k + 1
                break
        while start < min(len(lines), _EDGE + 2) and furniture(lines[start], True):
            start += 1
    end = len(lines)
    while end > start and len(lines) - end < _EDGE and furniture(lines[end - 1], False):
        end -= 1
    return lines[start:end]


def _strip_inner_breaks(lines: list[str]) -> list[str]:
    """A page break inside the text (TXT or DOCX pasted from a PDF): a ``- 3 -`` line and
    the running-header lines just above it go, with the carry-over line before them."""
    out: list[str] = []
    for t in lines:
        if t[:1] in _DASHES and _INNER_PAGE_NUMBER.fullmatch(t) and out:
            while out and _is_pattern_furniture(out[-1], top=True):
                out.pop()
            mark = carry_mark(out[-1]) if out else None
            if mark is not None and mark[1]:
                out.pop()
            continue
        out.append(t)
    return out


def _squash(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def carry_mark(text: str) -> tuple[str, bool] | None:
    r"""The words before a carry-over mark that ends ``text`` ("Pasal 5 . . .", "Teknologi …",
    "Setiap .") and whether the mark is dotted (three dots or more, or "…"); None without one.

    Read from the end of the line in linear time: the regex it replaces,
    ``^(.*?\S)\s*(?:(?:\.\s*){3,}|…+|\s\.)$``, took quadratic time on a long run of dots
    (table-of-contents leaders). The stem is the same: the shortest one the regex allowed.
    """
    run = len(text.rstrip(_DOTS_AND_SPACES))  # start of the trailing run of dots and spaces
    dots = text.count(".", run)
    if text.endswith("…"):
        marks = len(text) - len(text.rstrip("…"))
        stem = text[: len(text) - marks].rstrip()
        if stem:
            return stem, True
        return (text[: len(text) - marks + 1], True) if marks >= 2 else None  # only marks: the first is the stem
    if run and dots >= 3:
        return text[:run], True
    if not run and dots >= 4:  # only dots: the first one is the stem
        first = next(i for i, c in enumerate(text) if c == ".")
        return text[: first + 1], True
    if len(text) >= 3 and text[-1] == "." and text[-2].isspace():
        stem = text[:-1].rstrip()
        if stem:
            return stem, dots >= 3
    return None


def _is_carry_over(last: str, next_lines: list[str]) -> bool:
    """The foot line repeats the next page's first words (``Pasal 5 . . .``, ``3. Teknologi .``)."""
    mark = carry_mark(last)
    if mark is None:
        # the OCR may keep a single dot of ". . .": "(3) Setiap." before "(3) Setiap Penyelenggara"
        short = re.fullmatch(r"(?P<stem>\S+(?: \S+){1,3})\.", last)
        head = " ".join(next_lines[:2])
        return bool(short) and head.startswith(short.group("stem") + " ")
    stem = _squash(mark[0])
    if not stem:
        return True
    head = _squash(" ".join(next_lines[:4]))
    if head.startswith(stem):
        return True
    dotted = mark[1]
    # "PasaJ2T ..." announcing "Pasal 27": the OCR may garble the repeated words
    # (the fuzzy comparison reads a line's worth: on a paragraph-long stem it would cost quadratic time)
    return dotted and (stem in head[: len(stem) + 400] or fuzz.ratio(stem[:200], head[: min(len(stem), 200)]) >= 70)


def fix_heading(text: str) -> str:
    """Repair OCR-glued or misread heading keywords (``Pasal1``, ``PasaI 10``, ``BABI``); the
    patterns and words are ``regulations/markers.yaml`` (``ocr_headings``)."""
    vocab = markers()
    if len(text) > HEADING_MAX or text[:1] not in vocab.values["heading_first_chars"]:
        return text
    words = vocab.values["heading_words"]
    text = vocab.heading_noise.sub("", text)
    text = vocab.bagian_split.sub(words["bagian"], text)
    m = vocab.heading_capitals.match(text)
    if m:  # drafts set headings in capitals: PASAL 3, BAGIAN KEDUA, PARAGRAF 1
        keyword = (m.group("keyword") or m.group("keyword2")).capitalize()
        rest = m.group("rest") or m.group("rest2")
        text = keyword + (rest.title() if keyword == words["bagian"] else rest)
    m = vocab.pasal_glued.match(text)
    if m:
        return f"{words['pasal']} " + "".join(m.group("label").split())  # "Pasal 2 6" -> "Pasal 26"
    m = vocab.bab_glued.match(text)
    if m:
        label = m.group("label").replace(" ", "").replace("l", "I").replace("1", "I")
        return f"{words['bab']} {label}"
    return text


def fix_words(text: str, fixes: list[tuple[str, re.Pattern[str], str]] | None = None) -> str:
    """Apply the OCR word repairs of layout.yaml (``lnformatika``, ``danjatau``); ``fixes``:
    only those (``_page_words``)."""
    for literal, pattern, replacement in _word_fixes() if fixes is None else fixes:
        if literal in text:
            text = pattern.sub(replacement, text)
    return text


def _page_words(texts: list[str]) -> list[str]:
    """``fix_words`` of a page's lines: the repairs from the first whose literal occurs in the
    page on (a repair may make the literal of a later one), asked only by the lines holding
    one of those literals (most lines hold none, and are returned as they are)."""
    joined = "\n".join(texts)
    fixes = _word_fixes()
    start = next((i for i, (literal, _, _) in enumerate(fixes) if literal in joined), len(fixes))
    fixes, gates = fixes[start:], _gates(start)
    return [fix_words(text, fixes) if _holds_any(text, gates) else text for text in texts]


@cache
def _gates(start: int) -> tuple[str, ...]:
    """The literals of the word repairs from ``start`` on that hold no other one ("tau" for
    "atau" too): a line holding none of them holds no literal of those repairs."""
    literals = sorted({literal for literal, _, _ in _word_fixes()[start:]})
    return tuple(x for x in literals if not any(other != x and other in x for other in literals))


def _holds_any(text: str, literals: tuple[str, ...]) -> bool:
    for literal in literals:
        if literal in text:
            return True
    return False


def _dehyphenate(texts: list[str], pages: list[int]) -> list[Line]:
    """Rejoin words split at a line end: ``penyeleng-`` + ``garaan``; ``Undang-`` + ``Undang``.
    Works on the texts (rewriting the next one's), making each Line once."""
    out: list[Line] = []
    last = len(texts) - 1
    for i, text in enumerate(texts):
        if len(text) > 2 and text[-1] in "-_" and text[-3:-1].isalpha() and i < last:
            nxt = texts[i + 1]
            if nxt and nxt[0].isalpha() and not _LETTER_POINT.match(nxt):
                first, _, texts[i + 1] = nxt.partition(" ")
                out.append(Line(text[:-1] + ("-" if nxt[0].isupper() else "") + first, pages[i]))
                continue
        if text:
            out.append(Line(text, pages[i]))
    return out


def clean(pages: list[Page]) -> list[Line]:
    """Pages -> lines in reading order, furniture and carry-over removed, OCR headings repaired."""
    raw = [_page_lines(page.text) for page in pages]
    repeated = _learn_repeated(raw)
    stripped = [_strip_inner_breaks(_strip_edges(lines, repeated, top=i > 0)) for i, lines in enumerate(raw)]
    nxt: list[str] = []  # the lines of the next page that has any, found walking back (linear in pages)
    for i in range(len(stripped) - 1, -1, -1):
        lines = stripped[i]
        if lines and i < len(stripped) - 1 and _is_carry_over(lines[-1], nxt):
            stripped[i] = lines[:-1]
        if lines:
            nxt = lines
    texts = [
        fix_heading(fixed) if len(fixed) <= HEADING_MAX else fixed
        for lines in stripped
        for fixed in _page_words(lines)
    ]
    return _dehyphenate(texts, [page.number for page, lines in zip(pages, stripped) for _ in lines])
