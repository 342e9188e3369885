"""Python clients for the claimwatch HTTP API, typed with the server's own pydantic models.

``Client`` (blocking, on ``httpx.Client``) and ``AsyncClient`` (on ``httpx.AsyncClient``) offer the
same methods. Each endpoint is defined once, as a function that builds a ``_Call`` (method, path,
query, body, response model); the two classes differ only in how they send it.

Any answer outside 2xx raises ``ClaimwatchAPIError``, carrying the problem+json fields. Transport
failures (refused connection, timeout, …) are httpx's own exceptions (``httpx.TransportError`` and
its subclasses) and propagate unchanged; a 2xx body that does not match its model raises
``pydantic.ValidationError``.
"""

from __future__ import annotations

import functools
import inspect
import json
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, ParamSpec, TypeVar, overload
from urllib.parse import quote

import httpx
from pydantic import BaseModel

from claimwatch import __version__
from claimwatch.service.schemas import (
    AuditReport, ClaimPublic, ClusterDetail, ClusterPublic, ClustersPublic, ClusterStatus, Health, IngestResponse,
    VerifyRequest, VerifyResponse,
)

DEFAULT_BASE_URL = "http://127.0.0.1:8000"
DEFAULT_TIMEOUT = 120.0  # the server's own request timeout; an ingest with a real model takes seconds
API_KEY_HEADER = "X-API-Key"

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)
P = ParamSpec("P")
Feed = bytes | str | os.PathLike[str]

# File suffix → the media type the server reads that feed format from (claimwatch/service/body.py).
SUFFIX_MEDIA = {
    ".txt": "text/plain", ".md": "text/plain",
    ".jsonl": "application/x-ndjson", ".ndjson": "application/x-ndjson",
    ".json": "application/json",
    ".rss": "application/rss+xml", ".xml": "application/rss+xml",
    ".atom": "application/atom+xml",
}


class ClaimwatchAPIError(Exception):
    """A non-2xx answer. ``code`` is the problem+json ``code`` (None when the body is not a problem)."""

    def __init__(self, status: int, code: str | None, title: str, detail: str,
                 problem: dict[str, Any] | None = None) -> None:
        self.status, self.code, self.title, self.detail = status, code, title, detail
        self.problem: dict[str, Any] = problem or {}
        super().__init__(f"{status} {code or title}: {detail}")

    @classmethod
    def from_response(cls, response: httpx.Response) -> ClaimwatchAPIError:
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            return cls(response.status_code, None, response.reason_phrase, response.text)
        code = body.get("code")
        return cls(response.status_code, code if isinstance(code, str) else None,
                   str(body.get("title") or response.reason_phrase), str(body.get("detail") or response.text), body)


@dataclass(frozen=True)
class _Call(Generic[T]):
    """One request and how to read its successful answer."""

    method: str
    path: str
    parse: Callable[[httpx.Response], T]
    params: dict[str, Any] | None = None
    json: Any = None
    content: bytes | None = None
    headers: dict[str, str] | None = None

    def request(self, http: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        params = {k: v for k, v in (self.params or {}).items() if v is not None}
        return http.build_request(self.method, self.path, params=params or None, json=self.json,
                                  content=self.content, headers=self.headers)

    def result(self, response: httpx.Response) -> T:
        if not response.is_success:
            raise ClaimwatchAPIError.from_response(response)
        return self.parse(response)


def _model(cls: type[M]) -> Callable[[httpx.Response], M]:
    return lambda response: cls.model_validate_json(response.content)


def _text(response: httpx.Response) -> str:
    return response.text


def _segment(value: str) -> str:
    """An id as one path segment ('/' and '?' escaped)."""
    return quote(value, safe=":@")


def guess_media_type(data: bytes, name: str | None = None) -> str:
    """The media type to post a feed with: from the file suffix when known, else from the first bytes."""
    if name is not None and (media := SUFFIX_MEDIA.get(Path(name).suffix.lower())):
        return media
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:2000]
    if head.startswith(b"<"):
        return "application/atom+xml" if b"<feed" in head else "application/rss+xml"
    if head.startswith(b"["):
        return "application/json"
    if head.startswith(b"{"):
        try:
            json.loads(data)
        except ValueError:
            return "application/x-ndjson"  # several objects: JSON Lines
        return "application/json"
    return "text/plain"


