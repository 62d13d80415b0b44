"""User settings that are not worth a flag every time: where the official national PDF is,
how long a batch gives one file, the bounds on what one input file may cost
(``[limits]``, see ``compliance.limits``).

Looked up in this order: the ``--national`` option, the ``COMPLIANCE_NATIONAL``
environment variable, then ``national = "PATH"`` in
``$XDG_CONFIG_HOME/compliance/config.toml`` (``~/.config/compliance/config.toml``);
``COMPLIANCE_FILE_TIMEOUT``, then ``file_timeout = SECONDS`` there.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Callable

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10: the same parser as a package (a dependency there)
    import tomli as tomllib

from compliance.errors import ComplianceError
from compliance.limits import Limits

# The settings config.toml may hold; any other key is reported, never silently ignored.
KNOWN_KEYS = ("national", "file_timeout", "limits")
Warn = Callable[[ComplianceError], None]


def config_file() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "compliance" / "config.toml"


# Seconds one file of a batch may take (reading, OCR and check together) before its worker
# is killed and the file reported as failed: far above a long scanned regulation read by OCR.
FILE_TIMEOUT_S = 600.0


def national_pdf(option: Path | None, warn: Warn | None = None) -> Path | None:
    """The official national regulation to quote, if the user named one anywhere; ``warn``
    hears of config.toml keys the tool does not know."""
    if option is not None:
        return option
    value = os.environ.get("COMPLIANCE_NATIONAL") or read_config(warn).get("national")
    if value is not None and not isinstance(value, str):
        raise ComplianceError("config-invalid", file=str(config_file()), reason="national: a path in quotes is expected")
    return Path(value).expanduser() if value else None


def file_timeout() -> float:
    """Seconds a batch gives one file: ``COMPLIANCE_FILE_TIMEOUT``, else ``file_timeout`` in
    config.toml, else ``FILE_TIMEOUT_S``; 0 means no bound (``inf``)."""
    env = os.environ.get("COMPLIANCE_FILE_TIMEOUT")
    value = env if env else _from_file("file_timeout")
    if value is None or value == "":
        return FILE_TIMEOUT_S
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        seconds = -1.0
    if not seconds >= 0:  # also NaN
        where = "COMPLIANCE_FILE_TIMEOUT" if env else str(config_file())
        raise ComplianceError("config-invalid", file=where, reason=f"file_timeout = {value!r}")
    return seconds or float("inf")


def limits() -> Limits:
    """The bounds of ``[limits]`` in config.toml (``max_pages = 10000``), the defaults for
    what it leaves out."""
    table = _from_file("limits") or {}
    try:
        if not isinstance(table, dict):
            raise ValueError("[limits] must be a table")
        return Limits.from_mapping(table)
    except ValueError as exc:
        raise ComplianceError("config-invalid", file=str(config_file()), reason=str(exc)) from None


def _from_file(key: str) -> object:
    """``key`` in config.toml, or None when the file or the key is absent."""
    return read_config().get(key)


def read_config(warn: Warn | None = None) -> dict:
    """The known settings of config.toml ({} without the file). A key the tool does not know
    (a misspelling such as ``nasional``) goes to ``warn`` with the closest known key."""
    path = config_file()
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ComplianceError("config-invalid", file=str(path), reason=str(exc)) from exc
    for key in sorted(set(data) - set(KNOWN_KEYS)):
        if warn is not None:
            close = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
            warn(ComplianceError("config-unknown-key", file=str(path), key=key,
                                 known=close[0] if close else ", ".join(KNOWN_KEYS)))
    return {k: v for k, v in data.items() if k in KNOWN_KEYS}
