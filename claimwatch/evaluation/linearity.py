"""`claimwatch bench --part understanding`: claim understanding time against article length.

One article is grown from a seed text (the sample feed, or the bundled example) to 1/8, 1/4, 1/2
and 1 MB, with a few hostile fragments mixed in (zero-width and control characters, emoji, HTML
remnants, traditional Chinese, a run with no sentence end). Segmenting it and understanding every
claim (values, subjects, attributes, hedges, negation, attribution, opinion) should take time in
proportion to its length: the table prints seconds per MB at each size and the ratio to the
smallest size, which stays near 1 for a linear cost.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from claimwatch.claims.attribution import find_attribution
from claimwatch.claims.hedges import find_opinion
from claimwatch.claims.models import Article
from claimwatch.claims.segment import segment_claims

SIZES_MB = {"small": (1 / 16, 1 / 8, 1 / 4), "full": (1 / 8, 1 / 4, 1 / 2, 1.0)}
_HOSTILE = ("\u200b零宽\u200d字符\ufeff", "<p>英伟达<b>H200</b>&nbsp;售价约3万美元</p>", "控制\x07字符\x1b",
            "😀🇨🇳 表情 2.5万颗GPU", "輝達H200對華出口將抽成25%。", "无句末标点的一长串文字" * 40)


@dataclass
class LinearityRow:
    megabytes: float
    claims: int
    seconds: float

    @property
    def seconds_per_mb(self) -> float:
        return self.seconds / self.megabytes


def grow_article(seed: str, megabytes: float) -> Article:
    """One article of about ``megabytes`` MB (UTF-8): the seed text repeated, hostile fragments between."""
    target = int(megabytes * 1_000_000)
    parts, size, n = [], 0, 0
    while size < target:
        part = seed if n % 2 == 0 else _HOSTILE[(n // 2) % len(_HOSTILE)]
        parts.append(part)
        size += len(part.encode("utf-8")) + 1
        n += 1
    return Article(id=f"grown-{megabytes}", source="bench", title="H200", published="2025-12-09", text="\n".join(parts))


def understand(article: Article) -> int:
    """Segment the article and run every per-claim analysis; the number of claims."""
    claims = segment_claims(article)
    for c in claims:
        find_attribution(c.text)
        find_opinion(c.text)
    return len(claims)


def bench_linearity(seed: str, size: str = "full", rounds: int = 3) -> list[LinearityRow]:
    """Best of ``rounds`` timings per size (a busy moment on the machine lands on one round only)."""
    rows = []
    understand(grow_article(seed, 0.01))  # warm-up: the segmenter's dictionary, regex compilation
    for mb in SIZES_MB[size]:
        article = grow_article(seed, mb)
        timings, claims = [], 0
        for _ in range(rounds):
            t0 = time.perf_counter()
            claims = understand(article)
            timings.append(time.perf_counter() - t0)
        rows.append(LinearityRow(len(article.text.encode("utf-8")) / 1e6, claims, min(timings)))
    return rows


def format_linearity(rows: list[LinearityRow]) -> str:
    base = rows[0].seconds_per_mb
    lines = ["| article MB | claims | seconds | seconds per MB | per-MB cost / smallest |", "|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r.megabytes:.3f} | {r.claims} | {r.seconds:.2f} | {r.seconds_per_mb:.2f} | "
                     f"{r.seconds_per_mb / base:.2f} |")
    return "\n".join(lines)


__all__ = ["bench_linearity", "format_linearity", "grow_article", "understand", "LinearityRow"]