def _feed_call(path: str, parse: Callable[[httpx.Response], T], feed: Feed, format: str | None,
               content_type: str | None) -> _Call[T]:
    if isinstance(feed, os.PathLike):
        data, name = Path(feed).read_bytes(), os.fspath(feed)
    else:
        data, name = (feed.encode("utf-8") if isinstance(feed, str) else feed), None
    media = content_type or guess_media_type(data, name)
    return _Call("POST", path, parse, params={"format": format}, content=data, headers={"content-type": media})


# --- the endpoints, each defined once ----------------------------------------------------------------

def _health() -> _Call[Health]:
    """``GET /healthz``: the store's embedder and how many claims and articles it holds."""
    return _Call("GET", "/healthz", _model(Health))


def _ingest(feed: Feed, format: str | None = None, content_type: str | None = None) -> _Call[IngestResponse]:
    """``POST /v1/articles``: store a feed.

    ``feed`` is the feed's bytes, its text (``str``), or a path (``pathlib.Path``) to read. The media
    type comes from ``content_type``, else the file suffix, else the first bytes. ``format``
    (digest, jsonl, json, rss, jsonfeed) overrides the server's detection.
    """
    return _feed_call("/v1/articles", _model(IngestResponse), feed, format, content_type)


def _ingest_url(url: str, format: str | None = None) -> _Call[IngestResponse]:
    """``POST /v1/articles`` with ``{"url": ...}``: the server fetches the feed and stores it."""
    return _Call("POST", "/v1/articles", _model(IngestResponse), params={"format": format}, json={"url": url})


def _audit(feed: Feed, format: str | None = None, content_type: str | None = None) -> _Call[AuditReport]:
    """``POST /v1/audits``: audit a feed without storing it (arguments as for ``ingest``)."""
    return _feed_call("/v1/audits", _model(AuditReport), feed, format, content_type)


def _audit_url(url: str, format: str | None = None) -> _Call[AuditReport]:
    """``POST /v1/audits`` with ``{"url": ...}``: the server fetches the feed and audits it."""
    return _Call("POST", "/v1/audits", _model(AuditReport), params={"format": format}, json={"url": url})


def _get_audit(audit_id: str) -> _Call[AuditReport]:
    """``GET /v1/audits/{id}``: a report made earlier, by the ``audit_id`` its audit answered."""
    return _Call("GET", f"/v1/audits/{_segment(audit_id)}", _model(AuditReport))


def _audit_page(audit_id: str) -> _Call[str]:
    """``GET /audits/{id}``: that report as an HTML page."""
    return _Call("GET", f"/audits/{_segment(audit_id)}", _text, headers={"accept": "text/html"})


def _verify(claim: str, top_k: int = 10) -> _Call[VerifyResponse]:
    """``POST /v1/verify``: the verdict on one claim, with its evidence."""
    body = VerifyRequest.model_construct(claim=claim, top_k=top_k).model_dump()  # the server validates
    return _Call("POST", "/v1/verify", _model(VerifyResponse), json=body)


def _clusters(status: ClusterStatus | None = None, offset: int = 0, limit: int = 50) -> _Call[ClustersPublic]:
    """``GET /v1/clusters``: one page of stored clusters, optionally of one status."""
    return _Call("GET", "/v1/clusters", _model(ClustersPublic),
                 params={"status": status, "offset": offset, "limit": limit})


def _cluster(cluster_id: str) -> _Call[ClusterDetail]:
    """``GET /v1/clusters/{id}``: one cluster with its claims."""
    return _Call("GET", f"/v1/clusters/{_segment(cluster_id)}", _model(ClusterDetail))


def _claim(claim_id: str) -> _Call[ClaimPublic]:
    """``GET /v1/claims/{id}``: one claim with its outlet, time and cluster."""
    return _Call("GET", f"/v1/claims/{_segment(claim_id)}", _model(ClaimPublic))


def _next_offset(page: ClustersPublic) -> int | None:
    """Where the next page starts, or None after the last one."""
    end = page.offset + len(page.data)
    return end if page.data and end < page.count else None


