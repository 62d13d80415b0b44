"""Requirement catalogs and evaluation instruments, loaded from ``rules/*.yaml``.

Legal knowledge lives in the YAML; this module only reads it, checks its shape
(a malformed file is reported with file, entry and field) and offers small
helpers such as the printable article reference, which never claims more
precision than the catalog's ``confidence`` allows.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from compliance.errors import ComplianceError
from compliance.models import STATUSES
from compliance.models_place import ayat_ref
from compliance.resources import data_dir
from compliance.terms import TermError, Terms

CATALOG_SCHEMA = "compliance/catalog@1"
DEFAULT_CATALOG = "perpres-95-2018"
CONFIDENCES = ("text", "number", "range", "topic", "structure")
PARAMETER_KINDS = {"period": ("equal",), "frequency": ("max_interval",), "actor": ("actor",)}
UNVERIFIED = {"id": "(nomor pasal belum diverifikasi)", "en": "(article number not verified)"}


def _text(value: dict[str, str], lang: str) -> str:
    return value.get(lang) or value.get("id") or next(iter(value.values()), "")


@dataclass(frozen=True)
class Basis:
    """Where the national regulation says it, and how sure we are of the reference."""

    confidence: str
    pasal: str | None = None
    ayat: str | None = None
    range: tuple[int, int] | None = None
    topic: dict[str, str] | None = None

    def printable(self, lang: str = "id") -> str:
        """"Pasal 19", "Pasal 61 ayat (1)", "Pasal 34–39" or "<topic> (nomor pasal belum diverifikasi)"."""
        if self.confidence in ("text", "number"):
            return ayat_ref(self.pasal, self.ayat, lang)
        if self.confidence == "range":
            lo, hi = self.range
            return ayat_ref(str(lo) if lo == hi else f"{lo}–{hi}", lang=lang)  # a run of articles: "Pasal 34–39"
        if self.confidence == "topic":
            return f"{_text(self.topic, lang)} {_text(UNVERIFIED, lang)}"
        return _text(self.topic, lang)


@dataclass(frozen=True)
class Element:
    id: str
    label: dict[str, str]
    terms: Terms
    tags: tuple[str, ...] = ()
    secondary: bool = False  # known only from secondary sources: report missing, never conflict


@dataclass(frozen=True)
class Parameter:
    id: str
    kind: str  # period | frequency | actor
    label: dict[str, str]
    national: dict[str, Any]
    compare: str


@dataclass(frozen=True)
class Entry:
    id: str
    group: str
    title: dict[str, str]
    basis: Basis
    signals: Terms
    weak_signals: Terms
    elements: tuple[Element, ...]
    parameters: tuple[Parameter, ...] = ()
    indicators: tuple[int, ...] = ()
    anchors: tuple[str, ...] = ()
    similar: tuple[str, ...] = ()
    check: str | None = None
    related_bases: Terms | None = None
    act: str = ""  # set for a supplement's entries: the short name of the catalog they come from

    def title_in(self, lang: str = "id") -> str:
        return _text(self.title, lang)


@dataclass(frozen=True)
class Group:
    id: str
    title: dict[str, str]


@dataclass
class Catalog:
    id: str
    path: Path
    title: dict[str, str]
    short: str
    ditetapkan: str
    delegation: Terms
    outline: Terms
    competitors: Terms
    listing: Terms
    plans: Terms
    composition: Terms
    indicator_numbering: str | None  # the evaluation whose numbers entries' `indicators` use
    supplements: tuple[str, ...]
    scoring: dict[str, float]
    groups: list[Group]
    vocabulary: dict[str, list[str]]
    entries: list[Entry] = field(default_factory=list)
    _compiled: dict[str, Terms] = field(default_factory=dict, repr=False, compare=False)

    def entry(self, entry_id: str) -> Entry:
        for e in self.entries:
            if e.id == entry_id:
                return e
        raise ComplianceError("catalog-entry-unknown", file=str(self.path), entry=entry_id)

    def terms(self, specs: list[Any]) -> Terms:
        """Compile ad-hoc terms against this catalog's vocabulary (used by the matcher), once."""
        key = repr(specs)
        if key not in self._compiled:
            self._compiled[key] = Terms(specs, self.vocabulary)
        return self._compiled[key]

    def info(self, lang: str = "id") -> dict[str, Any]:
        return {"id": self.id, "title": _text(self.title, lang), "short": self.short,
                "ditetapkan": self.ditetapkan, "entries": len(self.entries),
                "supplements": list(self.supplements)}


# --- loading and validation -------------------------------------------------------


