"""Inside an article: ayat ``(1)``, huruf ``a.`` and angka ``1.`` points, nested.

A line that starts with a label opens a new point only when that label is the
next one its list expects (``b`` after ``a``, ``3`` after ``2``) or opens a
nested list (``a`` / ``1``); otherwise it is text that merely starts with a
number, e.g. a wrapped ``2008 tentang ...``. Lists nest at most ``MAX_DEPTH`` deep (real
ones go three or four): past that a label is text of the point it stands in, so hostile
input (``a.`` / ``1.`` alternating for pages) cannot build a tree too deep to walk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from compliance.markers import markers
from compliance.models import Ayat, Item
from compliance.parse_headings import is_article_title
from compliance.parse_labels import as_digits, next_labels

MAX_DEPTH = 8


class _Para:
    """A paragraph as printed (label included) and its body (without the label). Lines are
    kept apart and joined when read: adding to one string line by line was quadratic."""

    def __init__(self, text: str, body: str) -> None:
        self._text, self._body = [text], [body]

    def add(self, line: str) -> None:
        self._text.append(line)
        self._body.append(line)

    @property
    def text(self) -> str:
        if len(self._text) > 1:
            self._text = [" ".join(self._text)]
        return self._text[0]

    @property
    def body(self) -> str:
        if len(self._body) > 1:
            self._body = [" ".join(self._body)]
        return self._body[0]

    def ends_with(self, mark: str) -> bool:
        return self._text[-1].rstrip().endswith(mark)


@dataclass
class _Node:
    label: str
    kind: str  # ayat | alpha | num
    paras: list[_Para] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    _printed: str | None = None  # read once the article is parsed: every level above asks for it

    def full_text(self) -> str:
        if len(self.paras) == 1 and not self.children:
            return self.paras[0].body  # a point of one paragraph, as most are
        own = self.paras[0].body if self.paras else ""
        rest = [p.text for p in self.paras[1:]]
        kids = [c.printed() for c in self.children]
        return "\n".join(filter(None, [own, *rest, *kids]))

    def printed(self) -> str:
        if len(self.paras) == 1 and not self.children:
            return self.paras[0].text
        if self._printed is None:
            self._printed = "\n".join(
                filter(None, [*(p.text for p in self.paras), *(c.printed() for c in self.children)]))
        return self._printed

    def to_item(self) -> Item:
        return Item(self.label, self.full_text(), [c.to_item() for c in self.children])


def _ayat_label(raw: str) -> str | None:
    m = markers().ayat_label.fullmatch(raw)
    if not m:
        return None
    number = as_digits(m.group(1))
    return number + m.group(2) if number else None


@dataclass
class ArticleBody:
    """The parsed inside of one article."""

    text: str
    ayat: list[Ayat]
    items: list[Item]


def parse_article_body(lines: list[str]) -> ArticleBody:
    """Split an article's lines into paragraphs and the ayat / item tree."""
    paras: list[_Para] = []
    ayat_nodes: list[_Node] = []
    top_items: list[_Node] = []
    stack: list[_Node] = []  # open items, outermost first
    current: _Para | None = None
    last_ayat: str | None = None

    def new_para(text: str, body: str) -> _Para:
        para = _Para(text, body)
        paras.append(para)
        return para

    previous = ""
    vocab = markers()
    labelled = vocab.any_of("ayat_marker", "ayat_marker_ocr", "item_marker", "item_marker_comma")
    for index, text in enumerate(lines):
        if labelled.match(text):
            m = vocab.ayat_marker.match(text) or vocab.ayat_marker_ocr.match(text)
            found = _item_match(text)
        else:  # most lines open no point: one regex call says so
            m = found = None
        # "... Pasal 7 ayat / (1) huruf b" is a reference; "...; dan / d." is the list going on
        # (asked only when the line starts with a label: for the others it changes nothing)
        if (m or found) and vocab.item_refers.search(previous) and not vocab.list_goes_on.search(previous):
            m = found = None
        previous = text
        if m:
            label = _ayat_label(m.group("label"))
            # the first ayat follows the article's heading, a clause ending ":" or the article's title
            first_ok = not paras or paras[-1].ends_with(":") or not top_items and is_article_title(lines[:index])
            if label and (label == "1" and first_ok if last_ayat is None else label in next_labels(last_ayat)):
                last_ayat = label
                current = new_para(text, m.group("rest"))
                node = _Node(label, "ayat", [current])
                ayat_nodes.append(node)
                stack = []
                continue
        placed = _place_item(text, found, stack, ayat_nodes[-1] if ayat_nodes else None, top_items) if found else None
        if placed is not None:
            node, body = placed
            current = new_para(text, body)
            node.paras.append(current)
            continue
        if current is None:
            current = new_para(text, text)
            if ayat_nodes:
                ayat_nodes[-1].paras.append(current)
        else:
            current.add(text)
    ayat = [Ayat(n.label, n.full_text(), [c.to_item() for c in n.children]) for n in ayat_nodes]
    items = [n.to_item() for n in top_items]
    text = "\n".join(p.text for p in paras)
    locate_parts(text, ayat, items)
    return ArticleBody(text, ayat, items)


