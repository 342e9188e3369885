"""Claim understanding against the hand-labelled sentences in ``gold/quantities.jsonl``.

Quantities: value+unit precision/recall/F1 (a match has the gold kind, unit and value), the share
of matches whose interval (low/high, unbounded = null) is exact; sentences: hedge and negation F1.
A naive regex baseline (digits, an optional %, no magnitudes or units) runs in the same pass.
"""

from __future__ import annotations

import json
import math
import re
from importlib import resources

from claimwatch.claims.attribution import find_attribution
from claimwatch.claims.hedges import find_hedge, find_negation, find_opinion
from claimwatch.claims.quantities import extract_quantities
from claimwatch.claims.slots import attach_slots
from claimwatch.evaluation.metrics import prf

_BASELINE = re.compile(r"\d+(?:\.\d+)?%?")


def load_sentences(name: str = "quantities.jsonl") -> list[dict]:
    """Labelled sentences: ``quantities.jsonl`` (values, subjects, flags; the cue lists were written
    beside it) or ``assertions_heldout.jsonl`` (flags only, written without seeing the cue lists)."""
    text = resources.files("claimwatch.evaluation").joinpath("gold", name).read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _bound(x: float | None) -> float | None:
    return None if x is None or math.isinf(x) else x


def baseline_quantities(text: str) -> list[dict]:
    out = []
    for m in _BASELINE.finditer(text):
        token = m.group(0)
        percent = token.endswith("%")
        value = float(token.rstrip("%"))
        out.append({"kind": "percent" if percent else "count", "unit": "%" if percent else "", "value": value,
                    "low": value, "high": value})
    return out


def claimwatch_quantities(text: str, published: str | None, title: str = "") -> list[dict]:
    """Each value as extracted (as written: "a quarter" is 0.25, "20% more than" 20%), with the
    subject slots attach to it (slots may restate a value as the ratio or share it means)."""
    found = extract_quantities(text, published)
    slotted = attach_slots(text, found, title)
    return [{"kind": q.kind, "unit": q.unit, "value": q.value, "low": _bound(q.low), "high": _bound(q.high),
             "subject": s.subject} for q, s in zip(found, slotted)]


def score_quantities(sentences: list[dict], extractor) -> dict[str, float]:
    tp = predicted = expected = exact = same_subject = 0
    for s in sentences:
        got = extractor(s["text"], s.get("published"), s.get("title", ""))
        want = s["quantities"]
        predicted += len(got)
        expected += len(want)
        free = list(got)
        for w in want:
            hit = next((g for g in free if g["kind"] == w["kind"] and g["unit"] == w["unit"]
                        and _same_value(g["value"], w["value"])), None)
            if hit is None:
                continue
            free.remove(hit)
            tp += 1
            same_low = (hit["low"] is None) == (w["low"] is None) and (w["low"] is None or _same_value(hit["low"], w["low"]))
            same_high = (hit["high"] is None) == (w["high"] is None) and (
                w["high"] is None or _same_value(hit["high"], w["high"]))
            exact += same_low and same_high
            same_subject += hit.get("subject", "-") == w.get("subject")
    return {**prf(tp, predicted, expected), "interval_exact": exact / tp if tp else 0.0,
            "subject_accuracy": same_subject / tp if tp else 0.0, "gold": expected}


def score_flags(sentences: list[dict]) -> dict[str, dict[str, float]]:
    out = {}
    for name, detect, key in (("hedge", find_hedge, "hedged"), ("negation", find_negation, "negated"),
                              ("opinion", find_opinion, "opinion")):
        tp = sum(1 for s in sentences if detect(s["text"]) and s[key])
        out[name] = prf(tp, sum(1 for s in sentences if detect(s["text"])), sum(1 for s in sentences if s[key]))
    tp = sum(1 for s in sentences if find_attribution(s["text"]) and s["attributed_to"])
    out["attribution"] = prf(tp, sum(1 for s in sentences if find_attribution(s["text"])),
                             sum(1 for s in sentences if s["attributed_to"]))
    named = [s for s in sentences if s["attributed_to"]]
    out["attribution"]["speaker_accuracy"] = (
        sum(find_attribution(s["text"]) == s["attributed_to"] for s in named) / len(named) if named else 0.0)
    return out


def _heldout_halves() -> dict:
    """The held-out set in two halves: odd ids were read while the cue lists were revised (dev), even
    ids never were (test)."""
    heldout = load_sentences("assertions_heldout.jsonl")
    odd = [s for s in heldout if int(s["id"].rsplit("-", 1)[1]) % 2]
    even = [s for s in heldout if not int(s["id"].rsplit("-", 1)[1]) % 2]
    return {"flags_heldout_dev": score_flags(odd), "flags_heldout_test": score_flags(even)}


def evaluate_understanding() -> dict:
    sentences = load_sentences()
    return {
        "sentences": len(sentences),
        "claimwatch": score_quantities(sentences, claimwatch_quantities),
        "baseline": score_quantities(sentences, lambda text, *_: baseline_quantities(text)),
        "by_source": {src: score_quantities([s for s in sentences if s["source"] == src], claimwatch_quantities)
                      for src in ("sample", "written")},
        "flags": score_flags(sentences),
        **_heldout_halves(),
    }


def format_understanding(r: dict) -> str:
    lines = [f"{r['sentences']} sentences, {r['claimwatch']['gold']} labelled values",
             "| extractor | value+unit P / R / F1 | interval exact (of matches) | subject attached (of matches) |",
             "|---|---|---|---|"]
    for name, m in (("regex baseline", r["baseline"]), ("claimwatch", r["claimwatch"]),
                    ("claimwatch, sample-feed sentences", r["by_source"]["sample"]),
                    ("claimwatch, written hard cases", r["by_source"]["written"])):
        lines.append(f"| {name} | {m['precision']:.3f} / {m['recall']:.3f} / {m['f1']:.3f} | {m['interval_exact']:.3f} "
                     f"| {m['subject_accuracy']:.3f} |")
    lines += ["", "| assertion flag (P / R / F1) | quantities.jsonl (cues written beside it) "
              "| held-out, odd ids (errors read) | held-out, even ids (never read: the honest figure) |",
              "|---|---|---|---|"]
    for name, m in r["flags"].items():
        cells = []
        for metrics in (m, r["flags_heldout_dev"][name], r["flags_heldout_test"][name]):
            extra = f" (speaker exact {metrics['speaker_accuracy']:.3f})" if "speaker_accuracy" in metrics else ""
            cells.append(f"{metrics['precision']:.3f} / {metrics['recall']:.3f} / {metrics['f1']:.3f}{extra}")
        lines.append(f"| {name} | {' | '.join(cells)} |")
    return "\n".join(lines)


__all__ = ["evaluate_understanding", "format_understanding", "score_quantities", "load_sentences"]
