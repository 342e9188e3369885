"""Quality metrics, each a plain function over plain data: B-cubed, pair P/R/F1, ECE, AUC, Spearman."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

import numpy as np


def prf(true_positives: int, predicted: int, expected: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    p = true_positives / predicted if predicted else 0.0
    r = true_positives / expected if expected else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def bcubed(predicted: dict[Hashable, Hashable], gold: dict[Hashable, set[Hashable]]) -> dict[str, float]:
    """Extended B-cubed (Amigó et al. 2009) for one predicted cluster per item and gold label sets.

    ``predicted`` maps item → predicted cluster; ``gold`` maps item → set of gold clusters (a claim
    may state two facts). Items are those of ``gold``; an item missing from ``predicted`` is a singleton.
    With one gold label per item this is the classic B-cubed.
    """
    items = list(gold)
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    pred = {i: predicted.get(i, ("singleton", i)) for i in items}
    precisions, recalls = [], []
    for e in items:
        same_pred = [x for x in items if pred[x] == pred[e]]
        precisions.append(np.mean([min(1, len(gold[e] & gold[x])) for x in same_pred]))
        shared = [x for x in items if gold[e] & gold[x]]
        recalls.append(np.mean([min(1, len(gold[e] & gold[x])) / len(gold[e] & gold[x])
                                if pred[x] == pred[e] else 0.0 for x in shared]))
    p, r = float(np.mean(precisions)), float(np.mean(recalls))
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def pair_prf(predicted: Iterable[frozenset], gold: Iterable[frozenset]) -> dict[str, float]:
    """Precision/recall/F1 of unordered pairs."""
    predicted, gold = set(predicted), set(gold)
    scores = prf(len(predicted & gold), len(predicted), len(gold))
    return {**scores, "predicted": len(predicted), "gold": len(gold)}


def accuracy(expected: Sequence, predicted: Sequence) -> float:
    return float(np.mean([e == p for e, p in zip(expected, predicted)])) if expected else 0.0


def macro_f1(expected: Sequence, predicted: Sequence, labels: Sequence | None = None) -> float:
    """Mean of per-label F1 over ``labels`` (default: the labels that occur in ``expected``)."""
    labels = list(labels) if labels is not None else sorted(set(expected))
    scores = []
    for label in labels:
        tp = sum(e == label and p == label for e, p in zip(expected, predicted))
        scores.append(prf(tp, sum(p == label for p in predicted), sum(e == label for e in expected))["f1"])
    return float(np.mean(scores)) if scores else 0.0


def expected_calibration_error(confidence: Sequence[float], correct: Sequence[bool], bins: int = 10) -> float:
    """ECE: the gap between confidence and accuracy, averaged over equal-width confidence bins."""
    conf, ok = np.asarray(confidence, dtype=float), np.asarray(correct, dtype=float)
    if len(conf) == 0:
        return 0.0
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(conf, edges[1:-1], right=True), 0, bins - 1)
    ece = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            ece += mask.mean() * abs(conf[mask].mean() - ok[mask].mean())
    return float(ece)


def roc_auc(labels: Sequence[int], scores: Sequence[float]) -> float:
    """Area under the ROC curve (probability a positive outranks a negative; ties count half)."""
    from scipy.stats import rankdata

    y, s = np.asarray(labels), np.asarray(scores, dtype=float)
    pos, neg = (y == 1).sum(), (y == 0).sum()
    if pos == 0 or neg == 0:
        return float("nan")
    ranks = rankdata(s)
    return float((ranks[y == 1].sum() - pos * (pos + 1) / 2) / (pos * neg))


def best_threshold(labels: Sequence[int], scores: Sequence[float]) -> tuple[float, float]:
    """The threshold that maximises accuracy on (labels, scores), and that accuracy."""
    y, s = np.asarray(labels), np.asarray(scores, dtype=float)
    order = np.argsort(s)
    s_sorted, y_sorted = s[order], y[order]
    # predicting positive for scores >= t; candidates are midpoints between sorted scores
    candidates = np.concatenate([[s_sorted[0] - 1e-6], (s_sorted[1:] + s_sorted[:-1]) / 2, [s_sorted[-1] + 1e-6]])
    best_t, best_acc = float(candidates[0]), -1.0
    for t in candidates:
        acc = float(((s >= t) == (y == 1)).mean())
        if acc > best_acc:
            best_t, best_acc = float(t), acc
    return best_t, best_acc


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    from scipy.stats import spearmanr

    return float(spearmanr(x, y).statistic)


__all__ = ["prf", "bcubed", "pair_prf", "accuracy", "macro_f1", "expected_calibration_error", "roc_auc",
           "best_threshold", "spearman"]
