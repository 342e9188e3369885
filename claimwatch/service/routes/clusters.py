"""GET /v1/clusters and /v1/clusters/{id}: the facts in the store and who reports them."""

from typing import Literal

from fastapi import APIRouter, Query

from claimwatch.pipeline import claim_to_dict
from claimwatch.service.deps import StoreDep
from claimwatch.service.schemas import ClusterDetail, ClustersPublic

router = APIRouter(prefix="/v1", tags=["clusters"])


def _public(k) -> dict:
    return {"id": k.id, "claim_ids": list(k.claim_ids), "status": k.status,
            "independent_sources": k.independent_sources, "sources": list(k.sources)}


@router.get("/clusters", response_model=ClustersPublic, summary="List clusters, filtered by status, paginated")
def list_clusters(
    store: StoreDep,
    status: Literal["corroborated", "conflicting", "single_source"] | None = Query(None, description="filter"),
    offset: int = Query(0, ge=0, le=10_000_000, description="first row"),
    limit: int = Query(50, ge=1, le=500, description="page size"),
) -> dict:
    clusters, total = store.clusters(status, offset, limit)
    return {"data": [_public(k) for k in clusters], "count": total, "offset": offset, "limit": limit}


@router.get("/clusters/{cluster_id}", response_model=ClusterDetail, summary="One cluster with its claims")
def get_cluster(cluster_id: str, store: StoreDep) -> dict:
    k = store.get_cluster(cluster_id)
    return {**_public(k), "claims": [claim_to_dict(store.get_claim(cid), k.id) for cid in k.claim_ids]}
