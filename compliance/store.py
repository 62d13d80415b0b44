"""The results store: parsed regulations, check reports and each region's history in SQLite.

Results are keyed by the file's content hash plus a fingerprint of the tool
(its version and source) and, for reports, the catalog key, so a re-run over
unchanged files is a lookup and a changed parser or catalog misses by itself.
Opening, recovery from damage and transactions are ``compliance.store_file``'s;
this module says what is stored and how it is looked up.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any, Callable

from compliance import __version__
from compliance.daerah_keys import daerah_key, region_query
from compliance.errors import ComplianceError
from compliance.store_file import StoreFile

DB_NAME = "results.sqlite3"
# A report's citation graph (drawn, for HTML) is kept in the report table beside the report, under
# the report's catalog key plus this suffix: no schema change, and a tool change drops both.
GRAPH_SUFFIX = "#graph-svg"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS regulation (
    sha256 TEXT NOT NULL, tool TEXT NOT NULL, json TEXT NOT NULL, links TEXT, stored_at TEXT NOT NULL,
    PRIMARY KEY (sha256, tool));
CREATE TABLE IF NOT EXISTS report (
    sha256 TEXT NOT NULL, tool TEXT NOT NULL, catalog TEXT NOT NULL, json TEXT NOT NULL,
    stored_at TEXT NOT NULL, PRIMARY KEY (sha256, tool, catalog));
CREATE TABLE IF NOT EXISTS history (
    id INTEGER PRIMARY KEY AUTOINCREMENT, daerah TEXT, daerah_key TEXT NOT NULL, jenis TEXT,
    nomor TEXT, tahun INTEGER, file TEXT NOT NULL, sha256 TEXT NOT NULL, catalog TEXT NOT NULL,
    score REAL, checked_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS history_by_daerah ON history (daerah_key, checked_at);
"""


