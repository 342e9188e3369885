"""GET /v1/claims/{id}: one stored claim with its article and cluster."""

from fastapi import APIRouter

from claimwatch.pipeline import claim_to_dict
from claimwatch.service.deps import StoreDep
from claimwatch.service.schemas import ClaimPublic

router = APIRouter(prefix="/v1", tags=["claims"])


@router.get("/claims/{claim_id}", response_model=ClaimPublic, summary="One claim, its article and its cluster")
def get_claim(claim_id: str, store: StoreDep) -> dict:
    claim = store.get_claim(claim_id)
    article = store.get_article(claim.article_id)
    return {**claim_to_dict(claim, store.cluster_of(claim.id)),
            "source": article.source, "published": article.published, "title": article.title}
