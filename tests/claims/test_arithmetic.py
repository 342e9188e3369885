"""Arithmetic checks on hand-written claims: price × shares, rises, stated ratios."""

import pytest

from claimwatch.claims.arithmetic import check_articles, check_claim
from claimwatch.claims.models import Article
from claimwatch.claims.segment import segment_claims


def _claims(text, published="2025-12-09T01:00"):
    article = Article(id="a", source="S", title="t", published=published, text=text)
    return article, segment_claims(article)


@pytest.mark.parametrize("text, kind, status", [
    pytest.param("发行价为100元/股，公开发行4000万股，募资总额约40亿元。", "price_times_shares", "passed", id="zh-ipo-ok"),
    pytest.param("发行价为100元/股，公开发行4000万股，募资总额约50亿元。", "price_times_shares", "failed", id="zh-ipo-wrong"),
    pytest.param("The shares were priced at $20 per share, and 5 million shares raised $100 million.",
                 "price_times_shares", "passed", id="en-ipo-ok"),
    pytest.param("股价从100元上涨50%至150元。", "rise", "passed", id="zh-rise-ok"),
    pytest.param("股价从100元上涨50%至180元。", "rise", "failed", id="zh-rise-wrong"),
    pytest.param("H200带宽为4.8TB/s，是H100(3.35TB/s)的两倍。", "ratio", "failed", id="zh-ratio-wrong"),
    pytest.param("Revenue grew from $10 billion to $30 billion, three times the earlier level.", "ratio", "passed",
                 id="en-ratio-ok"),
    pytest.param("首日收报306.2港元，较发行价263港元上涨16.43%。", "rise", "passed", id="zh-compared-base-ok"),
    pytest.param("首日收报306.2港元，较发行价263港元上涨26.43%。", "rise", "failed", id="zh-compared-base-wrong"),
    pytest.param("营收3620.13亿元，较上年的4009.17亿元下降约7.9%。", "rise", "failed", id="zh-fall-percent-off-by-rounding"),
    pytest.param("营收3620.13亿元，较上年的4009.17亿元下降9.70%。", "rise", "passed", id="zh-fall-percent-ok"),
    pytest.param("中创新航装车量36.6GWh，约为宁德时代247.2GWh的三分之一。", "ratio", "failed", id="zh-fraction-of-base-wrong"),
    pytest.param("中创新航装车量80GWh，约为宁德时代247.2GWh的三分之一。", "ratio", "passed", id="zh-fraction-of-base-ok"),
])
def test_checks_on_one_claim(text, kind, status):
    _, claims = _claims(text)
    checks = [x for c in claims for x in check_claim(c)]
    assert [(x.kind, x.status) for x in checks] == [(kind, status)]
    assert checks[0].explanation


def test_rise_takes_the_issue_price_from_another_claim_of_the_article():
    article, claims = _claims("发行价为104.66元/股。若复刻首日约425%的涨幅，股价或冲至约595元。")
    (check,) = check_articles([article], claims)
    assert (check.kind, check.status) == ("rise", "failed")
    assert check.expected == pytest.approx(104.66 * 5.25)


def test_a_claim_without_the_needed_values_is_not_checked():
    _, claims = _claims("英伟达向中国出口H200芯片，美国政府抽取25%的分成。")
    assert check_articles([], claims) == []


def _feed_claims(*texts):
    from claimwatch.claims.models import Article
    from claimwatch.claims.segment import segment_claims

    articles = [Article(id=f"a{n}", source=f"S{n}", title="", published="2025-06-01", text=t)
                for n, t in enumerate(texts)]
    return articles, [c for a in articles for c in segment_claims(a)]


def test_a_stated_multiple_is_checked_against_values_stated_elsewhere():
    from claimwatch.claims.arithmetic import check_relative

    _, claims = _feed_claims("B200的显存带宽为8TB/s。", "H100的显存带宽为3.35TB/s。", "B200的显存带宽约为H100的2.4倍。")
    (check,) = check_relative(claims)
    assert check.kind == "ratio_across" and check.status == "passed"
    assert len(check.claim_ids) == 3 and "8TB/s / 3.35TB/s = 2.39×" in check.explanation
    _, claims = _feed_claims("B200的显存带宽为8TB/s。", "H100的显存带宽为3.35TB/s。", "B200的显存带宽是H100的4倍。")
    assert [c.status for c in check_relative(claims)] == ["failed"]


def test_a_lower_bound_multiple_passes_when_the_ratio_is_above_it():
    from claimwatch.claims.arithmetic import check_relative

    _, claims = _feed_claims("B200的显存带宽为8TB/s。", "H100的显存带宽为3.35TB/s。", "B200的显存带宽至少是H100的2倍。")
    (check,) = check_relative(claims)
    assert check.status == "passed" and check.explanation.startswith("at least ")


