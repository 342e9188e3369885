"""Hedge and negation cues (claimwatch.claims.hedges)."""

from __future__ import annotations

import pytest

from claimwatch.claims.hedges import declines_comment, find_hedge, find_negation, find_opinion


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        pytest.param("有消息称，北京方面可能要求国内大厂优先采购国产芯片", "有消息称", id="zh-youxiaoxicheng-first"),
        pytest.param("据传，部分云厂商正在评估混合部署的方案", "据传", id="zh-juchuan"),
        pytest.param("分析人士预计，首批H200最早会在2026年一季度运抵", "预计", id="zh-yuji"),
        pytest.param("首批获批的H200可能是下调规格的版本", "可能", id="zh-keneng"),
        pytest.param("百度拟分拆昆仑芯独立上市", "拟", id="zh-ni"),
        pytest.param("Chinese cloud providers are reportedly preparing orders", "reportedly", id="en-reportedly"),
        pytest.param("First deliveries could arrive in the first quarter of 2026", "could", id="en-could"),
        pytest.param("Nvidia may ship H200 processors", "may", id="en-may-modal"),
        pytest.param("The Commerce Department is expected to publish details", "expected to", id="en-expected-to"),
        pytest.param("according to people familiar with the matter", "according to people familiar",
                     id="en-people-familiar"),
        pytest.param("REPORTEDLY, orders are being drafted", "reportedly", id="en-case-insensitive"),
        pytest.param("Analysts expect revenue of 100 billion yuan", "expect", id="en-expect"),
    ],
)
def test_find_hedge_returns_the_first_cue(text, cue):
    assert find_hedge(text) == cue


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("美方将从H200对华销售额里拿走25%作为分成", id="zh-flat"),
        pytest.param("The U.S. government will collect 25% of the revenue", id="en-flat"),
        pytest.param("The mayor of Santa Clara welcomed the decision", id="en-mayor-is-not-may"),
        pytest.param("", id="empty"),
        pytest.param(
            "模拟芯片厂商的订单依旧饱满", id="zh-moni-analog-is-not-ni",
        ),
        pytest.param(
            "In May 2025 Nvidia reported record revenue", id="en-may-month-is-not-modal",
        ),
        pytest.param("扣除员工股份奖励计划发行的新股后，净回购金额为780亿港元", id="zh-award-scheme-is-no-plan"),
        pytest.param("Revenue beat analysts' forecasts", id="en-beat-forecasts-is-an-outcome"),
        pytest.param("营收为1672亿元，但未能达到市场预期", id="zh-missed-expectations-is-an-outcome"),
    ],
)
def test_find_hedge_is_none_for_flat_statements(text):
    assert find_hedge(text) is None


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        pytest.param("Blackwell与Rubin芯片不包括在放行名单内", "不包括", id="zh-bubaokuo"),
        pytest.param("更新一代的Blackwell与Rubin芯片不在放行名单之内", "不在", id="zh-buzai"),
        pytest.param("公司尚未做出决定", "尚未", id="zh-wei"),
        pytest.param("国内所有CSP没有任何一家把国产卡当成主力", "没有", id="zh-meiyou"),
        pytest.param("Blackwell and Rubin chips are not included in the approval", "not", id="en-not"),
        pytest.param("Customers were barred from buying the chip", "barred", id="en-barred"),
        pytest.param("The chip is no longer sold in China", "no longer", id="en-no-longer"),
        pytest.param("Beijing didn't comment", "didn't", id="en-contraction"),
        pytest.param(
            "Nvidia cannot ship Blackwell to China", "cannot", id="en-cannot",
        ),
        pytest.param("不丹官方表示暂无人员伤亡报告", "暂无", id="zh-none-so-far"),
        pytest.param("officials said nobody there was hurt", "nobody", id="en-nobody"),
        pytest.param("Officials said no one was killed", "no one", id="en-no-one"),
    ],
)
def test_find_negation_returns_the_cue(text, cue):
    assert find_negation(text) == cue


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("美方将从H200对华销售额里拿走25%作为分成", id="zh-flat"),
        pytest.param("The notice says nothing about Blackwell", id="en-not-inside-words"),
        pytest.param("", id="empty"),
        pytest.param(
            "未来H100/H200将逐步下架", id="zh-weilai-future-is-not-negation",
        ),
        pytest.param(
            "不排除北京方面要求优先采购国产芯片", id="zh-bupaichu-double-negative",
        ),
        pytest.param("救援队出动无人机搜救", id="zh-drone-is-no-nobody"),
        pytest.param("营收为1672亿元，但未能达到市场预期", id="zh-missed-expectations-is-no-denial"),
    ],
)
def test_find_negation_is_none_for_affirmative_statements(text):
    assert find_negation(text) is None


@pytest.mark.parametrize("text", [
    "这次收购堪称近年来最失败的一笔交易。",
    "In our view, the tariff is a blunder that will backfire.",
    "分析人士认为，这一定价策略并不意味着降价潮的到来。",
    "Investors should treat the rally with caution.",
])
def test_evaluative_claims_are_opinions(text):
    assert find_opinion(text) is not None


@pytest.mark.parametrize("text", [
    "该公司第三季度营收同比增长12%。",
    "The board approved a dividend of $0.25 per share.",
    "The company was founded in Shenzhen in 2015.",  # "wise" inside no word, no judgement
    "国家统计局公布，10月CPI同比上涨0.2%。",
])
def test_factual_claims_are_not_opinions(text):
    assert find_opinion(text) is None


