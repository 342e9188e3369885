"""Where a figure holds: the places a text names, at three levels, and which holds which.

Levels are compared apart, never across: a *country* (``place:vietnam``, listed in the alias table),
a *region* (``region:hainan``: a listed Chinese province, or a province named by its suffix, 富寿省,
Phu Tho province) and a *locality* (``locality:wenchang``: a city, county or town named by its
suffix, 文昌市, 徐闻县, Xuwen county, Penglai town, a listed city, or in English a name after a
preposition, "came ashore in Wenchang"). Hainan and Wenchang are not two places: one holds the other.

A name that is not listed is keyed by its romanised form, so 徐闻县 and Xuwen county are one. The
readings are text-unidecode's; a wrong one (it reads some simplified characters as Japanese would)
only keeps two names apart. Vietnamese names written in Chinese characters (广宁 for Quang Ninh)
are translations, not readings, and stay apart too.

Which place holds another is known for the listed Chinese provinces and cities (China) and learned
from the feed (``mine_regions``): 海南省文昌市 and "in Wenchang on China's Hainan island" both put
Wenchang in Hainan, so "came ashore in Wenchang" is in Hainan and China, and not in Vietnam. Like
learned names, what is learned is process-wide and kept by the store that learned it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Iterable

from claimwatch.claims.models import CACHE_SIZE
from claimwatch.claims.subjects import learned_keys, listed_keys, subject_mentions

PLACES = ("place:", "region:", "locality:")  # country, region, locality: outer to inner
_LEVEL = {prefix: n for n, prefix in enumerate(PLACES)}
# The provinces and cities of the alias table (all Chinese), and the country that holds them
_PROVINCES = frozenset("hainan guangdong guangxi fujian zhejiang jiangsu shanghai shandong hebei henan hubei hunan "
                       "sichuan yunnan guizhou shaanxi shanxi jiangxi anhui liaoning jilin heilongjiang inner-mongolia "
                       "xinjiang tibet gansu qinghai ningxia chongqing tianjin".split())
_CITIES = frozenset("shenzhen guangzhou hangzhou".split())
_EN_LOCALITY = re.compile(r"\b(?:in|at|near|across|over|hit|struck|battered|lashed)\s+(?:parts of\s+)?"
                          r"(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\b(?!'s|’s)"
                          r"(?:,?\s+and\s+(?P<other>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\b(?!'s|’s))?")
# A town that is the subject of what fell or was measured there: "Chiva was drenched by 491 mm",
# "Nearby Turís logged 771.8 mm" (its name is unknown to any table)
_EN_WEATHERED = re.compile(r"(?<![A-Za-z\u00C0-\u017F])(?P<name>[A-Z][a-z\u00C0-\u017F]+)\s+(?:was (?:drenched|soaked|deluged|hit)|"
                           r"received|recorded|logged|measured|registered|saw|got)\s+(?:by\s+)?(?:about |some |nearly |more than )?\d")
_NOT_LOCALITIES = frozenset("January February March April May June July August September October November December "
                            "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Chinese English The This That "
                            "Its Their His Her Typhoon Storm Super Tropical "
                            # who or what records a figure, when a sentence opens with it
                            "Officials Authorities Police Rescuers Hospitals Insurers Scientists Researchers Forecasters "
                            "Meteorologists Firefighters Residents Analysts Investors Shares Stocks Sales Revenue Profit "
                            "Nobody Everyone Each Both It He She They We Agency Government Ministry Company Station "
                            "Sensors Satellites Radar Gauges Data Figures Records Observers".split())
_BORDER = re.compile(r"\s*(?:border|frontier|边境|边界)", re.IGNORECASE)  # "near the Nepal border": a landmark, not where
_PROVINCE = ("省", "province")  # 富寿省, Phu Tho province: a region, whether listed or not

# Which places hold a locality (``locality:wenchang`` -> {``place:hainan``}), learned from feeds.
_REGIONS: dict[str, frozenset[str]] = {}
MAX_REGIONS = 20_000  # localities learned at most per process


def _romanised(name: str) -> str:
    from text_unidecode import unidecode

    return re.sub(r"[^a-z]", "", unidecode(name).lower())


def _keyed(key: str, listed: bool, province: bool) -> str:
    """The level-prefixed key of a place mention (``place:hainan`` → ``region:hainan``)."""
    name = key.split(":", 1)[1]
    if listed:
        return "region:" + name if name in _PROVINCES else "locality:" + name if name in _CITIES else key
    return ("region:" if province else "locality:") + _romanised(name)


def _held(key: str) -> frozenset[str]:
    """What is known to hold ``key``: learned, or China for the listed Chinese provinces and cities."""
    name = key.split(":", 1)[1]
    known = _REGIONS.get(key, frozenset())
    return known | {"place:china"} if name in _PROVINCES or name in _CITIES else known


@lru_cache(maxsize=CACHE_SIZE)
def _spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, key) of each place and locality ``text`` names, in reading order."""
    mentions = subject_mentions(text)
    listed = listed_keys()
    learned = learned_keys()  # a place a feed translates (定日（Tingri）) is no country
    out = [(m.start, m.end, _keyed(m.key, m.key in listed and m.key not in learned, text[m.start:m.end].endswith(_PROVINCE)))
           for m in mentions if m.key.startswith("place:") and not _BORDER.match(text, m.end)]
    for m in list(_EN_LOCALITY.finditer(text)) + list(_EN_WEATHERED.finditer(text)):
        for group in ("name", "other"):
            name = m.groupdict().get(group)
            if (name is None or name.split()[0].split("-")[0] in _NOT_LOCALITIES
                    or any(k.start < m.end(group) and m.start(group) < k.end for k in mentions)):
                continue
            out.append((m.start(group), m.end(group), "locality:" + _romanised(name)))
    if _REGIONS:
        taken = [(a, b) for a, b, _ in out] + [(m.start, m.end) for m in mentions]
        out += [span for span in _learned_bare(text) if not any(a < span[1] and span[0] < b for a, b in taken)]
    return tuple(sorted(out))


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}(?:[ -][A-Z][a-z]+)?\b")


