"""Read a posted feed body: size limit, media type to feed format, JSON article lists."""

from __future__ import annotations

from fastapi import Request

from claimwatch.claims.feeds import FEED_FORMATS, parse_feed
from claimwatch.claims.models import Article
from claimwatch.errors import FeedEmpty
from claimwatch.service.problems import PayloadTooLarge, UnsupportedMediaType

MEDIA_FORMATS: dict[str, str | None] = {
    "application/json": None,             # a JSON list of articles, {"articles": [...]}, or a JSON Feed
    "application/feed+json": "jsonfeed",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/jsonlines": "jsonl",
    "application/rss+xml": "rss",
    "application/atom+xml": "rss",
    "application/xml": "rss",
    "text/xml": "rss",
    "text/plain": None,                   # digest text, or anything detectable
    "application/octet-stream": None,
}


async def read_limited(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"request body of {declared} bytes exceeds the limit of {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"request body exceeds the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def read_feed(request: Request, limit: int, format: str | None,
                    allow_hosts: tuple[str, ...] = (), max_article_chars: int | None = None) -> list[Article]:
    """The posted feed; ``{"url": "https://…"}`` as JSON fetches the feed from that URL (checked)."""
    articles = await _read_feed(request, limit, format, allow_hosts)
    if max_article_chars is not None:
        for a in articles:
            if len(a.text) > max_article_chars:
                raise PayloadTooLarge(f"article {a.id!r} has {len(a.text)} characters, over the limit of "
                                      f"{max_article_chars}", code="article-too-large")
    return articles


async def _read_feed(request: Request, limit: int, format: str | None,
                     allow_hosts: tuple[str, ...] = ()) -> list[Article]:
    media = (request.headers.get("content-type") or "text/plain").split(";")[0].strip().lower()
    if media not in MEDIA_FORMATS:
        raise UnsupportedMediaType(
            f"media type {media!r} is not a feed; send one of {', '.join(sorted(MEDIA_FORMATS))}")
    if format is not None and format not in FEED_FORMATS:
        raise UnsupportedMediaType(f"unknown format {format!r}; choose one of {', '.join(FEED_FORMATS)}",
                                   code="feed-format-unknown")
    data = await read_limited(request, limit)
    if not data.strip():
        raise FeedEmpty("request body is empty")
    url = _url_request(data) if media == "application/json" else None
    if url is not None:
        from fastapi.concurrency import run_in_threadpool

        from claimwatch.claims.fetch import fetch_feed

        data = await run_in_threadpool(fetch_feed, url, allow_hosts=allow_hosts, max_bytes=limit)
        return parse_feed(data, format)
    return parse_feed(data, format or MEDIA_FORMATS[media])


def _url_request(data: bytes) -> str | None:
    """``{"url": "..."}`` (and nothing else) asks the server to fetch the feed."""
    import json

    if not data.lstrip().startswith(b"{"):
        return None
    try:
        obj = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        return None
    if isinstance(obj, dict) and set(obj) == {"url"} and isinstance(obj["url"], str):
        return obj["url"]
    return None
