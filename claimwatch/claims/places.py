"""Where a figure holds: the places and localities a text names, and which holds which.

Two levels are compared apart. A *place* is a listed country, province or region (``place:hainan``,
from the alias table or learned names) or a province named by its suffix (富寿省, Phu Tho province).
A *locality* is a city, county or town named by its suffix (文昌市, 徐闻县, Xuwen county, Penglai
town) or, in English, after a preposition ("came ashore in Wenchang"). Hainan and Wenchang are not
two places: one holds the other, so a place is never compared with a locality.

A locality is keyed by its romanised name (``locality:wenchang``), so 徐闻县 and Xuwen county are one.
The readings are text-unidecode's; a wrong one (it reads some simplified characters as Japanese
would) only keeps two names apart. Vietnamese names written in Chinese characters (广宁 for Quang
Ninh) are translations, not readings, and stay apart too.

Which place holds a locality is learned from the feed (``mine_regions``): 海南省文昌市 and "in
Wenchang on China's Hainan island" both put Wenchang in Hainan, so "came ashore in Wenchang" is
in Hainan, and not in Quang Ninh province. Like learned names, what is learned is process-wide and
kept by the store that learned it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Iterable

from claimwatch.claims.subjects import FRAMING, listed_keys, subject_mentions

PLACES = ("place:", "locality:")
_EN_LOCALITY = re.compile(r"\b(?:in|at|near|across|over|hit|struck|battered|lashed)\s+(?:parts of\s+)?"
                          r"(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\b(?!'s|’s)"
                          r"(?:,?\s+and\s+(?P<other>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\b(?!'s|’s))?")
_NOT_LOCALITIES = frozenset("January February March April May June July August September October November December "
                            "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Chinese English The This That "
                            "Its Their His Her Typhoon Storm Super Tropical".split())
_PROVINCE = ("省", "province")  # 富寿省, Phu Tho province: a region, whether listed or not

# Which places hold a locality (``locality:wenchang`` -> {``place:hainan``}), learned from feeds.
_REGIONS: dict[str, frozenset[str]] = {}
MAX_REGIONS = 20_000  # localities learned at most per process


def _romanised(name: str) -> str:
    from text_unidecode import unidecode

    return re.sub(r"[^a-z]", "", unidecode(name).lower())


@lru_cache(maxsize=16384)
def _spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, key) of each place and locality ``text`` names, in reading order."""
    mentions = subject_mentions(text)
    listed = listed_keys()
    out = [(m.start, m.end, m.key if m.key in listed
            else ("place:" if text[m.start:m.end].endswith(_PROVINCE) else "locality:") + _romanised(m.key[6:]))
           for m in mentions if m.key.startswith("place:")]
    for m in _EN_LOCALITY.finditer(text):
        for group in ("name", "other"):
            name = m[group]
            if (name is None or name.split()[0].split("-")[0] in _NOT_LOCALITIES
                    or any(k.start < m.end(group) and m.start(group) < k.end for k in mentions)):
                continue
            out.append((m.start(group), m.end(group), "locality:" + _romanised(name)))
    return tuple(sorted(out))


@lru_cache(maxsize=65536)
def places_of(text: str) -> frozenset[str]:
    """The places and localities ``text`` names, with the places known to hold its localities."""
    named = {key for _, _, key in _spans(text)}
    named = named.union(*(_REGIONS.get(key, ()) for key in named))
    # China beside Hainan adds nothing, and would make "China's Hainan" and "China's Guangdong" one place
    return frozenset(named - FRAMING if named - FRAMING else named)


# "Wenchang, Hainan", "Penglai town in Wenchang", "in Wenchang on China's Hainan island": the smaller first
_WITHIN = re.compile(r"\s*(?:,|\bin\b|\bon\b(?:\s+[A-Z][a-z]+(?:'s|’s))?)\s*")
_OWNS = re.compile(r"(?:'s|’s)\s+")  # "Hainan's Wenchang": the larger first


def mine_regions(texts: Iterable[str]) -> dict[str, list[str]]:
    """``{locality: [places and localities that hold it]}`` as ``texts`` write them: 海南省文昌市翁田镇
    (each name holds the next), "Penglai town in Wenchang", "Wenchang, Hainan", "Hainan's Wenchang".
    Holding is followed through (翁田 is in 文昌, which is in 海南)."""
    parents: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        spans = _spans(text)
        for (_, end1, k1), (start2, _, k2) in zip(spans, spans[1:]):
            gap = text[end1:start2]
            if k1 == k2:
                continue
            if gap == "" and k2.startswith("locality:"):  # 海南省文昌市, 湛江市徐闻县
                parents[k2].add(k1)
            elif k1.startswith("locality:") and _WITHIN.fullmatch(gap) and (gap.strip() != "," or k2.startswith("place:")):
                parents[k1].add(k2)  # a comma joins a locality to a place, not two localities of a list
            elif k2.startswith("locality:") and _OWNS.fullmatch(gap):
                parents[k2].add(k1)
    out: dict[str, list[str]] = {}
    for child in parents:
        seen: set[str] = set()
        todo = [child]
        while todo:
            for parent in parents.get(todo.pop(), ()):
                if parent not in seen and parent != child:
                    seen.add(parent)
                    todo.append(parent)
        out[child] = sorted(seen)
    return out


def learn_regions(regions: dict[str, list[str]]) -> int:
    """Add what holds each locality to what is known; returns how many localities learned more.
    Caches that read places are cleared when any did."""
    changed = 0
    for child, held_by in regions.items():
        known = _REGIONS.get(child, frozenset())
        more = known | frozenset(held_by)
        if more != known and (child in _REGIONS or len(_REGIONS) < MAX_REGIONS):
            _REGIONS[child] = more
            changed += 1
    if changed:
        forget_places()
    return changed


def forget_places() -> None:
    """Clear every cache that holds places (after names or regions were learned)."""
    from claimwatch.claims import conditions

    _spans.cache_clear()
    places_of.cache_clear()
    conditions.conditions_of.cache_clear()
    conditions._conditions_at.cache_clear()


__all__ = ["PLACES", "places_of", "mine_regions", "learn_regions", "forget_places", "MAX_REGIONS"]
