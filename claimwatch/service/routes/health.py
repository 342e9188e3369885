"""GET /healthz: is the store open, with which embedder, how much it holds."""

from fastapi import APIRouter

from claimwatch import __version__
from claimwatch.service.deps import StoreDep
from claimwatch.service.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, summary="Liveness and store summary")
def healthz(store: StoreDep) -> Health:
    return Health(status="ok", embedder=store.config["embedder"], claims=store.count_claims(),
                  articles=store.count_articles(), version=__version__)
