"""Who or what a claim is about: product codes and named organisations, people and places.

Names are normalised with an alias table (``claims/data/aliases.json``, extendable with a file named
by ``CLAIMWATCH_ALIASES``), so 英伟达 / NVIDIA / Nvidia are one subject across languages. Product
codes (H200, MI308, B300) are subjects as written.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from importlib import resources

_MODEL_CODE = re.compile(r"(?<![A-Za-z0-9])([A-Z]{1,4}\d{2,4}[A-Za-z]?)(?![A-Za-z0-9])")
# Places and governments frame most claims of a story; they do not tell two facts apart.
FRAMING = frozenset({"place:china", "place:us", "org:us-government"})


@cache
def _aliases() -> tuple[list[tuple[re.Pattern[str], str]], list[tuple[str, str]]]:
    table = json.loads(resources.files("claimwatch.claims").joinpath("data", "aliases.json").read_text("utf-8"))
    extra = os.environ.get("CLAIMWATCH_ALIASES")
    if extra:
        with open(extra, encoding="utf-8") as fh:
            for key, names in json.load(fh).items():
                table.setdefault(key, []).extend(names)
    latin, cjk = [], []
    for key, names in table.items():
        if key.startswith("_"):
            continue
        for name in sorted(names, key=len, reverse=True):
            if name.isascii():
                flags = 0 if name.isupper() and len(name) <= 4 else re.IGNORECASE
                latin.append((re.compile(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", flags), key))
            else:
                cjk.append((name, key))
    cjk.sort(key=lambda pair: -len(pair[0]))
    return latin, cjk


def find_subjects(text: str) -> frozenset[str]:
    """Canonical subjects named in ``text``: ``product:H200``, ``org:nvidia``, ``person:trump`` …"""
    latin, cjk = _aliases()
    found = {f"product:{code}" for code in _MODEL_CODE.findall(text)}
    rest = text
    for name, key in cjk:  # longest first, and each span used once (美国商务部 is not also 美国)
        if name in rest:
            found.add(key)
            rest = rest.replace(name, " ")
    for pattern, key in latin:
        if pattern.search(rest):
            found.add(key)
            rest = pattern.sub(" ", rest)
    return frozenset(found)


def distinguishing(subjects: frozenset[str]) -> frozenset[str]:
    """The subjects that can tell facts apart (framing places and governments left out)."""
    return frozenset(s for s in subjects if s not in FRAMING)


__all__ = ["find_subjects", "distinguishing", "FRAMING"]
