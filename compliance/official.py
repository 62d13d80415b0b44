"""The official national text a catalog is verified against, refused when it is another act.

A user who passes the UU ITE (or any regulation) as "the official Perpres" would otherwise
see catalog references marked confirmed against the wrong text. The identity the catalog
expects is read from the catalog itself (its ``short`` name / title, e.g. "Perpres 95/2018"),
the identity of the given file from its parsed title, both as canonical ids
(``perpres/2018/95``); anything else is refused before any work is done.
"""

from __future__ import annotations

from pathlib import Path

from compliance.errors import ComplianceError
from compliance.models import Metadata, Regulation


def expected_id(catalog) -> str | None:
    """The canonical id of the regulation the catalog is about (``perpres/2018/95``)."""
    from compliance.graph import _catalog_regulation

    return _catalog_regulation(catalog)


def describe(meta: Metadata) -> str:
    """"Undang-Undang Nomor 11 Tahun 2008 tentang …" as far as the title was read."""
    parts = [meta.jenis or "?"]
    if meta.daerah:
        parts.append(meta.daerah)
    if meta.nomor:
        parts.append(f"Nomor {meta.nomor}")
    if meta.tahun:
        parts.append(f"Tahun {meta.tahun}")
    out = " ".join(parts)
    if meta.tentang:
        out += f" tentang {' '.join(meta.tentang.split())[:120]}"
    return out


def check_identity(official: Regulation, catalog, file: str | None = None) -> None:
    """Raise ``national-wrong-act`` unless ``official`` is the regulation the catalog is about."""
    from compliance.cite_resolve import metadata_id

    expected = expected_id(catalog)
    found = metadata_id(official.metadata)
    if expected is not None and found == expected:
        return
    title = catalog.title.get("id") if isinstance(catalog.title, dict) else str(catalog.title)
    meta = official.metadata
    code = "national-wrong-act" if found or (meta.jenis_kode and meta.nomor and meta.tahun) else "national-unidentified"
    raise ComplianceError(code, file=file or official.source.file, found=describe(official.metadata), expected=title)


def load_official(path: Path | str, catalog="perpres-95-2018") -> Regulation:
    """Parse the official national text and check it is the catalog's regulation."""
    from compliance import load
    from compliance.catalog import Catalog, load_catalog

    cat = catalog if isinstance(catalog, Catalog) else load_catalog(catalog)
    official = load(path)
    check_identity(official, cat, str(path))
    return official
