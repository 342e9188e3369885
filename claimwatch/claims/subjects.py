"""Who or what a claim is about: product codes and named organisations, people and places.

Names are normalised with an alias table (``claims/data/aliases.json``, extendable with a file named
by ``CLAIMWATCH_ALIASES``), so 英伟达 / NVIDIA / Nvidia are one subject across languages. Product
codes (H200, MI308, B300) are subjects as written.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache, lru_cache
from importlib import resources

PRODUCT_CODE = re.compile(r"(?<![A-Za-z0-9])([A-Z]{1,4}\d{2,4}[A-Za-z]?)(?![A-Za-z0-9])")
# Places and governments frame most claims of a story; they do not tell two facts apart.
FRAMING = frozenset({"place:china", "place:us", "org:us-government"})


@cache
def _aliases() -> tuple[re.Pattern[str], dict[str, str], frozenset[str], re.Pattern[str], dict[str, str]]:
    """Latin names (whole word, case-insensitive but for short all-caps ones) and CJK names, as two
    alternations with the longest names first."""
    table = json.loads(resources.files("claimwatch.claims").joinpath("data", "aliases.json").read_text("utf-8"))
    extra = os.environ.get("CLAIMWATCH_ALIASES")
    if extra:
        with open(extra, encoding="utf-8") as fh:
            for key, names in json.load(fh).items():
                table.setdefault(key, []).extend(names)
    latin: dict[str, str] = {}
    cjk: dict[str, str] = {}
    upper_only = set()  # "US", "AMD": in lower case they are other words ("us")
    for key, names in table.items():
        if key.startswith("_"):
            continue
        for name in names:
            if name.isascii():
                latin[name.lower()] = key
                if name.isupper() and len(name) <= 4:
                    upper_only.add(name.lower())
            else:
                cjk[name] = key
    by_length = lambda names: sorted(names, key=len, reverse=True)  # noqa: E731
    latin_re = re.compile(r"(?<![A-Za-z])(?:" + "|".join(re.escape(n) for n in by_length(latin)) + r")(?![A-Za-z])",
                          re.IGNORECASE)
    cjk_re = re.compile("|".join(re.escape(n) for n in by_length(cjk)))
    return latin_re, latin, frozenset(upper_only), cjk_re, cjk


@lru_cache(maxsize=65536)
def find_subjects(text: str) -> frozenset[str]:
    """Canonical subjects named in ``text``: ``product:H200``, ``org:nvidia``, ``person:trump`` …"""
    latin_re, latin, upper_only, cjk_re, cjk = _aliases()
    found = {f"product:{code}" for code in PRODUCT_CODE.findall(text)}
    found.update(cjk[m.group(0)] for m in cjk_re.finditer(text))  # leftmost-longest: 美国商务部, not 美国
    for m in latin_re.finditer(text):
        name = m.group(0)
        if name.lower() in upper_only and not name.isupper():
            continue
        found.add(latin[name.lower()])
    return frozenset(found)


def distinguishing(subjects: frozenset[str]) -> frozenset[str]:
    """The subjects that can tell facts apart (framing places and governments left out)."""
    return frozenset(s for s in subjects if s not in FRAMING)


__all__ = ["find_subjects", "distinguishing", "FRAMING", "PRODUCT_CODE"]
