"""Clean lines -> ``Regulation``: title block, Menimbang, Mengingat, body, closing,
Penjelasan and Lampiran.

The sections are found by their markers (``Menimbang``, ``Mengingat``,
``MEMUTUSKAN``/``Menetapkan``); the body and what follows it are read by
``parse_body``. Every line ends up in exactly one place: a section, an article,
or ``Regulation.unplaced`` with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from compliance.errors import ComplianceError
from compliance.markers import markers
from compliance.metadata import parse_closing, parse_metadata
from compliance.models import Block, Line, Mengingat, Penjelasan, Regulation, Source, Warning_
from compliance.parse_body import Body, parse_body
from compliance.parse_diktum import first_diktum, parse_diktum
from compliance.parse_lampiran import build_lampiran
from compliance.parse_labels import follows, label_readings, next_labels, next_roman

def _find(lines: list[Line], pattern: re.Pattern[str], start: int, stop: int | None = None) -> int | None:
    for i in range(start, len(lines) if stop is None else stop):
        if pattern.match(lines[i].text):
            return i
    return None


def _enum_start(text: str, expected: list[str], previous: str | None) -> tuple[str, str] | None:
    """(label, rest) when ``text`` opens the next point of a Menimbang/Mengingat list.

    The expected label opens a point; so does a nearby or restarting label (the
    source skips or repeats one) after a finished point, and a label without its
    dot (``e bahwa``) when the words show a new point."""
    vocab = markers()
    m = vocab.enumeration.match(text) or vocab.enumeration_bare.match(text)
    if not m:
        return None
    label, rest = m.group("label"), m.group("rest").strip()
    if rest[:1] in (";", ",", ".", ":", ")"):  # "9);" ends a wrapped "Nomor 9);"
        return None
    bare = m.re is vocab.enumeration_bare
    starts_point = bool(vocab.point_words.match(rest))
    if label in expected:
        return (label, rest) if not bare or starts_point else None
    if bare or not starts_point or previous is None or not re.search(r"[;.:]$", previous):
        return None
    last = expected[0] if expected else ""
    nearby = label.isdigit() and last.isdigit() and int(last) < int(label) <= int(last) + 2
    nearby = nearby or (label.isalpha() and last.isalpha() and last < label <= chr(ord(last) + 2))
    # after a finished point ("...;"), a point-opening wording outweighs a misread label ("2." for "4.")
    misread = previous.endswith(";") and label.isdigit() == last.isdigit()
    return (label, rest) if nearby or misread or label in ("a", "1") else None


def split_enumeration(texts: list[str], keep_label: bool = False) -> list[tuple[str | None, str]]:
    """Lettered or numbered list (Menimbang, Mengingat) -> [(label, text)], labels in sequence;
    with ``keep_label`` the text keeps its label as printed (``a. bahwa ...``)."""
    out: list[tuple[str | None, str]] = []
    expected: list[str] = ["a", "1"]
    for t in texts:
        found = _enum_start(t, expected, out[-1][1] if out else None)
        if found:
            out.append((found[0], t.strip()) if keep_label else found)
            expected = next_labels(found[0])
        elif out:
            out[-1] = (out[-1][0], (out[-1][1] + " " + t).strip())
        else:
            out.append((None, t))
    return out


def _section_texts(lines: list[Line], start: int, end: int, marker: re.Pattern[str]) -> list[str]:
    texts = [ln.text for ln in lines[start:end]]
    # the label may sit beside any line of its column (a table centres it); drop the label only
    texts = [m.group("rest") if (m := marker.match(t)) else t for t in texts]
    # a two-column table puts the ":" of "Menimbang :" in a cell of its own
    return [t for t in texts if t and t != ":"]


def _joined(lines: list[Line]) -> str:
    return "\n".join(ln.text for ln in lines)


def _penjelasan_label(raw: str, previous: str | None) -> str:
    """The reading of a Penjelasan ``Pasal X`` that fits after the previous one."""
    readings = label_readings(raw) or [raw]
    if previous is not None:
        for r in readings:
            if r == next_roman(previous) or follows(previous, r, max_jump=60):
                return r
    return readings[0]


def _penjelasan(lines: list[Line]) -> Penjelasan | None:
    """General part (UMUM) and the article-by-article notes (PASAL DEMI PASAL)."""
    if not lines:
        return None
    texts = [ln.text for ln in lines]
    vocab = markers()
    umum_start = next((i for i, t in enumerate(texts) if vocab.penjelasan_umum.match(t)), None)
    demi = next((i for i, t in enumerate(texts) if vocab.pasal_demi_pasal.match(t)), None)
    notes_from = demi if demi is not None else (umum_start if umum_start is not None else -1)
    pasal: list[dict[str, str]] = []
    for i, t in enumerate(texts):
        if i <= notes_from:
            continue
        m = vocab.penjelasan_pasal.match(t)
        if m:
            previous = pasal[-1]["label"] if pasal else None
            label = _penjelasan_label(m.group("raw"), previous) + (m.group("range") or "")
            pasal.append({"label": label, "text": ""})
        elif pasal:
            pasal[-1]["text"] = (pasal[-1]["text"] + "\n" + t).strip()
    umum = ""
    if umum_start is not None:
        end = demi if demi is not None else len(texts)
        umum = "\n".join(texts[umum_start + 1 : end])
    return Penjelasan(umum=umum, pasal=pasal, text="\n".join(texts), page=lines[0].page)


@dataclass
class _Marks:
    """Where the opening sections start (line indexes; None when absent)."""

    menimbang: int | None
    mengingat: int | None
    after: int | None  # Memperhatikan / Dengan Persetujuan / MEMUTUSKAN / Menetapkan
    body: int
    keputusan: bool = False  # the body is a Keputusan's diktum, not articles

    @property
    def preamble_end(self) -> int:
        return min(x for x in (self.menimbang, self.mengingat, self.after, self.body) if x is not None)

    def end_of(self, start: int) -> int:
        return next(x for x in (self.mengingat, self.after, self.body) if x is not None and x > start)


def _marks(lines: list[Line], source: Source) -> _Marks:
    vocab = markers()
    menimbang = _find(lines, vocab.menimbang, 0)
    mengingat = _find(lines, vocab.mengingat, 0 if menimbang is None else menimbang + 1)
    if menimbang is not None:
        # a label set lower than the first points of its column (a centred table cell)
        first = _find(lines, vocab.recital, 0, menimbang)
        if mengingat is not None:
            last_recital = max(i for i in range(menimbang, mengingat) if i == menimbang or vocab.recital.match(lines[i].text))
            first_basis = _find(lines, vocab.first_basis, last_recital + 1, mengingat)
            mengingat = first_basis if first_basis is not None else mengingat
        menimbang = first if first is not None else menimbang
    opening = [x for x in (menimbang, mengingat) if x is not None]
    after = _find(lines, vocab.after_mengingat, max(opening) + 1) if opening else None
    body_from = after if after is not None else (max(opening) + 1 if opening else 0)
    body = _find(lines, vocab.body_start, body_from)
    diktum = first_diktum(lines, body_from, body) if opening else None  # only one before the body counts
    if diktum is not None and (body is None or diktum < body):
        return _Marks(menimbang, mengingat, after, diktum, keputusan=True)
    if body is None:
        raise ComplianceError(_missing_body(lines), file=source.file)
    return _Marks(menimbang, mengingat, after, body)


def _missing_body(lines: list[Line]) -> str:
    """``no-diktum`` for a Keputusan whose diktum cannot be found, else ``not-a-regulation``."""
    title = " ".join(ln.text for ln in lines[:12]).upper()
    vocab = markers()
    keputusan = vocab.keputusan_word.search(title) and vocab.decides.search(_joined(lines).upper())
    return "no-diktum" if keputusan else "not-a-regulation"


def _opening(reg: Regulation, lines: list[Line], marks: _Marks) -> None:
    """Preamble, Menimbang, Mengingat and the Menetapkan block."""
    reg.preamble = _joined(lines[: marks.preamble_end])
    if marks.menimbang is not None:
        texts = _section_texts(lines, marks.menimbang, marks.end_of(marks.menimbang), markers().menimbang)
        reg.menimbang = [t for _, t in split_enumeration(texts, keep_label=True)]
    if marks.mengingat is not None:
        texts = _section_texts(lines, marks.mengingat, marks.end_of(marks.mengingat), markers().mengingat)
        reg.mengingat = [Mengingat(t, label) for label, t in split_enumeration(texts)]
    if marks.after is not None and marks.after < marks.body:
        reg.menetapkan = _joined(lines[marks.after : marks.body])


def _unplaced(reg: Regulation, lines: list[Line]) -> None:
    """Keep what could not be placed, one block per page, each with a warning."""
    for line in lines:
        if reg.unplaced and reg.unplaced[-1].page == line.page:
            reg.unplaced[-1].text += "\n" + line.text
        else:
            reg.unplaced.append(Block(line.text, line.page))
    for block in reg.unplaced:
        reg.warnings.append(Warning_("unplaced-text", block.text[:80], block.page))


def _identity(reg: Regulation, title: list[Line], lampiran: list[list[Line]]) -> None:
    """Metadata from the title block; from a Lampiran header when the title page has no text."""
    reg.metadata = parse_metadata(title, reg.closing)
    for block in lampiran:
        if reg.metadata.nomor is not None:
            break
        fallback = parse_metadata(block[:12], reg.closing)
        if fallback.nomor is not None:
            fallback.tentang = fallback.tentang or reg.metadata.tentang
            reg.metadata = fallback
            reg.warnings.append(Warning_("metadata-from-lampiran", block[0].text, block[0].page))
    if reg.metadata.jenis is None:
        reg.warnings.append(Warning_("metadata-missing", "jenis"))


def parse(lines: list[Line], source: Source) -> Regulation:
    """Parse clean lines into a Regulation: a Peraturan's articles or a Keputusan's diktum;
    raise ``not-a-regulation`` (or ``no-diktum``) when neither is found."""
    reg = Regulation(source=source)
    marks = _marks(lines, source)
    _opening(reg, lines, marks)
    if marks.keputusan:
        reg.diktum, closing, lampiran, warnings = parse_diktum(lines[marks.body :])
        body = Body(closing=closing, lampiran=lampiran, warnings=warnings)
    else:
        body = parse_body(lines[marks.body :])
        if not body.articles:
            raise ComplianceError("not-a-regulation", file=source.file)
        reg.articles = body.articles
    reg.closing = parse_closing(body.closing)
    reg.penjelasan = _penjelasan(body.penjelasan)
    reg.lampiran = [build_lampiran(block) for block in body.lampiran if block]
    reg.warnings.extend(body.warnings)
    _unplaced(reg, body.unplaced)
    _identity(reg, lines[: marks.preamble_end], body.lampiran)
    return reg
