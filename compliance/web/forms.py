"""Reading a multipart form within the app's limits, as one error when it is not one."""

from __future__ import annotations

from starlette.datastructures import FormData
from starlette.formparsers import MultiPartException
from starlette.requests import Request

from compliance.web.settings import MAX_FILES, WebError


async def read_form(request: Request) -> FormData:
    content_type = request.headers.get("content-type", "")
    if not content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        raise WebError("upload-bad-form", status=400, reason=content_type[:60] or "-")
    try:
        return await request.form(max_files=MAX_FILES, max_fields=50)
    except MultiPartException as exc:
        reason = str(getattr(exc, "message", exc))[:120]
        if "files" in reason.lower():
            raise WebError("upload-too-many", status=400, limit=MAX_FILES) from None
        raise WebError("upload-bad-form", status=400, reason=reason) from None
