"""Starting the app under uvicorn: settings from the command line, the refusal to
listen on the network without a password, and the browser opened on the page."""

from __future__ import annotations

import threading
import webbrowser
from pathlib import Path

from compliance.web.settings import Settings, read_password


def build_settings(*, host: str, port: int, password_file: Path | None = None, data_dir: Path | None = None,
                   cache_dir: Path | None = None, max_upload_mb: int = 50, workers: int | None = None,
                   job_timeout: float = 900.0,
                   national: Path | None = None, lang: str = "id") -> Settings:
    """The settings ``compliance serve`` runs with; raises ``WebError`` (before anything
    listens) for a non-local host without a password."""
    options = {"host": host, "port": port, "max_upload": max_upload_mb * 1024 * 1024, "national": national, "lang": lang,
               "job_timeout": job_timeout,
               "password": read_password(password_file) if password_file else None}
    if data_dir is not None:
        options["data_dir"] = data_dir
    if cache_dir is not None:
        options["cache_dir"] = cache_dir
    if workers is not None:
        options["workers"] = workers
    return Settings(**options)


def run(*, open_browser: bool = True, **options) -> None:
    import uvicorn

    from compliance.web.app import create_app

    settings = build_settings(**options)
    if settings.national is not None:  # the right act, before anything listens (as `check --national`)
        from compliance.official import load_official

        load_official(settings.national, settings.catalog)
    app = create_app(settings)
    shown = f"[{settings.host}]" if ":" in settings.host else settings.host
    url = f"http://{'127.0.0.1' if settings.host in ('0.0.0.0', '::') else shown}:{settings.port}/"
    if open_browser:
        threading.Timer(1.0, lambda: webbrowser.open(url)).start()
    print(f"compliance: {url}", flush=True)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", server_header=False,
                proxy_headers=False)
