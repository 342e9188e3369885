"""Scopes: the part of an amount a value measures (claims/scopes.py)."""

import numpy as np
import pytest

from claimwatch.claims import scopes
from claimwatch.claims.scopes import same_scope, use_encoder
from claimwatch.pipeline import query_claim


def _scopes(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.attribute, q.scope) for q in query_claim(text).quantities]


@pytest.mark.parametrize("text, value, scope", [
    pytest.param("增值服务收入823亿元，同比增长9%", "823亿元", "增值服务", id="zh-segment"),
    pytest.param("增值服务收入823亿元，同比增长9%", "9%", "增值服务", id="zh-growth-takes-its-amount's-scope"),
    pytest.param("远航第三季度本土市场游戏收入346亿元", "346亿元", "本土游戏", id="zh-after-subject-and-period"),
    pytest.param("公司2024年营收3620.13亿元", "3620.13亿元", "", id="zh-whole"),
    pytest.param("腾讯9月季度营收约2365亿元", "2365亿元", "", id="zh-a-month-s-quarter-is-when"),
    pytest.param("腾讯云智能集团9月季度营收约296亿元", "296亿元", "云智能", id="zh-a-unit-before-its-quarter"),
    pytest.param("2024年公司实现营业收入3620.13亿元", "3620.13亿元", "", id="zh-verb-is-no-scope"),
    pytest.param("其中海外游戏业务收入139亿元", "139亿元", "海外游戏", id="zh-head-word-dropped"),
    pytest.param("Domestic games revenue rose 14% to 34.6 billion yuan.", "34.6 billion yuan", "games", id="en-condition-stripped"),
    pytest.param("Acme's marketing services revenue of 29.9 billion yuan", "29.9 billion yuan", "marketing services",
                 id="en-after-possessive"),
    pytest.param("Acme's third-quarter revenue came in at 167.19 billion yuan", "167.19 billion yuan", "", id="en-period"),
    pytest.param("The Ascend line ships an estimated 500,000 units a year", "500,000 units", "", id="en-head-word"),
    pytest.param("Acme's advertising (marketing services) revenue grew 17%", "17%", "marketing services", id="en-bracketed-name"),
    pytest.param("Domestic games revenue climbed 24% to 34.6 billion yuan", "24%", "games", id="en-rise-to-an-amount"),
    pytest.param("非国际财务报告准则下归母净利润为598亿元", "598亿元", "", id="zh-accounting-basis-is-a-condition"),
    pytest.param("Acme's October exports came to about 3.1 trillion yuan.", "3.1 trillion yuan", "", id="en-month-is-when"),
    pytest.param("Acme's Home Appliances Group grew revenue 12% to about 18.4 billion yuan.", "18.4 billion yuan",
                 "home appliances", id="en-unit-that-grew-it"),
    pytest.param("Tencent Overseas Retail Group, which runs its stores abroad, increased revenue 21% to 9.3 billion yuan.",
                 "9.3 billion yuan", "overseas retail", id="en-unit-before-an-aside"),
    pytest.param("Acme Group reported revenue of 236.5 billion yuan.", "236.5 billion yuan", "", id="en-the-company-itself"),
    pytest.param("Tencent Group reported revenue of 236.5 billion yuan.", "236.5 billion yuan", "", id="en-the-named-company-itself"),
    # the people a count counts are no part of what they did ("signed up")
    pytest.param("Over a hundred million people signed up for the launch.", "a hundred million", "", id="en-counted-people"),
    pytest.param("同期QQ移动终端月活跃账户数为5.66亿", "5.66亿", "移动", id="zh-terminal-is-the-head"),
    pytest.param("Acme's Friday revenue was $2 billion.", "$2 billion", "", id="en-weekday-is-when"),
    # the amount's own unit is no part of the whole it is a share of
    pytest.param("当月对东盟出口513亿美元，约占当月3090.6亿美元出口总额的四分之一", "3090.6亿美元", "", id="zh-unit-is-no-scope"),
])
def test_scope_is_the_words_before_the_cue(text, value, scope):
    assert (value, scope) in [(v, s) for v, _, s in _scopes(text)]


