"""Apply a parsed amending regulation to the regulation it amends, to check the result.

An amendment's Pasal I quotes each changed or inserted article (``parent: "I"``): a
quoted article replaces the base article of the same label, or is inserted after the
article whose label it extends (Pasal 12A after Pasal 12, 12B after 12A). "Pasal N
dihapus" removes it. Everything else of the base is kept as it was.
"""

from __future__ import annotations

import copy
import re

from compliance.models import Regulation

_REMOVED = re.compile(r"(?i)\bPasal\s+(\d+[A-Z]?)\s+dihapus\b")


def apply_amendment(base: Regulation, amendment: Regulation, parent: str = "I") -> Regulation:
    """A copy of ``base`` with the articles ``amendment`` quotes in Pasal ``parent`` applied."""
    out = copy.deepcopy(base)
    body = [a for a in out.articles if a.parent is None]
    quoted = [a for a in amendment.articles if a.parent == parent]
    instruction = amendment.article(parent)
    removed = set(_REMOVED.findall(instruction.text)) if instruction else set()
    for article in quoted:
        new = copy.deepcopy(article)
        new.parent = None
        at = next((i for i, a in enumerate(body) if a.label == new.label), None)
        if at is not None:
            new.page, new.bab, new.bagian, new.paragraf = body[at].page, body[at].bab, body[at].bagian, body[at].paragraf
            body[at] = new
            continue
        stem = re.sub(r"[A-Z]+$", "", new.label)
        # after the last article of the same stem already in place (12, 12A, 12B ...)
        anchor = max((i for i, a in enumerate(body) if re.sub(r"[A-Z]+$", "", a.label) == stem), default=len(body) - 1)
        ref = body[anchor]
        new.page, new.bab, new.bagian, new.paragraf = ref.page, ref.bab, ref.bagian, ref.paragraf
        body.insert(anchor + 1, new)
    out.articles = [a for a in body if a.label not in removed]
    return out
