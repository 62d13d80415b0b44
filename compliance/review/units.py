"""The addressable places of a regulation (Pasal, ayat, huruf, angka) with their text.

A reference "Pasal 5 ayat (2) huruf b" names a place by its pinpoint
(``pasal-5-ayat-2-huruf-b``, as ``compliance.cite`` builds it); the reviewer needs the
text of that place, the places inside it, and which place a position in an article's
text falls in. Positions come from the parsed structure, never from "(n)" marks found
again in the text (a wrapped line starting with "(2)" is no ayat).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from compliance.cite import Citation
from compliance.cite_resolve import slug
from compliance.models import Article, Item, Place, Regulation
from compliance.per_object import PerObject


@dataclass(slots=True)
class Unit:
    """One place: its pinpoint, level, article label, own text, where it starts and ends in
    the article text, its ayat and point chain ("b 1") for printing it, and for a point the
    ``lead`` of its list ("Audit TIK meliputi:")."""

    pin: str
    level: str
    article: str
    text: str
    start: int = -1
    end: int = -1
    children: list[Unit] = field(default_factory=list)
    ayat: str | None = None
    item: str | None = None
    lead: str | None = None

    @property
    def scope(self) -> str:
        """The text a subject is looked for in: an item's with the lead of its list."""
        return self.text if self.lead is None else self.lead + " " + self.text

    @property
    def place(self) -> Place:
        return Place(self.level if self.level in ("pasal", "ayat") else "item", pasal=self.article, ayat=self.ayat,
                     item=self.item)

    @property
    def label(self) -> str:
        """The place as a reader cites it ("Pasal 12 ayat (2) huruf b"), printed when asked."""
        return self.place.text()


def _find(haystack: str, needle: str, start: int) -> int:
    return haystack.find(needle, start) if needle else -1


def _lead(text: str, items: list[Item]) -> str:
    """The words of a unit before its first item (the list's lead: "Audit TIK meliputi:")."""
    if not items:
        return text
    at = text.find(items[0].text)
    return text[:at] if at > 0 else text


def _items(items: list[Item], pin: str, ayat: str | None, chain: str | None, article: Article, body: str,
           offset: int, lead: str) -> list[Unit]:
    out, cursor, label = [], offset, article.label
    for item in items:
        item_level = "angka" if item.label.isdigit() else "huruf"
        own_pin = f"{pin}-{item_level}-{_slug(item.label)}"
        own_chain = f"{chain} {item.label}" if chain else item.label
        text = item.text
        start = _find(body, text, cursor)
        # a point without points of its own (most are) holds no list: nothing to read inside it
        children = _items(item.items, own_pin, ayat, own_chain, article, body, max(start, offset),
                          _lead(text, item.items)) if item.items else []
        out.append(Unit(own_pin, item_level, label, text, start, start + len(text) if start >= 0 else -1, children,
                        ayat, own_chain, lead))
        if start >= 0:
            cursor = start + 1
    return out


@functools.lru_cache(maxsize=4096)
def _slug(label: str) -> str:
    """``slug`` of a label; the labels of points and ayat are few ("a", "1", "2a")."""
    return slug(label)


_TREES: PerObject[Unit] = PerObject()


def article_units(article: Article) -> Unit:
    """The article as a tree of units, positions relative to ``article.text``: built once per
    article object (a review asks for it once per reference to the article), again if its
    text is replaced. The tree is shared: do not change it."""
    return _TREES.get(article, _article_tree, article.text)


def _article_tree(article: Article) -> Unit:
    pin = f"pasal-{_slug(article.label)}"
    top = Unit(pin, "pasal", article.label, article.text, 0, len(article.text))
    cursor = 0
    for ayat in article.ayat:
        ayat_pin = f"{pin}-ayat-{_slug(ayat.label)}"
        start = _find(article.text, ayat.text, cursor)
        unit = Unit(ayat_pin, "ayat", article.label, ayat.text, start, start + len(ayat.text) if start >= 0 else -1,
                    ayat=ayat.label or None)
        if start >= 0:
            cursor = start + 1
        if ayat.items:
            unit.children = _items(ayat.items, ayat_pin, ayat.label or None, None, article, article.text,
                                   max(start, 0), _lead(ayat.text, ayat.items))
        top.children.append(unit)
    if article.items:
        top.children += _items(article.items, pin, None, None, article, article.text, 0,
                               _lead(article.text, article.items))
    return top


def walk(unit: Unit):
    """The unit and every unit inside it, in document order."""
    stack = [unit]
    while stack:
        unit = stack.pop()
        yield unit
        stack.extend(reversed(unit.children))


def index(reg: Regulation) -> dict[str, Unit]:
    """Every place of the body articles (not the articles an amendment quotes), by pinpoint
    (of a pinpoint twice, the first in document order)."""
    out: dict[str, Unit] = {}
    for article in reg.articles:
        if article.parent is None:
            stack = [article_units(article)]  # ``walk`` written out: every place of the regulation is read
            while stack:
                unit = stack.pop()
                if unit.pin not in out:
                    out[unit.pin] = unit
                if unit.children:
                    stack.extend(reversed(unit.children))
    return out


def innermost(top: Unit, offset: int) -> list[Unit]:
    """The chain of units (outermost first) whose text contains ``offset``."""
    chain = [top]
    while True:
        for inner in chain[-1].children:
            if 0 <= inner.start <= offset < inner.end:
                chain.append(inner)
                break
        else:
            return chain


def leaves(reg: Regulation) -> list[Unit]:
    """The smallest places that hold text of their own: ayat, or the article without ayat."""
    out = []
    for article in reg.articles:
        if article.parent is None:
            top = article_units(article)
            out += [c for c in top.children if c.level == "ayat"] or [top]
    return out


def citing_chain(reg: Regulation, c: Citation,
                 articles: dict[tuple[str, str | None], Article] | None = None) -> list[Unit]:
    """The places (outermost first) a reference stands in (``articles``: ``by_label(reg)``,
    for many references)."""
    key = (str(c.place.pasal), c.place.parent)
    article = reg.article(*key) if articles is None else articles.get(key)
    return innermost(article_units(article), c.offset) if article else []


def by_label(reg: Regulation) -> dict[tuple[str, str | None], Article]:
    """``reg.article(label, parent)`` for every label and parent at once."""
    out: dict[tuple[str, str | None], Article] = {}
    for article in reg.articles:
        out.setdefault((article.label, article.parent), article)
    return out


def place_page(reg: Regulation, place: Place) -> int | None:
    if place.part != "pasal":
        return None
    article = reg.article(str(place.pasal), place.parent)
    return article.page if article else None


def where(reg: Regulation, c: Citation) -> str:
    """The printed place a reference stands in ("Pasal 12 ayat (2) huruf b")."""
    if c.place.part == "pasal":
        chain = citing_chain(reg, c)
        if chain:
            return chain[-1].label
    return c.place.short()
