"""The pipeline that ties the stages: feed → claims → vectors → neighbours → consistency → report."""

from __future__ import annotations

import re
import time
from collections import defaultdict
from itertools import combinations
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Callable, Literal, TypeVar

import numpy as np
import scipy.sparse as sp

from claimwatch.claims.consistency import (
    ANCHOR_MIN_DENSE, ANCHOR_WEIGHT, SLOT_WEIGHT, Cluster, ConsistencyResult, Pair, build_clusters, find_syndication,
    shared_level, slot_anchors, subject_value_anchors, value_anchors,
)
from claimwatch.claims.arithmetic import check_articles
from claimwatch.claims.attribution import find_attribution
from claimwatch.claims.hedges import find_hedge, find_negation, find_opinion
from claimwatch.claims.masking import mask_quantities
from claimwatch.claims.models import Article, Claim
from claimwatch.claims.quantities import extract_quantities
from claimwatch.claims.slots import attach_slots
from claimwatch.claims.scopes import use_encoder
from claimwatch.claims.segment import segment_claims
from claimwatch.claims.text import detect_language
from claimwatch.claims.verdicts import judge
from claimwatch.errors import ClaimEmpty, TooManyClaims
from claimwatch.index.embedders import Embedder
from claimwatch.claims.name_pairs import mine_names
from claimwatch.claims.places import learn_regions, mine_regions
from claimwatch.claims.subjects import learn_names
from claimwatch.index.lexical import (cached_lexical_vectors, hybrid_score, lexical_vectors, pair_similarity, row_dots,
                                     search_terms)
from claimwatch.index.store import Store
from claimwatch.thresholds import thresholds_for
from claimwatch.index.vectors import FaissIndex, IndexKind, choose_index_kind, pair_dots

NEIGHBOURS = 20
Similarity = Literal["hybrid", "dense", "lexical"]
Progress = Callable[[str, int, int], None]  # (stage, done, total): segment, embed, analyse
EMBED_BATCH = 256  # claims per embedder call when progress is reported


@dataclass
class Corpus:
    """Articles with their claims, dense vectors (masked text) and lexical rows, aligned by position."""

    articles: list[Article]
    claims: list[Claim]
    vectors: np.ndarray
    lexical: sp.csr_matrix
    embedder: str = "fake"
    timings: dict[str, float] = field(default_factory=dict)
    _anchors: sp.csr_matrix | None = None

    @property
    def anchors(self) -> sp.csr_matrix:
        if self._anchors is None:
            self._anchors = anchor_matrix(self.claims)
        return self._anchors