def test_a_ratio_is_not_checked_against_figures_under_a_condition_it_does_not_name():
    from claimwatch.claims.arithmetic import check_relative

    # peak FP16 compute does not measure "6 times the performance"; it does measure "6 times the FP16 compute"
    stated = ("B200在FP16精度下的算力为2250 TFLOPS。", "H100在FP16精度下的算力为990 TFLOPS。")
    _, claims = _feed_claims(*stated, "B200的算力是H100的6倍。")
    assert check_relative(claims) == []
    _, claims = _feed_claims(*stated, "在FP16精度下，B200的算力是H100的6倍。")
    assert [c.status for c in check_relative(claims)] == ["failed"]


def test_a_hedged_multiple_is_not_checked():
    from claimwatch.claims.arithmetic import check_relative

    _, claims = _feed_claims("B200的显存带宽为8TB/s。", "H100的显存带宽为3.35TB/s。", "有消息称，B200的显存带宽最多是H100的4倍。")
    assert check_relative(claims) == []


def test_an_approximate_figure_loosens_a_stated_ratio():
    # 83 / 约13 = 6.4: "6倍" holds within the 10% an approximate figure allows, and the check shows that reading
    _, claims = _claims("预测收入将从约13亿元飙升至83亿元，增幅达到6倍。")
    (check,) = [x for c in claims for x in check_claim(c)]
    assert check.status == "passed" and "83亿元 / 13亿元 = 6.38×" in check.explanation
    _, claims = _claims("预测收入将从13亿元飙升至83亿元，增幅达到6倍。")
    assert [x.status for c in claims for x in check_claim(c)] == ["failed"]


def test_no_cross_check_without_both_subjects_values():
    from claimwatch.claims.arithmetic import check_relative

    _, claims = _feed_claims("B200的显存带宽为8TB/s。", "B200的显存带宽是H100的4倍。")
    assert check_relative(claims) == []


def test_a_share_of_a_total_stated_elsewhere_is_checked():
    from claimwatch.claims.arithmetic import check_shares_of_total

    _, claims = _feed_claims("英伟达第三季度营收570亿美元。", "英伟达在华销售额仅5000万美元，只占到总营收的0.09%。")
    (check,) = check_shares_of_total(claims)
    assert check.kind == "share_of_total" and check.status == "passed" and len(check.claim_ids) == 2
    _, claims = _feed_claims("英伟达第三季度营收570亿美元。", "英伟达在华销售额仅5000万美元，只占到总营收的0.15%。")
    assert [c.status for c in check_shares_of_total(claims)] == ["failed"]
    # a total far from the one meant (here a tenth of it) is not taken: nothing to check
    _, claims = _feed_claims("英伟达第三季度营收57亿美元。", "英伟达在华销售额仅5000万美元，只占到总营收的0.09%。")
    assert check_shares_of_total(claims) == []


def test_an_amount_in_two_currencies_must_imply_a_plausible_rate():
    from claimwatch.claims.arithmetic import check_currency_pairs

    _, (claim,) = _feed_claims("昆仑芯收入约13亿元人民币（约1.8亿美元）。")
    (check,) = check_currency_pairs(claim)
    assert check.status == "passed" and "USD per CNY" in check.explanation
    _, (claim,) = _feed_claims("昆仑芯收入约13亿元人民币（约18亿美元）。")
    assert [c.status for c in check_currency_pairs(claim)] == ["failed"]
    _, (claim,) = _feed_claims("昆仑芯收入13亿元，英伟达收入570亿美元。")  # two amounts, not one in two currencies
    assert check_currency_pairs(claim) == []


def test_a_fall_from_a_stated_close_is_checked():
    _, claims = _claims("The shares fell 17% to close at $128.42, down from $142.62 on Friday.")
    (check,) = [x for c in claims for x in check_claim(c)]
    assert check.status == "failed" and "implies a fall of 10.0%" in check.explanation
    _, claims = _claims("The shares fell 17% to close at $118.42, down from $142.62 on Friday.")
    assert [x.status for c in claims for x in check_claim(c)] == ["passed"]


def test_a_price_per_share_and_a_turnover_are_no_base_and_result():
    _, claims = _claims("全日收报302.6港元，较发行价上涨15.06%，成交额约132亿港元。")
    assert [x for c in claims for x in check_claim(c) if x.kind == "rise"] == []


@pytest.mark.parametrize(("text", "status"), [("募资总额356.6亿港元，约合人民币368亿元。", "failed"),
                                              ("募资总额356.6亿港元，约合人民币328亿元。", "passed")])
def test_a_currency_named_before_the_second_amount_is_checked(text, status):
    article, claims = _claims(text)
    assert [(x.kind, x.status) for x in check_articles([article], claims)] == [("currency", status)]


def test_an_amount_in_taiwan_dollars_and_us_dollars_is_checked_against_the_rate():
    from claimwatch.claims.arithmetic import check_currency_pairs
    from claimwatch.pipeline import query_claim

    (wrong,) = check_currency_pairs(query_claim("The cabinet approved NT$3 billion, or about $9.3 million, for rebuilding."))
    (right,) = check_currency_pairs(query_claim("台湾行政院核定28.5亿元新台币（约合8900万美元）的重建经费。"))
    assert (wrong.status, right.status) == ("failed", "passed")