class _Endpoint(Generic[P, T]):
    """A ``_Call`` builder as a method of both clients: ``Client`` answers ``T``, ``AsyncClient`` an awaitable."""

    def __init__(self, build: Callable[P, _Call[T]]) -> None:
        self.build = build
        functools.update_wrapper(self, build)
        signature = inspect.signature(build)  # for help(): the answer's type, not the _Call
        answer = str(signature.return_annotation).removeprefix("_Call[").removesuffix("]")
        self.__signature__ = signature.replace(return_annotation=answer)

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> _Endpoint[P, T]: ...
    @overload
    def __get__(self, obj: AsyncClient, owner: type | None = None) -> Callable[P, Awaitable[T]]: ...
    @overload
    def __get__(self, obj: Client, owner: type | None = None) -> Callable[P, T]: ...

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        method = obj._bind(self.build)
        method.__signature__ = self.__signature__
        return method

    def __call__(self, client: Client | AsyncClient, *args: P.args, **kwargs: P.kwargs) -> Any:
        """Called on the class, ``Client.health(c)``, as a plain method would be."""
        return client._bind(self.build)(*args, **kwargs)


class _Api:
    """The endpoints and the options both clients share."""

    health = _Endpoint(_health)
    ingest = _Endpoint(_ingest)
    ingest_url = _Endpoint(_ingest_url)
    audit = _Endpoint(_audit)
    audit_url = _Endpoint(_audit_url)
    get_audit = _Endpoint(_get_audit)
    audit_page = _Endpoint(_audit_page)
    verify = _Endpoint(_verify)
    clusters = _Endpoint(_clusters)
    cluster = _Endpoint(_cluster)
    claim = _Endpoint(_claim)

    @staticmethod
    def _options(base_url: str, api_key: str | None, timeout: float | httpx.Timeout | None) -> dict[str, Any]:
        headers = {"user-agent": f"claimwatch-client/{__version__}"}
        if api_key:
            headers[API_KEY_HEADER] = api_key
        return {"base_url": base_url, "headers": headers, "timeout": timeout}


class Client(_Api):
    """Blocking client: ``with Client("http://127.0.0.1:8000") as c: c.verify("…")``.

    ``api_key`` is sent as ``X-API-Key`` (the server asks for it on ingest when it has one).
    ``transport`` replaces httpx's network transport, e.g. ``httpx.MockTransport`` in tests.
    """

    def __init__(self, base_url: str = DEFAULT_BASE_URL, *, api_key: str | None = None,
                 timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
                 transport: httpx.BaseTransport | None = None) -> None:
        self._http = httpx.Client(transport=transport, **self._options(base_url, api_key, timeout))

    def _bind(self, build: Callable[P, _Call[T]]) -> Callable[P, T]:
        @functools.wraps(build)
        def method(*args: P.args, **kwargs: P.kwargs) -> T:
            call = build(*args, **kwargs)
            return call.result(self._http.send(call.request(self._http)))
        return method

    def iter_clusters(self, status: ClusterStatus | None = None, page_size: int = 100) -> Iterator[ClusterPublic]:
        """Every stored cluster (of ``status``, if given), fetched page by page."""
        offset: int | None = 0
        while offset is not None:
            page = self.clusters(status, offset, page_size)
            yield from page.data
            offset = _next_offset(page)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncClient(_Api):
    """Asynchronous client: ``async with AsyncClient(...) as c: await c.verify("…")``.

    Options as for ``Client``; ``transport`` is an ``httpx.AsyncBaseTransport``
    (``httpx.ASGITransport(app)`` talks to an app in-process).
    """

    def __init__(self, base_url: str = DEFAULT_BASE_URL, *, api_key: str | None = None,
                 timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._http = httpx.AsyncClient(transport=transport, **self._options(base_url, api_key, timeout))

    def _bind(self, build: Callable[P, _Call[T]]) -> Callable[P, Awaitable[T]]:
        @functools.wraps(build)
        async def method(*args: P.args, **kwargs: P.kwargs) -> T:
            call = build(*args, **kwargs)
            return call.result(await self._http.send(call.request(self._http)))
        return method

    async def iter_clusters(self, status: ClusterStatus | None = None,
                            page_size: int = 100) -> AsyncIterator[ClusterPublic]:
        """Every stored cluster (of ``status``, if given), fetched page by page."""
        offset: int | None = 0
        while offset is not None:
            page = await self.clusters(status, offset, page_size)
            for cluster in page.data:
                yield cluster
            offset = _next_offset(page)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


__all__ = ["Client", "AsyncClient", "ClaimwatchAPIError"]
