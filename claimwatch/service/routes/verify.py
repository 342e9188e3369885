"""POST /v1/verify: verify one claim against the store."""

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool

from claimwatch.pipeline import verify_claim
from claimwatch.service.deps import EmbedderDep, StoreDep
from claimwatch.service.schemas import VerifyRequest, VerifyResponse

router = APIRouter(prefix="/v1", tags=["verify"])


@router.post("/verify", response_model=VerifyResponse, summary="Verify one claim against what was ingested")
async def verify(body: VerifyRequest, store: StoreDep, embedder: EmbedderDep) -> dict:
    return await run_in_threadpool(verify_claim, store, embedder, body.claim, body.top_k)
