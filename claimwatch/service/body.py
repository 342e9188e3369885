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


async def read_feed(request: Request, limit: int, format: str | None) -> list[Article]:
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
    return parse_feed(data, format or MEDIA_FORMATS[media])
