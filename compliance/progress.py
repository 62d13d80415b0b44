"""Progress of long steps (OCR pages), reported by the library, shown by whoever listens.

The library never writes to the terminal; the CLI attaches a sink that draws one labelled
line on stderr when stderr is a terminal (never into a pipe or a log file). Only the
process that attached it draws: a batch's worker processes stay quiet under the batch's bar.
"""

from __future__ import annotations

import os
from typing import Callable

from compliance.terminal import one_line

Sink = Callable[[str, int, int, str], None]
_sink: tuple[int, Sink] | None = None


def attach(sink: Sink | None) -> None:
    """Send progress to ``sink(step, done, total, subject)`` in this process (None: stop)."""
    global _sink
    _sink = (os.getpid(), sink) if sink is not None else None


def report(step: str, done: int, total: int, subject: str = "") -> None:
    """``done`` of ``total`` units of ``step`` (``"ocr"``: pages) finished for ``subject``."""
    if _sink is not None and _sink[0] == os.getpid():
        _sink[1](step, done, total, subject)


def terminal_line(stream, labels: dict[str, str]) -> Sink:
    """A sink rewriting one line on ``stream``: "OCR perwal.pdf: halaman 3/10"; a newline at the end."""

    def draw(step: str, done: int, total: int, subject: str) -> None:
        label = labels.get(step, step)
        stream.write(f"\r{label.format(subject=one_line(subject), done=done, total=total)}")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return draw
