"""`claimwatch bench --part load`: a bounded load test of the real server on loopback.

Starts `claimwatch serve` on a free 127.0.0.1 port with a store of synthetic claims, then sends
N verify requests at concurrency C from a thread pool (httpx), and prints throughput, latency
percentiles and the error count. Bounded in requests and time; traffic never leaves loopback.
"""

from __future__ import annotations

import os
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import numpy as np

from claimwatch.service.running import serving

LOAD_SIZES = {"small": (2_000, 100, 4), "full": (10_000, 2_000, 16)}  # claims, requests, concurrency


@dataclass
class LoadResult:
    claims: int
    requests: int
    concurrency: int
    seconds: float
    latencies_ms: list[float]
    errors: int


def run_load(claims: int, requests: int, concurrency: int, embedder: str, seed: int = 0,
             time_limit: float = 600.0) -> LoadResult:
    from claimwatch.evaluation.synth import generate_feed, write_jsonl
    from claimwatch.index.embedders import create_embedder
    from claimwatch.index.store import open_store
    from claimwatch.pipeline import extract_claims, ingest_articles

    feed = generate_feed(claims, seed=seed)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "store"
        model = create_embedder(embedder)
        store = open_store(data, model.name, model.dim)
        ingest_articles(store, feed.articles, model)
        n_claims = store.count_claims()
        store.close()
        questions = [c.text for c in extract_claims(feed.articles)][: max(1, requests)]
        with serving(data, embedder) as base:
            limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
            with httpx.Client(base_url=base, timeout=30, limits=limits) as client:
                for q in questions[:5]:  # warm-up
                    client.post("/v1/verify", json={"claim": q, "top_k": 10})
                stop_at = time.monotonic() + time_limit

                def one(i: int) -> tuple[float, bool]:
                    if time.monotonic() > stop_at:
                        return 0.0, False
                    t0 = time.perf_counter()
                    try:
                        r = client.post("/v1/verify", json={"claim": questions[i % len(questions)], "top_k": 10})
                        ok = r.status_code == 200 and bool(r.json().get("verdict"))
                    except httpx.HTTPError:
                        ok = False
                    return (time.perf_counter() - t0) * 1000, ok

                t0 = time.perf_counter()
                with ThreadPoolExecutor(max_workers=concurrency) as pool:
                    results = list(pool.map(one, range(requests)))
                seconds = time.perf_counter() - t0
    latencies = [ms for ms, ok in results if ok]
    return LoadResult(n_claims, requests, concurrency, seconds, latencies, sum(1 for _, ok in results if not ok))


def format_load(r: LoadResult) -> str:
    lat = np.array(r.latencies_ms) if r.latencies_ms else np.array([float("nan")])
    return "\n".join([
        f"machine: {os.cpu_count()} cores; server: claimwatch serve (uvicorn, 1 worker) on 127.0.0.1",
        "",
        "| indexed claims | requests | concurrency | requests/s | p50 ms | p99 ms | errors |",
        "|---|---|---|---|---|---|---|",
        f"| {r.claims} | {r.requests} | {r.concurrency} | {r.requests / r.seconds:.1f} | "
        f"{np.percentile(lat, 50):.1f} | {np.percentile(lat, 99):.1f} | {r.errors} |",
    ])


__all__ = ["run_load", "format_load", "LoadResult", "LOAD_SIZES"]
