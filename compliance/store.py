"""The results store: parsed regulations, check reports and each region's history in SQLite.

Results are keyed by the file's content hash plus a fingerprint of the tool
(its version and source) and, for reports, the catalog key, so a re-run over
unchanged files is a lookup and a changed parser or catalog misses by itself.
WAL mode, a busy timeout and one short transaction per write keep concurrent
runs and killed runs safe; a damaged or foreign database file is moved aside
with a warning and rebuilt, never crashing a batch; so is one holding an unreadable row
(a cell that is not UTF-8, a report that is not JSON) or a folder in the file's place.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import random
import sqlite3
import time
import types
import typing
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any, Callable, Union

from compliance import __version__, models
from compliance.errors import ComplianceError
from compliance.locale_format import long_date, number
from compliance.models import Regulation

DB_NAME = "results.sqlite3"
APPLICATION_ID = 0x434D504C  # "CMPL": tells our database from any other SQLite file
SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 60.0
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


def daerah_key(daerah: str | None) -> str:
    """Case- and spacing-insensitive form of a region name, for history look-ups."""
    return " ".join((daerah or "").casefold().split())


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """One SQLite results database; open with ``Store(folder)``, close with ``close()``.

    ``warn`` receives a ``ComplianceError`` describing a problem the store recovered
    from (a rebuilt database), so the caller can print it in the user's language.
    """

    def __init__(self, folder: Path, warn: Callable[[ComplianceError], None] | None = None) -> None:
        self.path = Path(folder) / DB_NAME
        self._warn = warn or (lambda exc: None)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ComplianceError("cache-unusable", file=str(self.path.parent), reason=exc.strerror or str(exc)) from exc
        self._conn = self._open()

    # --- opening and recovery -------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        if self.path.exists() and not self.path.is_file():  # a folder or a device where the file should be
            self._move_aside("not a regular file")
        try:
            try:
                return self._connect_retrying()
            except sqlite3.OperationalError:
                raise
            except sqlite3.DatabaseError as exc:  # not a database, malformed, or someone else's
                self._move_aside(str(exc))
                return self._connect_retrying()
        except sqlite3.OperationalError as exc:  # cannot open, read-only, locked: nothing to rebuild
            raise self._unusable(exc) from exc

    def _connect_retrying(self) -> sqlite3.Connection:
        """Open, retrying the locks SQLite's busy timeout does not wait for.

        Switching a new file to WAL, or reading a WAL another process is recovering,
        answers "locked" at once; several processes opening one new store together
        would fail, so they retry until the busy timeout has passed.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                return self._connect_checked()
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(random.uniform(0.01, 0.1))

    def _connect_checked(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            found = (conn.execute("PRAGMA application_id").fetchone()[0],
                     conn.execute("PRAGMA user_version").fetchone()[0])
            if found != (APPLICATION_ID, SCHEMA_VERSION):
                self._initialise(conn)
            return conn
        except BaseException:
            conn.close()
            raise

    def _initialise(self, conn: sqlite3.Connection) -> None:
        """Create the schema in an empty file; refuse (as damaged) anyone else's database."""
        conn.execute("BEGIN IMMEDIATE")
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]  # read under the lock
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if (app_id, version) == (APPLICATION_ID, SCHEMA_VERSION):
                conn.execute("COMMIT")  # another process initialised it meanwhile
                return
            if tables:
                raise sqlite3.DatabaseError(f"not a compliance results store (application_id={app_id}, "
                                            f"schema={version})")
            for statement in filter(str.strip, _SCHEMA.split(";")):
                conn.execute(statement)
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _move_aside(self, reason: str) -> None:
        """Rename a damaged database (and drop its WAL files) so a fresh one can be made."""
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.broken-{stamp}-{os.getpid()}")
        try:
            os.replace(self.path, aside)
        except FileNotFoundError:
            aside = None  # another run moved it first
        except OSError as exc:
            raise ComplianceError("cache-unusable", file=str(self.path), reason=exc.strerror or str(exc)) from exc
        for suffix in ("-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        self._warn(ComplianceError("cache-rebuilt", file=str(self.path), reason=reason,
                                   aside=str(aside) if aside else "-"))

    def _recover(self, exc: Exception) -> None:
        """A query hit damage after opening: move the file aside and continue on a fresh one."""
        try:
            self._conn.close()
        except sqlite3.Error:
            pass
        self._move_aside(str(exc))
        self._conn = self._open()

    def _unusable(self, exc: sqlite3.OperationalError) -> ComplianceError:
        """Locked too long, read-only, disk error: the file is fine, this run cannot use it."""
        code = "cache-busy" if _is_busy(exc) else "cache-unusable"
        return ComplianceError(code, file=str(self.path), reason=str(exc))

    def _read(self, sql: str, params: tuple) -> list[tuple]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if not _undecodable(exc):
                raise self._unusable(exc) from exc
            self._recover(exc)  # a cell that is not UTF-8: the file was damaged, not just busy
            return []
        except sqlite3.DatabaseError as exc:
            self._recover(exc)
            return []

    def _write(self, statements: list[tuple[str, tuple]]) -> None:
        """Run ``statements`` in one transaction: all or nothing, even if the run is killed."""
        for attempt in (1, 2):
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    for sql, params in statements:
                        self._conn.execute(sql, params)
                    self._conn.execute("COMMIT")
                    return
                except BaseException:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    raise
            except sqlite3.OperationalError as exc:
                raise self._unusable(exc) from exc
            except sqlite3.DatabaseError as exc:
                if attempt == 2:
                    raise ComplianceError("cache-unusable", file=str(self.path), reason=str(exc)) from exc
                self._recover(exc)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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
        """The amends/revokes links found when the file was parsed (see ``compare.regulation_links``)."""
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


