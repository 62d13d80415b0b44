"""Every place of a parsed regulation with the text its offsets index: Menimbang and Mengingat
items, Pasal, ayat and points, diktum and their points, Lampiran blocks and sections.

The parser sets the offsets (``compliance.parse_items.locate_parts``, ``parse_lampiran``);
``locate`` sets them again on a regulation read back from JSON, which does not carry them
(nor a Lampiran's line kinds, read again there).
"""

from __future__ import annotations

from typing import Iterator

from compliance.models import Item, Lampiran, Place, Regulation
from compliance.parse_items import locate_parts
from compliance.parse_labels import to_roman
from compliance.parse_lampiran import line_kinds


def lampiran_name(reg: Regulation, number: int) -> str:
    """"Lampiran" when the regulation has one, else "Lampiran II" for the second (1-based)."""
    return "Lampiran" if len(reg.lampiran) == 1 else f"Lampiran {to_roman(number)}"


def places(reg: Regulation) -> Iterator[tuple[Place, str, str]]:
    """(place, the text its ``start``/``end`` index, the place's own text) for every place,
    in document order; ``text[place.start:place.end]`` is the own text."""
    for i, item in enumerate(reg.menimbang):
        yield Place("menimbang", item=chr(ord("a") + i) if i < 26 else str(i + 1), start=0, end=len(item)), item, item
    for i, entry in enumerate(reg.mengingat):
        yield Place("mengingat", item=entry.label or str(i + 1), start=0, end=len(entry.text)), entry.text, entry.text
    for article in reg.articles:
        text = article.text
        yield Place("pasal", pasal=article.label, parent=article.parent, start=0, end=len(text)), text, text
        yield from _points(text, article.items, Place("item", pasal=article.label, parent=article.parent))
        for ayat in article.ayat:
            place = Place("ayat", pasal=article.label, ayat=ayat.label, parent=article.parent)
            yield place.at(ayat.start, ayat.end), text, ayat.text
            yield from _points(text, ayat.items, Place("item", pasal=article.label, ayat=ayat.label,
                                                       parent=article.parent))
    for diktum in reg.diktum:
        yield Place("diktum", diktum=diktum.label, start=0, end=len(diktum.text)), diktum.text, diktum.text
        yield from _points(diktum.text, diktum.items, Place("item", diktum=diktum.label))
    for number, block in enumerate(reg.lampiran, start=1):
        name = lampiran_name(reg, number)
        yield Place("lampiran", lampiran=name, start=0, end=len(block.text)), block.text, block.text
        for section in block.sections:
            place = Place("lampiran-section", lampiran=name, section=section.label)
            yield place.at(section.start, section.end), block.text, section.text


def text_of(reg: Regulation, place: Place) -> str | None:
    """The text ``place``'s offsets index (its article, diktum, Menimbang or Mengingat item, or
    Lampiran block), None when ``reg`` has no such place."""
    if place.kind == "menimbang":
        return next((t for i, t in enumerate(reg.menimbang) if place.item in (chr(ord("a") + i), str(i + 1))), None)
    if place.kind == "mengingat":
        return next((m.text for i, m in enumerate(reg.mengingat) if (m.label or str(i + 1)) == place.item), None)
    if place.diktum is not None:
        return next((d.text for d in reg.diktum if d.label == place.diktum), None)
    if place.in_article:
        article = reg.article(place.pasal or "", place.parent)
        return article.text if article is not None else None
    if place.kind in ("lampiran", "lampiran-section"):
        return next((b.text for n, b in enumerate(reg.lampiran, start=1) if lampiran_name(reg, n) == place.lampiran),
                    None)
    return None


def _points(text: str, items: list[Item], within: Place) -> Iterator[tuple[Place, str, str]]:
    for item in items:
        chain = f"{within.item} {item.label}" if within.item else item.label
        place = Place(within.kind, pasal=within.pasal, ayat=within.ayat, item=chain, parent=within.parent,
                      diktum=within.diktum, start=item.start, end=item.end)
        yield place, text, item.text
        yield from _points(text, item.items, place)


def locate(reg: Regulation) -> Regulation:
    """Set the offsets of every ayat, point and Lampiran section of ``reg`` (read back from
    JSON, which keeps texts but not offsets) as the parser sets them; returns ``reg``."""
    for article in reg.articles:
        locate_parts(article.text, article.ayat, article.items)
    for diktum in reg.diktum:
        locate_parts(diktum.text, [], diktum.items)
    for block in reg.lampiran:
        _locate_sections(block)
        block.line_kinds = line_kinds(block.text)
    return reg


def _locate_sections(block: Lampiran) -> None:
    """Lampiran sections follow one another: each is found after the one before it."""
    cursor = 0
    for section in block.sections:
        start = block.text.find(section.text, cursor)
        if start < 0:
            continue
        section.start, section.end = start, start + len(section.text)
        cursor = section.end