def learn_feed_names(articles: list[Article]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Learn the names ``articles`` translate ("宁德时代（CATL）") and which places hold the
    localities they name (海南省文昌市), and return both."""
    names = mine_names(a.title + "\n" + a.text for a in articles)
    learn_names(names)
    regions = mine_regions(a.text for a in articles)
    learn_regions(regions)
    return names, regions


def extract_claims(articles: list[Article], progress: Progress | None = None, learn: bool = True) -> list[Claim]:
    """The claims of ``articles``, after learning the names they translate (unless ``learn`` is off:
    the caller did)."""
    if learn:
        learn_feed_names(articles)
    if progress is None:
        return [c for a in articles for c in segment_claims(a)]
    claims: list[Claim] = []
    for n, a in enumerate(articles, 1):
        claims += segment_claims(a)
        progress("segment", n, len(articles))
    return claims


def build_corpus(articles: list[Article], embedder: Embedder, claims: list[Claim] | None = None,
                 progress: Progress | None = None) -> Corpus:
    """Segment (unless ``claims`` are given), embed masked claims, and compute their lexical rows.

    With ``progress``, claims are embedded ``EMBED_BATCH`` at a time and each batch is reported."""
    t0 = time.perf_counter()
    use_encoder(embedder)  # scopes across scripts are read by the same model (claims/scopes.py)
    claims = extract_claims(articles, progress) if claims is None else claims
    t1 = time.perf_counter()
    masked = [mask_quantities(c) for c in claims]
    if progress is not None and masked:
        parts = []
        progress("embed", 0, len(masked))
        for start in range(0, len(masked), EMBED_BATCH):
            parts.append(embedder.embed(masked[start:start + EMBED_BATCH]))
            progress("embed", min(start + EMBED_BATCH, len(masked)), len(masked))
        vectors = np.vstack(parts)
    else:
        vectors = embedder.embed(masked) if masked else np.zeros((0, embedder.dim), dtype=np.float32)
    t2 = time.perf_counter()
    lexical = lexical_vectors(masked)
    t3 = time.perf_counter()
    return Corpus(articles, claims, vectors, lexical, embedder.name,
                  {"segment": t1 - t0, "embed": t2 - t1, "lexical": t3 - t2})


def combine_scores(mode: Similarity, dense: np.ndarray, lexical: np.ndarray, shared: np.ndarray) -> np.ndarray:
    """The same-fact score under ``mode`` from per-pair dense and lexical similarity and what the two
    claims share (``shared``: 3 a stated value of one subject, 2 a stated value, 1 a slot such as a
    revenue share in %, 0 nothing): dense only, lexical only, or hybrid lifted by what they share.
    A shared value lifts only pairs on one topic (dense floor), unless it is one subject's value:
    across languages the same fact can score low on the dense side."""
    dense, lexical = np.asarray(dense, dtype=np.float32), np.asarray(lexical, dtype=np.float32)
    if mode == "dense":
        return dense
    if mode == "lexical":
        return lexical
    hybrid = hybrid_score(dense, lexical)
    shared = np.asarray(shared, dtype=np.int8)
    weight = np.where(shared >= 2, ANCHOR_WEIGHT, np.where(shared == 1, SLOT_WEIGHT, 0.0))
    weight = np.where((dense >= ANCHOR_MIN_DENSE) | (shared >= 3), weight, 0.0)
    return (hybrid + weight * (1.0 - hybrid)).astype(np.float32)


def pair_scores(mode: Similarity, a: list[Claim], b: list[Claim], dense: np.ndarray,
                lexical: np.ndarray) -> np.ndarray:
    """``combine_scores`` for explicit claim pairs (verify, evaluation)."""
    shared = np.array([shared_level(x, y) for x, y in zip(a, b)], dtype=np.int8)
    return combine_scores(mode, dense, lexical, shared)


_SLOT_MARK = 1e-3  # a slot column's entry: shared slots sum far below one shared value (1.0)
_SUBJECT_MARK = 1e3  # a subject-value column's entry: one shared value of one subject outweighs all else


def anchor_matrix(claims: list[Claim]) -> sp.csr_matrix:
    """Claims × stated values (kind, unit, value; bare years left out) and filled slots (attribute,
    kind, unit), so what two claims share is one row product (see ``_shared``)."""
    vocab: dict[tuple, int] = {}
    rows, cols, data = [], [], []
    for n, c in enumerate(claims):
        for key, weight in [*((("v", *k), 1.0) for k in value_anchors(c)),
                            *((("s", *k), _SLOT_MARK) for k in slot_anchors(c)),
                            *((("sv", *k), _SUBJECT_MARK) for k in subject_value_anchors(c)),
                            *((("wm", *k), _SUBJECT_MARK) for k in _written_measures(c))]:
            rows.append(n)
            cols.append(vocab.setdefault(key, len(vocab)))
            data.append(weight)
    return sp.csr_matrix((np.array(data, dtype=np.float64), (rows, cols)), shape=(len(claims), max(1, len(vocab))))


def _shared(anchors: sp.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Per pair: 3 when a value of one subject is shared, 2 a value, 1 only a slot, else 0."""
    if len(left) == 0:
        return np.zeros(0, dtype=np.int8)
    dots = np.asarray(anchors[left].multiply(anchors[right]).sum(axis=1)).ravel()
    return np.where(dots >= _SUBJECT_MARK, 3, np.where(dots >= 1.0, 2, np.where(dots > 0, 1, 0))).astype(np.int8)


def _neighbours(corpus: Corpus, k: int, mode: Similarity) -> tuple[np.ndarray, np.ndarray]:
    """(rows, cols) of each claim's ``k`` nearest claims: FAISS on dense vectors, or sparse lexical."""
    n = len(corpus.claims)
    if mode == "lexical":
        rows, cols = [], []
        for start in range(0, n, 2048):
            sims = (corpus.lexical[start:start + 2048] @ corpus.lexical.T).toarray()
            top = np.argsort(-sims, axis=1)[:, : k + 1]
            rows.append(np.repeat(np.arange(start, start + len(sims)), top.shape[1]))
            cols.append(top.ravel())
        return np.concatenate(rows), np.concatenate(cols)
    rows, cols = _dense_neighbours(corpus.vectors, np.arange(n), k)
    # Across languages the same fact scores lower than many claims of one language do: a claim's
    # nearest claims of the other language are candidates too ("摩羯…52米/秒" and "Yagi … 62 metres
    # per second"), or a mixed feed would never compare its two halves.
    languages = np.array([c.language for c in corpus.claims])
    kept = [lang for lang in ("zh", "en") if (languages == lang).sum() >= 2]
    if len(kept) == 2:
        for lang in kept:
            other = np.flatnonzero(languages != lang)
            r, c = _dense_neighbours(corpus.vectors, np.flatnonzero(languages == lang), CROSS_LANGUAGE_NEIGHBOURS,
                                     queries=other, kind=choose_index_kind(n))
            rows, cols = np.concatenate([rows, r]), np.concatenate([cols, c])
    r, c = _shared_value_blocks(corpus.claims)
    return np.concatenate([rows, r]), np.concatenate([cols, c])


CROSS_LANGUAGE_NEIGHBOURS = 3  # nearest claims of the other language each claim is compared with
BLOCK_MAX = 24  # one value of one subject stated by at most this many claims: all their pairs are candidates


def _shared_value_blocks(claims: list[Claim]) -> tuple[np.ndarray, np.ndarray]:
    """(rows, cols): claims that state one value of one subject ("宁德时代2024年扣非净利润为507.45亿元" and
    "同期归属于上市公司股东的净利润为507.45亿元") meet even when neither is among the other's nearest by
    vector: one figure under two labels is what a qualifier mismatch is. A value many claims share
    is left to the nearest neighbours, so the pairs stay few."""
    members: dict[tuple, list[int]] = defaultdict(list)
    for n, c in enumerate(claims):
        for key in subject_value_anchors(c) | _written_measures(c):
            members[key].append(n)
    pairs = [pair for block in members.values() if 2 <= len(block) <= BLOCK_MAX for pair in combinations(block, 2)]
    # across languages, one subject's figure for one attribute ("176.2 billion yuan" of Tencent's
    # revenue / 营收1671.9亿元) scores too low by vector to be among the nearest: such claims meet
    slots: dict[tuple, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for n, c in enumerate(claims):
        for q in c.quantities:
            if q.subject and q.attribute and q.kind != "date" and c.language in ("zh", "en"):
                slots[(q.subject, q.attribute, q.kind, q.compared_unit)][c.language].append(n)
    for by_language in slots.values():
        zh, en = sorted(set(by_language["zh"])), sorted(set(by_language["en"]))
        if zh and en and len(zh) + len(en) <= BLOCK_MAX:
            pairs += [(x, y) for x in zh for y in en]
    both = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    return both[:, 0], both[:, 1]


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def _written_measures(claim: Claim) -> set[tuple]:
    """A measure's figure as written with its attribute ("10 miles" and "10公里" of a depth): one
    number under two units is how a unit mix-up reads, and the two claims are far apart by vector."""
    out = set()
    for q in claim.quantities:
        figure = _FIGURE.search(q.text) if q.kind == "measure" and q.attribute else None
        if figure:
            out.add(("as written", q.attribute, figure.group(0).replace(",", "")))
    return out


def _dense_neighbours(vectors: np.ndarray, members: np.ndarray, k: int, queries: np.ndarray | None = None,
                      kind: IndexKind | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(rows, cols): for each of ``queries`` (default ``members``), its ``k`` nearest ``members``.
    Exact search is quadratic in the corpus size; past EXACT_UP_TO claims (or with ``kind`` "ivf")
    use the same IVF index the store switches to, trained on a sample (recall measured by
    `claimwatch bench`)."""
    queries = members if queries is None else queries
    if len(members) == 0 or len(queries) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    kind = kind or choose_index_kind(len(members))
    train = vectors[np.random.default_rng(0).permutation(members)[:100_000]] if kind == "ivf" else None
    index = FaissIndex(vectors.shape[1], kind=kind, train=train)
    index.add(members.astype(np.int64), vectors[members])
    _, ids = index.search(vectors[queries], min(k + 1, len(members)))
    return np.repeat(queries, ids.shape[1]), ids.ravel()


def candidate_pairs(corpus: Corpus, k: int = NEIGHBOURS, mode: Similarity = "hybrid") -> list[Pair]:
    """Each claim's ``k`` nearest neighbours in other articles, scored densely, lexically and by ``mode``."""
    n = len(corpus.claims)
    if n < 2:
        return []
    rows, cols = _neighbours(corpus, k, mode)
    article_of = np.array([hash(c.article_id) for c in corpus.claims])
    keep = (cols >= 0) & (rows != cols)
    rows, cols = rows[keep], cols[keep]
    keep = article_of[rows] != article_of[cols]
    lo, hi = np.minimum(rows[keep], cols[keep]), np.maximum(rows[keep], cols[keep])
    _, first = np.unique(lo.astype(np.int64) * n + hi, return_index=True)
    lo, hi = lo[first], hi[first]
    dense = pair_dots(corpus.vectors, lo, hi)
    lexical = pair_similarity(corpus.lexical, lo, hi)
    scores = combine_scores(mode, dense, lexical, _shared(corpus.anchors, lo, hi))
    return list(map(Pair, lo.tolist(), hi.tolist(), dense.tolist(), lexical.tolist(), scores.tolist()))


def analyse(corpus: Corpus, threshold: float | None = None, mode: Similarity = "hybrid",
            clash_threshold: float | None = None) -> ConsistencyResult:
    """Syndication, clusters and conflicts of a corpus."""
    pairs = candidate_pairs(corpus, mode=mode)
    syndication = find_syndication(corpus.articles, corpus.claims, pairs)
    limits = thresholds_for(corpus.embedder, mode)
    result = build_clusters(corpus.articles, corpus.claims, pairs, syndication,
                          limits.link if threshold is None else threshold,
                          linkage=average_linkage(corpus, mode, pairs),
                          clash_threshold=limits.clash if clash_threshold is None else clash_threshold)
    result.checks = check_articles(corpus.articles, corpus.claims)
    return result


LINKAGE_SAMPLE = 64  # pairs scored per merge decision at most (a deterministic sample beyond)


def average_linkage(corpus: Corpus, mode: Similarity, pairs: list[Pair]):
    """Mean same-fact score over the cross-article pairs of two groups of claims.

    Dense similarity and shared values are computed for every pair; the lexical similarity is
    taken from the candidate ``pairs`` (nearest neighbours) and counts as 0 for pairs that are not
    neighbours: a near-verbatim pair is always a neighbour.

    Exact up to ``LINKAGE_SAMPLE`` pairs; beyond, the mean of a deterministic random sample of
    that many pairs, so that one merge costs O(1) and clustering stays near-linear.
    """
    article = np.array([hash(c.article_id) for c in corpus.claims])
    n = len(corpus.claims)
    # the candidate pairs' lexical scores under sorted keys (lower index × n + higher), looked up by
    # binary search: one merge decision asks for up to LINKAGE_SAMPLE pairs at once
    keys = np.array([min(p.i, p.j) * n + max(p.i, p.j) for p in pairs], dtype=np.int64)
    order = np.argsort(keys, kind="stable")
    keys, known_lexical = keys[order], np.array([p.lexical for p in pairs], dtype=np.float32)[order]
    anchors = [value_anchors(c) for c in corpus.claims]
    slots = [slot_anchors(c) for c in corpus.claims]

    def linkage(left: list[int], right: list[int]) -> float:
        a, b = np.asarray(left), np.asarray(right)
        if len(a) * len(b) > LINKAGE_SAMPLE:
            rng = np.random.default_rng((int(a.min()), int(b.min()), len(a), len(b)))
            side = int(np.sqrt(LINKAGE_SAMPLE))
            a = a if len(a) <= side else rng.choice(a, side, replace=False)
            b = b if len(b) <= LINKAGE_SAMPLE // len(a) else rng.choice(b, LINKAGE_SAMPLE // len(a), replace=False)
        cross = article[a][:, None] != article[b][None, :]
        if not cross.any():
            return 0.0
        dense = corpus.vectors[a] @ corpus.vectors[b].T
        wanted = np.minimum(a[:, None], b[None, :]) * n + np.maximum(a[:, None], b[None, :])
        at = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
        lexical = (np.where(keys[at] == wanted, known_lexical[at], 0.0).astype(np.float32) if len(keys)
                   else np.zeros(wanted.shape, dtype=np.float32))
        shared = np.array([[2 if anchors[x] & anchors[y] else 1 if slots[x] & slots[y] else 0 for y in b] for x in a],
                          dtype=np.int8)
        return float(combine_scores(mode, dense[cross], lexical[cross], shared[cross]).mean())

    return linkage


# ---------------------------------------------------------------------- jobs

def audit_articles(articles: list[Article], embedder: Embedder, threshold: float | None = None,
                   mode: Similarity = "hybrid", max_claims: int | None = None,
                   progress: Progress | None = None) -> dict:
    """Audit a feed without storing it: the report of the output contract (see DESIGN.md).

    ``progress(stage, done, total)`` is told of segment, embed (per batch) and analyse."""
    t0 = time.perf_counter()
    claims = extract_claims(articles, progress)
    check_claim_count(claims, max_claims)
    corpus = build_corpus(articles, embedder, claims, progress)
    t1 = time.perf_counter()
    if progress is not None:
        progress("analyse", 0, 1)
    result = analyse(corpus, threshold, mode)
    if progress is not None:
        progress("analyse", 1, 1)
    t2 = time.perf_counter()
    report = build_report(corpus.articles, corpus.claims, result)
    report["stats"]["embedder"] = embedder.name
    report["stats"]["seconds"] = {**{k: round(v, 4) for k, v in corpus.timings.items()},
                                  "analyse": round(t2 - t1, 4), "total": round(time.perf_counter() - t0, 4)}
    return report


def build_report(articles: list[Article], claims: list[Claim], result: ConsistencyResult) -> dict:
    """Plain-JSON report: articles, claims, clusters, conflicts, syndication, internal_checks, stats."""
    cluster_of = {cid: k.id for k in result.clusters for cid in k.claim_ids}
    return {
        "articles": [
            {"id": a.id, "source": a.source, "title": a.title, "published": a.published, "language": a.language,
             "url": a.url, "origin": result.origin_of.get(a.id, a.id)}
            for a in articles
        ],
        "claims": [claim_to_dict(c, cluster_of.get(c.id)) for c in claims],
        "clusters": [
            {"id": k.id, "claim_ids": list(k.claim_ids), "status": k.status,
             "independent_sources": k.independent_sources, "sources": list(k.sources)}
            for k in result.clusters
        ],
        "conflicts": [conflict_to_dict(x) for x in result.conflicts],
        "syndication": [
            {"article_ids": list(g.article_ids), "origin": g.origin, "share": g.share} for g in result.syndication
        ],
        "internal_checks": [
            {"claim_ids": list(x.claim_ids), "kind": x.kind, "status": x.status, "explanation": x.explanation,
             "expected": x.expected, "stated": x.stated, "tolerance": x.tolerance}
            for x in result.checks
        ],
        "stats": {
            "articles": len(articles), "outlets": len({a.source for a in articles}), "claims": len(claims),
            "clusters": len(result.clusters),
            "corroborated": sum(k.status == "corroborated" for k in result.clusters),
            "conflicts": sum(x.severity == "conflict" for x in result.conflicts),
            "explained_differences": sum(x.severity == "explained_difference" for x in result.conflicts),
            "syndication_groups": len(result.syndication),
            "checks_passed": sum(x.status == "passed" for x in result.checks),
            "checks_failed": sum(x.status == "failed" for x in result.checks),
        },
    }


def _finite(x: float) -> float | None:
    return x if np.isfinite(x) else None


def quantity_to_dict(q) -> dict:
    return {"kind": q.kind, "value": q.value, "unit": q.unit, "low": _finite(q.low), "high": _finite(q.high),
            "approx": q.approx, "text": q.text, "start": q.start, "end": q.end, "subject": q.subject,
            "attribute": q.attribute, "relative_to": q.relative_to, "scope": q.scope}


def claim_to_dict(c: Claim, cluster_id: str | None = None) -> dict:
    return {"id": c.id, "article_id": c.article_id, "text": c.text, "start": c.start, "end": c.end,
            "section": c.section, "language": c.language, "quantities": [quantity_to_dict(q) for q in c.quantities],
            "hedged": c.hedged, "hedge_cue": c.hedge_cue, "negated": c.negated,
            "attributed_to": find_attribution(c.text), "opinion": find_opinion(c.text) is not None,
            "cluster_id": cluster_id}


def conflict_to_dict(x) -> dict:
    return {"id": x.id, "claim_ids": list(x.claim_ids), "attribute": x.attribute, "values": list(x.values),
            "normalised": [[_finite(lo), _finite(hi)] for lo, hi in x.normalised], "severity": x.severity,
            "kind": x.reason, "explanation": x.explanation,
            "slot": {"subject": x.subject, "attribute": x.attribute, "unit": x.unit}}


def check_claim_count(claims: list[Claim], max_claims: int | None) -> None:
    if max_claims is not None and len(claims) > max_claims:
        raise TooManyClaims(f"the feed holds {len(claims)} claims, over the limit of {max_claims} per request; "
                            "split it into smaller feeds")


def ingest_articles(store: Store, articles: list[Article], embedder: Embedder,
                    threshold: float | None = None, max_claims: int | None = None,
                    progress: Progress | None = None) -> dict:
    """Add a feed's articles to the store, then refresh the store's clusters and conflicts.

    ``progress(stage, done, total)`` is told of segment, embed (per batch) and analyse."""
    known = store.known_hashes([a.content_hash for a in articles])
    fresh, seen = [], set(known)
    for a in articles:  # each text once, in feed order
        if a.content_hash not in seen:
            seen.add(a.content_hash)
            fresh.append(a)
    names, regions = learn_feed_names(fresh)  # the store keeps its own feeds' names, not every name this process knows
    claims = extract_claims(fresh, progress, learn=False)
    check_claim_count(claims, max_claims)
    corpus = build_corpus(fresh, embedder, claims, progress)
    result = store.add(fresh, corpus.claims, corpus.vectors, names=names, regions=regions)
    if result.claims_added:
        if progress is not None:
            progress("analyse", 0, 1)
        reanalyse_store(store, threshold)
        if progress is not None:
            progress("analyse", 1, 1)
    return {"articles_added": list(result.articles_added),
            "articles_skipped": sorted(set(result.articles_skipped) | {known[h] for h in known}),
            "claims_added": result.claims_added, "claims_total": store.count_claims()}


def reanalyse_store(store: Store, threshold: float | None = None) -> ConsistencyResult:
    """Recompute clusters, conflicts and syndication over the whole store (serialised per store)."""
    with store.analysis_lock:
        articles, claims, vectors = store.snapshot()
        corpus = Corpus(articles, claims, vectors, lexical_vectors([mask_quantities(c) for c in claims]),
                        store.config["embedder"])
        result = analyse(corpus, threshold)
        previous, _ = store.clusters(limit=10**9)
        result.clusters = keep_cluster_ids(previous, result.clusters)
        store.save_analysis(result.clusters, result.conflicts, result.syndication)
        return result


def keep_cluster_ids(previous: list[Cluster], current: list[Cluster]) -> list[Cluster]:
    """Give each new cluster the id of the old cluster it shares most claims with (each old id once),
    so that ingesting more news does not renumber the facts users already link to; clusters with no
    predecessor get fresh ids after the largest one used so far."""
    owner = {cid: k.id for k in previous for cid in k.claim_ids}
    candidates = []
    for n, k in enumerate(current):
        overlap: dict[str, int] = {}
        for cid in k.claim_ids:
            if cid in owner:
                overlap[owner[cid]] = overlap.get(owner[cid], 0) + 1
        candidates += [(-count, old, n) for old, count in overlap.items()]
    assigned: dict[int, str] = {}
    used: set[str] = set()
    for _, old, n in sorted(candidates):
        if n not in assigned and old not in used:
            assigned[n] = old
            used.add(old)
    numbers = [int(k.id[1:]) for k in previous if k.id[1:].isdigit()]
    next_number = max(numbers, default=0) + 1
    out = []
    for n, k in enumerate(current):
        if n not in assigned:
            assigned[n] = f"k{next_number}"
            next_number += 1
        out.append(replace(k, id=assigned[n]))
    return out


def _lexical_search(store: Store, masked: str, k: int) -> list[tuple[Claim, float]]:
    """Lexical-only retrieval over every stored claim (a baseline for evaluation, not for scale)."""
    claims = store.claims()
    if not claims:
        return []
    rows = lexical_vectors([mask_quantities(c) for c in claims])
    sims = np.asarray((rows @ lexical_vectors([masked])[0].T).toarray()).ravel()
    order = np.argsort(-sims)[:k]
    return [(claims[i], float(sims[i])) for i in order]


def query_claim(text: str, published: str | None = None) -> Claim:
    """A submitted claim as a ``Claim`` (values, hedges and negation extracted like any other)."""
    text = " ".join(text.split())
    if not text:
        raise ClaimEmpty("the claim is empty")
    # No publication date unless given: 今年 / "this year" in a submitted claim stays unresolved
    # rather than being read as the year it is submitted in.
    hedge = find_hedge(text)
    return Claim(id="query", article_id="query", text=text, start=0, end=len(text), section=None,
                 language=detect_language(text), quantities=attach_slots(text, extract_quantities(text, published, weekdays=False)),
                 hedged=hedge is not None, hedge_cue=hedge, negated=find_negation(text) is not None)


def retrieve_evidence(store: Store, embedder: Embedder, text: str, top_k: int = 10,
                      mode: Similarity = "hybrid") -> tuple[Claim, list[tuple[Claim, Article, float]]]:
    """The submitted claim and its ``top_k`` best candidates (claim, article, same-fact score)."""
    query = query_claim(text)
    use_encoder(embedder)
    masked = mask_quantities(query)
    vector = embedder.embed([masked])[0]
    if mode == "lexical":
        hits = _lexical_search(store, masked, max(top_k * 3, 30))
    else:
        pool = max(top_k * 3, 30)
        hits = store.search(vector, pool if mode == "dense" else max(pool, CROSS_LANGUAGE_DEPTH))
        # beyond the pool, only the claims of the other language are scored (see below)
        hits = with_other_language(hits, query, lambda h: h[0], pool, CROSS_LANGUAGE_EVIDENCE * 4)
    worded: set[str] = set()
    if mode == "hybrid":  # and the claims that share most wording, which a dense model may rank low
        seen = {c.id for c, _ in hits}
        found = store.search_words(search_terms(masked), top_k)
        worded = {c.id for c, _ in found}
        hits += [h for h in found if h[0].id not in seen]
    articles: dict[str, Article] = {}
    query_row = lexical_vectors([masked])

    def scored(claims: list[Claim]) -> list[tuple[Claim, Article, float]]:
        lexical = row_dots(cached_lexical_vectors([mask_quantities(c) for c in claims]), query_row) \
            if claims else np.zeros(0)
        dense = store.vectors_of([c.id for c in claims]) @ vector if claims else np.zeros(0)
        out = []
        for claim, score in zip(claims, pair_scores(mode, [query] * len(claims), claims, dense, lexical)):
            if claim.article_id not in articles:
                articles[claim.article_id] = store.get_article(claim.article_id)
            out.append((claim, articles[claim.article_id], float(score)))
        return out

    candidates = sorted(scored([c for c, _ in hits]), key=lambda c: -c[2])
    # the claims the audit found in conflict with the best candidates: a source that disagrees
    # with the evidence may word the fact too differently to rank among them
    partners = store.conflict_partners() if mode == "hybrid" else {}
    best = {c[0].id for c in candidates[:top_k]}
    contested = list(dict.fromkeys(p for c in candidates[:top_k] for p in partners.get(c[0].id, ())
                                   if p not in best))[:CONFLICT_PARTNERS]
    contested_ids = set(contested)
    have = {c[0].id for c in candidates}
    candidates = sorted(candidates + scored([store.get_claim(i) for i in contested if i not in have]),
                        key=lambda c: -c[2])
    if candidates and _needs_a_year(query):
        # "5月20日" with no year: the claim is read in the year of the article that best matches it
        query = query_claim(text, candidates[0][1].published)
    # the best top_k, and the word index's finds wherever they rank ("Rubin chips are not included"),
    # and the best few in the other language: across languages one fact scores lower than many
    # claims of the claim's own language do, and an outlet of the other language may be the one
    # that refutes it
    across = with_other_language(candidates, query, lambda c: c[0], top_k, CROSS_LANGUAGE_EVIDENCE)[top_k:] \
        if mode == "hybrid" else []
    chosen = {c[0].id for c in across}
    return query, candidates[:top_k] + [c for c in candidates[top_k:]
                                        if c[0].id in worded or c[0].id in chosen or c[0].id in contested_ids]


T = TypeVar("T")


def with_other_language(ranked: list[T], query: Claim, claim_of: Callable[[T], Claim], keep: int, more: int) -> list[T]:
    """The first ``keep`` of ``ranked``, then the first ``more`` beyond them whose claim is in the
    other language than ``query``'s (Chinese against English)."""
    return ranked[:keep] + [x for x in ranked[keep:] if {query.language, claim_of(x).language} == {"zh", "en"}][:more]


CROSS_LANGUAGE_DEPTH = 100  # nearest claims by vector the hybrid search looks through
CROSS_LANGUAGE_EVIDENCE = 6  # claims of the other language judged beyond the top_k
CONFLICT_PARTNERS = 10  # claims in conflict with the best candidates judged beyond the top_k


def _needs_a_year(query: Claim) -> bool:
    """True when the claim names a day or month without a year (dropped when read with no date);
    "今年" / "this year" is not such a day: it stays unresolved, as the claim's own time is unknown."""
    dated = [q for q in extract_quantities(query.text, "2000-06-15", weekdays=False) if q.kind == "date"
             and not _RELATIVE_YEAR.search(q.text)]
    return len(dated) > sum(q.kind == "date" for q in query.quantities)


_RELATIVE_YEAR = re.compile(r"今年|明年|去年|前年|后年|this|next|last", re.IGNORECASE)


def verify_claim(store: Store, embedder: Embedder, text: str, top_k: int = 10,
                 mode: Similarity = "hybrid") -> dict:
    """Verify one claim against the store: verdict, confidence, evidence, explanation.

    The verdict weighs the ``top_k`` best candidates and what the word index found (a statement
    that denies the claim in other words can rank low by vector); the answer lists the ``top_k``
    first pieces of evidence, those that support or refute first."""
    query, candidates = retrieve_evidence(store, embedder, text, top_k, mode)
    limits = thresholds_for(embedder.name, mode)
    judgement = judge(query, candidates, related=limits.related, support=limits.support,
                      origin_source=store.origin_sources(), confidence_table=limits.confidence,
                      support_cross=limits.support_cross, support_fact=limits.support_fact,
                      support_fact_cross=limits.support_fact_cross,
                      disagreements=store.conflicts_by_claim() if mode == "hybrid" else None)
    return answer_of(store, query, judgement, top_k)


def highlights(query: Claim, evidence: Claim) -> list[list[int]]:
    """Spans in the evidence's text to highlight: its values of a kind and unit the query states."""
    wanted = {(q.kind, q.compared_unit) for q in query.quantities}
    return [[q.start, q.end] for q in evidence.quantities if (q.kind, q.compared_unit) in wanted]


def answer_of(store: Store, query: Claim, judgement, top_k: int | None = None) -> dict:
    """The verify answer of the output contract, with the first ``top_k`` pieces of evidence."""
    return {
        "claim": query.text,
        "verdict": judgement.verdict,
        "confidence": judgement.confidence,
        "explanation": judgement.explanation,
        "quantities": [quantity_to_dict(q) for q in query.quantities],
        "evidence": [
            {"claim_id": e.claim.id, "text": e.claim.text, "source": e.article.source,
             "published": e.article.published, "title": e.article.title, "url": e.article.url,
             "relation": e.relation, "score": round(e.score, 4), "note": e.note,
             "cluster_id": store.cluster_of(e.claim.id), "span": [e.claim.start, e.claim.end],
             "highlights": highlights(query, e.claim)}
            for e in judgement.evidence[:top_k]
        ],
    }


__all__ = ["Corpus", "extract_claims", "build_corpus", "candidate_pairs", "analyse", "audit_articles",
           "build_report", "ingest_articles", "pair_scores", "combine_scores", "anchor_matrix", "retrieve_evidence", "answer_of", "reanalyse_store", "keep_cluster_ids", "query_claim", "verify_claim", "NEIGHBOURS"]
