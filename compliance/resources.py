"""Locate the data folders shipped with the tool (rules/, regulations/, templates/).

In a checkout they sit beside the package; in an installed wheel they are
packaged as ``compliance._rules`` and friends (see pyproject.toml).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

_PACKAGED = {
    "rules": "compliance._rules",
    "regulations": "compliance._regulations",
    "templates": "compliance._templates",
    "examples": "compliance._examples",
}


@cache
def data_dir(name: str) -> Path:
    """Return the folder ``name`` (rules, regulations, templates, examples)."""
    checkout = Path(__file__).resolve().parent.parent / name
    if checkout.is_dir():
        return checkout
    return Path(str(resources.files(_PACKAGED[name])))


@cache
def regulation_kinds() -> list[dict[str, Any]]:
    """The kinds of regulation of ``regulations/kinds.yaml`` (read once per process)."""
    return yaml.safe_load((data_dir("regulations") / "kinds.yaml").read_text(encoding="utf-8"))["kinds"]


@cache
def kind_levels() -> dict[str, str]:
    """Kind code -> its level in ``regulations/kinds.yaml`` (``perbup`` -> ``kabupaten``)."""
    return {k["code"]: k.get("level", "") for k in regulation_kinds()}
