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
from typing import NamedTuple

# Product and model codes: H200, MI308, B30A, and one-digit ones (DeepSeek-V3, R1, M4). Number
# formats (FP16, INT8, BF16, TF32), memory and bus standards (HBM3e, DDR5, PCIe5) and periods (Q3, H1)
# look like codes but name no product.
PRODUCT_CODE = re.compile(r"(?<![A-Za-z0-9])(?!(?:FP|INT|BF|TF|HBM|G?DDR|LPDDR|PCIE|PCIe|USB)\d)(?![QH]\d(?!\d))([A-Z]{1,4}\d{1,4}[A-Za-z]?)(?![A-Za-z0-9])")
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


class Mention(NamedTuple):
    """A name found in a text: where it stands and what it is (a subject id or an attribute label)."""

    start: int
    end: int
    key: str


def singular_code(code: str) -> str:
    """"H200s" (English plural) is the H200; a capital suffix is part of the code (B30A)."""
    return code[:-1] if code.endswith("s") and code[-2].isdigit() else code


@lru_cache(maxsize=65536)
def subject_mentions(text: str) -> tuple[Mention, ...]:
    """Every subject named in ``text`` with its span, in reading order (codes, CJK and Latin names)."""
    latin_re, latin, upper_only, cjk_re, cjk = _aliases()
    found = [Mention(m.start(1), m.end(1), f"product:{singular_code(m.group(1))}") for m in PRODUCT_CODE.finditer(text)]
    found += [Mention(m.start(), m.end(), cjk[m.group(0)]) for m in cjk_re.finditer(text)]  # leftmost-longest
    for m in latin_re.finditer(text):
        name = m.group(0)
        if name.lower() in upper_only and not name.isupper():
            continue
        found.append(Mention(m.start(), m.end(), latin[name.lower()]))
    return tuple(sorted(found))


@lru_cache(maxsize=65536)
def find_subjects(text: str) -> frozenset[str]:
    """Canonical subjects named in ``text``: ``product:H200``, ``org:nvidia``, ``person:trump`` …"""
    return frozenset(m.key for m in subject_mentions(text))


def alias_names() -> list[str]:
    """Every name of the alias table (for a segmenter's user dictionary)."""
    _, latin, _, _, cjk = _aliases()
    return [*cjk, *latin]


def distinguishing(subjects: frozenset[str]) -> frozenset[str]:
    """The subjects that can tell facts apart (framing places and governments left out)."""
    return frozenset(s for s in subjects if s not in FRAMING)


__all__ = ["find_subjects", "subject_mentions", "Mention", "alias_names", "distinguishing", "FRAMING", "PRODUCT_CODE", "singular_code"]
