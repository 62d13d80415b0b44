"""The data types every stage of the pipeline hands to the next.

extract -> ``Page`` list; clean -> ``Line`` list; parse -> ``Regulation``;
match -> ``Finding`` list inside a ``Report``. Every type serialises to plain,
deterministic JSON-ready dicts via ``to_dict()`` (keys are sorted at dump time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from compliance.citation import Citation
# re-exported, so every type of the pipeline is ``from compliance.models import X``
from compliance.models_findings import Conflict, Evidence, Finding, to_dicts  # noqa: F401
from compliance.models_place import Place  # noqa: F401
from compliance.resources import without_level

REGULATION_SCHEMA = "compliance/regulation@1"
REPORT_SCHEMA = "compliance/report@1"

# Status values of a finding, in the order reports list them.
STATUSES = ("fulfilled", "partial", "conflict", "missing", "not_applicable")


@dataclass
class Page:
    """One page of extracted text; ``number`` is 1-based."""

    number: int
    text: str
    ocr: bool = False


@dataclass
class Line:
    """One cleaned line of text and the page it came from."""

    text: str
    page: int


@dataclass
class Warning_:
    """A doubt the parser or matcher wants a reviewer to see.

    ``code`` is stable and machine-readable (e.g. ``article-number-skip``);
    ``detail`` carries the source text or labels involved, never prose, so the
    message can be rendered in the reader's language.
    """

    code: str
    detail: str = ""
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "detail": self.detail, "page": self.page}


@dataclass
class Heading:
    """A BAB, Bagian or Paragraf heading: its label (``I``, ``Kesatu``, ``1``) and title."""

    label: str
    title: str

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "title": self.title}


@dataclass
class Item:
    """A lettered (huruf) or numbered (angka) point, possibly with sub-points; ``start``/``end``:
    ``text`` is ``article.text[start:end]`` of its article (or diktum), not in ``to_dict``."""

    label: str
    text: str
    items: list[Item] = field(default_factory=list)
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "text": self.text, "items": to_dicts(self.items)}


@dataclass
class Ayat:
    """A numbered paragraph ``(1)`` of an article. ``text`` holds its full text,
    points included; ``items`` is the breakdown of those points. ``start``/``end``: ``text`` is
    ``article.text[start:end]`` (not in ``to_dict``)."""

    label: str
    text: str
    items: list[Item] = field(default_factory=list)
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "text": self.text, "items": to_dicts(self.items)}


@dataclass
class Article:
    """A Pasal. ``text`` is the full article text (without the ``Pasal N`` heading); a title
    printed under the heading (``Maksud dan Tujuan``) is its first line, before the ayat.

    Articles quoted inside an amending article (``Pasal I``) are separate
    entries whose ``parent`` is that article's label.
    """

    label: str
    text: str
    page: int
    bab: Heading | None = None
    bagian: Heading | None = None
    paragraf: Heading | None = None
    ayat: list[Ayat] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    parent: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "text": self.text,
            "page": self.page,
            "bab": self.bab.to_dict() if self.bab else None,
            "bagian": self.bagian.to_dict() if self.bagian else None,
            "paragraf": self.paragraf.to_dict() if self.paragraf else None,
            "ayat": to_dicts(self.ayat),
            "items": to_dicts(self.items),
            "parent": self.parent,
        }


def leading_number(nomor: object) -> int | None:
    """The number a printed nomor starts with (``"41/PER/M.KOMINFO/11/2007"`` -> 41), None without one."""
    digits = re.match(r"\d+", str(nomor or ""))
    return int(digits.group()) if digits else None


def title_parts(metadata: dict[str, Any]) -> tuple[Any, Any, Any, Any]:
    """(jenis, daerah, nomor, tahun) as a title prints them: the daerah without the level
    word the jenis already says ("Peraturan Wali Kota Denpasar", not "... Kota Kota
    Denpasar"), the year left out when the nomor ends with it (``188.45/1612/HK/2019``)."""
    daerah = metadata.get("daerah")
    if daerah:
        daerah = without_level(daerah)
    nomor, tahun = metadata.get("nomor"), metadata.get("tahun")
    if nomor and tahun and str(nomor).endswith(f"/{tahun}"):
        tahun = None
    return metadata.get("jenis"), daerah, nomor, tahun


def title_line(metadata: dict[str, Any], nomor_word: str = "Nomor", tahun_word: str = "Tahun",
               unknown: str = "?") -> str:
    """'Peraturan Bupati Labuhanbatu Nomor 14 Tahun 2018' from whatever is known."""
    jenis, daerah, nomor, tahun = title_parts(metadata)
    parts = [jenis or unknown]
    if daerah:
        parts.append(daerah)
    if nomor:
        parts.append(f"{nomor_word} {nomor}")
    if tahun:
        parts.append(f"{tahun_word} {tahun}")
    return " ".join(parts)


@dataclass
class Metadata:
    """Identity of a regulation. ``jenis_kode`` is the short code from
    ``regulations/kinds.yaml`` (``uu``, ``pp``, ``perpres``, ``permen``, ``perda``,
    ``pergub``, ``perbup``, ``perwal`` ...); ``nomor`` keeps the printed form
    (``"14"``, ``"41/PER/M.KOMINFO/11/2007"``) and ``nomor_pokok`` its leading number."""

    jenis: str | None = None
    jenis_kode: str | None = None
    daerah: str | None = None
    nomor: str | None = None
    tahun: int | None = None
    tentang: str | None = None
    ditetapkan: str | None = None  # ISO date when printed, else None
    diundangkan: str | None = None
    kementerian: str | None = None  # ministry code (kinds.yaml ministries) of a Peraturan Menteri
    # a joint regulation's issuers in title order, each with its own number:
    # [{jabatan, daerah, nomor, tahun}]; nomor/tahun/daerah above are the first one's
    pihak: list[dict[str, Any]] = field(default_factory=list)

    @property
    def nomor_pokok(self) -> int | None:
        return leading_number(self.nomor)

    def to_dict(self) -> dict[str, Any]:
        return {
            "jenis": self.jenis,
            "jenis_kode": self.jenis_kode,
            "daerah": self.daerah,
            "nomor": self.nomor,
            "tahun": self.tahun,
            "tentang": self.tentang,
            "ditetapkan": self.ditetapkan,
            "diundangkan": self.diundangkan,
            "kementerian": self.kementerian,
            **({"pihak": self.pihak} if self.pihak else {}),  # additive: only a joint regulation has it
        }


@dataclass
class Mengingat:
    """One entry of the Mengingat list, verbatim."""

    text: str
    label: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "text": self.text}


