"""Scale benchmarks for `claimwatch bench`: audit throughput by size, clustering growth, verify latency.

Figures only, no assertions. Vectors for the largest verify sizes are derived from real
embeddings of synthetic claims (each real vector plus small noise, re-normalised), because
embedding a million claims on 2 cores would take most of an hour; the tables say so.
"""

from __future__ import annotations

import gc
import math
import os
import time
from dataclasses import dataclass

import numpy as np

from claimwatch.claims.masking import mask_quantities
from claimwatch.index.embedders import Embedder
from claimwatch.index.lexical import lexical_vectors
from claimwatch.index.vectors import FaissIndex, choose_index_kind
from claimwatch.pipeline import (
    CROSS_LANGUAGE_DEPTH, CROSS_LANGUAGE_EVIDENCE, audit_articles, extract_claims, pair_scores, query_claim,
    with_other_language,
)

SCALE_SIZES = {"small": (500, 2000), "full": (1_000, 10_000, 100_000)}
VERIFY_SIZES = {"small": (2_000, 10_000), "full": (10_000, 100_000, 1_000_000)}


def rss_bytes() -> tuple[int, int]:
    """(current, peak) resident set size of this process, from /proc (0, 0 where unavailable)."""
    cur = peak = 0
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    cur = int(line.split()[1]) * 1024
                elif line.startswith("VmHWM:"):
                    peak = int(line.split()[1]) * 1024
    except OSError:
        pass
    return cur, peak


@dataclass
class ScaleRow:
    claims: int
    audit_seconds: float
    embed_seconds: float
    cluster_seconds: float
    peak_rss: int


def bench_scale(embedder: Embedder, sizes: tuple[int, ...], seed: int = 0) -> list[ScaleRow]:
    """Audit synthetic feeds of each size: whole audit, embedder alone, clustering alone."""
    from claimwatch.evaluation.synth import generate_feed

    rows = []
    for n in sizes:
        articles = generate_feed(n, seed=seed).articles
        texts = [mask_quantities(c) for c in extract_claims(articles)]
        embedder.embed(texts[:64])
        t0 = time.perf_counter()
        embedder.embed(texts)
        embed_seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        report = audit_articles(articles, embedder)
        audit_seconds = time.perf_counter() - t0
        rows.append(ScaleRow(len(report["claims"]), audit_seconds, embed_seconds,
                             report["stats"]["seconds"]["analyse"], rss_bytes()[1]))
        del report, articles, texts
        gc.collect()
    return rows


def growth_exponent(rows: list[ScaleRow]) -> float | None:
    """Slope of log(clustering time) against log(claims) between the two largest sizes."""
    if len(rows) < 2:
        return None
    a, b = rows[-2], rows[-1]
    return math.log(b.cluster_seconds / a.cluster_seconds) / math.log(b.claims / a.claims)


@dataclass
class VerifyRow:
    size: int
    kind: str
    p50_ms: float
    p95_ms: float
    p99_ms: float
    recall_at_10: float
    bytes_per_claim: float
    build_seconds: float
    derived: bool


