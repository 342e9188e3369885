"""Plain frozen dataclasses that flow through the pipeline: articles, claims, quantities."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from typing import Literal

Language = Literal["zh", "en", "other"]
# Entries of the per-text caches (subjects, attributes, conditions, places of a claim's text): more
# than the claims of a 100k-claim audit, so each text is read once however many pairs it is in.
CACHE_SIZE = 262_144
QuantityKind = Literal[
    "percent", "money", "count", "multiple", "fraction", "measure", "date", "duration", "time"
]


@dataclass(frozen=True, slots=True)
class Article:
    """One article of a feed, as parsed; ``id`` is stable (given by the feed or derived)."""

    id: str
    source: str
    title: str
    published: str | None  # ISO 8601, naive times kept as written
    text: str
    url: str | None = None
    language: Language = "zh"

    @property
    def content_hash(self) -> str:
        return content_hash(self.source, self.title, self.text)


def content_hash(source: str, title: str, text: str) -> str:
    """Hash that identifies an article's content, so re-ingesting it stores it once."""
    h = hashlib.sha256()
    for part in (source.strip(), title.strip(), " ".join(text.split())):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


# one thing under several nouns: a device as a card, chip or unit; a power customer (用户) as a household (户)
_COMPARED_UNITS = {"cards": "units", "chips": "units", "customers": "households"}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A value stated in a claim, normalised; ``low``/``high`` bound it (equal when exact)."""

    kind: QuantityKind
    value: float
    unit: str
    low: float
    high: float
    text: str
    start: int
    end: int
    approx: bool = False
    subject: str | None = None      # what it describes: product:H200, org:nvidia … (claims/slots.py)
    attribute: str | None = None    # which of its attributes: revenue_share, memory_bandwidth …
    relative_to: str | None = None  # for "X is N times Y": the Y
    scope: str | None = None        # the part of the attribute it measures: "增值服务" revenue (claims/scopes.py)

    @property
    def compared_unit(self) -> str:
        """The unit values are compared in: devices counted in cards (张), chips (片) or units are
        counted in one unit, since news uses the three words for one device; customers (用户) and
        households (户) of a utility likewise."""
        return _COMPARED_UNITS.get(self.unit, self.unit)

    def overlaps(self, other: Quantity, rel_tol: float = 0.0, abs_tol: float = 0.0) -> bool:
        """True when the two intervals can describe the same value."""
        # 1e-9: the float error of a scaled figure (18.99万 is 189899.99999999997, not 189900); an
        # approximate value's interval already holds its rounding ("约78亿" is 74.1亿–81.9亿, which
        # "不超过73.4亿" cannot meet), so the relative tolerance is not added on top of it
        rel = 1e-9 if self.approx or other.approx else max(rel_tol, 1e-9)
        slack = max(abs_tol, rel * max(abs(self.value), abs(other.value)))
        (lo_a, hi_a), (lo_b, hi_b) = self._rounded(), other._rounded()
        if self.value != other.value and (lo_a, hi_a) != (self.low, self.high) and (lo_b, hi_b) != (other.low, other.high):
            # two round figures of one digit, one step apart ("近六成" / "约七成", "about 2,000" / "about
            # 3,000"), only touch where their roundings meet: two outlets rounding differently disagree
            return min(hi_a, hi_b) - max(lo_a, lo_b) > slack
        return lo_a - slack <= hi_b and lo_b - slack <= hi_a

    def _rounded(self) -> tuple[float, float]:
        """The interval, widened for a round approximate figure of one significant digit to half a
        unit of that digit: "近一成" is 5 %–15 %, "about 2,000" 1,500–2,500 (the ±5 % of "约78亿" is
        wider than the rounding of two digits; "约10倍" is no rounding of 6)."""
        if not self.approx or not self.value or not math.isfinite(self.value) or not (
                abs(self.value) >= 1000 or self.text.endswith("成")):
            return self.low, self.high
        unit = 10.0 ** math.floor(math.log10(abs(self.value)))
        if abs(self.value / unit - round(self.value / unit)) > 1e-9:
            return self.low, self.high
        return min(self.low, self.value - unit / 2), max(self.high, self.value + unit / 2)


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable statement: a bullet or sentence of an article, with offsets into it."""

    id: str
    article_id: str
    text: str
    start: int
    end: int
    section: str | None
    language: Language
    quantities: tuple[Quantity, ...] = field(default_factory=tuple)
    hedged: bool = False
    hedge_cue: str | None = None
    negated: bool = False


__all__ = ["Article", "Claim", "Quantity", "Language", "QuantityKind", "content_hash"]
