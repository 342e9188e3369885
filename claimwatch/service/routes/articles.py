"""POST /v1/articles: ingest a feed into the store."""

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool

from claimwatch.pipeline import ingest_articles
from claimwatch.service.body import read_feed
from claimwatch.service.deps import EmbedderDep, SettingsDep, StoreDep, WriterDep
from claimwatch.service.schemas import IngestResponse

router = APIRouter(prefix="/v1", tags=["articles"])
FEED_BODY = {"requestBody": {"required": True, "content": {
    "text/plain": {"schema": {"type": "string"}, "example": "标题\n某报· 2025-12-09 06:37\n要点 - 内容 [1]"},
    "application/json": {"schema": {"type": "array", "items": {"type": "object", "properties": {
        "source": {"type": "string"}, "text": {"type": "string"},
        # optional metadata: absent or null means unknown (an id is then derived from the content)
        "title": {"type": ["string", "null"]}, "published": {"type": ["string", "null"]},
        "url": {"type": ["string", "null"]}, "id": {"type": ["string", "null"]}},
        "required": ["source", "text"]}}},
    "application/x-ndjson": {"schema": {"type": "string"}},
    "application/rss+xml": {"schema": {"type": "string"}},
    "application/atom+xml": {"schema": {"type": "string"}},
    "application/feed+json": {"schema": {"type": "object"}},
}}}


@router.post("/articles", response_model=IngestResponse, status_code=201, openapi_extra=FEED_BODY,
             dependencies=[WriterDep],
             summary="Ingest a feed (digest text, JSON Lines, JSON list, RSS/Atom, JSON Feed)")
async def ingest(request: Request, store: StoreDep, embedder: EmbedderDep, settings: SettingsDep,
                 format: str | None = Query(None, description="feed format; detected when omitted")) -> dict:
    articles = await read_feed(request, settings.max_body_bytes, format, settings.allow_hosts,
                               settings.max_article_chars)
    return await run_in_threadpool(ingest_articles, store, articles, embedder, None, settings.max_claims)
