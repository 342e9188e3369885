"""The one place that turns exceptions into RFC 9457 ``application/problem+json`` answers."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimwatch.errors import (
    AccessDenied, ClaimwatchError, TooManyClaims, EmbedderMismatch, EmbedderUnavailable, IndexCorrupt, InputError, NotFound, StoreError,
)

log = logging.getLogger(__name__)
PROBLEM_JSON = "application/problem+json"

# Most specific first: the first class an error is an instance of decides the status.
STATUS_OF: list[tuple[type[ClaimwatchError], int, str]] = [
    (InputError, 400, "Invalid input"),
    (NotFound, 404, "Not found"),
    (AccessDenied, 403, "Forbidden"),
    (EmbedderMismatch, 409, "Store built with another embedder"),
    (IndexCorrupt, 503, "Store needs repair"),
    (EmbedderUnavailable, 503, "Embedder unavailable"),
    (StoreError, 500, "Store error"),
    (ClaimwatchError, 500, "Internal error"),
]


class PayloadTooLarge(InputError):
    code = "payload-too-large"


class UnsupportedMediaType(InputError):
    code = "unsupported-media-type"


_SPECIAL = {PayloadTooLarge: (413, "Payload too large"), TooManyClaims: (413, "Payload too large"),
            UnsupportedMediaType: (415, "Unsupported media type")}


def problem(status: int, title: str, detail: str, code: str, **extra) -> JSONResponse:
    body = {"type": f"https://claimwatch.dev/problems/{code}", "title": title, "status": status,
            "detail": detail, "code": code, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON)


def status_for(exc: ClaimwatchError) -> tuple[int, str]:
    if exc.code in ("url-fetch-failed", "url-timeout", "url-unresolvable"):
        return 502, "Feed URL could not be fetched"
    if isinstance(exc, AccessDenied) and exc.code in ("api-key-missing", "api-key-invalid"):
        return 401, "Unauthorized"
    for cls, pair in _SPECIAL.items():
        if isinstance(exc, cls):
            return pair
    for cls, status, title in STATUS_OF:
        if isinstance(exc, cls):
            return status, title
    return 500, "Internal error"


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(ClaimwatchError)
    async def _domain(request: Request, exc: ClaimwatchError) -> JSONResponse:
        status, title = status_for(exc)
        if status >= 500:
            log.error("%s on %s: %s", exc.code, request.url.path, exc)
        return problem(status, title, str(exc), exc.code)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors) or "invalid request"
        return problem(422, "Request does not match the schema", detail, "request-invalid", errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "route-not-found", 405: "method-not-allowed"}.get(exc.status_code, f"http-{exc.status_code}")
        return problem(exc.status_code, str(exc.detail), str(exc.detail), code)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return problem(500, "Internal error", "an unexpected error occurred; see the server log", "internal-error")


__all__ = ["install_problem_handlers", "problem", "status_for", "PayloadTooLarge", "UnsupportedMediaType",
           "PROBLEM_JSON", "STATUS_OF"]