def locate_parts(text: str, ayat: list[Ayat], items: list[Item]) -> None:
    """Set ``start``/``end`` of every ayat and point (nested ones too) so that each one's
    ``text`` is ``text[start:end]`` of its article's (or diktum's) text. They are found in
    order, each inside the one holding it and after the one before it, so a sentence printed
    twice is placed where it stands; one that is not a slice of ``text`` keeps None."""
    cursor = _locate(text, items, 0, len(text))  # points before the first ayat
    for part in ayat:
        cursor = _locate_one(text, part, cursor, len(text))


def _locate(text: str, items: list[Item], cursor: int, limit: int) -> int:
    for item in items:
        cursor = _locate_one(text, item, cursor, limit)
    return cursor


def _locate_one(text: str, part: Ayat | Item, cursor: int, limit: int) -> int:
    start = text.find(part.text, cursor, limit) if part.text else -1
    if start < 0:
        part.start = part.end = None
        _locate(text, part.items, cursor, limit)
        return cursor
    part.start, part.end = start, start + len(part.text)
    _locate(text, part.items, start, part.end)
    return part.end


def _item_match(text: str) -> tuple[str, str, str] | None:
    vocab = markers()
    m = vocab.item_marker.match(text)
    if m:
        return m.group("label"), m.group("rest"), "alpha" if m.group("label").isalpha() else "num"
    m = vocab.item_marker_comma.match(text)
    if m:
        return m.group("label"), m.group("rest"), "num"
    return None


def _place_item(text: str, found: tuple[str, str, str], stack: list[_Node], ayat: _Node | None,
                top: list[_Node]) -> tuple[_Node, str] | None:
    """Open a new point for a line with an item label (``found``: ``_item_match(text)``) when
    the sequence allows it; mutates ``stack``."""
    label, rest, kind = found
    if rest[:1] in (";", ",", ".", ":", ")"):  # "9);" ends a wrapped "Nomor 9);"
        return None
    comma = markers().item_marker_comma.match(text) is not None
    for depth in range(len(stack) - 1, -1, -1):
        node = stack[depth]
        if node.kind == kind and label in next_labels(node.label):
            node_new = _Node(label, kind)
            del stack[depth:]
            siblings = stack[-1].children if stack else (ayat.children if ayat else top)
            siblings.append(node_new)
            stack.append(node_new)
            return node_new, rest
    if comma or label not in ("a", "1") or len(stack) >= MAX_DEPTH:
        return None
    node_new = _Node(label, kind)
    parent_list = stack[-1].children if stack else (ayat.children if ayat else top)
    parent_list.append(node_new)
    stack.append(node_new)
    return node_new, rest
