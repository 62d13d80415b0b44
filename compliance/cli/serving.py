"""``serve``: the web app (``compliance.web``)."""

from __future__ import annotations

from pathlib import Path

import click

from compliance.cli.common import context_lang, handles_errors, warn
from compliance.cli_lang import LocalizedCommand


@click.command(cls=LocalizedCommand)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but 127.0.0.1/localhost needs --password-file.")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
@click.option("--password-file", type=click.Path(dir_okay=False, path_type=Path),
              help="File whose first line is the password (HTTP Basic, or 'Authorization: Bearer' for the API).")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for uploads, jobs and reports (default: $XDG_DATA_HOME/compliance/web).")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of the results store (default: $XDG_CACHE_HOME/compliance, as check and compare).")
@click.option("--max-upload-mb", type=click.IntRange(min=1), default=50, show_default=True,
              help="Largest file accepted; a larger upload is answered with 413.")
@click.option("--workers", type=click.IntRange(min=1), help="Checks at once (default: number of cores).")
@click.option("--job-timeout", type=click.FloatRange(min=1), default=900, show_default=True,
              help="Seconds one stage of a check may take before its worker is stopped and the job failed.")
@click.option("--national", type=click.Path(path_type=Path),
              help="Official PDF of Perpres 95/2018 to quote (also COMPLIANCE_NATIONAL or config.toml).")
@click.option("--no-browser", is_flag=True, help="Do not open the page in a browser.")
@handles_errors
def serve(host: str, port: int, password_file: Path | None, data_dir: Path | None, cache_dir: Path | None,
          max_upload_mb: int, workers: int | None, job_timeout: float, national: Path | None,
          no_browser: bool) -> None:
    """Run the web app (upload, reports, comparison, history, catalog, JSON API)."""
    from compliance.config import national_pdf
    from compliance.web.server import run

    run(host=host, port=port, password_file=password_file, data_dir=data_dir, cache_dir=cache_dir,
        max_upload_mb=max_upload_mb, workers=workers, job_timeout=job_timeout,
        national=national_pdf(national, warn=warn), open_browser=not no_browser, lang=context_lang(click.get_current_context()))

