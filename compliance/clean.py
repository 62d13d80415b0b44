"""v0 placeholder: split pages into lines."""

from __future__ import annotations

from compliance.models import Line, Page


def clean(pages: list[Page]) -> list[Line]:
    return [Line(t.strip(), p.number) for p in pages for t in p.text.splitlines() if t.strip()]
