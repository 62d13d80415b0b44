"""How the web app runs: where it binds, where it keeps its data, its limits.

Binding anywhere but the loopback interface exposes the app to the office
network, so it then needs a password (read from a file, never from the command
line where other users could see it in the process list) and refuses to start
without one.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path

from compliance.errors import ComplianceError
from compliance.store import default_cache_dir
from compliance.web.labels import web_message

DEFAULT_PORT = 8765
DEFAULT_MAX_UPLOAD_MB = 50
MAX_FILES = 20  # files in one form upload (a region's instruments)


class WebError(ComplianceError):
    """A refusal of the web app, with its HTTP status and a message from ``web.labels``."""

    def __init__(self, code: str, status: int = 400, **params: object) -> None:
        super().__init__(code, **params)
        self.status = status

    def message(self, lang: str = "id") -> str:
        return web_message(self.code, lang, **self.params)


def default_data_dir() -> Path:
    """``$XDG_DATA_HOME/compliance/web`` (uploads, jobs, rendered reports)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "compliance" / "web"


@dataclass
class Settings:
    """Everything the app needs to know; ``cache_dir`` is the CLI's results store folder."""

    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    data_dir: Path = field(default_factory=default_data_dir)
    cache_dir: Path = field(default_factory=default_cache_dir)
    password: str | None = None
    max_upload: int = DEFAULT_MAX_UPLOAD_MB * 1024 * 1024
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    catalog: str = "perpres-95-2018"
    national: Path | None = None
    job_timeout: float = 900.0  # seconds one stage of a job may take before its worker is stopped
    api_wait: float = 3600.0  # seconds an API call waits for its report (then 504; the job goes on)
    lang: str = "id"  # the pages' language until the user switches (``compliance --lang en serve``)

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data_dir)
        self.cache_dir = Path(self.cache_dir)
        check_bind(self.host, self.password)

    @property
    def local(self) -> bool:
        return is_loopback(self.host)

    @property
    def origin_hosts(self) -> list[str]:
        """Host header values the app answers to when bound to the loopback interface:
        a page on another domain resolving to 127.0.0.1 (DNS rebinding) gets nothing."""
        return ["127.0.0.1", "localhost", "[::1]", "::1"] if self.local else ["*"]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, password: str | None) -> None:
    """Refuse a non-loopback address without a password: the app would be open to anyone."""
    if not is_loopback(host) and not password:
        raise WebError("web-needs-password", host=host)


def read_password(path: Path) -> str:
    """The first line of ``path``; an unreadable or empty file is refused."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise WebError("web-password-file", file=str(path), reason=getattr(exc, "strerror", None) or str(exc)) from exc
    password = (text.splitlines() or [""])[0].strip()
    if not password:
        raise WebError("web-password-file", file=str(path), reason="kosong / empty")
    return password
