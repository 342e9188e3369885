"""`claimwatch bench`: throughput of the audit against the embedder's own, in the same run.

Benchmarks print figures; they assert nothing about time. ``size`` scales every workload down
for CI (``small``) or up for the README figures (``full``).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from claimwatch.claims.feeds import parse_feed
from claimwatch.claims.masking import mask_quantities
from claimwatch.claims.models import Article
from claimwatch.index.embedders import Embedder
from claimwatch.pipeline import audit_articles, extract_claims

SIZES = {"small": 500, "full": 5000}


@dataclass
class AuditBench:
    claims: int
    articles: int
    audit_seconds: float
    embed_seconds: float

    @property
    def audit_rate(self) -> float:
        return self.claims / self.audit_seconds

    @property
    def embed_rate(self) -> float:
        return self.claims / self.embed_seconds

    @property
    def ratio(self) -> float:
        return self.audit_rate / self.embed_rate


def repeat_feed(articles: list[Article], target_claims: int) -> list[Article]:
    """The feed repeated (each copy under distinct ids and outlets) until it holds ~``target_claims`` claims."""
    per_copy = max(1, len(extract_claims(articles)))
    copies = max(1, round(target_claims / per_copy))
    out = []
    for k in range(copies):
        for a in articles:
            out.append(Article(id=f"{a.id}-r{k}", source=f"{a.source} #{k}", title=a.title, published=a.published,
                               text=a.text, url=a.url, language=a.language))
    return out


def bench_audit(feed: bytes, embedder: Embedder, target_claims: int, rounds: int = 2) -> AuditBench:
    """Time a whole audit of the repeated feed and the embedder alone on the same claim texts.

    The two alternate for ``rounds`` rounds and the best time of each is kept, so a noisy moment
    on the machine does not land on one side only.
    """
    articles = repeat_feed(parse_feed(feed), target_claims)
    texts = [mask_quantities(c) for c in extract_claims(articles)]
    embedder.embed(texts[:64])  # warm-up: model load, thread pools
    audit_times, embed_times, claims = [], [], 0
    for _ in range(rounds):
        t0 = time.perf_counter()
        embedder.embed(texts)
        embed_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        claims = len(audit_articles(articles, embedder)["claims"])
        audit_times.append(time.perf_counter() - t0)
    return AuditBench(claims, len(articles), min(audit_times), min(embed_times))


def format_audit_bench(result: AuditBench, embedder: Embedder) -> str:
    return "\n".join([
        f"machine: {os.cpu_count()} cores; embedder: {embedder.name}",
        "| claims | articles | audit claims/s | embedder claims/s | audit / embedder |",
        "|---|---|---|---|---|",
        f"| {result.claims} | {result.articles} | {result.audit_rate:.1f} | {result.embed_rate:.1f} | "
        f"{result.ratio:.2f} |",
    ])


__all__ = ["bench_audit", "repeat_feed", "format_audit_bench", "AuditBench", "SIZES"]
