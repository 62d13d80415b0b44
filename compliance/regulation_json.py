"""Rebuilding a ``Regulation`` from the JSON the results store keeps (``Regulation.to_dict``)."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any, Union

from compliance import models
from compliance.models import Regulation


def regulation_from_json(text: str) -> Regulation:
    """Rebuild the ``Regulation`` that ``to_dict`` serialised (fields by name, unknown keys ignored),
    with the offsets of its ayat, points and Lampiran sections set again (the JSON has none)."""
    from compliance.places import locate

    return locate(_from_data(Regulation, json.loads(text)))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(models))


def _from_data(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _from_data(inner[0], data) if len(inner) == 1 else data
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_from_data(item, x) for x in data]
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        kwargs = {f.name: _from_data(hints[f.name], data[f.name])
                  for f in dataclasses.fields(tp) if f.init and f.name in data}
        return tp(**kwargs)
    return data
