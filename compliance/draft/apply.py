"""Apply a parsed amending regulation to the regulation it amends, to check the result.

An amendment's Pasal I quotes each changed or inserted article (``parent: "I"``): a
quoted article replaces the base article of the same label, or is inserted after the
article whose label it extends (Pasal 12A after Pasal 12, 12B after 12A). "Pasal N
dihapus" removes it; "Lampiran diubah sehingga menjadi ..." puts the amendment's Lampiran
in place of the base's. Everything else of the base is kept as it was.

A Keputusan is amended by a Keputusan whose diktum KESATU quotes each changed or inserted
diktum (“KEDUA : …”, “KETIGA A : …”); they are applied the same way.
"""

from __future__ import annotations

import copy
import re

from compliance.markers import markers
from compliance.models import Regulation



def quoted_diktum(amendment: Regulation) -> list[tuple[str, str]]:
    """(label, text) of every diktum an amending Keputusan's first diktum quotes, in order."""
    first = amendment.diktum[0].text if amendment.diktum else ""
    return [(m.group("label"), m.group("text").strip()) for m in markers().quoted_diktum.finditer(first)]


def _stem(label: str) -> str:
    return re.sub(r"(?:[A-Z]+|\s+[A-H])$", "", label) if re.search(r"\d", label) else re.sub(r"\s+[A-H]$", "", label)


def apply_amendment(base: Regulation, amendment: Regulation, parent: str = "I") -> Regulation:
    """A copy of ``base`` with the articles ``amendment`` quotes in Pasal ``parent`` applied
    (for a Keputusan: the diktum its first diktum quotes)."""
    if base.is_keputusan:
        return _apply_diktum(base, amendment)
    out = copy.deepcopy(base)
    body = [a for a in out.articles if a.parent is None]
    quoted = [a for a in amendment.articles if a.parent == parent]
    instruction = amendment.article(parent)
    removed = set(markers().article_removed.findall(instruction.text)) if instruction else set()
    for article in quoted:
        new = copy.deepcopy(article)
        new.parent = None
        at = next((i for i, a in enumerate(body) if a.label == new.label), None)
        if at is not None:
            new.page, new.bab, new.bagian, new.paragraf = body[at].page, body[at].bab, body[at].bagian, body[at].paragraf
            body[at] = new
            continue
        stem = _stem(new.label)
        # after the last article of the same stem already in place (12, 12A, 12B ...)
        anchor = max((i for i, a in enumerate(body) if _stem(a.label) == stem), default=len(body) - 1)
        ref = body[anchor]
        new.page, new.bab, new.bagian, new.paragraf = ref.page, ref.bab, ref.bagian, ref.paragraf
        body.insert(anchor + 1, new)
    out.articles = [a for a in body if a.label not in removed]
    if instruction and markers().lampiran_restated.search(instruction.text) and amendment.lampiran:
        out.lampiran = copy.deepcopy(amendment.lampiran)  # "Lampiran diubah sehingga menjadi ...": the new one, whole
    return out


def _apply_diktum(base: Regulation, amendment: Regulation) -> Regulation:
    from compliance.draft.keputusan import diktum_of

    out = copy.deepcopy(base)
    body = out.diktum
    for label, text in quoted_diktum(amendment):
        new = diktum_of(text, label)
        at = next((i for i, d in enumerate(body) if d.label == label), None)
        if at is not None:
            new.page = body[at].page
            body[at] = new
            continue
        anchor = max((i for i, d in enumerate(body) if _stem(d.label) == _stem(label)), default=len(body) - 1)
        new.page = body[anchor].page
        body.insert(anchor + 1, new)
    return out
