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
