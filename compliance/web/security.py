"""The app's guards: password, request size, CSRF on forms, Origin on the API, and
the headers every response carries (Content-Security-Policy first of all).

Pure ASGI middleware where a guard must act before a body is read (size, password),
plain functions where a route decides (CSRF, Origin).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from pathlib import Path
from typing import Any

from starlette.datastructures import Headers
from starlette.requests import Request

from compliance.web.settings import WebError

CSRF_COOKIE = "compliance_csrf"
CSRF_FIELD = "csrf_token"
# The app's own pages: scripts and styles from the app only, nothing from elsewhere.
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def document_csp(html: str) -> str:
    """For a generated report or matrix shown in the app's frame: inline styles, only its
    own inline scripts (by hash), sandboxed so it cannot reach the app's cookies or API."""
    hashes = " ".join("'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
                      for s in _SCRIPT.findall(html)) or "'none'"
    return (f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src {hashes}; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox allow-scripts allow-popups")


class SecurityHeaders:
    """Adds the CSP (unless the route set its own) and the usual hardening headers."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = message.setdefault("headers", [])
                present = {k.lower() for k, _ in headers}
                extra = {b"content-security-policy": PAGE_CSP.encode(), b"x-content-type-options": b"nosniff",
                         b"referrer-policy": b"same-origin", b"x-frame-options": b"SAMEORIGIN",
                         b"cache-control": b"no-store"}
                headers.extend((k, v) for k, v in extra.items() if k not in present)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Answers 413 to a request body larger than the limit of its route, by its
    Content-Length or, when it is streamed, as soon as the bytes read pass the limit.
    ``refuse(request, error)`` makes the error response (the app's, page or JSON)."""

    def __init__(self, app: Any, limit_for, limit_mb: int, refuse) -> None:
        self.app, self.limit_for, self.limit_mb, self.refuse = app, limit_for, limit_mb, refuse

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = self.limit_for(scope["path"])
        length = Headers(scope=scope).get("content-length")
        if length and length.isdigit() and int(length) > limit:
            return await self._refuse(scope, receive, send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise WebError("upload-too-large", status=413, limit=self.limit_mb)
            return message

        await self.app(scope, counted, send)

    async def _refuse(self, scope, receive, send):
        response = self.refuse(Request(scope, receive), WebError("upload-too-large", status=413, limit=self.limit_mb))
        await response(scope, receive, send)


class PasswordGate:
    """With a password set, every request needs it: HTTP Basic (any user name; browsers
    ask for it) or ``Authorization: Bearer <password>`` for other systems."""

    def __init__(self, app: Any, password: str | None, refuse) -> None:
        self.app, self.password, self.refuse = app, password, refuse

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not self.password or self._authorised(Headers(scope=scope)):
            return await self.app(scope, receive, send)
        response = self.refuse(Request(scope, receive), WebError("auth-required", status=401))
        response.headers["WWW-Authenticate"] = 'Basic realm="compliance", charset="UTF-8"'
        await response(scope, receive, send)

    def _authorised(self, headers: Headers) -> bool:
        scheme, _, value = headers.get("authorization", "").partition(" ")
        given = ""
        if scheme.lower() == "bearer":
            given = value.strip()
        elif scheme.lower() == "basic":
            try:
                given = base64.b64decode(value.strip()).decode("utf-8").partition(":")[2]
            except (ValueError, UnicodeDecodeError):
                return False
        return bool(given) and hmac.compare_digest(given.encode(), self.password.encode())


# --- CSRF and Origin --------------------------------------------------------------


def load_secret(data_dir: Path) -> bytes:
    """The key that signs CSRF tokens, kept (0600) in the data folder across restarts."""
    path = Path(data_dir) / "secret.key"
    try:
        secret = path.read_bytes()
        if len(secret) >= 32:
            return secret
    except OSError:
        pass
    secret = secrets.token_bytes(32)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(secret)
    tmp.chmod(0o600)
    tmp.replace(path)
    return secret


def csrf_token(secret: bytes, cookie: str) -> str:
    """The token a form carries: the browser's cookie signed with the app's key, so
    neither a cookie planted by another site nor a copied token alone passes."""
    return hmac.new(secret, cookie.encode(), hashlib.sha256).hexdigest()


def check_csrf(request: Request, secret: bytes, submitted: str | None) -> None:
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not cookie or not submitted or not hmac.compare_digest(csrf_token(secret, cookie), str(submitted)):
        raise WebError("csrf-failed", status=403)
    check_origin(request)


def own_origin(request: Request) -> str:
    return f"{request.url.scheme}://{request.headers.get('host', '')}"


def check_origin(request: Request) -> None:
    """Refuse a request a browser sent from another site (its Origin, or Sec-Fetch-Site).
    Programs that send no Origin (curl, another server) are let through."""
    origin = request.headers.get("origin")
    if origin is not None and origin != own_origin(request):
        raise WebError("origin-refused", status=403, origin=origin[:200])
    if request.headers.get("sec-fetch-site") == "cross-site":
        raise WebError("origin-refused", status=403, origin=request.headers.get("origin") or "-")
