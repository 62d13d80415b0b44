"""Write results safely: atomically, never over an input, JSON byte-identical."""

from __future__ import annotations

import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterable

from compliance.errors import ComplianceError
from compliance.terminal import for_terminal


def dumps_json(data: Any) -> str:
    """The one JSON form the tool writes: sorted keys, UTF-8, 2-space indent, final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


STDOUT = "-"  # ``-o -``: write to standard output


def is_stdout(output: Path | str | None) -> bool:
    """``-o -`` (or no ``-o`` at all) means standard output, not a file named ``-``."""
    return output is None or str(output) == STDOUT


def check_output_path(output: Path, inputs: Iterable[Path] = ()) -> None:
    """Refuse an output that is one of the inputs, sits in a missing folder, or exists as
    anything but a regular file (a device such as /dev/null, a pipe, a folder, a socket):
    the rename that makes a write atomic would replace that node with a file."""
    if is_stdout(output):
        return
    try:
        target = output.resolve()
        for path in inputs:
            try:
                if path.exists() and target.exists() and os.path.samefile(path, target):
                    raise ComplianceError("output-is-input", file=str(output))
            except OSError:
                pass
            if Path(path).resolve() == target:
                raise ComplianceError("output-is-input", file=str(output))
        if target.exists() and not stat.S_ISREG(target.stat().st_mode):
            raise ComplianceError("output-not-regular", file=str(output))
        if not target.parent.is_dir():
            raise ComplianceError("output-dir-missing", file=str(output))
    except OSError as exc:  # a name too long, a loop of links, a folder we may not look into
        raise ComplianceError("output-unwritable", file=str(output), reason=exc.strerror or str(exc)) from exc


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(output: Path, content: str | bytes, inputs: Iterable[Path] = ()) -> None:
    """Write ``content`` to ``output`` through a temporary file and a rename, so a
    reader never sees a half-written report and a failure leaves nothing behind.
    Every failure (a read-only folder, a name too long, /proc) is one ``output-unwritable``."""
    inputs = list(inputs)
    check_output_path(output, inputs)
    data = content.encode("utf-8") if isinstance(content, str) else content
    tmp = None
    try:
        # a short temporary name: the longest allowed output name must still have room for it
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name[:32]}.", suffix=".tmp", dir=output.resolve().parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a report is an ordinary file
        os.replace(tmp, output)
    except OSError as exc:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise ComplianceError("output-unwritable", file=str(output), reason=exc.strerror or str(exc)) from exc


def write_output(content: str | bytes, output: Path | None, inputs: Iterable[Path] = ()) -> None:
    """``content`` to ``output`` atomically, or to standard output for none or ``-``: text
    there is made safe for a terminal (``terminal.for_terminal``), bytes go out as they are."""
    if not is_stdout(output):
        write_atomic(output, content, inputs)
        return
    if isinstance(content, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(for_terminal(content))
        sys.stdout.flush()
