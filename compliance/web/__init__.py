"""``compliance serve``: the web app, a thin shell over the library for people who
work in a browser. Starlette on uvicorn (async, so a page never waits on a check);
checks run in a worker pool (``service``), pages and API in ``pages``/``api``.
"""

from __future__ import annotations

from compliance.web.app import create_app
from compliance.web.settings import Settings, WebError

__all__ = ["Settings", "WebError", "create_app"]