@pytest.mark.parametrize(("text", "negated"), [
    ("X9标准版不配备激光雷达", True),
    ("该规则不适用于Blackwell", True),
    ("受芯片短缺影响，厂商不得不暂停部分生产线", False),
    ("国产算力替代是不可逆转的趋势", False),
])
def test_denials_of_equipment_and_scope_are_negations(text, negated):
    from claimwatch.claims.hedges import find_negation

    assert (find_negation(text) is not None) is negated


@pytest.mark.parametrize("text", ["若超额配股权获悉数行使，募资总额将增至约410亿港元",
                                  "如果需求回暖，出货量将翻倍",
                                  "Proceeds rise to HK$41 billion if the greenshoe is exercised in full"])
def test_a_condition_is_a_hedge(text):
    assert find_hedge(text) is not None


@pytest.mark.parametrize("text", ["公司引入了若干基石投资者", "The run cost $5.6 million, by assuming a $2 hourly rental rate"])
def test_若干_and_a_method_are_no_condition(text):
    assert find_hedge(text) is None


@pytest.mark.parametrize("text", [
    "Huawei did not respond to a request for comment.", "Huawei declined to comment on stock levels.",
    "The company could not immediately be reached for comment.", "公司对此未作置评。", "腾讯拒绝置评。",
    "The studio has not commented publicly on the report.", "The carrier hasn't yet responded to questions.",
])
def test_declining_to_comment_is_told_apart(text):
    assert declines_comment(text)
    assert not declines_comment("Huawei did not say which chip powers the device.")
    assert not declines_comment("The chipmaker has not yet shipped any of the new parts.")


@pytest.mark.parametrize(("text", "hedged"), [
    ("西班牙内阁11日批准第二轮洪灾援助计划，金额为37.65亿欧元。", False),  # a plan adopted: a noun
    ("该计划已获批准。", False),
    ("公司计划于2025年推出新机。", True),  # a plan to do something
    ("荣耀计划明年推出三折叠手机。", True),
])
def test_a_plan_adopted_is_no_hedge_and_a_plan_to_act_is(text, hedged):
    assert (find_hedge(text) is not None) == hedged


@pytest.mark.parametrize(("text", "hedged"), [
    ("对于第四财季，英伟达给出的营收指引为375亿美元。", True),
    ("The company guided fourth-quarter revenue to $37.5 billion.", True),
    ("由于业绩指引未能超出预期，英伟达股价盘后下跌。", False),  # guidance named, no figure of it
])
def test_guidance_is_a_forecast(text, hedged):
    assert (find_hedge(text) is not None) == hedged


@pytest.mark.parametrize("text", ["鲍曼投下反对票，她主张降息25个基点", "Bowman dissented; she wanted a quarter-point cut",
                                  "Two officials argued for a smaller cut"])
def test_a_position_argued_for_is_no_fact(text):
    assert find_hedge(text) is not None


@pytest.mark.parametrize(("text", "hedged"), [
    ("奇瓦镇8小时内降雨量达491升/平方米，接近当地一年的降雨量", False),  # nearly: a comparison, no source
    ("中国队金牌数接近日本队的四倍", False),
    ("据接近交易的人士透露，双方已谈妥价格", True),  # sources close to the deal
])
def test_jiejin_is_a_hedge_only_as_sources_close_to_something(text, hedged):
    assert (find_hedge(text) is not None) == hedged


@pytest.mark.parametrize(("text", "hedged"), [
    ("Nippon Steel said it would keep seeking approval.", False),  # a stated intent, reported as a fact
    ("Biden said the federal government would cover the full cost for 180 days.", False),
    ("此次收购将帮助公司实现全球粗钢年产能1亿吨的目标。", True),  # a goal is no figure reached
])
def test_would_reports_an_intent_and_a_goal_is_no_fact(text, hedged):
    assert (find_hedge(text) is not None) == hedged


@pytest.mark.parametrize("text", [
    "The floods destroyed some 1.2 million vehicles, the insurer estimated.",
    "据估算，约12万辆汽车在洪水中损毁。",
    "Microsoft estimates the update affected 8.5 million Windows devices.",
])
def test_an_estimate_of_what_happened_is_a_reported_figure(text):
    # two outlets that give one agency's estimate differently contradict each other
    assert find_hedge(text) is None


def test_a_forecast_stays_a_hedge():
    assert find_hedge("Analysts forecast revenue of $37 billion next quarter.") == "forecast"


def test_yet_to_is_a_negation():
    assert find_negation("The cubesat has yet to send back any images.") == "yet to"


@pytest.mark.parametrize(("text", "cue"), [
    ("No tsunami waves were observed in Japan, the agency said later.", "no"),
    ("There were no casualties among the crew.", "no"),
    ("Reserving the phone required no deposit.", "no"),
    ("The fee is no more than 5% of the price.", None),
    ("Payment is due no later than May 3.", None),
    ("It ranked No. 1 in China.", None),
    ("It was approved for people with one or no copies of the gene.", None),
])
def test_no_before_a_noun_is_a_negation_but_not_a_bound_a_rank_or_a_nought(text, cue):
    assert find_negation(text) == cue


@pytest.mark.parametrize("text", ["若交易因监管原因失败，日本制铁需向美国钢铁支付5.65亿美元分手费。",
                                  "If the deal is blocked, Acme must pay Widget a $565 million breakup fee."])
def test_a_fee_owed_on_a_condition_is_a_term_of_the_deal_not_a_hypothesis(text):
    assert find_hedge(text) is None
    # the same condition without a contract's fee still hedges what follows it
    assert find_hedge(text.replace("分手费", "").replace(" breakup fee", "")) in ("若", "if")
