"""The conditions a figure holds under: numeric precision, sparsity, scope, active or total parameters.

The same number under two of them is a qualifier mismatch ("1,979 TFLOPS at FP8" against "1,979
TFLOPS at FP16", "37 billion active" against "37 billion in total"), and a figure under a condition
is not a general one ("1,979 TFLOPS at FP16" does not measure "6 times the performance").
"""

from __future__ import annotations

import re

from claimwatch.claims.models import Claim, Quantity
from claimwatch.claims.slots import clause_around

_CONDITIONS = re.compile(r"(?<![A-Za-z0-9])(FP4|FP6|FP8|FP16|FP32|FP64|BF16|TF32|INT4|INT8)(?![A-Za-z0-9])|"
                         r"(稀疏|稠密|sparse|dense|单卡|整机|per chip|per server|per card|激活|active|总参数|in total|"
                         r"total parameters)", re.IGNORECASE)
_CONDITION_NAMES = {"稀疏": "sparse", "稠密": "dense", "单卡": "per chip", "per card": "per chip", "整机": "per server",
                    "激活": "active", "总参数": "total", "in total": "total", "total parameters": "total"}


def conditions_of(text: str) -> frozenset[str]:
    """The conditions named in ``text``: fp8, sparse, per chip …"""
    return frozenset(_CONDITION_NAMES.get(m.group(0), m.group(0)).lower() for m in _CONDITIONS.finditer(text))


def conditions_at(claim: Claim, q: Quantity) -> frozenset[str]:
    """The conditions of the clause that states ``q`` ("总参数6710亿，每个token激活370亿": 370亿 is
    active), else of the whole claim if it states no other value of that attribute ("671 billion
    parameters, of which 37 billion are active": the active is the 37 billion's)."""
    own = conditions_of(clause_around(claim.text, q.start))
    if own or any(o is not q and o.attribute == q.attribute and o.kind == q.kind for o in claim.quantities):
        return own
    return conditions_of(claim.text)


__all__ = ["conditions_of", "conditions_at"]
