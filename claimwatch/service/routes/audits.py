"""Audits: ``POST /v1/audits`` runs and keeps one; ``GET /v1/audits/{id}`` and ``GET /audits/{id}`` show it.

An audit never touches the claim store. The server keeps each report as a file under
``<data dir>/audits/`` so it can be shown again as JSON or as the HTML page. A read-only
server (``CLAIMWATCH_READ_ONLY``) still runs audits but writes nothing to the data directory:
its answers have no ``audit_id`` and no ``Location``; audits kept before stay readable.
``CLAIMWATCH_MAX_AUDITS`` bounds how many are kept: saving one deletes the oldest beyond it, and 0 keeps
none (answers as on a read-only server).
"""

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from claimwatch.pipeline import audit_articles
from claimwatch.service.audit_archive import load_audit, save_audit
from claimwatch.service.body import read_feed
from claimwatch.service.deps import EmbedderDep, SettingsDep
from claimwatch.service.html import render_html
from claimwatch.service.routes.articles import FEED_BODY
from claimwatch.service.schemas import AuditReport

router = APIRouter(tags=["audits"])
AuditId = Path(description="the id answered by POST /v1/audits (unknown or malformed ids answer 404)")


@router.post("/v1/audits", response_model=AuditReport, openapi_extra=FEED_BODY,
             summary="Audit a feed: clusters, conflicts, syndication; the report is kept, the claim store untouched")
async def audit(request: Request, response: Response, embedder: EmbedderDep, settings: SettingsDep,
                format: str | None = Query(None, description="feed format; detected when omitted")) -> dict:
    articles = await read_feed(request, settings.max_body_bytes, format, settings.allow_hosts,
                               settings.max_article_chars)
    report = await run_in_threadpool(audit_articles, articles, embedder, None, "hybrid", settings.max_claims)
    if settings.read_only or settings.max_audits == 0:
        return report
    kept = await run_in_threadpool(save_audit, settings.data, report, settings.max_audits)
    response.headers["Location"] = f"/v1/audits/{kept['audit_id']}"
    return kept


@router.get("/v1/audits/{audit_id}", response_model=AuditReport, summary="A kept audit report (JSON)")
async def get_audit(settings: SettingsDep, audit_id: str = AuditId) -> dict:
    return await run_in_threadpool(load_audit, settings.data, audit_id)


@router.get("/audits/{audit_id}", response_class=HTMLResponse, summary="A kept audit as a self-contained HTML page",
            responses={200: {"content": {"text/html": {}}, "description": "the report page"}})
async def audit_page(settings: SettingsDep, audit_id: str = AuditId) -> HTMLResponse:
    report = await run_in_threadpool(load_audit, settings.data, audit_id)
    return HTMLResponse(await run_in_threadpool(render_html, report))
