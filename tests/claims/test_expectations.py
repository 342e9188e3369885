"""Results against expectations (claimwatch.claims.expectations)."""

import pytest

from claimwatch.claims.expectations import opposite_outcomes, outcomes


@pytest.mark.parametrize(("text", "expected"), [
    ("Revenue beat analysts' forecasts, and non-IFRS profit was also ahead of estimates.", {"revenue": 1, "net_profit": 1}),
    ("Acme第三季度营收为1672亿元，但未能达到市场预期。", {"revenue": -1}),
    ("Acme's third-quarter revenue came in at 167.19 billion yuan, slightly below expectations.", {"revenue": -1}),
    ("净利润好于市场预期，营收则低于预期。", {"net_profit": 1, "revenue": -1}),
    ("Revenue rose above 100 billion yuan.", {}),          # above a figure, not above expectations
    ("The stock beat expectations.", {}),                   # no measure results are judged on
])
def test_outcomes_name_the_measure_and_the_way(text, expected):
    assert outcomes(text) == expected


def test_beat_and_missed_on_one_measure_are_opposite():
    assert opposite_outcomes("Revenue beat forecasts.", "营收未能达到市场预期。") == ["revenue"]
    assert opposite_outcomes("Revenue beat forecasts.", "净利润低于预期。") == []


@pytest.mark.parametrize("text, hedged", [
    # the figure that was expected may stand between the verdict and the word for it: a fact about the result
    ("Exports rose to $309 billion, leaving a surplus of $95.7 billion, above the $75.0 billion economists had expected.", False),
    ("Revenue rose 5%, below the 7% forecast.", False),
    ("Profit came in at $2.1 billion, ahead of the $1.9 billion analysts had predicted.", False),
    # an expectation on its own is still a forecast
    ("Economists expected a surplus of $75.0 billion.", True),
])
def test_an_outcome_against_a_stated_forecast_is_no_hedge(text, hedged):
    from claimwatch.claims.hedges import find_hedge
    assert (find_hedge(text) is not None) == hedged
