"""POST /v1/audits: audit a posted feed without storing it."""

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool

from claimwatch.pipeline import audit_articles
from claimwatch.service.body import read_feed
from claimwatch.service.deps import EmbedderDep, SettingsDep
from claimwatch.service.routes.articles import FEED_BODY
from claimwatch.service.schemas import AuditReport

router = APIRouter(prefix="/v1", tags=["audits"])


@router.post("/audits", response_model=AuditReport, openapi_extra=FEED_BODY,
             summary="Audit a feed: clusters, conflicts, syndication (nothing is stored)")
async def audit(request: Request, embedder: EmbedderDep, settings: SettingsDep,
                format: str | None = Query(None, description="feed format; detected when omitted")) -> dict:
    articles = await read_feed(request, settings.max_body_bytes, format, settings.allow_hosts,
                               settings.max_article_chars)
    return await run_in_threadpool(audit_articles, articles, embedder, None, "hybrid", settings.max_claims)
