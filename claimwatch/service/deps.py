"""FastAPI dependencies as ``Annotated`` aliases, so route signatures read like sentences."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from claimwatch.index.embedders import Embedder
from claimwatch.index.store import Store
from claimwatch.service.config import Settings


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_embedder(request: Request) -> Embedder:
    return request.app.state.embedder


def get_store(request: Request) -> Store:
    return request.app.state.store


def require_writer(request: Request) -> None:
    """Writes need the API key when one is configured, and are refused in read-only mode."""
    import hmac

    from claimwatch.errors import AccessDenied

    settings: Settings = request.app.state.settings
    if settings.read_only:
        raise AccessDenied("this server is read-only", code="read-only")
    if settings.api_key:
        given = request.headers.get("x-api-key")
        if not given:
            raise AccessDenied("this endpoint needs an X-API-Key header", code="api-key-missing")
        if not hmac.compare_digest(given.encode(), settings.api_key.encode()):
            raise AccessDenied("the X-API-Key is not valid", code="api-key-invalid")


SettingsDep = Annotated[Settings, Depends(get_settings)]
WriterDep = Depends(require_writer)
EmbedderDep = Annotated[Embedder, Depends(get_embedder)]
StoreDep = Annotated[Store, Depends(get_store)]
