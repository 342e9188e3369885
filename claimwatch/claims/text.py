"""Small text utilities shared by the claim stages: width folding, language detection, Han character pairs."""

from __future__ import annotations

import re

from claimwatch.claims.models import Language

# Full-width ASCII (！ … ～) to half-width, and the ideographic space; one char to one char,
# so offsets computed on the folded text are offsets into the original.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_CITATION = re.compile(r"\[\d{1,3}\]")
_HAN_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")


def fold_width(text: str) -> str:
    """Full-width digits, letters and signs to ASCII, preserving length (``２５％`` → ``25%``)."""
    return text.translate(_FOLD)


def detect_language(text: str) -> Language:
    """``zh`` when Han characters make up a fair share of the letters, ``en`` for Latin, else other."""
    han = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    if han == 0 and latin == 0:
        return "other"
    # One Han character carries roughly a word; compare against Latin words, not letters.
    return "zh" if han >= latin / 5 else "en"


def strip_citations(text: str) -> str:
    """Remove ``[n]`` citation markers and tidy the spaces they leave."""
    return re.sub(r"\s{2,}", " ", _CITATION.sub("", text)).strip()


__all__ = ["fold_width", "detect_language", "strip_citations"]


def han_pairs(text: str) -> set[str]:
    """The pairs of adjacent Han characters in ``text``: Chinese wording compared without a segmenter."""
    return {text[n:n + 2] for n in range(len(text) - 1) if _HAN_PAIR.fullmatch(text, n, n + 2)}
