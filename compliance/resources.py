"""Locate the data folders shipped with the tool (rules/, regulations/, templates/).

In a checkout they sit beside the package; in an installed wheel they are
packaged as ``compliance._rules`` and friends (see pyproject.toml).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster

_DATA = ("rules", "regulations", "templates", "examples")


@cache
def data_dir(name: str) -> Path:
    """Return the folder ``name`` (rules, regulations, templates, examples): beside the
    package in a checkout, ``compliance/_<name>`` once installed (pyproject.toml maps it)."""
    if name not in _DATA:
        raise ValueError(f"unknown data folder {name!r}")
    package = Path(__file__).resolve().parent
    checkout = package.parent / name
    if checkout.is_dir():
        return checkout
    return package / f"_{name}"


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


def daerah_level_words() -> list[str]:
    """The words a region's name carries for its level (``daerah_levels`` in
    ``regulations/kinds.yaml``: Kota, Kabupaten, Provinsi)."""
    return list(data_yaml("regulations", "kinds.yaml")["daerah_levels"].values())


def without_level(daerah: str) -> str:
    """A region's name without its level word ("Kota Denpasar" -> "Denpasar"), as a title whose
    kind already names the level prints it ("Peraturan Wali Kota Denpasar")."""
    for word in daerah_level_words():
        rest = daerah[len(word):]
        if daerah.startswith(word) and rest[:1].isspace():
            return rest.lstrip()
    return daerah