def _expand(real: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    """``n`` unit vectors: the real ones first, then real ones plus noise (σ 0.02 per dimension)."""
    if n <= len(real):
        return real[:n].copy()
    out = np.empty((n, real.shape[1]), dtype=np.float32)
    out[: len(real)] = real
    for start in range(len(real), n, 100_000):
        stop = min(n, start + 100_000)
        base = real[rng.integers(0, len(real), stop - start)]
        block = base + 0.02 * rng.standard_normal(base.shape, dtype=np.float32)
        out[start:stop] = block / np.linalg.norm(block, axis=1, keepdims=True)
    return out


def bench_verify(embedder: Embedder, sizes: tuple[int, ...], queries: int = 200, seed: int = 0,
                 real_claims: int = 10_000) -> list[VerifyRow]:
    """Verify-path latency per index kind and size: embed the query, search the nearest 100, score
    the top 30 and the other language's claims among the rest (as ``retrieve_evidence`` does).

    Resident bytes per claim count the index's own memory growth (RSS before and after building it).

    Latency is per single query, sequential, with the judge's hybrid scoring of the candidates
    (claims held in memory; the SQLite read of the store is not included).
    """
    from claimwatch.evaluation.synth import generate_feed

    rng = np.random.default_rng(seed)
    claims = extract_claims(generate_feed(min(real_claims, max(sizes)), seed=seed).articles)
    real = embedder.embed([mask_quantities(c) for c in claims])
    lexical = lexical_vectors([mask_quantities(c) for c in claims])
    asked = [claims[i] for i in rng.choice(len(claims), min(queries, len(claims)), replace=False)]
    query_texts = [q.text for q in asked]
    rows = []
    for n in sizes:
        gc.collect()
        vectors = _expand(real, n, rng)
        gc.collect()
        flat_before = rss_bytes()[0]
        exact = FaissIndex(vectors.shape[1])
        exact.add(np.arange(n), vectors)
        gc.collect()
        flat_bytes = rss_bytes()[0] - flat_before
        qv = embedder.embed([mask_quantities(query_claim(t)) for t in query_texts])
        _, truth = exact.search(qv, 10)
        kinds = ["flat", "hnsw", "ivf"] if n <= 100_000 else ["flat", "ivf"]
        for kind in kinds:
            gc.collect()
            before = rss_bytes()[0]
            t0 = time.perf_counter()
            if kind == "flat":
                index = exact
            else:
                train = vectors[rng.permutation(n)[:100_000]] if kind == "ivf" else None
                index = FaissIndex(vectors.shape[1], kind=kind, train=train)
                index.add(np.arange(n), vectors)
            build = time.perf_counter() - t0
            gc.collect()
            after = rss_bytes()[0]
            for text in query_texts[:10]:  # warm-up: thread pools, caches
                index.search(embedder.embed([mask_quantities(query_claim(text))]), 30)
            latencies, found = [], []
            for text in query_texts:
                t0 = time.perf_counter()
                q = query_claim(text)
                vec = embedder.embed([mask_quantities(q)])
                # as retrieve_evidence does: the nearest 30, and beyond them up to 100 the claims of
                # the other language (at most 12) are scored
                scores, ids = index.search(vec, CROSS_LANGUAGE_DEPTH)
                rows_ = ids[0] % len(claims)
                keep = np.array(with_other_language(list(range(len(rows_))), q, lambda j: claims[rows_[j]], 30,
                                                    CROSS_LANGUAGE_EVIDENCE * 4), dtype=np.int64)
                rows_ = rows_[keep]
                cand = [claims[i] for i in rows_]
                lex = np.asarray((lexical[rows_] @ lexical_vectors([mask_quantities(q)])[0].T).toarray()).ravel()
                pair_scores("hybrid", [q] * len(cand), cand, scores[0][keep], lex)
                latencies.append(time.perf_counter() - t0)
                found.append(ids[0][:10])
            recall = float(np.mean([len(set(t) & set(f)) / 10 for t, f in zip(truth, found)]))
            p50, p95, p99 = (float(np.percentile(latencies, p) * 1000) for p in (50, 95, 99))
            per_claim = (flat_bytes if kind == "flat" else after - before) / n
            rows.append(VerifyRow(n, kind + (" (auto)" if kind == choose_index_kind(n) else ""), p50, p95, p99,
                                  recall, per_claim, build, n > len(real)))
            if index is not exact:
                del index
        del vectors, exact
        gc.collect()
    return rows


@dataclass(frozen=True, slots=True)
class WordRow:
    size: int
    p50_ms: float
    p99_ms: float
    found_own: float   # share of queries (stored claims' texts) whose own claim the search returned
    build_seconds: float


def bench_words(sizes: tuple[int, ...], queries: int = 200, seed: int = 0) -> list[WordRow]:
    """The word half of hybrid verify: ``Store.search_words`` on real stores of synthetic claims.

    Beyond 10k distinct claims the texts repeat (each stored claim keeps its own id), which makes
    common terms commoner than in real news: a pessimistic case for an inverted index."""
    import tempfile
    from dataclasses import replace as with_

    from claimwatch.claims.models import Article
    from claimwatch.evaluation.synth import generate_feed
    from claimwatch.index.lexical import search_terms
    from claimwatch.index.store import open_store

    rng = np.random.default_rng(seed)
    base = extract_claims(generate_feed(10_000, seed=seed).articles)
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(tmp, "bench", 8)
            t0 = time.perf_counter()
            for start in range(0, n, 50_000):
                batch = [with_(base[i % len(base)], id=f"c{i}", article_id=f"a{i // 1000}")
                         for i in range(start, min(n, start + 50_000))]
                articles = [Article(id=aid, source="S", title=aid, published=None, text=aid)
                            for aid in dict.fromkeys(c.article_id for c in batch)]
                vectors = rng.standard_normal((len(batch), 8)).astype(np.float32)
                store.add(articles, batch, vectors / np.linalg.norm(vectors, axis=1, keepdims=True))
            build = time.perf_counter() - t0
            asked = rng.choice(min(n, len(base)), min(queries, n), replace=False)
            latencies, own = [], []
            for i in asked:
                terms = search_terms(mask_quantities(base[i]))
                t0 = time.perf_counter()
                hits = store.search_words(terms, 10)
                latencies.append(time.perf_counter() - t0)
                own.append(any(c.text == base[i].text for c, _ in hits))
            store.close()
        rows.append(WordRow(n, float(np.percentile(latencies, 50) * 1000), float(np.percentile(latencies, 99) * 1000),
                            float(np.mean(own)), build))
    return rows


def format_words(rows: list[WordRow]) -> str:
    lines = ["| stored claims | word search p50 ms | p99 ms | own claim found | store build s |", "|---|---|---|---|---|"]
    lines += [f"| {r.size} | {r.p50_ms:.1f} | {r.p99_ms:.1f} | {r.found_own:.2f} | {r.build_seconds:.0f} |" for r in rows]
    return "\n".join(lines)


def format_scale(rows: list[ScaleRow], embedder: Embedder) -> str:
    lines = [f"machine: {os.cpu_count()} cores; embedder: {embedder.name}; synthetic feeds (evaluation/synth.py)",
             "| claims | audit claims/s | embedder claims/s | audit / embedder | clustering s | peak RSS MB |",
             "|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r.claims} | {r.claims / r.audit_seconds:.1f} | {r.claims / r.embed_seconds:.1f} | "
                     f"{r.embed_seconds / r.audit_seconds:.2f} | {r.cluster_seconds:.2f} | {r.peak_rss / 2**20:.0f} |")
    exponent = growth_exponent(rows)
    if exponent is not None:
        lines.append(f"\nclustering growth exponent between {rows[-2].claims} and {rows[-1].claims} claims: "
                     f"{exponent:.2f}")
    return "\n".join(lines)


def format_verify(rows: list[VerifyRow]) -> str:
    lines = ["| indexed claims | index | p50 ms | p95 ms | p99 ms | recall@10 vs exact | resident bytes/claim | "
             "build s | vectors |", "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r.size} | {r.kind} | {r.p50_ms:.1f} | {r.p95_ms:.1f} | {r.p99_ms:.1f} | "
                     f"{r.recall_at_10:.3f} | {r.bytes_per_claim:.0f} | {r.build_seconds:.1f} | "
                     f"{'derived' if r.derived else 'real'} |")
    return "\n".join(lines)


__all__ = ["bench_scale", "bench_verify", "bench_words", "format_words", "growth_exponent", "format_scale", "format_verify", "rss_bytes",
           "SCALE_SIZES", "VERIFY_SIZES"]