def test_a_growth_rate_of_no_named_amount_is_compared_with_nothing():
    from claimwatch.claims.consistency import attribute_known
    (rate,) = [q for q in query_claim("同比增长17%").quantities]
    assert rate.attribute == "growth" and not attribute_known(rate)


def test_a_rise_written_before_its_amount_is_that_amounts_rise():
    assert ("24%", "revenue_up", "games") in _scopes("Domestic games revenue climbed 24% to 34.6 billion yuan.")


def test_the_accounting_basis_is_a_condition():
    from claimwatch.claims.conditions import conditions_of
    assert "non-gaap" in conditions_of("非国际财务报告准则下归母净利润为598亿元")
    assert "non-gaap" in conditions_of("Non-IFRS net profit rose 36%")
    assert "gaap" in conditions_of("按国际财务报告准则，净利润为532.3亿元")
    assert "non-gaap" in conditions_of("非GAAP毛利率为75.0%") and "gaap" not in conditions_of("非GAAP毛利率为75.0%")
    assert "gaap" in conditions_of("The GAAP gross margin was 74.6%.")


def test_values_of_unscoped_attributes_have_no_scope():
    assert all(s is None for _, _, s in _scopes("台风登陆时中心附近最大风速为52米/秒，造成3人死亡。"))


class _Words:
    """An encoder that reads a phrase as its (translated) words: one axis per word."""

    table = {"国际市场游戏": "international games", "营销服务": "marketing services"}
    vocab = ["international", "games", "marketing", "services"]

    def embed(self, texts):
        out = []
        for t in texts:
            words = self.table.get(t, t).split()
            v = np.array([float(w in words) for w in self.vocab]) + 1e-6
            out.append(v / np.linalg.norm(v))
        return np.array(out)


def test_scopes_match_by_words_in_one_script_and_by_the_encoder_across_scripts():
    try:
        use_encoder(None)
        assert same_scope("营销服务", "营销服务") and not same_scope("营销服务", "增值服务")
        assert not same_scope("", "营销服务")  # a part is not the whole
        assert not same_scope("国际市场游戏", "international games")  # no encoder: unsure, kept apart
        use_encoder(_Words())
        assert same_scope("国际市场游戏", "international games")
        assert not same_scope("国际市场游戏", "marketing services")
    finally:
        use_encoder(None)
        scopes._vector.cache_clear()


def test_two_segments_of_one_company_are_not_compared():
    from claimwatch.claims.consistency import Pair, build_clusters
    from claimwatch.claims.models import Article
    from claimwatch.claims.segment import segment_claims
    arts = [Article(id="a", source="A", title="", published="2024-11-13", text="远航增值服务收入823亿元。"),
            Article(id="b", source="B", title="", published="2024-11-13", text="远航营销服务收入299亿元。")]
    claims = [c for a in arts for c in segment_claims(a)]
    result = build_clusters(arts, claims, [Pair(0, 1, 0.9, 0.5, 0.9)], [], threshold=0.7)
    assert not [c for c in result.conflicts if c.severity == "conflict"]
    arts[1] = Article(id="b", source="B", title="", published="2024-11-13", text="远航增值服务收入832亿元。")
    claims = [c for a in arts for c in segment_claims(a)]
    result = build_clusters(arts, claims, [Pair(0, 1, 0.9, 0.5, 0.9)], [], threshold=0.7)
    assert [(c.severity, c.reason) for c in result.conflicts] == [("conflict", "value_mismatch")]


