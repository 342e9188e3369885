"""Results against expectations: which measures a claim says beat or missed what analysts expected.

"Revenue beat analysts' forecasts" and "营收…未能达到市场预期" state no comparable value, yet cannot
both hold for one company's quarter. A claim's outcomes map each measure it names (its attribute
cue nearest before the verdict, else the sentence's first) to +1 (beat, 好于预期) or -1 (missed,
不及预期); two claims that give one measure opposite outcomes contradict each other.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimwatch.claims.attributes import attribute_mentions
from claimwatch.claims.models import CACHE_SIZE

_EXPECTED = r"(?:市场|分析师|机构)?(?:的)?(?:普遍)?(?:预期|预估|预测|一致预期)"
# (the figure expected may stand before the word: "above the $75.0 billion forecast")
_EXPECTED_EN = (r"(?:the\s+|an?\s+)?(?:[$€£¥]?\d[\d.,]*\s*(?:%|percent|trillion|billion|million)?\s+)?"
                r"(?:analysts'?\s+|market\s+|consensus\s+|lseg\s+|average\s+)?"
                r"(?:expectations|estimates|forecasts|forecast|consensus|estimate)")
# "above the $75.0 billion economists had expected": the figure, then who expected it
_EXPECTED_BY = (r"(?:the\s+|an?\s+)?[$€£¥]?\d[\d.,]*\s*(?:%|percent|trillion|billion|million)?\s+(?:that\s+)?"
                r"(?:economists|analysts|investors|the market|markets|forecasters)\s+(?:had\s+)?(?:expected|forecast|predicted|estimated)")
_END = r"(?![\w-])"
_BEAT = re.compile(rf"(?:好于|优于|高于|超出|超过|超|胜过){_EXPECTED}|"
                   rf"\b(?:beat|beats|topped|tops|exceeded|exceeds|ahead of|above|surpassed|surpassing)\s+{_EXPECTED_EN}\b",
                   re.IGNORECASE)
_MISS = re.compile(rf"(?:低于|不及|逊于|未能达到|未达到|未达|没有达到|不如){_EXPECTED}|"
                   rf"\b(?:missed|misses|missing|below|short of|trailed|lagged|under)\s+{_EXPECTED_EN}\b",
                   re.IGNORECASE)
# any outcome against expectations, met ones included ("符合预期", "in line with estimates"): a fact
# about the result, which claims/hedges.py reads as neither a hedge nor a denial
OUTCOME = re.compile(rf"(?:好于|优于|低于|高于|超出|超过|不及|逊于|符合|未能达到|未达到|没有达到|未达|如|那样|于)"
                     rf"[^，。,]{{0,8}}(?:市场预期|预期|预计|预测|预估)|"
                     rf"\b(?:beat|beats|topped|tops|exceeded|exceeds|ahead of|above|surpassed|missed|misses|below|"
                     rf"short of|trailed|in line with|matched|met)\s+(?:{_EXPECTED_EN}|{_EXPECTED_BY}){_END}", re.IGNORECASE)
# the measures results are judged on
_MEASURES = frozenset({"revenue", "net_profit", "gross_profit", "gross_margin", "shipments", "orders"})


@lru_cache(maxsize=CACHE_SIZE)
def outcomes(text: str) -> dict[str, int]:
    """{measure: +1 beat / -1 missed} for the verdicts on expectations ``text`` gives."""
    cues = [m for m in attribute_mentions(text) if m.key in _MEASURES]
    if not cues:
        return {}
    out: dict[str, int] = {}
    for way, pattern in ((1, _BEAT), (-1, _MISS)):
        for m in pattern.finditer(text):
            before = [c for c in cues if c.end <= m.start()]
            measure = (before[-1] if before else cues[0]).key
            out.setdefault(measure, way)
    return out


def opposite_outcomes(a: str, b: str) -> list[str]:
    """The measures ``a`` says beat expectations and ``b`` says missed them, or the other way round."""
    oa, ob = outcomes(a), outcomes(b)
    return sorted(m for m in oa.keys() & ob.keys() if oa[m] != ob[m])


__all__ = ["OUTCOME", "outcomes", "opposite_outcomes"]
