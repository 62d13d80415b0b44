"""Rendering pages and errors: one jinja2 environment (the reports'), the user's
language, and errors as an Indonesian page or as ``{"error": {"code", "message"}}``."""

from __future__ import annotations

import secrets
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from compliance import __version__
from compliance.errors import ComplianceError
from compliance.i18n import DEFAULT_LANG, LANGS
from compliance.web.labels import page_labels, web_message
from compliance.web.security import CSRF_COOKIE, csrf_token

# Library errors that are the user's input, by HTTP status; anything else is 422.
_STATUS = {"file-empty": 400, "format-unknown": 415, "format-mismatch": 415, "doc-legacy": 415,
           "internal-error": 500, "worker-died": 500}


def request_lang(request: Request) -> str:
    """``?lang=`` if given, else the ``lang`` cookie, else the server's (Indonesian by default)."""
    settings = getattr(request.app.state, "settings", None) if "app" in request.scope else None
    lang = request.query_params.get("lang") or request.cookies.get("lang") or getattr(settings, "lang", DEFAULT_LANG)
    return lang if lang in LANGS else DEFAULT_LANG


def error_status(exc: ComplianceError) -> int:
    return getattr(exc, "status", None) or _STATUS.get(exc.code, 422)


def error_text(code: str, params: dict[str, Any], lang: str) -> str:
    """One line for the user; an internal error names the file, never the exception."""
    if code == "internal-error":
        return web_message("internal", lang)
    return web_message(code, lang, **params)


def error_response(request: Request, exc: ComplianceError) -> Response:
    lang = request_lang(request)
    status = error_status(exc)
    text = error_text(exc.code, exc.params, lang)
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": {"code": exc.code, "message": text}}, status_code=status)
    return page(request, "web/error.html.j2", status=status, code=exc.code, message=text)


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page of the app, with the CSRF token its forms carry (and the cookie it is tied to)."""
    from compliance.report.templating import environment

    lang = request_lang(request)
    cookie = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
    secret = request.app.state.secret
    html = environment().get_template(template).render(
        request=request, lang=lang, t=page_labels(lang), version=__version__, path=request.url.path,
        csrf=csrf_token(secret, cookie), password=bool(request.app.state.settings.password), **context)
    response = HTMLResponse(html, status_code=status)
    if request.cookies.get(CSRF_COOKIE) != cookie:
        response.set_cookie(CSRF_COOKIE, cookie, httponly=True, samesite="strict", path="/")
    if request.query_params.get("lang") in LANGS:
        response.set_cookie("lang", lang, samesite="lax", path="/", max_age=365 * 86400)
    return response