def region_query(label: str) -> str:
    """The history key of what a user types: a region name, or a column label of ``compare``
    ("Kota Tirtaraya", "Tirtaraya · Perwal 3/2017"); the level word is dropped because the
    regulation's own title may name the region without it."""
    key = daerah_key(label.split("·")[0])
    first, _, rest = key.partition(" ")
    return rest if rest and first in _LEVEL_WORDS else key


_LEVEL_WORDS = ("kota", "kabupaten", "kab.", "provinsi", "city", "regency", "province")


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _undecodable(exc: sqlite3.OperationalError) -> bool:
    """sqlite3 reports a cell that is not valid UTF-8 as an OperationalError, like a lock."""
    return str(exc).startswith("Could not decode")


def _loads(text: str) -> dict[str, Any] | None:
    try:
        return json.loads(text)
    except ValueError:
        return None


# --- rebuilding a Regulation from its stored JSON ------------------------------------


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



def open_store(cache_dir: Path | None, no_cache: bool,
               warn: Callable[[ComplianceError], None] | None = None) -> Store | None:
    """The store a command uses: none with ``--no-cache``, else ``cache_dir`` or the default."""
    if no_cache:
        return None
    return Store(cache_dir or default_cache_dir(), warn=warn)


_HISTORY_HEADERS = {
    "id": ("Tahun", "Jenis", "Nomor", "Daerah", "Berkas", "Skor", "Pertama diperiksa", "Terakhir diperiksa", "Kali"),
    "en": ("Year", "Kind", "Number", "Region", "File", "Score", "First checked", "Last checked", "Checks"),
}


def format_history(rows: list[dict[str, Any]], lang: str) -> str:
    """A plain-text table of ``Store.history`` rows: dates as the reader writes them, decimal comma in Indonesian."""
    keys = ("tahun", "jenis", "nomor", "daerah", "file", "score", "first_checked", "last_checked", "checks")
    cells = [{**row, "first_checked": long_date(row["first_checked"], lang),
              "last_checked": long_date(row["last_checked"], lang), "score": number(row["score"], lang, "")}
             for row in rows]
    return _table(_HISTORY_HEADERS.get(lang, _HISTORY_HEADERS["id"]), keys, cells)


def format_regions(rows: list[dict[str, Any]], lang: str) -> str:
    """A plain-text table of ``Store.regions`` rows."""
    keys = ("daerah", "regulations", "checks", "last_checked")
    cells = [{**row, "last_checked": long_date(row["last_checked"], lang)} for row in rows]
    return _table(_REGION_HEADERS.get(lang, _REGION_HEADERS["id"]), keys, cells)


_REGION_HEADERS = {
    "id": ("Daerah", "Peraturan", "Kali diperiksa", "Terakhir diperiksa"),
    "en": ("Region", "Regulations", "Checks", "Last checked"),
}


def _table(headers: tuple[str, ...], keys: tuple[str, ...], rows: list[dict[str, Any]]) -> str:
    table = [headers] + [tuple("" if row[k] is None else str(row[k]) for k in keys) for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(keys))]
    return "".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() + "\n" for r in table)