def default_cache_dir() -> Path:
    """The user's cache folder: ``$XDG_CACHE_HOME/compliance`` or ``~/.cache/compliance``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "compliance"


@cache
def tool_fingerprint() -> str:
    """Version plus a hash of the package source and regulation data: any change to how a
    file is parsed or checked invalidates cached results, even without a version bump."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    from compliance.resources import data_dir

    sources = sorted(root.rglob("*.py"))  # compliance/report/ builds the stored report dict too
    for path in sources + sorted(data_dir("regulations").glob("*.yaml")):
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{__version__}+{digest.hexdigest()[:16]}"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store(StoreFile):
    """One results database in ``folder``; open with ``Store(folder)``, close with ``close()``.

    ``warn`` receives a ``ComplianceError`` describing a problem the store recovered
    from (a rebuilt database), so the caller can print it in the user's language.
    """

    SCHEMA = _SCHEMA
    SCHEMA_VERSION = 1

    def __init__(self, folder: Path, warn: Callable[[ComplianceError], None] | None = None) -> None:
        super().__init__(Path(folder) / DB_NAME, warn)

    # --- cached results -------------------------------------------------------

    def get_report(self, sha256: str, catalog: str) -> dict[str, Any] | None:
        rows = self._read("SELECT json FROM report WHERE sha256=? AND tool=? AND catalog=?",
                          (sha256, tool_fingerprint(), catalog))
        report = _loads(rows[0][0]) if rows else None
        if rows and not isinstance(report, dict):
            self._recover(ValueError(f"unreadable report of {sha256[:12]}"))
            return None
        return report

    def get_graph_svg(self, sha256: str, catalog: str) -> str | None:
        """The citation graph drawn with the report stored under ``catalog`` (None: not drawn)."""
        rows = self._read("SELECT json FROM report WHERE sha256=? AND tool=? AND catalog=?",
                          (sha256, tool_fingerprint(), catalog + GRAPH_SUFFIX))
        svg = _loads(rows[0][0]) if rows else None
        return svg if isinstance(svg, str) else None

    def get_regulation_json(self, sha256: str) -> str | None:
        rows = self._read("SELECT json FROM regulation WHERE sha256=? AND tool=?", (sha256, tool_fingerprint()))
        return rows[0][0] if rows else None

    def get_links(self, sha256: str) -> dict[str, Any] | None:
        """The amends/revokes links found when the file was parsed (see ``relations.regulation_links``)."""
        rows = self._read("SELECT links FROM regulation WHERE sha256=? AND tool=?", (sha256, tool_fingerprint()))
        return _loads(rows[0][0]) if rows and rows[0][0] else None

    def put(self, sha256: str, catalog: str, regulation_json: str | None, report_json: str,
            links_json: str | None = None, graph_svg: str | None = None) -> None:
        """Store a file's parse (with its links) and report (with its citation graph drawn, when
        given); drop what older tool versions stored for it."""
        tool, now = tool_fingerprint(), _now()
        statements = [
            ("DELETE FROM regulation WHERE sha256=? AND tool<>?", (sha256, tool)),
            ("DELETE FROM report WHERE sha256=? AND tool<>?", (sha256, tool)),
            ("INSERT OR REPLACE INTO report VALUES (?,?,?,?,?)", (sha256, tool, catalog, report_json, now)),
        ]
        if graph_svg is not None:
            statements.append(("INSERT OR REPLACE INTO report VALUES (?,?,?,?,?)",
                               (sha256, tool, catalog + GRAPH_SUFFIX, json.dumps(graph_svg), now)))
        if regulation_json is not None:
            statements.append(("INSERT OR REPLACE INTO regulation VALUES (?,?,?,?,?)",
                               (sha256, tool, regulation_json, links_json, now)))
        self._write(statements)

    # --- history --------------------------------------------------------------

    def record_checks(self, checks: list[dict[str, Any]], catalog: str) -> None:
        """Append one history row per checked file (keys: daerah, jenis, nomor, tahun,
        file, sha256, score), all in one transaction."""
        now = _now()
        self._write([(
            "INSERT INTO history (daerah, daerah_key, jenis, nomor, tahun, file, sha256, catalog, score,"
            " checked_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (c.get("daerah"), daerah_key(c.get("daerah")), c.get("jenis"), c.get("nomor"), c.get("tahun"),
             c["file"], c["sha256"], catalog, c.get("score"), now),
        ) for c in checks])

    def history(self, daerah: str) -> list[dict[str, Any]]:
        """Every regulation checked for a region (matched on a part of its name, or on a label
        ``compare`` prints): one row per file content with its latest score and catalog,
        oldest regulation first."""
        key = region_query(daerah)
        pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self._read(
            "SELECT h.daerah, h.jenis, h.nomor, h.tahun, h.file, h.sha256, h.catalog, h.score, g.first, g.last, g.n"
            " FROM history h JOIN (SELECT max(id) AS last_id, min(id) AS first_id, min(checked_at) AS first,"
            " max(checked_at) AS last, count(*) AS n FROM history WHERE daerah_key LIKE ? ESCAPE '\\'"
            " GROUP BY sha256) g ON h.id = g.last_id ORDER BY h.tahun IS NULL, h.tahun, g.first_id",
            (pattern,))
        names = ("daerah", "jenis", "nomor", "tahun", "file", "sha256", "catalog", "score",
                 "first_checked", "last_checked", "checks")
        return [dict(zip(names, row)) for row in rows]

    # --- region assessments (compliance.region) --------------------------------

    def record_region(self, row: dict[str, Any]) -> None:
        """Append one region assessment (keys: name, level, label, catalog, score, domain1,
        instruments), the table made on first use so older stores need no migration."""
        self._write([(_REGION_TABLE, ()), (
            "INSERT INTO region_history (name, level, label, catalog, score, domain1, instruments, checked_at)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (row["name"], row["level"], row["label"], row["catalog"], row.get("score"),
             json.dumps(row["domain1"], sort_keys=True), json.dumps(row["instruments"], sort_keys=True), _now()))])

    def region_history(self, name: str) -> list[dict[str, Any]]:
        """Every assessment recorded for regions of this (case-folded) name, oldest first."""
        self._write([(_REGION_TABLE, ())])
        rows = self._read("SELECT name, level, label, catalog, score, domain1, instruments, checked_at"
                          " FROM region_history WHERE name=? ORDER BY checked_at, id", (name,))
        keys = ("name", "level", "label", "catalog", "score", "domain1", "instruments", "checked_at")
        out = []
        for row in rows:
            item = dict(zip(keys, row))
            item["domain1"], item["instruments"] = json.loads(item["domain1"]), json.loads(item["instruments"])
            out.append(item)
        return out

    def regions(self) -> list[dict[str, Any]]:
        """The regions in the history: name, regulations (distinct contents), checks, last check."""
        rows = self._read(
            "SELECT max(daerah), count(DISTINCT sha256), count(*), max(checked_at) FROM history"
            " GROUP BY daerah_key ORDER BY daerah_key", ())
        return [dict(zip(("daerah", "regulations", "checks", "last_checked"), row)) for row in rows]


_REGION_TABLE = ("CREATE TABLE IF NOT EXISTS region_history (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,"
                 " level TEXT NOT NULL, label TEXT NOT NULL, catalog TEXT NOT NULL, score REAL, domain1 TEXT NOT NULL,"
                 " instruments TEXT NOT NULL, checked_at TEXT NOT NULL)")


def _loads(text: str) -> dict[str, Any] | None:
    try:
        return json.loads(text)
    except ValueError:
        return None


def open_store(cache_dir: Path | None, no_cache: bool,
               warn: Callable[[ComplianceError], None] | None = None) -> Store | None:
    """The store a command uses: none with ``--no-cache``, else ``cache_dir`` or the default."""
    if no_cache:
        return None
    return Store(cache_dir or default_cache_dir(), warn=warn)
