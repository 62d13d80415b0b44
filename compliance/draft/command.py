"""``compliance amend``: check a regulation and write the draft that addresses its gaps."""

from __future__ import annotations

from pathlib import Path

from compliance.draft.amend import draft


def amend_file(path, output, replace: bool = False, catalog: str = "perpres-95-2018", lang: str = "id") -> int:
    """``compliance amend``: check ``path``, write the draft to ``output`` (format by its
    suffix); the number of change points, 0 (and nothing written) when there is no gap."""
    from compliance import load
    from compliance.check import check
    from compliance.draft.write import FORMATS, render
    from compliance.errors import ComplianceError
    from compliance.output import check_output_path, write_atomic

    output = Path(output)
    fmt = output.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ComplianceError("amend-format", file=str(output))
    check_output_path(output, [Path(path)])  # fail before the work, not after
    regulation = load(path)
    if not any(a.parent is None for a in regulation.articles):  # a Keputusan: diktum, no Pasal to amend
        raise ComplianceError("amend-no-articles", file=str(path))
    result = check(regulation, catalog, lang=lang)
    made = draft(result, replace=replace)
    if made is None:
        return 0
    write_atomic(output, render(made, fmt), [Path(path)])
    return len(made.addressed)
