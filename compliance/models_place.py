"""Where in a regulation a piece of text stands: one ``Place`` type that every stage names
places with (evidence, conflicts, citations, review notes, region quotes) and that prints
itself the way a reader cites it ("Pasal 5 ayat (2)", "Menimbang huruf b", "Diktum KEDUA",
"Lampiran BAB IV angka 4.2"), in Indonesian or English.

A place knows its kind, so nothing later tells "Menimbang" from "Pasal 5" by a pattern;
``start``/``end`` are its offsets in the text it is part of (an ayat or point: its
article's or diktum's text; a Lampiran section: its Lampiran's text; a Pasal, diktum,
Menimbang or Mengingat item: its own text, whole).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from compliance.i18n import PLACE_WORDS, DEFAULT_LANG

# kinds inside the articles: printed "Pasal N ..."
ARTICLE_KINDS = ("pasal", "ayat", "item")
# every kind a place can have
KINDS = ARTICLE_KINDS + ("judul", "menimbang", "mengingat", "diktum", "lampiran", "lampiran-section",
                         "penjelasan", "named")

# How a report@1 evidence or conflict ``pasal`` field names an article (anything else names a
# part: "Menimbang", "Diktum KEDUA", "Lampiran II"): read by ``Place.from_fields`` and the outline.
ARTICLE_LABEL = re.compile(r"^[0-9]+[A-Z]?$|^[IVXLC]+$")


@dataclass(frozen=True)
class Place:
    """One place of a regulation. ``pasal``: the article's label (also the article a
    Penjelasan note explains); ``ayat``; ``item``: the huruf/angka of a point, Menimbang or
    Mengingat entry; ``parent``: the amending article an inserted one sits in; ``diktum``:
    a diktum's label; ``lampiran``: "Lampiran" or "Lampiran II"; ``section``: a Lampiran
    section as a reviewer cites it ("BAB IV angka 4.2"); ``name``: a place named in words
    only (a region's "instrument, place")."""

    kind: str
    pasal: str | None = None
    ayat: str | None = None
    item: str | None = None
    parent: str | None = None
    diktum: str | None = None
    lampiran: str | None = None
    section: str | None = None
    name: str | None = None
    start: int | None = None
    end: int | None = None

    def at(self, start: int | None, end: int | None) -> Place:
        """The same place with the offsets of its text."""
        return replace(self, start=start, end=end)

    @property
    def in_article(self) -> bool:
        return self.kind in ARTICLE_KINDS

    # --- the report@1 fields --------------------------------------------------------

    def fields(self) -> tuple[str, str | None]:
        """(``pasal``, ``ayat``) as the report JSON names the place of an evidence or a conflict:
        ("5", "2"), ("Menimbang", "b"), ("Diktum KEDUA", None), ("Lampiran", "BAB IV")."""
        if self.in_article:
            return self.pasal or "", self.ayat
        if self.kind in ("menimbang", "mengingat"):
            return self.kind.capitalize(), self.item
        if self.kind == "diktum":
            return f"Diktum {self.diktum}", None
        if self.kind in ("lampiran", "lampiran-section"):
            return self.lampiran or "Lampiran", self.section
        return self.name or "", None

    @classmethod
    def from_fields(cls, pasal: Any, ayat: Any = None, parent: Any = None) -> Place:
        """The place a report@1 ``pasal``/``ayat``/``parent`` triple names (the inverse of
        ``fields``; a report read back from JSON has only these)."""
        label = str(pasal)
        ayat = ayat if ayat is None else str(ayat)
        if ARTICLE_LABEL.match(label):
            return cls("ayat" if ayat else "pasal", pasal=label, ayat=ayat, parent=parent)
        if label in ("Menimbang", "Mengingat"):
            return cls(label.lower(), item=ayat)
        if label.startswith("Diktum ") and not ayat:
            return cls("diktum", diktum=label[len("Diktum "):])
        if label.startswith("Lampiran"):
            return cls("lampiran-section" if ayat else "lampiran", lampiran=label, section=ayat)
        return cls("named", name=label, item=ayat)

    @classmethod
    def from_part(cls, place: dict[str, Any]) -> Place:
        """The place a citation's JSON ``place`` names (``{"part": "pasal", "pasal": "5", ...}``,
        the inverse of ``part_dict``; a region's stored quotes have only these)."""
        part = place.get("part")
        if part == "pasal":
            kind = "item" if place.get("item") else "ayat" if place.get("ayat") else "pasal"
            return cls(kind, pasal=place.get("pasal"), ayat=place.get("ayat"), item=place.get("item"),
                       parent=place.get("parent"))
        if part in ("menimbang", "mengingat"):
            return cls(part, item=place.get("item"))
        if part == "diktum":
            return cls("diktum", diktum=place.get("diktum") or place.get("pasal"))
        if part == "lampiran":
            return cls("lampiran", lampiran="Lampiran")
        if part == "penjelasan":
            return cls("penjelasan", pasal=place.get("pasal"), ayat=place.get("ayat"))
        return cls("judul")

    def within(self, ayat: str | None) -> Place:
        """The same place narrowed to the ayat a position falls in (None: the place itself)."""
        if not ayat:
            return self
        return replace(self, ayat=ayat, kind="ayat" if self.kind == "pasal" else self.kind)

    @property
    def part(self) -> str:
        """The part of the regulation the place is in, as a citation's JSON names it: pasal,
        menimbang, mengingat, diktum, penjelasan, lampiran or judul."""
        if self.diktum:
            return "diktum"
        if self.in_article:
            return "pasal"
        return "lampiran" if self.kind == "lampiran-section" else self.kind

    def part_dict(self) -> dict[str, str | None]:
        """A citation's JSON ``place``: ``{part, pasal, ayat, item}``, with ``parent`` and
        ``diktum`` when set (compliance/cite@1, unchanged)."""
        out = {"part": self.part, "pasal": self.pasal, "ayat": self.ayat, "item": self.item}
        for key in ("parent", "diktum"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        return out

    # --- printing -----------------------------------------------------------------------

    def text(self, lang: str = DEFAULT_LANG) -> str:
        """The place as a reader of ``lang`` cites it: "Pasal 5 ayat (2) (dalam Pasal I)",
        "Menimbang huruf b", "Mengingat angka 3", "Diktum KEDUA", "Lampiran BAB IV angka 4.2"."""
        words = PLACE_WORDS.get(lang, PLACE_WORDS[DEFAULT_LANG])
        if self.kind == "item" and self.diktum:  # a point of a diktum
            return f"{words['diktum']} {self.diktum} {_points(self.item, words)}"
        if self.in_article:
            return article_place_text(self.pasal, self.ayat, self.item, self.parent, lang)
        if self.kind == "judul":
            return words["judul"]
        if self.kind == "penjelasan":
            return f"{words['penjelasan']} {words['pasal']} {self.pasal}" if self.pasal else words["penjelasan_umum"]
        label, sub = self.fields()
        sub = (sub or self.item or "").strip("() ")
        if self.kind == "diktum":
            label = f"{words['diktum']} {self.diktum or ''}".strip()
        if not sub:
            return label
        if " " in sub:  # a Lampiran section as a reviewer cites it: "BAB IV angka 4.2"
            return f"{label} {sub}"
        return f"{label} {_point_word(sub, words)} {sub}"

    def short(self) -> str:
        """The terse Indonesian form ``compliance cite`` prints before each citation:
        "Pasal 12 ayat (2)", "Menimbang b", "Penjelasan Pasal 5", "Lampiran", "Judul"."""
        if self.in_article:
            return f"Pasal {self.pasal}" + (f" ayat ({self.ayat})" if self.ayat else "")
        if self.kind == "penjelasan":
            return f"Penjelasan Pasal {self.pasal}" if self.pasal else "Penjelasan Umum"
        if self.kind in ("menimbang", "mengingat"):
            return f"{self.kind.capitalize()} {self.item}" if self.item else self.kind.capitalize()
        if self.kind in ("lampiran", "lampiran-section"):
            return "Lampiran"
        if self.kind == "diktum":
            return f"Diktum {self.diktum}"
        return "Judul"

    def __str__(self) -> str:
        return self.text()


def article_place_text(pasal: str | None, ayat: str | None = None, item: str | None = None,
                       parent: str | None = None, lang: str = DEFAULT_LANG) -> str:
    """``Place.text`` of a place in an article: "Pasal 5 ayat (2) (dalam Pasal I)" (a report
    prints thousands; this reads them without building a ``Place``)."""
    ref = article_ref(pasal, ayat, item, lang)
    if parent:
        ref += f" ({PLACE_WORDS.get(lang, PLACE_WORDS[DEFAULT_LANG])['in_pasal']} {parent})"
    return ref


def _point_word(label: str, words: dict[str, str]) -> str:
    """"huruf" before a letter, "angka" before a number."""
    return words["huruf"] if label.isalpha() else words["angka"]


def _points(chain: str | None, words: dict[str, str]) -> str:
    """"huruf b angka 1" for the point chain "b 1" (a point inside a point)."""
    return " ".join(f"{_point_word(label, words)} {label}" for label in (chain or "").split())


def article_ref(pasal: str | None, ayat: str | None = None, item: str | None = None,
                lang: str = DEFAULT_LANG) -> str:
    """"Pasal 5 ayat (2) huruf b" of any act: how ``Place.text`` prints a place in an article
    (a pinpoint of another act may name no article: "ayat (2)"), without building a Place
    (the citation graph labels thousands of such nodes)."""
    words = PLACE_WORDS.get(lang, PLACE_WORDS[DEFAULT_LANG])
    parts = [f"{words['pasal']} {pasal}"] if pasal else []
    sub = (ayat or "").strip("() ")
    if sub:
        parts.append(f"{words['ayat']} ({sub})")
    points = _points(item, words) if item else ""
    if points:
        parts.append(points)
    return " ".join(parts)


def ayat_ref(pasal: str, ayat: str | None = None, lang: str = DEFAULT_LANG) -> str:
    """"Pasal 61 ayat (1)" (or "Pasal 61") of any act, as ``Place.text`` prints it."""
    return article_ref(pasal, ayat, lang=lang)


class Placed:
    """The report@1 ``pasal``, ``ayat`` and ``parent`` fields of anything that has a ``place``
    (a unit, an evidence, a conflict), read from it rather than stored twice."""

    place: Place

    @property
    def pasal(self) -> str:
        return self.place.fields()[0]

    @property
    def ayat(self) -> str | None:
        return self.place.fields()[1]

    @property
    def parent(self) -> str | None:
        return self.place.parent

