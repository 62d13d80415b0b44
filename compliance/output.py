"""Write results safely: atomically, never over an input, JSON byte-identical."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable

from compliance.errors import ComplianceError


def dumps_json(data: Any) -> str:
    """The one JSON form the tool writes: sorted keys, UTF-8, 2-space indent, final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def check_output_path(output: Path, inputs: Iterable[Path] = ()) -> None:
    """Refuse an output that is one of the inputs or sits in a missing folder."""
    target = output.resolve()
    for path in inputs:
        try:
            if path.exists() and target.exists() and os.path.samefile(path, target):
                raise ComplianceError("output-is-input", file=str(output))
        except OSError:
            pass
        if Path(path).resolve() == target:
            raise ComplianceError("output-is-input", file=str(output))
    if not target.parent.is_dir():
        raise ComplianceError("output-dir-missing", file=str(output))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(output: Path, content: str | bytes, inputs: Iterable[Path] = ()) -> None:
    """Write ``content`` to ``output`` through a temporary file and a rename, so a
    reader never sees a half-written report and a failure leaves nothing behind."""
    inputs = list(inputs)
    check_output_path(output, inputs)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.resolve().parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a report is an ordinary file
        os.replace(tmp, output)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ComplianceError("output-unwritable", file=str(output), reason=exc.strerror or str(exc)) from exc
