"""National evaluation instruments (``rules/*.yaml``, schema ``compliance/evaluation@1``).

An instrument lists aspects, indicators and weights, the catalog entries that speak for
each indicator, and the rules that turn findings into a level a text can show (the SPBE
evaluation's "indicated level", the Indeks Pemdi's "evidence readiness"). Which one a
report uses is data too: the instrument in force on the day of the check (``in_force`` /
``revoked``), unless the user picks one. A new instrument is a new file, not new code.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from compliance.catalog import Catalog, _Checker, _read_yaml
from compliance.errors import ComplianceError
from compliance.models import STATUSES
from compliance.per_object import PerObject
from compliance.resources import data_dir

EVALUATION_SCHEMA = "compliance/evaluation@1"
ROLES = ("policy", "supporting", "none")  # what a regional text can show of an indicator
SOURCES = ("official", "summary", "secondary")  # where a fact of the instrument comes from


@dataclass(frozen=True)
class Indicator:
    no: int
    aspect: int
    weight: float
    name: str
    requirements: tuple[str, ...]
    level_from: tuple[str, ...] = ()
    supporting: tuple[str, ...] = ()
    role: str = "none"
    domain: int | None = None
    text_shows: dict[str, str] | None = None
    source: str = "summary"


@dataclass
class Evaluation:
    id: str
    path: Path
    title: dict[str, str]
    catalog: str
    source: str
    aspects: list[dict[str, Any]]
    estimate: dict[str, Any]
    indicators: list[Indicator]
    domains: list[dict[str, Any]] = field(default_factory=list)
    predicates: list[dict[str, Any]] = field(default_factory=list)
    identity: dict[str, Any] = field(default_factory=dict)
    in_force: dict[str, Any] = field(default_factory=dict)
    revoked: dict[str, Any] | None = None

    def title_in(self, lang: str = "id") -> str:
        return self.title.get(lang) or self.title["id"]

    def in_force_on(self, day: date) -> bool:
        """In force on ``day``: started (or no start known) and not yet revoked."""
        start = self.in_force.get("from")
        if start and date.fromisoformat(start) > day:
            return False
        return not (self.revoked and date.fromisoformat(self.revoked["since"]) <= day)


def _indicator(c: _Checker, raw: Any) -> Indicator:
    no = c.get(raw, "no", int, "-")
    where = f"indicator {no}"
    level_from = tuple(c.get(raw, "level_from", list, where, required=False, default=[]))
    supporting = tuple(c.get(raw, "supporting", list, where, required=False, default=[]))
    requirements = c.get(raw, "requirements", list, where, required=False)
    requirements = tuple(requirements) if requirements is not None else level_from + supporting
    default_role = "policy" if level_from else ("supporting" if requirements else "none")
    role = c.get(raw, "shown_by_text", str, where, required=False, default=default_role)
    if role not in ROLES:
        raise c.fail(where, "shown_by_text", f"must be one of {', '.join(ROLES)}")
    if role == "none" and (level_from or supporting):
        raise c.fail(where, "shown_by_text", "an indicator no text can show has no entries to show it")
    source = c.get(raw, "source", str, where, required=False, default="summary")
    if source not in SOURCES:
        raise c.fail(where, "source", f"must be one of {', '.join(SOURCES)}")
    return Indicator(no=no, aspect=c.get(raw, "aspect", int, where),
                     weight=float(c.get(raw, "weight", (int, float), where)), name=c.get(raw, "name", str, where),
                     requirements=requirements, level_from=level_from, supporting=supporting, role=role,
                     domain=c.get(raw, "domain", int, where, required=False),
                     text_shows=c.labels(raw, "text_shows", where, required=False), source=source)


def _estimate(c: _Checker, data: dict) -> dict[str, Any]:
    estimate = c.get(data, "estimate", dict, "-")
    if c.get(estimate, "measure", str, "estimate", required=False, default="indicated_level") not in (
            "indicated_level", "readiness"):
        raise c.fail("estimate", "measure", "must be indicated_level or readiness")
    top = c.get(estimate, "max_level", int, "estimate")
    if top > c.get(estimate, "scale", int, "estimate", required=False, default=5):
        raise c.fail("estimate", "max_level", "above the scale")
    c.labels(estimate, "note", "estimate")  # how the report must label the level (never an evaluation result)
    for i, rule in enumerate(c.get(estimate, "levels", list, "estimate")):
        where = f"estimate.levels[{i}]"
        c.get(rule, "level", int, where)
        for key in ("all", "any", "tags"):
            values = c.get(rule, key, list, where, required=False, default=[])
            if key != "tags" and not set(values) <= set(STATUSES):
                raise c.fail(where, key, f"statuses are {', '.join(STATUSES)}")
        if c.get(rule, "on", str, where, required=False, default="level_from") not in ("level_from", "supporting"):
            raise c.fail(where, "on", "must be level_from or supporting")
    return estimate


def _dated(c: _Checker, data: dict, key: str, fld: str, *, required: bool) -> dict[str, Any] | None:
    block = c.get(data, key, dict, "-", required=required)
    if block is None:
        return None
    value = c.get(block, fld, str, key, required=key == "revoked")
    if value is not None:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise c.fail(key, fld, "expected a date YYYY-MM-DD") from None
    return dict(block)


@cache
def _load(path: Path, _mtime: int) -> Evaluation:
    data = _read_yaml(path)
    c = _Checker(path)
    if data.get("schema") != EVALUATION_SCHEMA:
        raise c.fail("-", "schema", f"expected {EVALUATION_SCHEMA}")
    indicators = [_indicator(c, raw) for raw in c.get(data, "indicators", list, "-")]
    if len({i.no for i in indicators}) != len(indicators):
        raise c.fail("-", "indicators", "indicator numbers must be unique")
    aspects = c.get(data, "aspects", list, "-")
    known_aspects = {c.get(a, "no", int, "aspects") for a in aspects}
    for ind in indicators:
        if ind.aspect not in known_aspects:
            raise c.fail(f"indicator {ind.no}", "aspect", f"unknown aspect {ind.aspect}")
    source = c.get(data, "source", str, "-", required=False, default="summary")
    if source not in SOURCES:
        raise c.fail("-", "source", f"must be one of {', '.join(SOURCES)}")
    revoked = _dated(c, data, "revoked", "since", required=False)
    if revoked is not None:
        c.labels(revoked, "by", "revoked")
    return Evaluation(
        id=c.get(data, "id", str, "-"), path=path, title=c.labels(data, "title", "-"),
        catalog=c.get(data, "catalog", str, "-"), source=source, aspects=aspects, estimate=_estimate(c, data),
        indicators=sorted(indicators, key=lambda i: i.no),
        domains=c.get(data, "domains", list, "-", required=False, default=[]),
        predicates=c.get(data, "predicates", list, "-", required=False, default=[]),
        identity=c.get(data, "identity", dict, "-", required=False, default={}),
        in_force=_dated(c, data, "in_force", "from", required=False) or {}, revoked=revoked)


def evaluation_files() -> list[Path]:
    """Every instrument shipped in ``rules/``, by file name."""
    found = []
    for path in sorted(data_dir("rules").glob("*.yaml")):
        with open(path, encoding="utf-8") as handle:
            head = handle.read(4096)
        if re.search(rf"^schema:\s*{re.escape(EVALUATION_SCHEMA)}\s*$", head, re.MULTILINE):
            found.append(path)
    return found


def load_evaluation(name_or_path: str | Path, catalog: Catalog | None = None) -> Evaluation:
    """An instrument by id (``pemdi-2026``), file stem or path; with ``catalog``, its
    requirement ids are cross-checked."""
    path = Path(name_or_path)
    if path.suffix not in (".yaml", ".yml") and not path.exists():
        matches = [p for p in evaluation_files() if p.stem == str(name_or_path)
                   or _load(p.resolve(), p.stat().st_mtime_ns).id == str(name_or_path)]
        if not matches:
            raise ComplianceError("evaluation-unknown", file=str(name_or_path),
                                  known=", ".join(e.id for e in evaluations_for(None)))
        path = matches[0]
    path = path.resolve()
    if not path.is_file():
        raise ComplianceError("file-not-found", file=str(name_or_path))
    evaluation = _load(path, path.stat().st_mtime_ns)
    if catalog is not None:
        check_consistency(catalog, evaluation)
    return evaluation


class _Shipped:
    """The shipped instruments, read again only when a YAML file in ``rules/`` is added,
    removed or modified (a check asks for them every time; listing the folder costs a
    fraction of reading each file's head)."""

    signature: tuple | None = None  # the folder, each YAML file's name and modification time
    evaluations: list[Evaluation] = []

    @classmethod
    def now(cls) -> list[Evaluation]:
        folder = data_dir("rules")
        with os.scandir(folder) as entries:
            signature = (folder, sorted((e.name, e.stat().st_mtime_ns) for e in entries if e.name.endswith(".yaml")))
        if signature != cls.signature:
            cls.evaluations = [_load(p.resolve(), p.stat().st_mtime_ns) for p in evaluation_files()]
            cls.signature = signature
        return cls.evaluations


def evaluations_for(catalog_id: str | None) -> list[Evaluation]:
    """The shipped instruments that score against ``catalog_id`` (all with None)."""
    return [e for e in _Shipped.now() if catalog_id is None or e.catalog == catalog_id]


_CONSISTENT: PerObject[Evaluation] = PerObject()


def evaluation_in_force(catalog: Catalog, day: date | None = None) -> Evaluation | None:
    """The instrument in force on ``day`` (today by default) for ``catalog``: the latest to
    start among those not revoked by then; None when the catalog has none. Its consistency
    with the catalog is checked once per catalog object and instrument."""
    day = day or date.today()
    candidates = [e for e in evaluations_for(catalog.id) if e.in_force_on(day)]
    if not candidates:
        return None
    chosen = max(candidates, key=lambda e: (e.in_force.get("from") or "", e.id))

    def consistent(catalog: Catalog) -> Evaluation:
        check_consistency(catalog, chosen)
        return chosen

    return _CONSISTENT.get(catalog, consistent, chosen)


def check_consistency(catalog: Catalog, evaluation: Evaluation) -> None:
    """Every requirement id of the instrument exists in the catalog; for the instrument whose
    numbering the catalog's entries use (``indicator_numbering``), an entry lists exactly the
    indicators that list it."""
    c = _Checker(evaluation.path)
    ids = {e.id for e in catalog.entries}
    for ind in evaluation.indicators:
        for rid in (*ind.requirements, *ind.level_from, *ind.supporting):
            if rid not in ids:
                raise c.fail(f"indicator {ind.no}", "requirements", f"unknown catalog entry {rid}")
    if catalog.indicator_numbering != evaluation.id:
        return
    by_indicator: dict[int, set[str]] = {}
    for e in catalog.entries:
        for no in e.indicators:
            by_indicator.setdefault(no, set()).add(e.id)
    for ind in evaluation.indicators:
        if set(ind.requirements) != by_indicator.get(ind.no, set()):
            raise c.fail(f"indicator {ind.no}", "requirements", "differs from the catalog entries that name this indicator")
    known = {i.no for i in evaluation.indicators}
    for no, entries in sorted(by_indicator.items()):
        if no not in known:
            raise c.fail(sorted(entries)[0], "indicators", f"indicator {no} is not in {evaluation.id}")
