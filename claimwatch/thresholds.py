"""Decision thresholds per embedder and similarity, calibrated on the development gold sets.

Dense models put similarity on different scales (multilingual-e5 packs everything into 0.8–1.0),
so one threshold cannot serve all. The figures live in ``thresholds.json``, written by
``python -m claimwatch.evaluation.calibrate``; an embedder without an entry uses ``"*"``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Thresholds:
    link: float      # same-fact link between two claims
    related: float   # below: a retrieved claim is not evidence at all
    support: float   # a claim without comparable values needs this much to support or refute
    clash: float = 0.0  # two claims with clashing values are compared (conflict or explained) from here
    confidence: dict | None = None  # verify outcome -> share right on the dev sets (calibrated confidence)
    support_cross: float | None = None  # ``support`` for evidence in another language than the claim
    support_fact: float | None = None   # the score a value-free statement needs to support one
    support_fact_cross: float | None = None  # ``support_fact`` for a statement in the other language


@cache
def _table() -> dict:
    return json.loads(resources.files("claimwatch").joinpath("thresholds.json").read_text("utf-8"))


def thresholds_for(embedder: str, mode: str = "hybrid") -> Thresholds:
    """The calibrated thresholds of ``embedder`` under ``mode`` (lexical ignores the embedder)."""
    table = _table()
    entry = table.get("lexical" if mode == "lexical" else embedder, {}).get(mode) or table["*"][mode]
    known = {"link", "related", "support", "clash", "confidence", "support_cross", "support_fact", "support_fact_cross"}
    return Thresholds(**{"clash": entry["link"], **{k: v for k, v in entry.items() if k in known}})


__all__ = ["Thresholds", "thresholds_for"]
