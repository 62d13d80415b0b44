"""v0 placeholder: every line that reads 'Pasal N' starts an article."""

from __future__ import annotations

import re

from compliance.models import Article, Line, Regulation, Source

_PASAL = re.compile(r"^Pasal\s+(\d+[A-Z]?|[IVX]+)$")


def parse(lines: list[Line], source: Source) -> Regulation:
    reg = Regulation(source=source)
    current: Article | None = None
    for line in lines:
        m = _PASAL.match(line.text)
        if m:
            current = Article(m.group(1), "", line.page)
            reg.articles.append(current)
        elif current is not None:
            current.text = (current.text + "\n" + line.text).strip()
    return reg
