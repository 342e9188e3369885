"""Metrics against hand-computed tables and scikit-learn where it has the same metric."""

import math

import numpy as np
import pytest
from sklearn.metrics import f1_score, roc_auc_score

from claimwatch.evaluation.metrics import (
    accuracy, bcubed, best_threshold, expected_calibration_error, macro_f1, pair_prf, prf, roc_auc, spearman,
)


def test_prf_from_counts():
    assert prf(2, 4, 8) == {"precision": 0.5, "recall": 0.25, "f1": pytest.approx(1 / 3)}
    assert prf(0, 0, 0) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_bcubed_hand_computed():
    # gold: {a,b,c} {d}; predicted: {a,b} {c,d}
    gold = {"a": {"X"}, "b": {"X"}, "c": {"X"}, "d": {"Y"}}
    pred = {"a": 1, "b": 1, "c": 2, "d": 2}
    # precision per item: a 1, b 1, c 1/2, d 1/2 → 0.75; recall: a 2/3, b 2/3, c 1/3, d 1 → 2/3
    scores = bcubed(pred, gold)
    assert scores["precision"] == pytest.approx(0.75)
    assert scores["recall"] == pytest.approx(2 / 3)
    assert scores["f1"] == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


def test_bcubed_perfect_and_missing_items_are_singletons():
    gold = {"a": {"X"}, "b": {"X"}}
    assert bcubed({"a": 1, "b": 1}, gold)["f1"] == 1.0
    assert bcubed({}, gold) == {"precision": 1.0, "recall": 0.5, "f1": pytest.approx(2 / 3)}


def test_bcubed_overlapping_gold_labels():
    # c states two facts; it is clustered with a (fact X) only.
    gold = {"a": {"X"}, "c": {"X", "Y"}, "d": {"Y"}}
    scores = bcubed({"a": 1, "c": 1}, gold)
    assert scores["precision"] == 1.0
    # recall: a: shares with a,c → 1,1 → 1; c: shares with a (1), c (min(1,2)/2 = .5), d (0) → 0.5; d: shares c (0), d (1) → .5
    assert scores["recall"] == pytest.approx((1 + 0.5 + 0.5) / 3)


def test_pair_prf_is_order_free():
    pred = [frozenset((1, 2)), frozenset((3, 4))]
    gold = [frozenset((2, 1))]
    out = pair_prf(pred, gold)
    assert (out["precision"], out["recall"], out["predicted"], out["gold"]) == (0.5, 1.0, 2, 1)


def test_macro_f1_matches_sklearn():
    expected = ["s", "r", "s", "n", "c", "s", "r"]
    predicted = ["s", "s", "s", "n", "r", "n", "r"]
    labels = ["s", "r", "c", "n"]
    assert macro_f1(expected, predicted, labels) == pytest.approx(
        f1_score(expected, predicted, labels=labels, average="macro", zero_division=0))
    assert accuracy(expected, predicted) == pytest.approx(4 / 7)


def test_roc_auc_matches_sklearn_with_ties():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 200)
    s = np.round(rng.random(200) + 0.3 * y, 1)
    assert roc_auc(list(y), list(s)) == pytest.approx(roc_auc_score(y, s))
    assert math.isnan(roc_auc([1, 1], [0.2, 0.3]))


def test_ece_hand_computed():
    # bin (0.8,0.9]: conf .9,.9 acc 1/2 → gap .4, weight .5; bin (0.2,0.3]: conf .3,.3 acc 0 → .3, weight .5
    assert expected_calibration_error([0.9, 0.9, 0.3, 0.3], [True, False, False, False]) == pytest.approx(0.35)
    assert expected_calibration_error([1.0, 1.0], [True, True]) == pytest.approx(0.0)


def test_best_threshold_separates_when_possible():
    t, acc = best_threshold([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])
    assert acc == 1.0 and 0.2 < t < 0.8


def test_spearman_of_monotone_is_one():
    assert spearman([1, 2, 3, 4], [10, 20, 35, 90]) == pytest.approx(1.0)


def test_the_confidence_table_smooths_each_outcome_towards_one_half():
    from claimwatch.evaluation.calibrate import confidence_table

    rows = [("supported:1", True), ("supported:1", False), ("supported:1", True), ("refuted:2", True)]
    assert confidence_table(rows, 2.0) == {"refuted:2": pytest.approx(2 / 3, abs=1e-3), "supported:1": 0.6}
    assert confidence_table(rows, 20.0)["supported:1"] == pytest.approx(12 / 23, abs=1e-3)


def test_the_confidence_prior_grows_when_stories_disagree_on_how_often_an_outcome_is_right():
    from claimwatch.evaluation.calibrate import confidence_prior

    agree = [[("supported:1", True)] * 8 for _ in range(5)]
    disagree = [[("supported:1", n % 2 == 0)] * 8 for n in range(5)]
    assert confidence_prior(agree) == 2  # every story right: the table should say so
    assert confidence_prior(disagree) > 10  # a left-out story is far from the rest: stay near one half
