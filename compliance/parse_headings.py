"""What a heading of the batang tubuh looks like: BAB / Bagian / Paragraf / Pasal, their
titles, and the Penjelasan title. Shapes of single lines; ``parse_body`` decides from the
sequence and the context whether a line that looks like one opens it.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from compliance.markers import markers

_SENTENCE_END = re.compile(r"[.;:,!?)\"”’'\]]\s*$")
_WORD_CHAR = re.compile(r"[A-Za-z0-9]")


def bagian_label(text: str) -> str | None:
    """The ordinal of a ``Bagian Kesatu`` heading (values.bagian_ordinals), else None."""
    vocab = markers()
    m = vocab.bagian_heading.match(text)
    if m and m.group("label").lower() in vocab.word_set("bagian_ordinals"):
        return m.group("label")
    return None


def ends_sentence(text: str) -> bool:
    """The line closes a sentence or clause, or is mere OCR noise (``/``)."""
    return bool(_SENTENCE_END.search(text)) or not _WORD_CHAR.search(text)


def is_heading_words(text: str) -> bool:
    """Bagian/Paragraf titles capitalise their words (``Hak dan Kewajiban``)."""
    small = markers().word_set("heading_small_words")
    words = [w for w in text.split() if w.isalpha() and w.lower() not in small]
    return bool(words) and all(w[0].isupper() for w in words)


def is_article_title(lines: list[str]) -> bool:
    """The lines between a ``Pasal 2`` heading and its ``(1)`` are the article's title
    (``Maksud dan Tujuan``): few, capitalised words or capitals, never a point or a finished
    sentence. A title is text of the article; it must not stop its ayat from being read."""
    vocab = markers()
    return 0 < len(lines) <= vocab.values["article_title_lines"] and all(
        (is_heading_words(t) or is_title_case_line(t)) and not ends_sentence(t) and not vocab.point_start.match(t)
        for t in lines)


def is_title_case_line(text: str) -> bool:
    """Mostly capitals: a BAB title (``KETENTUAN UMUM``)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.6


def is_penjelasan_title(text: str) -> bool:
    """``PENJELASAN`` (``ATAS``), also as OCR garbles it (``P3NJ3LASAN``)."""
    if not text.isupper():  # a line with small letters, or with no letters (no word to be like it)
        return False
    words, values = text.split(None, 2), markers().values  # two words at most: a third says no
    if not words or len(words) > 2 or (len(words) == 2 and words[1] != values["penjelasan_atas"]):
        return False
    return fuzz.ratio(words[0], values["penjelasan_word"]) >= 75


def title_lines(texts: list[str], i: int, upper_only: bool, limit: int = 4) -> int:
    """How many lines after ``i`` form a heading title: all lines up to a heading that
    follows within ``limit`` lines; otherwise capitals for a BAB, capitalised words for
    a Bagian/Paragraf, never a finished sentence."""
    vocab = markers()
    for n in range(1, limit + 1):
        t = _at(texts, i + n)
        if (not t or vocab.point_start.match(t) or t.endswith(";") or vocab.closing_start.match(t)
                or (n > 1 and t.endswith("."))):
            break
        if is_heading_start(_at(texts, i + n + 1)):
            return n
    n = 0
    while n < limit and i + 1 + n < len(texts):
        t = texts[i + 1 + n]
        if is_heading_start(t) or vocab.closing_start.match(t) or vocab.point_start.match(t):
            break
        if (upper_only and not is_title_case_line(t)) or (not upper_only and not is_heading_words(t)):
            break
        if ends_sentence(t) and not t.endswith(","):
            break
        n += 1
    return n


def any_heading() -> re.Pattern[str]:
    """One pattern for the BAB, Bagian, Paragraf and Pasal headings: a line it does not match
    opens none of them, whatever its context (one regex call for the many lines of text
    instead of four)."""
    return markers().any_of("bab_heading", "bagian_heading", "paragraf_heading", "pasal_heading",
                            "pasal_heading_titled")


def titled_pasal(t: str) -> re.Match[str] | None:
    """``Pasal 3 Ruang Lingkup``: a heading and the article's title on one line (groups
    ``raw``, ``title``); a plain ``Pasal 3`` or a reference starting a line is not one."""
    vocab = markers()
    if vocab.pasal_heading.match(t):
        return None
    m = vocab.pasal_heading_titled.match(t)
    return m if m and is_article_title([m.group("title")]) else None


def is_heading_start(t: str) -> bool:
    """A Pasal, BAB, Paragraf or Bagian heading opens the line."""
    vocab = markers()
    return bool(vocab.pasal_heading.match(t) or vocab.bab_heading.match(t) or vocab.paragraf_heading.match(t)
                or bagian_label(t) or titled_pasal(t))


def _at(texts: list[str], i: int) -> str:
    return texts[i] if 0 <= i < len(texts) else ""