@lru_cache(maxsize=16384)
def _reading(ch: str) -> str:
    return _romanised(ch)


def _learned_bare(text: str) -> list[tuple[int, int, str]]:
    """A locality the feed named with its suffix (海南省文昌市) named again bare ("登陆文昌时",
    "Wenchang was hit"): a whole word of two or three characters, or a capitalised word, whose
    reading is a learned locality's."""
    from claimwatch.claims.words import is_whole_word

    out = []
    for run in _CJK_RUN.finditer(text):
        readings = [_reading(ch) for ch in run.group(0)]
        for size in (3, 2):
            for i in range(len(readings) - size + 1):
                key = "locality:" + "".join(readings[i:i + size])
                start = run.start() + i
                if key in _REGIONS and is_whole_word(text, start, start + size):
                    out.append((start, start + size, key))
    for m in _CAPITALISED.finditer(text):
        key = "locality:" + _romanised(m.group(0))
        if key in _REGIONS and m.group(0).split()[0] not in _NOT_LOCALITIES:
            out.append((m.start(), m.end(), key))
    return out


def countries_named(text: str) -> frozenset[str]:
    """The countries ``text`` names itself (``place:japan``), none inferred from a city it names."""
    return frozenset(key for _, _, key in _spans(text) if key.startswith("place:"))


@lru_cache(maxsize=CACHE_SIZE)
def places_of(text: str) -> frozenset[str]:
    """The places and localities ``text`` names, with the places known to hold its localities."""
    named = {key for _, _, key in _spans(text)}
    todo = list(named)
    while todo:  # what holds what holds them (Wenchang: Hainan, then China)
        for outer in _held(todo.pop()) - named:
            named.add(outer)
            todo.append(outer)
    return frozenset(named)


# "Wenchang, Hainan", "Penglai town in Wenchang", "in Wenchang on China's Hainan island": the smaller first
_WITHIN = re.compile(r"\s*(?:,|\bin\b|\bon\b(?:\s+[A-Z][a-z]+(?:'s|’s))?)\s*")
_OWNS = re.compile(r"(?:'s|’s)\s+")  # "Hainan's Wenchang": the larger first


def _level(key: str) -> int:
    return _LEVEL[key.split(":", 1)[0] + ":"]


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
            l1, l2 = _level(k1), _level(k2)
            if gap == "" and l2 >= l1 and l2 > 0:  # 越南广宁省, 海南省文昌市, 湛江市徐闻县
                parents[k2].add(k1)
            elif l1 >= l2 and l1 > 0 and _WITHIN.fullmatch(gap) and (gap.strip() != "," or l2 < l1):
                parents[k1].add(k2)  # a comma joins a place to a larger one, not two of a list
            elif l2 >= l1 and l2 > 0 and _OWNS.fullmatch(gap):
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


@lru_cache(maxsize=1)
def _listed_places() -> frozenset[str]:
    return frozenset(_keyed(k, True, False) for k in listed_keys() - learned_keys() if k.startswith("place:"))


def unsure_across_scripts(xa: frozenset[str], xb: frozenset[str], around: frozenset[str] = frozenset()) -> bool:
    """Whether two sets of places, from texts in two languages, may still name one place: when no
    name on either side is listed and none is known to lie in China (whose names English writes in
    pinyin, so 徐闻 reads as Xuwen), 广宁省 and Quang Ninh province may be one province (a
    translation, not a reading), and their romanised keys differing proves nothing. ``around``: all
    the places both figures are said to hold in."""
    listed = _listed_places()
    return not (xa & listed or xb & listed) and "place:china" not in around


def learned_regions() -> int:
    """How many localities have learned what holds them."""
    return len(_REGIONS)


def forget_regions() -> None:
    """Forget what was learned of which place holds which (``forget_learned`` in subjects.py)."""
    _REGIONS.clear()
    forget_places()


def forget_places() -> None:
    """Clear every cache that holds places (after names or regions were learned)."""
    from claimwatch.claims import conditions

    _spans.cache_clear()
    places_of.cache_clear()
    _listed_places.cache_clear()
    conditions.conditions_of.cache_clear()
    conditions._conditions_at.cache_clear()


__all__ = ["PLACES", "places_of", "countries_named", "mine_regions", "learn_regions", "learned_regions", "forget_regions", "forget_places", "unsure_across_scripts", "MAX_REGIONS"]
