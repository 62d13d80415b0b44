"""A SQLite file many runs share safely: opened with retries, damage moved aside and rebuilt.

WAL mode, a busy timeout and one short transaction per write keep concurrent runs and
killed runs safe; a damaged or foreign database file is moved aside with a warning and
rebuilt, never crashing a batch; so is one holding an unreadable row (a cell that is not
UTF-8) or a folder in the file's place. What the file holds is the subclass's business
(``compliance.store.Store``).
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from compliance.errors import ComplianceError

APPLICATION_ID = 0x434D504C  # "CMPL": tells our database from any other SQLite file
BUSY_TIMEOUT_S = 60.0


class StoreFile:
    """One SQLite file at ``path`` with the schema ``SCHEMA`` (version ``SCHEMA_VERSION``).

    ``warn`` receives a ``ComplianceError`` describing a problem the file recovered
    from (a rebuilt database), so the caller can print it in the user's language.
    """

    SCHEMA = ""
    SCHEMA_VERSION = 0

    def __init__(self, path: Path, warn: Callable[[ComplianceError], None] | None = None) -> None:
        self.path = path
        self._warn = warn or (lambda exc: None)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ComplianceError("cache-unusable", file=str(self.path.parent), reason=exc.strerror or str(exc)) from exc
        self._conn = self._open()

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
            if found != (APPLICATION_ID, self.SCHEMA_VERSION):
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
            if (app_id, version) == (APPLICATION_ID, self.SCHEMA_VERSION):
                conn.execute("COMMIT")  # another process initialised it meanwhile
                return
            if tables:
                raise sqlite3.DatabaseError(f"not a compliance results store (application_id={app_id}, "
                                            f"schema={version})")
            for statement in filter(str.strip, self.SCHEMA.split(";")):
                conn.execute(statement)
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version={self.SCHEMA_VERSION}")
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

    def __enter__(self) -> StoreFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _undecodable(exc: sqlite3.OperationalError) -> bool:
    """sqlite3 reports a cell that is not valid UTF-8 as an OperationalError, like a lock."""
    return str(exc).startswith("Could not decode")
