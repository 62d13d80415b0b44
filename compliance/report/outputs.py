"""Which format an output file gets: ``--format`` when given, else the name's suffix.

A user who types ``-o hasil.json`` expects JSON; writing HTML into it (or exiting 0
on ``banding.xlsx``) loses their trust, so a suffix the command cannot write is
refused before any work starts. Every command that writes a file asks here.
"""

from __future__ import annotations

from pathlib import Path

from compliance.errors import ComplianceError

# Suffix -> format name, for every format any command writes.
SUFFIX_FORMATS = {
    ".html": "html", ".htm": "html", ".json": "json", ".csv": "csv", ".md": "md", ".docx": "docx",
    ".graphml": "graphml", ".dot": "dot", ".gv": "dot", ".gexf": "gexf", ".txt": "text",
}

# The plain-text forms commands print for a terminal; a ``.txt`` output gets the command's one.
TEXT_FORMATS = ("text", "outline", "table")

# The formats each command writes (the first: without -o, or for stdout).
COMMAND_FORMATS = {
    "check": ("html", "json", "csv", "md", "docx"),
    "graph": ("json", "graphml", "dot", "gexf"),
    "compare": ("html", "csv", "json"),
    "parse": ("outline", "json", "md"),
    "cite": ("text", "json"),
    "region": ("html", "json", "csv", "md"),
}


def format_for(output: Path | str | None, formats: tuple[str, ...], explicit: str | None = None,
               default: str | None = None) -> str:
    """The format to write: ``explicit`` (``--format``) wins; else ``output``'s suffix
    (case-insensitive), refused with ``output-suffix-unknown`` when ``formats`` lacks it;
    else (no file, or ``-`` for stdout) ``default`` or the first of ``formats``."""
    if explicit:
        return explicit
    if output is None or str(output) == "-":
        return default or formats[0]
    suffix = Path(output).suffix.lower()
    fmt = SUFFIX_FORMATS.get(suffix)
    if fmt == "text":
        fmt = next((f for f in formats if f in TEXT_FORMATS), None)
    if fmt not in formats:
        known = ", ".join(s for s, f in SUFFIX_FORMATS.items()
                          if f in formats or (f == "text" and set(formats) & set(TEXT_FORMATS)))
        raise ComplianceError("output-suffix-unknown" if suffix else "output-suffix-missing", file=str(output),
                              suffix=suffix, known=known)
    return fmt