def test_one_figure_for_a_part_and_for_the_whole_is_a_qualifier_mismatch():
    from claimwatch.claims.consistency import Pair, build_clusters
    from claimwatch.claims.models import Article
    from claimwatch.claims.segment import segment_claims

    def conflicts(x: str, y: str):
        arts = [Article(id="a", source="A", title="", published="2024-11-13", text=x),
                Article(id="b", source="B", title="", published="2024-11-13", text=y)]
        claims = [c for a in arts for c in segment_claims(a)]
        return [(c.severity, c.reason) for c in build_clusters(arts, claims, [Pair(0, 1, 0.9, 0.5, 0.9)], [], 0.7).conflicts]

    assert conflicts("腾讯本土市场游戏收入346亿元。", "腾讯游戏业务总收入346亿元。") == [("conflict", "qualifier_mismatch")]
    assert conflicts("腾讯本土市场游戏收入346亿元。", "腾讯国际市场游戏收入346亿元。") == [("conflict", "qualifier_mismatch")]
    assert conflicts("腾讯本土市场游戏收入346亿元。", "腾讯国际市场游戏收入139亿元。") == []  # two parts, two figures


def test_a_one_character_qualifier_meets_its_english_word_without_an_encoder():
    assert same_scope("净", "net") and not same_scope("净", "")


@pytest.mark.parametrize(("one", "other"), [
    ("Tencent's home-market games revenue grew 14%.", "Tencent's domestic games revenue grew 14%."),
    ("Overseas games revenue rose 9% to 13.9 billion yuan.", "International games revenue rose 9% to 13.9 billion yuan."),
    ("腾讯本土市场游戏收入346亿元。", "腾讯境内游戏收入346亿元。"),
    ("国际市场游戏收入139亿元。", "海外游戏收入139亿元。"),
])
def test_one_market_in_other_words_is_one_scope(one, other):
    (a, *_), (b, *_) = (query_claim(t).quantities for t in (one, other))
    assert a.scope == b.scope


def test_the_word_international_in_an_accounting_standard_names_no_market():
    (q,) = query_claim("非国际财务报告准则下归母净利润为598亿元。").quantities
    assert "海外" not in (q.scope or "")


@pytest.mark.parametrize(("text", "value", "scope"), [
    ("第三财季来自中国大陆及香港地区的营收为54.2亿美元", "54.2亿美元", "中国大陆及香港地区"),  # a region's revenue
    ("该业务当季营收307.7亿美元", "307.7亿美元", "该业务"),  # a part named before
    ("其中，数据中心业务营收307.7亿美元", "307.7亿美元", "数据中心"),  # 数据 is no 据 (according to)
    ("英伟达第三财季营收约351亿美元", "351亿美元", ""),  # the fiscal quarter is no part
])
def test_a_region_a_named_part_and_a_fiscal_quarter_in_chinese_scopes(text, value, scope):
    assert (value, scope) in [(v, s) for v, _, s in _scopes(text)]


def test_a_named_business_group_is_a_part_and_a_period_between_part_and_cue_is_skipped():
    from claimwatch.pipeline import query_claim

    cloud_en = query_claim("Cloud Intelligence Group revenue rose 7% to 29.61 billion yuan").quantities
    assert {q.scope for q in cloud_en if q.attribute and q.attribute.startswith("revenue")} == {"cloud intelligence"}
    cloud_zh = query_claim("阿里巴巴云智能集团截至9月30日止季度收入为296.1亿元").quantities
    assert [q.scope for q in cloud_zh if q.attribute == "revenue"] == ["云智能"]
    whole = query_claim("阿里巴巴集团收入为2365亿元").quantities
    assert [q.scope for q in whole if q.attribute == "revenue"] == [""]
    # operating profit is an attribute of its own, no scope of net profit
    assert {q.attribute for q in query_claim("Operating profit grew 17% to 88.3 billion yuan.").quantities} == {
        "operating_profit_up", "operating_profit"}


def test_revenue_from_a_region_is_a_part_in_english_too():
    from claimwatch.pipeline import query_claim

    (q,) = query_claim("Acme's revenue from mainland China and Hong Kong was about $5.4 billion.").quantities
    assert q.scope == "mainland china and hong kong"
    (whole,) = query_claim("Total investment in the Debrecen plant is capped at €7.34 billion.").quantities
    assert not whole.scope