@dataclass
class Closing:
    """The closing formula: place and date of enactment and promulgation, signatory,
    Lembaran/Berita number and NOREG, each verbatim as printed (None when absent): the
    signatory is the whole name line, titles and degrees included (``Drs. H. NAMA, M.Si.``)."""

    ditetapkan_di: str | None = None
    ditetapkan_tanggal: str | None = None
    diundangkan_di: str | None = None
    diundangkan_tanggal: str | None = None
    penandatangan: str | None = None
    lembaran: str | None = None
    noreg: str | None = None
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "ditetapkan_di": self.ditetapkan_di,
            "ditetapkan_tanggal": self.ditetapkan_tanggal,
            "diundangkan_di": self.diundangkan_di,
            "diundangkan_tanggal": self.diundangkan_tanggal,
            "penandatangan": self.penandatangan,
            "lembaran": self.lembaran,
            "noreg": self.noreg,
            "text": self.text,
        }


@dataclass
class Penjelasan:
    """The elucidation: general part and article-by-article notes, kept apart from the body."""

    umum: str = ""
    pasal: list[dict[str, str]] = field(default_factory=list)  # [{"label": "1", "text": ...}]
    text: str = ""  # the whole Penjelasan verbatim
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"umum": self.umum, "pasal": list(self.pasal), "text": self.text, "page": self.page}


