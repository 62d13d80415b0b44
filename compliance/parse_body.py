"""The batang tubuh: BAB / Bagian / Paragraf / Pasal, amending articles, and where it ends.

Headings are recognised from the sequence and the context, not the line alone:
``Pasal 7`` opens an article only when 7 can follow the previous article (or is
quoted by the current amending instruction), the previous line does not run on
into it and the next line does not continue a cross-reference (``ayat (2)``).
Whatever follows the last article is split into closing, Penjelasan and Lampiran.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from compliance.markers import markers
from compliance.metadata import iso_date
from compliance.models import Article, Heading, Line, Warning_
from compliance.parse_headings import (
    any_heading,
    bagian_label,
    ends_sentence,
    is_heading_start,
    is_heading_words,
    is_penjelasan_title,
    is_title_case_line,
    title_lines,
    titled_pasal,
)
from compliance.parse_items import parse_article_body
from compliance.parse_lampiran import is_lampiran_header, names_a_regulation, read_loosely_as_header
from compliance.parse_labels import follows, label_readings, next_roman, roman_value, split_arabic

@dataclass
class Body:
    """What the body parser found, in document order."""

    articles: list[Article] = field(default_factory=list)
    closing: list[Line] = field(default_factory=list)
    penjelasan: list[Line] = field(default_factory=list)
    lampiran: list[list[Line]] = field(default_factory=list)
    unplaced: list[Line] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)


@dataclass
class _Open:
    article: Article
    lines: list[str] = field(default_factory=list)


class _BodyParser:
    def __init__(self, lines: list[Line]):
        self.lines = lines
        self.texts = [ln.text for ln in lines]
        self.out = Body()
        self.open: _Open | None = None
        self.amending: _Open | None = None  # Pasal I while its changes are being read
        self.quote_buffer = ""  # instruction text since the last quoted article
        self.instruction_no = 0
        self.last_top: str | None = None
        self.last_quoted: str | None = None
        self.bab: Heading | None = None
        self.bagian: Heading | None = None
        self.paragraf: Heading | None = None
        self.outer: tuple = (None, None, None)
        self.prev_heading = False  # the previous line closed a heading (title)
        self.babs: list[list] = []  # [heading, article count, page]
        self.started: set[tuple[str, str | None]] = set()  # (label, parent) of the articles so far
        # the tests every line of the body meets, bound once
        self.closing_start = markers().closing_start.match
        self.any_heading = any_heading().match
        self.mode = "body"

    # -- helpers -------------------------------------------------------------

    def _text(self, i: int) -> str:
        return self.lines[i].text if 0 <= i < len(self.lines) else ""

    def _runs_on(self, i: int) -> bool:
        """The line before ``i`` runs on into it (a wrapped sentence, not a heading end)."""
        prev = self._text(i - 1)
        return (bool(prev) and not self.prev_heading and not ends_sentence(prev)
                and not is_title_case_line(prev) and not is_heading_words(prev))

    def _warn(self, code: str, detail: str, i: int) -> None:
        self.out.warnings.append(Warning_(code, detail, self.lines[i].page))

    def _mentioned(self) -> set[str]:
        found: set[str] = set()
        for m in markers().pasal_mention.finditer(self.quote_buffer):
            found.update(r for r in label_readings(m.group("raw")) if not roman_value(r))
        return found

    # -- headings ------------------------------------------------------------

    def _pasal_label(self, i: int) -> tuple[str, bool] | None:
        """The label a ``Pasal X`` line opens, and whether it is quoted; None if it is text."""
        vocab = markers()
        m = vocab.pasal_heading.match(self._text(i))
        titled = None if m else titled_pasal(self._text(i))
        m = m or titled
        if not m:
            return None
        readings = label_readings(m.group("raw"))
        if not readings or vocab.continues_reference.match(self._text(i + 1)) or vocab.refers_on.search(self._text(i - 1)):
            return None
        wrapped = self._runs_on(i)
        if titled and (wrapped or self._text(i + 1)[:1].islower()):
            return None  # "Pasal 3 Ruang Lingkup" in a sentence, or one the next line runs on from
        if self.amending is not None:
            nxt = next_roman(self.last_top)
            if nxt in readings and vocab.entry_into_force.search(" ".join(self.texts[i + 1 : i + 4])):
                return nxt, False  # Pasal II of an amending regulation: its entry into force
            named = self._mentioned() if not wrapped else set()
            mentioned = [r for r in readings if r in named]
            in_sequence = [r for r in mentioned if self.last_quoted and follows(self.last_quoted, r)]
            if in_sequence or mentioned:
                return (in_sequence or mentioned)[0], True
            if self.last_quoted is not None:
                for r in readings:
                    if follows(self.last_quoted, r) and not wrapped and not roman_value(r):
                        return r, True
            nxt = next_roman(self.last_top)
            return (nxt, False) if nxt in readings else None
        if self.last_top is None:
            if ("I" in readings or "1" in readings) and self._amends_ahead(i):
                return "I", False  # amending regulations number their articles I, II (OCR: 1, l)
            arabic = [r for r in readings if split_arabic(r)]
            return (arabic[0], False) if arabic and follows(None, arabic[0], 3) else None
        if roman_value(self.last_top):
            nxt = next_roman(self.last_top)
            return (nxt, False) if nxt in readings else None
        for r in readings:
            if follows(self.last_top, r) and not (wrapped and self._text(i + 1)[:1].islower()):
                return r, False
        for r in readings:
            if follows(self.last_top, r, max_jump=6) and not wrapped:
                self._warn("article-number-skip", f"{self.last_top} -> {r}", i)
                return r, False
        if self.last_top in readings and not wrapped:
            # the same heading again: kept as text of the article, flagged for review
            self._warn("duplicate-article", self.last_top, i)
        return None

    def _amends_ahead(self, i: int) -> bool:
        ahead = " ".join(self._text(j) for j in range(i + 1, i + 8))
        return bool(markers().amends_ahead.search(ahead))

    def _heading(self, i: int) -> int:
        """Consume a BAB / Bagian / Paragraf heading at ``i``; return lines used (0 if none)."""
        t = self._text(i)
        m = markers().bab_heading.match(t)
        if m and roman_value(re.sub(r"[A-Z]$", "", m.group("label")) or m.group("label")) and not self._runs_on(i):
            title = m.group("title")
            if title and not is_title_case_line(title):
                return 0
            n = 0 if title else title_lines(self.texts, i, upper_only=True)
            title = title or " ".join(self._text(i + 1 + k) for k in range(n))
            self.bab = Heading(m.group("label"), title)
            self.bagian = self.paragraf = None
            self.babs.append([self.bab, 0, self.lines[i].page])
            return 1 + n
        label = bagian_label(t)
        if label and not self._runs_on(i):
            n = title_lines(self.texts, i, upper_only=False, limit=3)
            self.bagian = Heading(label, " ".join(self._text(i + 1 + k) for k in range(n)))
            self.paragraf = None
            return 1 + n
        m = markers().paragraf_heading.match(t)
        if m and not self._runs_on(i):
            n = title_lines(self.texts, i, upper_only=False, limit=3)
            self.paragraf = Heading(m.group("label"), " ".join(self._text(i + 1 + k) for k in range(n)))
            return 1 + n
        return 0

    # -- articles ------------------------------------------------------------

    def _close(self) -> None:
        if self.open is None:
            return
        body = parse_article_body(self.open.lines)
        art = self.open.article
        art.text, art.ayat, art.items = body.text, body.ayat, body.items
        self.open = None

    def _start(self, label: str, quoted: bool, i: int) -> None:
        self._close()
        if quoted:
            parent = self.amending.article.label if self.amending else None
            self.last_quoted = label
        else:
            if self.amending is not None:
                self._finish_amending()
            parent = None
            self.last_top = label
        if (label, parent) in self.started:
            self._warn("duplicate-article", label, i)
        self.started.add((label, parent))
        art = Article(label, "", self.lines[i].page, self.bab, self.bagian, self.paragraf, parent=parent)
        if self.babs and self.babs[-1][0] is self.bab:
            self.babs[-1][1] += 1
        self.out.articles.append(art)
        self.open = _Open(art)
        if not quoted and roman_value(label) and self._amends_ahead(i):
            self.amending = self.open
            self.outer = (self.bab, self.bagian, self.paragraf)
            self.instruction_no = 0
            self.last_quoted = None
            self.quote_buffer = ""

    def _finish_amending(self) -> None:
        """Leave an amending article: headings quoted inside it do not carry on."""
        if self.amending is not None and self.open is None:
            body = parse_article_body(self.amending.lines)
            art = self.amending.article
            art.text, art.ayat, art.items = body.text, body.ayat, body.items
        self.bab, self.bagian, self.paragraf = self.outer
        self.amending = None
        self.last_quoted = None

    def _instruction(self, i: int) -> bool:
        """A change instruction of the amending article (``3. Ketentuan Pasal 26 diubah ...``).

        Numbered ones must come next in sequence (one lost number is tolerated);
        unnumbered ones must start like an instruction after a finished sentence.
        """
        t, vocab = self._text(i), markers()
        ahead = " ".join(self._text(j) for j in range(i, min(i + 4, len(self.lines))))
        m = vocab.instruction.match(t)
        if m:
            n = int(m.group("n"))
            if not self.instruction_no < n <= self.instruction_no + 2:
                return False
            return self.open is self.amending or bool(vocab.instruction_verb.search(ahead))
        return (
            self.open is not self.amending
            and bool(vocab.instruction_start.match(t))
            and ends_sentence(self._text(i - 1))
            and bool(vocab.instruction_verb.search(ahead))
        )

    def _quoted_without_heading(self, i: int) -> str | None:
        """An instruction ending ``sehingga Pasal 68 berbunyi sebagai berikut:`` with no
        ``Pasal 68`` heading after it: the quoted article starts on the next line."""
        vocab = markers()
        if not vocab.quote_follows.search(self._text(i)):
            return None
        nxt = self._text(i + 1)
        if not nxt or is_heading_start(nxt):
            return None
        m = vocab.quoted_article_named.search(self.quote_buffer)
        if m:
            readings = label_readings(m.group("raw"))
            return readings[0] if readings else None
        mentioned = self._mentioned()
        if vocab.quoted_article_unnamed.search(self.quote_buffer) and len(mentioned) == 1:
            return next(iter(mentioned))
        return None

    # -- the walk --------------------------------------------------------------

    def run(self) -> Body:
        i, texts = 0, self.texts
        # the lines a body test may stop at (a Lampiran header, at least as printed), asked at once
        special = markers().any_of("closing_start", "bab_heading", "bagian_heading", "paragraf_heading",
                                   "pasal_heading", "pasal_heading_titled", "lampiran_header").match
        numbered = markers().lampiran_numbered.match
        while i < len(texts):
            t = texts[i]
            if (self.open is not None and self.amending is None and self.mode == "body" and not t.isupper()
                    and special(t) is None and not read_loosely_as_header(texts, i)):
                # what most lines are: text of the open article (_body_step would find no more)
                self.open.lines.append(t)
                self.prev_heading = False
            elif self.mode == "lampiran" and not t.isupper() and numbered(t) is None:
                self.out.lampiran[-1].append(self.lines[i])  # no Penjelasan title, no next Lampiran
            else:
                i += self._step(i)
                continue
            i += 1
        self._close()
        if self.amending is not None:
            self._finish_amending()
        self._check_babs()
        return self.out

    def _step(self, i: int) -> int:
        line = self.lines[i]
        t = line.text
        if self.mode == "body":
            return self._body_step(i, line, t)
        if self.mode == "closing":
            if is_lampiran_header(self.texts, i) or self._annex_chapter(i):
                self.mode = "lampiran"
                self.out.lampiran.append([line])
            elif self._penjelasan_starts(i):
                self.mode = "penjelasan"
                self.out.penjelasan.append(line)
            else:
                self.out.closing.append(line)
            return 1
        if self.mode == "penjelasan":
            if is_lampiran_header(self.texts, i) and names_a_regulation(self.texts, i):
                self.mode = "lampiran"
                self.out.lampiran.append([line])
            else:
                self.out.penjelasan.append(line)
            return 1
        atas = markers().values["penjelasan_atas"]
        if is_penjelasan_title(t) and (t.endswith(atas) or self._text(i + 1) == atas):
            self.mode = "penjelasan"  # a Penjelasan printed after the Lampiran
            self.out.penjelasan.append(line)
        elif markers().lampiran_numbered.match(t) and names_a_regulation(self.texts, i):
            self.out.lampiran.append([line])
        else:
            self.out.lampiran[-1].append(line)
        return 1

    def _annex_chapter(self, i: int) -> bool:
        """``BAB I`` after the signature and the Berita Daerah line: a Lampiran printed
        without its header (the plan starts straight with its first chapter)."""
        vocab = markers()
        m = vocab.bab_heading.match(self._text(i))
        if not (m and m.group("label") == "I" and len(self.out.closing) >= 3):
            return False
        if any(vocab.gazette_line.match(ln.text) or vocab.closing_start.match(ln.text) for ln in self.out.closing[:40]):
            self._warn("lampiran-without-header", self._text(i), i)
            return True
        return False

    def _penjelasan_starts(self, i: int) -> bool:
        t, vocab = self._text(i), markers()
        if is_penjelasan_title(t) or vocab.penjelasan_umum.match(t) or vocab.pasal_demi_pasal.match(t):
            return True
        m = vocab.pasal_heading.match(t)
        if m and "1" in label_readings(m.group("raw")):
            ahead = " ".join(self._text(j) for j in range(i + 1, i + 6))
            return bool(vocab.cukup_jelas.search(ahead))
        return False

    def _bare_place_and_date(self, i: int) -> bool:
        """``JAKARTA`` then ``4 Mei 2007``: a closing whose labels are only in the image."""
        t = self._text(i)
        return (t.isupper() and len(t.split()) <= 3 and re.fullmatch(r"[A-Z .,-]+", t) is not None
                and iso_date(self._text(i + 1)) is not None and len(self._text(i + 1).split()) == 3)

    def _body_step(self, i: int, line: Line, t: str) -> int:
        if self.out.articles and (self.closing_start(t) or t.isupper() and self._bare_place_and_date(i)):
            self._close()
            if self.amending is not None:
                self._finish_amending()
            self.mode = "closing"
            self.out.closing.append(line)
            return 1
        if self.out.articles and self.amending is None and (is_penjelasan_title(t) or is_lampiran_header(self.texts, i) and names_a_regulation(self.texts, i)):
            self._close()
            self.mode = "closing"
            return 0
        heading = self.any_heading(t) is not None
        used = self._heading(i) if heading else 0
        if used:
            self.prev_heading = True
            return used
        found = self._pasal_label(i) if heading else None
        self.prev_heading = False
        if found:
            label, quoted = found
            if (not quoted and self.last_top is not None and label == "1" and not roman_value(self.last_top)
                    and self._penjelasan_starts(i)):
                self._close()
                self.mode = "closing"
                return 0
            self._start(label, quoted, i)
            titled = titled_pasal(t)
            if titled:
                self.open.lines.append(titled.group("title"))  # the title is the article's first line
            self.prev_heading = True
            return 1
        if self.amending is not None and self._instruction(i):
            self.instruction_no += 1
            if self.open is not self.amending:
                self._close()
                self.open = self.amending
            self.quote_buffer = ""
        if self.open is None:
            self.out.unplaced.append(line)
        else:
            self.open.lines.append(t)
            if self.open is self.amending:
                self.quote_buffer += " " + t
                label = self._quoted_without_heading(i)
                if label:
                    self._warn("heading-inferred", f"Pasal {label}", i + 1)
                    self._start(label, True, i + 1)
        return 1

    def _check_babs(self) -> None:
        for heading, count, page in self.babs:
            if count == 0:
                self.out.warnings.append(Warning_("bab-without-articles", f"BAB {heading.label}", page))


def parse_body(lines: list[Line]) -> Body:
    """Parse the lines from the first heading after ``Menetapkan`` to the end."""
    return _BodyParser(lines).run()
