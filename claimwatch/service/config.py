"""Service settings, read from ``CLAIMWATCH_*`` environment variables (library code takes arguments)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from claimwatch.index.embedders import DEFAULT_EMBEDDER


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CLAIMWATCH_")

    data: Path = Field(Path("data"), description="data directory of the store")
    embedder: str = Field(DEFAULT_EMBEDDER, description="embedder name: use-m3, e5-small, st:<model>, fake")
    max_body_bytes: int = Field(20 * 1024 * 1024, description="largest request body accepted (413 above)")
    max_top_k: int = Field(100, description="largest top_k accepted by /v1/verify")
    max_article_chars: int = Field(2_000_000, description="longest article accepted, in characters (413 above)")
    max_claims: int = Field(200_000, description="most claims one request may produce (413 above)")
    request_timeout: float = Field(120.0, description="seconds a request may run before it is answered 503")
    api_key: str | None = Field(None, description="when set, write endpoints need it in the X-API-Key header")
    read_only: bool = Field(False, description="refuse every write (ingest) with 403")
    max_audits: int = Field(1000, ge=0, description="most audit reports kept under <data>/audits; saving one "
                            "deletes the oldest beyond it; 0 keeps none (no audit_id, no Location)")
    fetch_allow_hosts: str = Field("", description="comma-separated hosts that feed URLs may reach even if internal")

    @property
    def allow_hosts(self) -> tuple[str, ...]:
        return tuple(h.strip() for h in self.fetch_allow_hosts.split(",") if h.strip())


__all__ = ["Settings"]
