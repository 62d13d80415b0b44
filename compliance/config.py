"""User settings that are not worth a flag every time: where the official national PDF is.

Looked up in this order: the ``--national`` option, the ``COMPLIANCE_NATIONAL``
environment variable, then ``national = "PATH"`` in
``$XDG_CONFIG_HOME/compliance/config.toml`` (``~/.config/compliance/config.toml``).
"""

from __future__ import annotations

import os
from pathlib import Path

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    tomllib = None

from compliance.errors import ComplianceError


def config_file() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "compliance" / "config.toml"


def national_pdf(option: Path | None) -> Path | None:
    """The official national regulation to quote, if the user named one anywhere."""
    if option is not None:
        return option
    env = os.environ.get("COMPLIANCE_NATIONAL")
    if env:
        return Path(env)
    path = config_file()
    if tomllib is None or not path.is_file():
        return None
    try:
        value = tomllib.loads(path.read_text(encoding="utf-8")).get("national")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ComplianceError("config-invalid", file=str(path), reason=str(exc)) from exc
    return Path(value).expanduser() if value else None
