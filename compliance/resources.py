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

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster

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
def data_yaml(folder: str, name: str) -> Any:
    """A shipped YAML file (``data_yaml("regulations", "kinds.yaml")``), parsed once per process
    and shared by every module that reads it: treat the result as read-only."""
    with open(data_dir(folder) / name, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_YAML_LOADER)


def regulation_kinds() -> list[dict[str, Any]]:
    """The kinds of regulation of ``regulations/kinds.yaml``."""
    return data_yaml("regulations", "kinds.yaml")["kinds"]


@cache
def kind_levels() -> dict[str, str]:
    """Kind code -> its level in ``regulations/kinds.yaml`` (``perbup`` -> ``kabupaten``)."""
    return {k["code"]: k.get("level", "") for k in regulation_kinds()}
