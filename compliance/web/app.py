"""Assembling the app: routes, guards, error handlers, and the worker pool's life."""

from __future__ import annotations

import asyncio
import contextlib

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request

from compliance.errors import ComplianceError
from compliance.web import api, draft_pages, pages
from compliance.web.responses import error_response
from compliance.web.security import BodyLimit, PasswordGate, SecurityHeaders, load_secret
from compliance.web.service import Checker
from compliance.web.settings import MAX_FILES, Settings, WebError

_HTTP_CODES = {404: "not-found", 405: "method-not-allowed"}


def create_app(settings: Settings) -> Starlette:
    checker = Checker(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        checker.start()
        watchdog = asyncio.create_task(checker.watch())
        try:
            yield
        finally:
            watchdog.cancel()
            checker.stop()

    def body_limit(path: str) -> int:
        """One file on the API, up to MAX_FILES on the upload form; nothing big elsewhere."""
        if path in ("/api/v1/check", "/rancangan", "/api/v1/amend"):
            return settings.max_upload + 1024 * 1024
        if path in ("/selisih", "/api/v1/diff"):
            return settings.max_upload * 2 + 1024 * 1024
        if path in ("/unggah", "/api/v1/region"):
            return settings.max_upload * MAX_FILES + 1024 * 1024
        return 1024 * 1024

    async def library_error(request: Request, exc: ComplianceError):
        return error_response(request, exc)

    async def http_error(request: Request, exc: HTTPException):
        return error_response(request, WebError(_HTTP_CODES.get(exc.status_code, "bad-request"),
                                                status=exc.status_code))

    async def crash(request: Request, exc: Exception):  # never a stack trace in a response
        return error_response(request, WebError("internal-error", status=500, file="-", reason=""))

    app = Starlette(
        routes=pages.ROUTES + draft_pages.ROUTES + api.ROUTES,
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(TrustedHostMiddleware, allowed_hosts=settings.origin_hosts),
            Middleware(PasswordGate, password=settings.password, refuse=error_response),
            Middleware(BodyLimit, limit_for=body_limit, limit_mb=settings.max_upload // (1024 * 1024),
                       refuse=error_response),
        ],
        exception_handlers={ComplianceError: library_error, HTTPException: http_error, Exception: crash},
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.checker = checker
    app.state.secret = load_secret(settings.data_dir)
    return app
