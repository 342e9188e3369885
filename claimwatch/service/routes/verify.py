"""POST /v1/verify: verify one claim against the store (JSON, or ClaimReview JSON-LD on request)."""

import anyio.to_thread
from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from claimwatch.pipeline import verify_claim
from claimwatch.service.deps import EmbedderDep, StoreDep
from claimwatch.service.exports import EXTENSION_KEY, claim_review
from claimwatch.service.schemas import VerifyRequest, VerifyResponse

router = APIRouter(prefix="/v1", tags=["verify"])

JSON_LD = "application/ld+json"
_CLAIM_REVIEW_SCHEMA = {
    "type": "object",
    "description": f"schema.org ClaimReview; claimwatch's verdict, confidence and evidence under {EXTENSION_KEY!r}",
    "required": ["@context", "@type", "claimReviewed", "reviewRating", "itemReviewed", EXTENSION_KEY],
    "properties": {
        "@context": {"type": "string", "enum": ["https://schema.org"]},
        "@type": {"type": "string", "enum": ["ClaimReview"]},
        "claimReviewed": {"type": "string"},
        "reviewRating": {"type": "object"},
        "itemReviewed": {"type": "object"},
        EXTENSION_KEY: {"type": "object"},
    },
}


def _quality(accept: str, media_type: str) -> tuple[float, bool]:
    """(q, named) of ``media_type`` under an Accept header: its own q when it is named, else the
    best q of a matching wildcard."""
    wildcard, exact = 0.0, None
    for part in accept.lower().split(","):
        name, *params = [p.strip() for p in part.split(";")]
        q = next((_number(p[2:]) for p in params if p.startswith("q=")), 1.0)
        if name == media_type:
            exact = q if exact is None else max(exact, q)
        elif name in ("*/*", media_type.split("/")[0] + "/*"):
            wildcard = max(wildcard, q)
    return (wildcard, False) if exact is None else (exact, True)


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


def wants_json_ld(accept: str | None) -> bool:
    """True when the client prefers ``application/ld+json`` to ``application/json``; on a tie JSON
    stays the default unless only JSON-LD is named (``application/ld+json, */*``)."""
    if not accept:
        return False
    (ld, named_ld), (js, named_json) = _quality(accept, JSON_LD), _quality(accept, "application/json")
    return ld > js or (ld == js and ld > 0 and named_ld and not named_json)


@router.post(
    "/verify", response_model=VerifyResponse, summary="Verify one claim against what was ingested",
    responses={200: {"description": "The verdict as JSON (default), or as schema.org ClaimReview JSON-LD when "
                                    f"the request's Accept prefers {JSON_LD}",
                     "content": {JSON_LD: {"schema": _CLAIM_REVIEW_SCHEMA}}}},
)
async def verify(body: VerifyRequest, store: StoreDep, embedder: EmbedderDep, request: Request,
                 response: Response) -> dict | Response:
    answer = await anyio.to_thread.run_sync(verify_claim, store, embedder, body.claim, body.top_k,
                                            limiter=request.app.state.verify_limiter)
    if wants_json_ld(request.headers.get("accept")):
        review = claim_review(answer, origin_source=store.origin_sources())
        return JSONResponse(review, media_type=JSON_LD, headers={"Vary": "Accept"})
    response.headers["Vary"] = "Accept"
    return answer
