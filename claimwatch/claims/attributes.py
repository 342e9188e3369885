"""Which attribute a value measures: revenue share, market share, memory bandwidth, issue price …

The lexicon is data (``claims/data/attributes.json``, extendable with a file named by
``CLAIMWATCH_ATTRIBUTES``): each attribute lists the kinds of value it takes, the words that name it
in Chinese and English, and units that name it alone (TB/s is a bandwidth wherever it stands).
"""

from __future__ import annotations

import json
import os
import re
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

from claimwatch.claims.models import CACHE_SIZE, Quantity
from claimwatch.claims.subjects import Mention


class Attribute(NamedTuple):
    name: str
    kinds: frozenset[str]
    units: frozenset[str]


@cache
def _lexicon() -> tuple[dict[str, Attribute], re.Pattern[str], dict[str, tuple[str, ...]]]:
    table = json.loads(resources.files("claimwatch.claims").joinpath("data", "attributes.json").read_text("utf-8"))
    extra = os.environ.get("CLAIMWATCH_ATTRIBUTES")
    if extra:
        with open(extra, encoding="utf-8") as fh:
            for name, entry in json.load(fh).items():
                mine = table.setdefault(name, {"kinds": entry.get("kinds", []), "cues": []})
                mine["cues"] = mine.get("cues", []) + entry.get("cues", [])
                mine["units"] = mine.get("units", []) + entry.get("units", [])
    attributes: dict[str, Attribute] = {}
    cue_of: dict[str, tuple[str, ...]] = {}
    for name, entry in table.items():
        if name.startswith("_"):
            continue
        attributes[name] = Attribute(name, frozenset(entry["kinds"]), frozenset(entry.get("units", [])))
        for cue in entry.get("cues", []):
            # a cue of two attributes names both (交付: deliveries counted, the date they begin);
            # the kind of the value picks one
            names = cue_of.get(cue.lower(), ())
            cue_of[cue.lower()] = names + (name,) if name not in names else names
    # Latin cues are whole words; CJK cues stand anywhere (the segmenter checks their edges later).
    alternation = "|".join(
        rf"(?<![A-Za-z]){re.escape(c)}(?![A-Za-z])" if c.isascii() else re.escape(c)
        for c in sorted(cue_of, key=len, reverse=True)
    )
    return attributes, re.compile(alternation, re.IGNORECASE), cue_of


def attribute(name: str) -> Attribute | None:
    return _lexicon()[0].get(name)


@lru_cache(maxsize=CACHE_SIZE)
def attribute_mentions(text: str) -> tuple[Mention, ...]:
    """Words naming an attribute, with their spans, in reading order (longest cue wins); a cue of
    two attributes gives a mention of each, in the lexicon's order."""
    _, pattern, cue_of = _lexicon()
    return tuple(Mention(m.start(), m.end(), name) for m in pattern.finditer(text) for name in cue_of[m.group(0).lower()])


# A clause that opens with its predicate ("…, the measure most analysts follow, rose 36% to 59.8 billion
# yuan"): the measure it is about stands before the aside
PREDICATE_FIRST = re.compile(r"\s*(?:rose|fell|grew|climbed|jumped|dropped|declined|slipped|surged|soared|edged|"
                             r"increased|decreased|stands|stood|was|were|is|are|came in|reached|totalled|totaled|"
                             r"amounted|hit)\b", re.IGNORECASE)


def cue_distance(q: Quantity, cue: Mention) -> float:
    """How far a cue stands from a value, a cue after the value counting half again: news names an
    amount's attribute before it ("营收1672亿元") more often than after it."""
    return q.start - cue.end if cue.end <= q.start else 1.5 * (cue.start - q.end)


def fits(name: str, kind: str) -> bool:
    """True when attribute ``name`` takes values of ``kind``."""
    entry = attribute(name)
    return entry is not None and kind in entry.kinds


def attribute_of_unit(unit: str) -> str | None:
    """The attribute a unit names alone (TB/s: memory bandwidth), if any."""
    return next((a.name for a in _lexicon()[0].values() if unit in a.units), None)


def sole_unit(name: str) -> str | None:
    """The one unit attribute ``name`` is counted in, if it names exactly one (model_size: parameters)."""
    entry = attribute(name)
    return next(iter(entry.units)) if entry is not None and len(entry.units) == 1 else None


def cue_words() -> list[str]:
    """Every cue of the lexicon (for a segmenter's user dictionary)."""
    return list(_lexicon()[2])


__all__ = ["Attribute", "attribute", "attribute_mentions", "attribute_of_unit", "cue_distance", "cue_words", "fits", "sole_unit"]