class _Checker:
    """Reads a YAML mapping field by field, raising ``catalog-invalid`` with the
    file, the entry and the field at the first thing that is wrong."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.prefix = ""

    def fail(self, entry: str, fld: str, reason: str) -> ComplianceError:
        fld = fld if fld.startswith(self.prefix) else self.prefix + fld
        return ComplianceError("catalog-invalid", file=str(self.path), entry=entry, field=fld, reason=reason)

    @contextmanager
    def within(self, prefix: str):
        """Name fields relative to ``prefix`` (``elements[2].``) while reading a nested part."""
        outer, self.prefix = self.prefix, self.prefix + prefix
        try:
            yield
        finally:
            self.prefix = outer

    def get(self, data: Any, key: str, kind: type | tuple[type, ...], entry: str, *, required: bool = True, default: Any = None) -> Any:
        if not isinstance(data, dict):
            raise self.fail(entry, key, "expected a mapping")
        if key not in data:
            if required:
                raise self.fail(entry, key, "missing")
            return default
        value = data[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
            raise self.fail(entry, key, f"expected {names}, got {type(value).__name__}")
        return value

    def labels(self, data: Any, key: str, entry: str, *, required: bool = True) -> dict[str, str] | None:
        value = self.get(data, key, dict, entry, required=required)
        if value is None:
            return None
        if not isinstance(value.get("id"), str) or not value["id"].strip():
            raise self.fail(entry, f"{key}.id", "an Indonesian text is required")
        if not all(isinstance(v, str) for v in value.values()):
            raise self.fail(entry, key, "every language must be a string")
        return dict(value)

    def terms(self, specs: Any, vocabulary: dict[str, list[str]], entry: str, fld: str) -> Terms:
        if not isinstance(specs, list):
            raise self.fail(entry, fld, "expected a list of terms")
        try:
            return Terms(specs, vocabulary)
        except TermError as exc:
            raise self.fail(entry, fld, str(exc)) from exc


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the catalog parses ~10x faster


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader
    except FileNotFoundError:
        raise ComplianceError("file-not-found", file=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ComplianceError("file-unreadable", file=str(path), reason=str(exc)) from exc
    except yaml.YAMLError as exc:
        raise ComplianceError("catalog-invalid", file=str(path), entry="-", field="-", reason=str(exc).replace("\n", " ")) from exc
    if not isinstance(data, dict):
        raise ComplianceError("catalog-invalid", file=str(path), entry="-", field="-", reason="expected a mapping at the top")
    return data


def _basis(c: _Checker, data: Any, entry: str) -> Basis:
    with c.within("basis."):
        confidence = c.get(data, "confidence", str, entry)
        if confidence not in CONFIDENCES:
            raise c.fail(entry, "confidence", f"must be one of {', '.join(CONFIDENCES)}")
        pasal = c.get(data, "pasal", str, entry, required=confidence in ("text", "number"))
        ayat = c.get(data, "ayat", str, entry, required=False)
        rng = c.get(data, "range", list, entry, required=confidence == "range")
        if rng is not None and (len(rng) != 2 or not all(isinstance(n, int) for n in rng) or rng[0] > rng[1]):
            raise c.fail(entry, "range", "expected [first, last] article numbers")
        topic = c.labels(data, "topic", entry, required=confidence in ("topic", "structure"))
    return Basis(confidence, pasal, ayat, tuple(rng) if rng else None, topic)


def _element(c: _Checker, data: Any, vocabulary: dict, entry: str, index: int) -> Element:
    with c.within(f"elements[{index}]."):
        eid = c.get(data, "id", str, entry)
        label = c.labels(data, "label", entry)
        terms = c.terms(c.get(data, "terms", list, entry), vocabulary, entry, "terms")
        tags = c.get(data, "tags", list, entry, required=False, default=[])
        secondary = c.get(data, "secondary", bool, entry, required=False, default=False)
    return Element(eid, label, terms, tuple(tags), secondary)


def _parameter(c: _Checker, data: Any, vocabulary: dict, entry: str, index: int) -> Parameter:
    with c.within(f"parameters[{index}]."):
        pid = c.get(data, "id", str, entry)
        kind = c.get(data, "kind", str, entry)
        if kind not in PARAMETER_KINDS:
            raise c.fail(entry, "kind", f"must be one of {', '.join(PARAMETER_KINDS)}")
        label = c.labels(data, "label", entry)
        national = c.get(data, "national", dict, entry)
        with c.within("national."):
            c.get(national, "printed", str, entry)
            if kind == "period":
                c.get(national, "years", (int, float), entry)
            elif kind == "frequency":
                c.get(national, "max_interval_years", (int, float), entry)
            else:
                for key in ("allowed", "others"):
                    if c.get(national, key, str, entry) not in vocabulary:
                        raise c.fail(entry, key, f"unknown vocabulary set {national[key]}")
        compare = c.get(data, "compare", str, entry, required=kind != "actor", default="actor")
        if compare not in PARAMETER_KINDS[kind]:
            raise c.fail(entry, "compare", f"{kind} compares by {PARAMETER_KINDS[kind][0]}")
    return Parameter(pid, kind, label, dict(national), compare)


def _entry(c: _Checker, data: Any, vocabulary: dict, groups: set[str]) -> Entry:
    if not isinstance(data, dict):
        raise c.fail("-", "entries", "every entry must be a mapping")
    eid = c.get(data, "id", str, "-")
    group = c.get(data, "group", str, eid)
    if group not in groups:
        raise c.fail(eid, "group", f"unknown group {group}")
    title = c.labels(data, "title", eid)
    basis = _basis(c, c.get(data, "basis", dict, eid), eid)
    check = c.get(data, "check", str, eid, required=False)
    signals = c.terms(c.get(data, "signals", list, eid, required=check is None, default=[]), vocabulary, eid, "signals")
    weak = c.terms(c.get(data, "weak_signals", list, eid, required=False, default=[]), vocabulary, eid, "weak_signals")
    raw_elements = c.get(data, "elements", list, eid)
    if not raw_elements:
        raise c.fail(eid, "elements", "at least one element is needed")
    elements = tuple(_element(c, e, vocabulary, eid, i) for i, e in enumerate(raw_elements))
    if len({e.id for e in elements}) != len(elements):
        raise c.fail(eid, "elements", "element ids must be unique")
    parameters = tuple(_parameter(c, p, vocabulary, eid, i)
                       for i, p in enumerate(c.get(data, "parameters", list, eid, required=False, default=[])))
    indicators = c.get(data, "indicators", list, eid, required=False, default=[])
    if not all(isinstance(n, int) and n > 0 for n in indicators):
        raise c.fail(eid, "indicators", "expected indicator numbers")
    anchors = c.get(data, "anchors", list, eid, required=False, default=[])
    similar = c.get(data, "similar", list, eid, required=False, default=[])
    for fld, values in (("anchors", anchors), ("similar", similar)):
        if not all(isinstance(v, str) and v.strip() for v in values):
            raise c.fail(eid, fld, "expected a list of texts")
    related = data.get("related_bases")
    related_terms = c.terms(related, vocabulary, eid, "related_bases") if related is not None else None
    return Entry(eid, group, title, basis, signals, weak, elements, parameters, tuple(indicators),
                 tuple(anchors), tuple(similar), check, related_terms)


def _resolve(name_or_path: str | Path) -> Path:
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists():
        return path
    candidate = data_dir("rules") / f"{name_or_path}.yaml"
    if not candidate.is_file():
        raise ComplianceError("catalog-unknown", file=str(name_or_path))
    return candidate


def load_catalog(name_or_path: str | Path = DEFAULT_CATALOG) -> Catalog:
    """A catalog by id (``perpres-95-2018``) or by path to a YAML file."""
    path = _resolve(name_or_path).resolve()
    return _load_catalog(path, path.stat().st_mtime_ns if path.exists() else 0)


@cache
def _load_catalog(path: Path, _mtime: int) -> Catalog:
    data = _read_yaml(path)
    c = _Checker(path)
    if data.get("schema") != CATALOG_SCHEMA:
        raise c.fail("-", "schema", f"expected {CATALOG_SCHEMA}")
    vocabulary = c.get(data, "vocabulary", dict, "-", required=False, default={})
    for name, phrases in vocabulary.items():
        if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) for p in phrases):
            raise c.fail("-", f"vocabulary.{name}", "expected a list of terms")
        c.terms(phrases, {}, "-", f"vocabulary.{name}")
    groups = [Group(c.get(g, "id", str, "-"), c.labels(g, "title", "-")) for g in c.get(data, "groups", list, "-")]
    scoring = c.get(data, "scoring", dict, "-")
    for status in STATUSES:
        if status != "not_applicable" and not isinstance(scoring.get(status), (int, float)):
            raise c.fail("-", f"scoring.{status}", "a number is required")
    entries = [_entry(c, e, vocabulary, {g.id for g in groups}) for e in c.get(data, "entries", list, "-")]
    supplements = c.get(data, "supplements", list, "-", required=False, default=[])
    for name in supplements:  # entries another national basis asks, checked beside these
        extra = load_catalog(name)
        groups += [g for g in extra.groups if g.id not in {g.id for g in groups}]
        entries += [e if e.act else replace(e, act=extra.short) for e in extra.entries]
    seen: set[str] = set()
    for e in entries:
        if e.id in seen:
            raise c.fail(e.id, "id", "duplicate entry id")
        seen.add(e.id)
    return Catalog(
        id=c.get(data, "id", str, "-"),
        path=path,
        title=c.labels(data, "title", "-"),
        short=c.get(data, "short", str, "-"),
        ditetapkan=c.get(data, "ditetapkan", str, "-"),
        competitors=c.terms(c.get(data, "competitors", list, "-", required=False, default=[]), vocabulary, "-",
                            "competitors"),
        outline=c.terms(c.get(data, "outline", list, "-", required=False, default=[]), vocabulary, "-", "outline"),
        listing=c.terms(c.get(data, "listing", list, "-", required=False, default=[]), vocabulary, "-", "listing"),
        plans=c.terms(c.get(data, "plans", list, "-", required=False, default=[]), vocabulary, "-", "plans"),
        composition=c.terms(c.get(data, "composition", list, "-", required=False, default=[]), vocabulary, "-",
                            "composition"),
        delegation=c.terms(c.get(data, "delegation", list, "-", required=False, default=[]), vocabulary, "-", "delegation"),
        indicator_numbering=c.get(data, "indicator_numbering", str, "-", required=False),
        supplements=tuple(supplements),
        scoring={k: float(v) for k, v in scoring.items()},
        groups=groups,
        vocabulary={k: list(v) for k, v in vocabulary.items()},
        entries=entries,
    )
