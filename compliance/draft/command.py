"""``compliance amend``: check a regulation and write the draft that addresses its gaps.

The library call is ``amendment(regulation)``: the draft (or None) with its change points
and, when nothing is drafted, why (``no-gaps``, or ``outside-subject`` for a Keputusan whose
gaps are not what it sets). ``Amendment.render(fmt)`` gives the bytes of a .docx/.md/.txt.
The CLI and the web app are shells around these two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from compliance.draft.amend import Change, Draft, draft
from compliance.models import Regulation

NOTHING_TO_DRAFT = 3  # exit code of `compliance amend` when no draft is written (no gap in its reach)


@dataclass
class Amendment:
    """What ``amend`` makes of one regulation."""

    draft: Draft | None
    reason: str | None = None  # None (a draft), "no-gaps", "outside-subject", "amending-act", "no-place"
    outside: list[str] = field(default_factory=list)  # titles of gaps a Keputusan cannot take
    kepala_daerah: str = ""  # who sets the Peraturan those gaps belong in (Wali Kota, Bupati ...)

    @property
    def changes(self) -> list[Change]:
        return self.draft.changes if self.draft else []

    def render(self, fmt: str) -> bytes:
        from compliance.draft.write import render

        data = render(self.draft, fmt)
        return data if isinstance(data, bytes) else data.encode("utf-8")


def amendment(regulation: Regulation, replace: bool = False, catalog: str = "perpres-95-2018",
              lang: str = "id") -> Amendment:
    """The amendment (or ``replace``: replacement) draft of ``regulation`` after checking it."""
    from compliance.check import check

    from compliance.draft.keputusan import draft_keputusan

    result = check(regulation, catalog, lang=lang)
    made = (draft_keputusan if regulation.is_keputusan else draft)(result, replace=replace)
    if made is not None:
        return Amendment(made)
    if regulation.is_keputusan:
        from compliance.draft.amend import names
        from compliance.draft.keputusan import split_gaps

        outside = split_gaps(result)[1]
        if outside:
            return Amendment(None, "outside-subject", [f.title for f in outside], names(result)["kd"])
        return Amendment(None, "no-gaps")
    from compliance.draft.amend import gaps

    if not gaps(result):
        return Amendment(None, "no-gaps")
    body = [a.label for a in regulation.articles if a.parent is None]
    if body and all(re.fullmatch(r"[IVXLC]+", label) for label in body):
        return Amendment(None, "amending-act")  # its gaps are the amended act's, read with it applied
    return Amendment(None, "no-place")


def output_format(output: Path, fmt: str | None) -> str:
    """The draft's format: ``--format``, else the suffix of ``-o`` (``-o -``: Markdown)."""
    from compliance.draft.write import FORMATS
    from compliance.errors import ComplianceError
    from compliance.output import is_stdout

    chosen = fmt or ("md" if is_stdout(output) else output.suffix.lower().lstrip("."))
    if chosen not in FORMATS:
        raise ComplianceError("amend-format", file=str(output))
    return chosen


def _stdout_is_terminal() -> bool:
    import sys

    return sys.stdout.isatty()


def amend_file(path: Path, output: Path, replace: bool = False, catalog: str = "perpres-95-2018", lang: str = "id",
               fmt: str | None = None) -> Amendment:
    """``compliance amend``: check ``path``, write the draft to ``output`` (a file, written
    atomically and never over the input; or ``-``: standard output). Nothing is written
    when there is nothing to draft. DOCX goes to standard output only when it is not a
    terminal (a pipe or a file), else it is refused before any work."""
    from compliance import load
    from compliance.errors import ComplianceError
    from compliance.output import check_output_path, is_stdout, write_output

    path, output = Path(path), Path(output)
    chosen = output_format(output, fmt)
    if is_stdout(output) and chosen == "docx" and _stdout_is_terminal():
        raise ComplianceError("amend-docx-terminal", file=str(path))
    check_output_path(output, [path])  # fail before the work, not after
    made = amendment(load(path), replace=replace, catalog=catalog, lang=lang)
    if made.draft is not None:
        data = made.render(chosen)
        write_output(data if chosen == "docx" else data.decode("utf-8"), output, [path])
    return made
