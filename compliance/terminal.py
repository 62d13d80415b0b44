"""Text bound for a terminal, made harmless: what a regulation or a file name may carry
(escape sequences that retitle or rewrite the terminal, carriage returns that overwrite a
line, bidi overrides that reorder what is shown) is printed as a visible ``\\uXXXX`` escape.

Nothing is dropped: every character stays, readable as its code. The escape is the JSON one,
so JSON printed to a terminal stays valid JSON with the same data (these characters occur
only inside its strings). Files written with ``-o`` keep the exact text.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls (0x9b is a one-byte CSI), a carriage
# return that is not part of a CRLF line end (CSV rows end in CRLF), the bidi controls
# (marks, embeddings, overrides, isolates) and the Unicode line/paragraph separators.
_UNSAFE = r"\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
_FOR_TERMINAL = re.compile(rf"[{_UNSAFE}]|\r(?!\n)")
_FOR_ONE_LINE = re.compile(rf"[{_UNSAFE}\t\n\r]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def for_terminal(text: str) -> str:
    """``text`` with every control, escape and bidi character shown as ``\\uXXXX`` (lines kept)."""
    return _FOR_TERMINAL.sub(_escape, text)


def one_line(text: str) -> str:
    """``text`` as one safe line: newlines and tabs escaped too (file names in messages)."""
    return _FOR_ONE_LINE.sub(_escape, text)
