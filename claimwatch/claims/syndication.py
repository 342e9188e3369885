"""Syndication: one outlet republishing another's text, found per article and confirmed claim by claim.

Each article's text becomes a MinHash sketch of its character 5-shingles (datasketch); an LSH index
proposes pairs of articles of different outlets whose texts overlap, without comparing all pairs.
Near-verbatim claim pairs from the nearest-neighbour search propose pairs too. A proposal is kept
when the two texts overlap enough (estimated Jaccard ≥ ``ARTICLE_JACCARD``) and at least
``SYNDICATED_SHARE`` of the shorter article's claims have a near-verbatim counterpart in the other
(lexical score ≥ ``VERBATIM_THRESHOLD``, or the same text). Copies group by union–find; the
earliest published member is the ``origin``.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict

from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from claimwatch.claims.models import Article, Claim

VERBATIM_THRESHOLD = 0.8
SYNDICATED_SHARE = 0.5
ARTICLE_JACCARD = 0.3   # estimated character-shingle Jaccard two copies reach at least
LSH_THRESHOLD = 0.4     # the LSH proposes pairs from about here (its recall falls off below)
SHINGLE = 5
NUM_PERM = 64


@dataclass(frozen=True, slots=True)
class SyndicationGroup:
    article_ids: tuple[str, ...]
    origin: str
    share: float


_SPACE = re.compile(r"\s+|\[\d{1,3}\]")


def sketch(text: str) -> MinHash:
    """MinHash of the distinct character shingles of ``text`` (spaces and citation markers dropped)."""
    flat = _SPACE.sub("", text)
    shingles = {flat[i:i + SHINGLE] for i in range(max(1, len(flat) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def _proposals(articles: list[Article], sketches: dict[str, MinHash]) -> set[tuple[str, str]]:
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    seen = set()
    for a in articles:
        if a.id not in seen:
            seen.add(a.id)
            lsh.insert(a.id, sketches[a.id])
    out = set()
    for a in articles:
        for other in lsh.query(sketches[a.id]):
            if other != a.id:
                out.add((a.id, other) if a.id < other else (other, a.id))
    return out


def find_syndication(articles: list[Article], claims: list[Claim], pairs) -> list[SyndicationGroup]:
    """Groups of articles of different outlets that carry one text (see the module docstring).

    ``pairs`` are scored candidate claim pairs (``consistency.Pair``: ``i``, ``j``, ``lexical``)."""
    by_id = {a.id: a for a in articles}
    sketches = {a.id: sketch(a.text) for a in articles}
    claims_of: dict[str, list[int]] = defaultdict(list)
    for n, c in enumerate(claims):
        claims_of[c.article_id].append(n)
    copied: dict[tuple[str, str], set[int]] = defaultdict(set)
    for p in pairs:
        a, b = claims[p.i].article_id, claims[p.j].article_id
        if a != b and p.lexical >= VERBATIM_THRESHOLD:
            key = (a, b) if a < b else (b, a)
            copied[key].add(p.i if a < b else p.j)
    proposals = (set(copied) | _proposals(articles, sketches))
    parent = {a.id: a.id for a in articles}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    shares: dict[tuple[str, str], float] = {}
    for a, b in sorted(proposals):
        if by_id[a].source == by_id[b].source or sketches[a].jaccard(sketches[b]) < ARTICLE_JACCARD:
            continue
        rows = set(copied.get((a, b), ()))
        texts_b = {claims[n].text for n in claims_of[b]}
        rows |= {n for n in claims_of[a] if claims[n].text in texts_b}  # the same claim text, not a neighbour
        share = len(rows) / max(1, min(len(claims_of[a]), len(claims_of[b])))
        if share >= SYNDICATED_SHARE and len(rows) >= 2:
            shares[(a, b)] = share
            parent[root(a)] = root(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        if a.id not in groups[root(a.id)]:  # a feed may carry the same article twice
            groups[root(a.id)].append(a.id)
    out = []
    order = {a.id: n for n, a in enumerate(articles)}
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda x: order[x])
        origin = min(members, key=lambda x: (by_id[x].published or "9999", order[x]))
        share = max((s for (x, y), s in shares.items() if x in members), default=1.0)
        out.append(SyndicationGroup(tuple(members), origin, round(share, 3)))
    return out


__all__ = ["SyndicationGroup", "find_syndication", "sketch", "VERBATIM_THRESHOLD", "SYNDICATED_SHARE", "ARTICLE_JACCARD"]
