"""The text a claim is embedded as: its stated values masked, so claims differing only in a value meet."""

from __future__ import annotations

import re

from claimwatch.claims.models import Claim

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def mask_quantities(claim: Claim) -> str:
    """Replace the digits of every extracted value with ``#`` (``25%`` → ``#%``); model codes stay."""
    text = claim.text
    for q in sorted(claim.quantities, key=lambda q: q.start, reverse=True):
        text = text[: q.start] + _DIGITS.sub("#", text[q.start:q.end]) + text[q.end:]
    return text


__all__ = ["mask_quantities"]
