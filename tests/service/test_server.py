"""End to end: the real server under uvicorn on a loopback port, talked to over HTTP with httpx."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from claimwatch.service.running import CLAIMWATCH, serving
from tests.conftest import EXAMPLES


@contextmanager
def running_server(data: Path, embedder: str, command: tuple[str, ...] = CLAIMWATCH):
    """`claimwatch serve` on a free loopback port, with an httpx client on it."""
    with serving(data, embedder, command) as base, httpx.Client(base_url=base, timeout=120) as client:
        yield client


@pytest.mark.slow
def test_ingest_restart_and_verify_over_http(tmp_path, sample_feed):
    data = tmp_path / "store"
    with running_server(data, "use-m3") as client:
        r = client.post("/v1/articles", content=sample_feed, headers={"content-type": "text/plain; charset=utf-8"})
        assert r.status_code == 201, r.text
        stored = r.json()["claims_total"]
        assert stored > 100
    with running_server(data, "use-m3") as client:
        health = client.get("/healthz").json()
        assert health["claims"] == stored and health["embedder"] == "use-m3"
        answer = client.post("/v1/verify", json={"claim": "美国政府将抽取H200对华销售收入的25%作为分成"}).json()
        assert answer["verdict"] == "supported"
        assert len({e["source"] for e in answer["evidence"] if e["relation"] == "supports"}) >= 3
        problem = client.post("/v1/articles", content=b"<rss><broken", headers={"content-type": "application/rss+xml"})
        assert problem.status_code == 400 and problem.json()["code"] == "feed-malformed"
        assert client.get("/healthz").json()["claims"] == stored


def test_server_with_fake_embedder_serves_the_example_feed(tmp_path):
    with running_server(tmp_path / "store", "fake") as client:
        r = client.post("/v1/articles", content=(EXAMPLES / "h200_digest_zh.txt").read_bytes(),
                        headers={"content-type": "text/plain"})
        assert r.status_code == 201
        assert client.get("/v1/clusters").json()["count"] >= 1
        assert client.get("/docs").status_code == 200