def test_a_rank_holds_in_the_table_its_section_heading_names():
    from dataclasses import replace

    from claimwatch.claims.conditions import conditions_at
    from claimwatch.pipeline import query_claim
    claim = replace(query_claim("乙公司以36.6GWh排名第三"), section="国内装车")
    rank = next(q for q in claim.quantities if q.attribute == "rank")
    assert "domestic" in conditions_at(claim, rank)
    # a claim naming its own table keeps it
    named = replace(query_claim("乙公司以4.4%的份额位列全球第四"), section="国内装车")
    rank = next(q for q in named.quantities if q.attribute == "rank")
    assert "global" in conditions_at(named, rank) and "domestic" not in conditions_at(named, rank)


@pytest.mark.parametrize("text, scope", [
    pytest.param("Europe, including the UK, accounted for about $2.1 billion of revenue, or a tenth of the total.", "europe",
                 id="a-region-of-the-whole"),
    pytest.param("Gaming accounted for $3.3 billion of the company's revenue.", "gaming", id="a-segment"),
    pytest.param("It accounted for $3.3 billion of revenue.", "", id="a-pronoun-names-no-part"),
    pytest.param("Revenue for the quarter came to $35.8 billion.", "", id="the-whole"),
])
def test_what_accounted_for_an_amount_of_the_whole_is_a_part(text, scope):
    (amount,) = [q for q in query_claim(text).quantities if q.attribute == "revenue"]
    assert amount.scope == scope


@pytest.mark.parametrize("text, scope", [
    pytest.param("11月该国对日本贸易顺差为120亿美元", "to place:japan", id="zh-with-one-market"),
    pytest.param("The country's trade surplus with the United States was $12 billion.", "to place:us", id="en-with-one-market"),
    pytest.param("The country's trade surplus reached $81.2 billion.", "", id="the-whole-surplus"),
])
def test_a_surplus_with_one_market_is_a_part_of_the_whole(text, scope):
    (surplus,) = [q for q in query_claim(text).quantities if q.attribute == "trade_surplus"]
    assert surplus.scope == scope


@pytest.mark.parametrize("text, scope", [
    pytest.param("本季度集团收入为2365.03亿元人民币，同比增长5%。", "", id="this-quarter-the-group"),
    pytest.param("当季度公司收入为500亿元。", "", id="that-quarter-the-company"),
    pytest.param("本季度游戏业务收入为300亿元。", "游戏", id="a-part-after-the-quarter-stays-a-part"),
])
def test_a_quarter_written_before_the_group_is_when_not_a_part(text, scope):
    (revenue,) = [q for q in query_claim(text).quantities if q.attribute == "revenue"]
    assert revenue.scope == scope


@pytest.mark.parametrize("text, scope", [
    pytest.param("阿里云智能集团9月季度营收约296亿元", "云智能", id="zh-the-cloud-unit-named-with-its-parent"),
    pytest.param("阿里云收入增长7%至296亿元", "云", id="zh-the-cloud-unit-in-short"),
    pytest.param("Alibaba Cloud revenue rose 7% to 29.6 billion yuan.", "cloud", id="en-the-cloud-unit"),
])
def test_a_unit_named_after_its_parent_is_the_parents_part_not_the_parent(text, scope):
    # 阿里云 / Alibaba Cloud is the company's cloud unit: its revenue is a part of Alibaba's, so
    # '阿里云智能集团营收约296亿元' meets 'Cloud Intelligence Group revenue … 29.6 billion yuan'
    (revenue,) = [q for q in query_claim(text).quantities if q.attribute == "revenue"]
    assert revenue.subject == "org:alibaba" and revenue.scope == scope


@pytest.mark.parametrize("text, basis", [
    ("以人民币计，10月出口增长11.2%", "in yuan"),
    ("10月出口（美元计）同比增长12.7%", "in dollars"),
    ("10月出口(人民币计)增长11.2%", "in yuan"),
    ("Exports grew 12.7% in October in U.S. dollar terms", "in dollars"),
])
def test_the_currency_a_series_is_counted_in_is_a_condition(text, basis):
    from claimwatch.claims.conditions import conditions_of
    assert basis in conditions_of(text)