@dataclass
class Block:
    """Text kept verbatim with its page: text the parser could not place."""

    text: str
    page: int
    title: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "text": self.text, "page": self.page}


@dataclass
class LampiranSection:
    """A chapter or numbered section of a Lampiran: ``label`` is its place as a reviewer
    cites it (``BAB IV``, ``BAB IV angka 4.2``, ``BAB II huruf A``); ``text`` is
    ``lampiran.text[start:end]`` (offsets not in ``to_dict``); ``context`` marks a background chapter
    (pendahuluan, kondisi saat ini), read like Menimbang."""

    label: str
    title: str
    text: str
    page: int
    start: int = 0
    end: int = 0
    context: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "title": self.title, "text": self.text, "page": self.page,
                "context": self.context}


@dataclass
class Lampiran:
    """An annex, verbatim, with the sections its own headings set out."""

    text: str
    page: int
    title: str = ""
    sections: list[LampiranSection] = field(default_factory=list)
    # per line of ``text``, its kind as the parser read it (``parse_lampiran.line_kinds``; not
    # in ``to_dict``: ``places.locate`` reads it again), so the matcher never reads it again
    line_kinds: list[str | None] | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "text": self.text, "page": self.page,
                "sections": [s.to_dict() for s in self.sections]}


@dataclass
class Diktum:
    """One diktum of a Keputusan (``KESATU``, ``KEDUA`` ...): its full text and its points."""

    label: str
    text: str
    page: int
    items: list[Item] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "text": self.text, "page": self.page, "items": [i.to_dict() for i in self.items]}


@dataclass
class Source:
    file: str
    sha256: str
    pages: int
    ocr_pages: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "sha256": self.sha256, "pages": self.pages, "ocr_pages": list(self.ocr_pages)}


@dataclass
class Regulation:
    """A parsed regulation: the product of ``compliance.load``."""

    source: Source
    metadata: Metadata = field(default_factory=Metadata)
    menimbang: list[str] = field(default_factory=list)
    mengingat: list[Mengingat] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    diktum: list[Diktum] = field(default_factory=list)  # a Keputusan's body (no articles then)
    penjelasan: Penjelasan | None = None
    lampiran: list[Lampiran] = field(default_factory=list)
    closing: Closing | None = None
    preamble: str = ""  # title block and anything before Menimbang, verbatim
    menetapkan: str = ""  # "Dengan Persetujuan Bersama ... MEMUTUSKAN: Menetapkan: ...", verbatim
    unplaced: list[Block] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    # found once by ``compliance.load`` (``compliance.cite.citations_of``) and passed on with the
    # regulation, so matching, reports and comparisons never search the text again; not in to_dict
    citations: list[Citation] | None = field(default=None, repr=False, compare=False)

    @property
    def is_keputusan(self) -> bool:
        """A Keputusan sets its matter by diktum, not by articles."""
        return bool(self.diktum) and not self.articles

    def article(self, label: str, parent: str | None = None) -> Article | None:
        for a in self.articles:
            if a.label == label and a.parent == parent:
                return a
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": REGULATION_SCHEMA,
            "source": self.source.to_dict(),
            "metadata": self.metadata.to_dict(),
            "preamble": self.preamble,
            "menetapkan": self.menetapkan,
            "menimbang": list(self.menimbang),
            "mengingat": [m.to_dict() for m in self.mengingat],
            "articles": [a.to_dict() for a in self.articles],
            "diktum": [d.to_dict() for d in self.diktum],
            "penjelasan": self.penjelasan.to_dict() if self.penjelasan else None,
            "lampiran": [b.to_dict() for b in self.lampiran],
            "closing": self.closing.to_dict() if self.closing else None,
            "unplaced": [b.to_dict() for b in self.unplaced],
            "warnings": [w.to_dict() for w in self.warnings],
        }
