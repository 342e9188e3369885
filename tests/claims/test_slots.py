"""Attaching each value to its subject, attribute and comparison target (claims/slots.py)."""

import pytest

from claimwatch.claims.quantities import extract_quantities
from claimwatch.claims.slots import attach_slots
from claimwatch.claims.words import word_edges
from claimwatch.pipeline import query_claim


def slots(text: str, title: str = "") -> list[tuple[str, str | None, str | None, str | None]]:
    return [(q.text, q.subject, q.attribute, q.relative_to)
            for q in attach_slots(text, extract_quantities(text, "2025-06-01"), title)]


def test_two_facts_about_one_product_get_their_own_attributes():
    assert slots("AMD MI308的显存为192GB，带宽为5.3TB/s") == [
        ("192GB", "product:MI308", "memory_capacity", None),
        ("5.3TB/s", "product:MI308", "memory_bandwidth", None),
    ]


def test_values_of_two_products_in_one_claim_stay_apart():
    got = slots("H20的分成比例为15%，而H200的分成比例为25%")
    assert [(t, s) for t, s, _, _ in got] == [("15%", "product:H20"), ("25%", "product:H200")]
    assert {a for _, _, a, _ in got} == {"revenue_share"}


@pytest.mark.parametrize("text, subject, other", [
    ("昇腾910C的性能约为A100的3倍", "product:ascend", "product:A100"),
    ("B200 offers about four times the performance of the H100.", "product:B200", "product:H100"),
    ("MI308的算力不到B300的十分之一", "product:MI308", "product:B300"),
])
def test_a_multiple_records_both_sides(text, subject, other):
    (q,) = [s for s in slots(text) if s[2] in ("compute", None) and s[3]]
    assert (q[1], q[3]) == (subject, other)


def test_a_speaker_is_not_the_subject_when_another_is_named():
    (value,) = slots("黄仁勋表示，B30A的售价约为3万美元")
    assert value[1] == "product:B30A" and value[2] == "price"


def test_a_speaker_talking_about_itself_is_the_subject():
    assert [s for _, s, _, _ in slots("Micron said its revenue rose 37% to $9.3 billion.")] == ["org:micron"] * 2


def test_the_title_names_the_subject_of_a_claim_that_names_none():
    assert slots("公司上半年营收达9亿元", title="壁仞科技披露中报")[-1][1] == "org:biren"
    assert slots("公司上半年营收达9亿元")[-1][1] is None


def test_a_date_takes_the_subject_of_the_fact_it_times():
    got = slots("2024年，腾讯的资本开支约为767亿元")
    assert [s for _, s, _, _ in got] == ["org:tencent", "org:tencent"]
    assert got[1][2] is None or got[1][2] != "release_date"


def test_an_event_date_belongs_to_what_the_event_names():
    (date,) = slots("英伟达计划于2026年下半年推出Rubin")
    assert date[1:3] == ("product:rubin", "release_date")


def test_a_market_is_not_the_holder_of_a_market_share():
    (share,) = slots("2023年，华为在中国AI芯片市场的份额约为20%")[1:]
    assert share[1:3] == ("org:huawei", "market_share")


def test_number_formats_are_not_products():
    assert slots("The H100 delivers 1,979 TFLOPS at FP16.")[0][1] == "product:H100"


def test_a_cue_inside_a_longer_word_does_not_name_the_attribute():
    # 分成 inside 划分成 is no revenue share; the segmenter cuts 划分 / 成
    assert slots("市场被划分成3个部分")[0][2] != "revenue_share"
    assert {0, 2}.issubset(word_edges("市场被划分成3个部分"))


def test_claims_without_values_are_left_alone():
    assert attach_slots("没有数字的句子", ()) == ()


def test_what_a_market_is_worth_is_its_size():
    assert slots("Huang said the China market is worth about $30 billion a year.")[0][1:3] == ("market:china", "market_size")
    assert slots("Nvidia is worth $4.5 trillion.")[0][2] == "market_value"


def test_collecting_a_percentage_of_sales_is_a_revenue_share():
    assert slots("Washington will collect 15% of the revenue from H200 sales.")[0][1:3] == ("product:H200", "revenue_share")


def test_a_name_right_after_a_value_is_that_values_alone():
    got = slots("Its memory bandwidth of 4.8 TB/s compares with 3.35 TB/s on the H100.", "Nvidia H200 cleared")
    assert [(t, s) for t, s, _, _ in got] == [("4.8 TB/s", "product:H200"), ("3.35 TB/s", "product:H100")]


def test_a_clause_initial_it_is_the_articles_subject_but_it_is_expected_is_not():
    assert slots("It is at least six times as powerful as the H20.", "Nvidia H200 cleared") == [
        ("six times", "product:H200", "compute", "product:H20")]
    assert slots("It is expected that prices rise 25% for the B200.", "Nvidia H200 cleared")[0][1] == "product:B200"


def test_an_english_plural_product_code_is_the_product():
    from claimwatch.claims.subjects import find_subjects
    assert find_subjects("the first H200s reach customers") == {"product:H200"}
    assert find_subjects("the B30A chip") == {"product:B30A"}


def test_a_count_of_a_product_is_about_that_product():
    got = slots("DeepSeek says it trained V3 on 10,000 Nvidia H800 chips in its final run")
    assert got[0][1:3] == ("product:H800", "training_hardware")
    assert slots("其最终训练在由2048块英伟达H800 GPU组成的集群上完成")[0][1] == "product:H800"


def test_a_loss_of_market_value_is_not_a_market_value():
    assert slots("英伟达市值蒸发约5890亿美元")[0][2] == "market_value_change"
    assert slots("Nvidia's slide erased about $589 billion of its market value")[0][2] == "market_value_change"
    assert slots("当天收盘后，英伟达市值降至约2.9万亿美元")[0][2] == "market_value"


def test_units_that_name_an_attribute_name_it():
    got = slots("DeepSeek-V3 has 671 billion parameters, of which 37 billion are active, and used 2.79 million GPU hours")
    assert [(t, s, a) for t, s, a, _ in got] == [
        ("671 billion parameters", "product:V3", "model_size"), ("37 billion", "product:V3", "model_size"),
        ("2.79 million GPU hours", "product:V3", "gpu_hours")]


def test_a_converted_amount_keeps_the_slot_of_the_amount_it_converts():
    got = slots("V3最终训练成本为557.6万美元，约合3200万元人民币")
    assert [(t, a) for t, _, a, _ in got] == [("557.6万美元", "training_cost"), ("3200万元人民币", "training_cost")]


def test_a_date_standing_alone_times_the_next_clauses_event():
    assert slots("1月27日，深度求索发布推理模型DeepSeek-R1")[0][1:3] == ("product:R1", "release_date")


def test_a_name_used_as_a_descriptor_is_not_the_subject():
    assert slots("The H200, a Hopper-generation chip unveiled in November 2023")[0][1] == "product:H200"


def test_a_percentage_change_records_its_direction():
    assert slots("英伟达股价1月27日下跌17%")[-1][2] == "share_price_down"
    assert slots("英伟达股价次日反弹了8.9%")[-1][2] == "share_price_up"
    # a move that is still to come is written in the present: "could rise", "may fall"
    assert slots("Sales could rise about 3% next year")[0][2] == "revenue_up"
    assert slots("Sales may fall 2% next year")[0][2] == "revenue_down"


def test_a_move_named_after_its_figure_and_a_percentage_of_shares():
    assert slots("Tencent shares opened 1.9% higher on Thursday")[0][2] == "share_price_up"
    assert slots("Tencent shares closed 0.6% lower")[0][2] == "share_price_down"
    # a percentage of the shares is no share price, and a premium over a price is a premium
    assert slots("Shares representing about 71% of the shares outstanding were voted")[0][2] is None
    assert slots("The $55 offer was about 40% above the stock's closing price on Friday")[1][2] == "premium"
    assert slots("这一报价较该股收盘价溢价约40%")[-1][2] == "premium"


def test_what_makes_up_a_share_is_no_rise():
    assert not (slots("Europe made up roughly 30% of Siemens' orders in the year")[-1][2] or "").endswith("_up")
    assert slots("Orders were up roughly 30% in the year")[-1][2].endswith("_up")


def test_a_conversion_after_an_exchange_rate_keeps_the_converted_amounts_slot():
    got = slots("训练成本约为557.6万美元，按1美元兑7.2元人民币折算约合4015万元。")
    assert got[-1][0] == "4015万元" and got[-1][2] == "training_cost"


def test_what_a_slide_erases_is_market_value():
    assert slots("Nvidia's slide that day erased roughly $593 billion")[0][2] == "market_value_change"


def test_a_cause_set_before_the_sentence_is_not_its_topic():
    got = slots("受DeepSeek低成本模型冲击，英伟达股价1月27日下跌17%，市值蒸发约5890亿美元。")
    assert {s for _, s, _, _ in got} == {"org:nvidia"}


def test_what_a_value_is_compared_against_is_never_its_subject():
    text = "H200芯片与H100采用同一架构，但性能是H100的两倍"
    (q,) = attach_slots(text, tuple(extract_quantities(text)))
    assert (q.subject, q.relative_to) == ("product:H200", "product:H100")


@pytest.mark.parametrize(("text", "kind", "value", "relative_to"), [
    ("Z9's price is 96% lower than Y5's.", "fraction", 0.04, "product:Y5"),
    ("Z9的API价格比Y5便宜96%", "fraction", 0.04, "product:Y5"),
    ("Z9的销量比Y5多30%", "multiple", 1.3, "product:Y5"),
])
def test_a_percentage_against_another_subject_is_the_ratio_it_states(text, kind, value, relative_to):
    (q,) = attach_slots(text, tuple(extract_quantities(text)))
    assert (q.kind, q.relative_to) == (kind, relative_to) and q.value == pytest.approx(value)


def test_a_share_of_a_market_stays_a_percentage():
    text = "英伟达在中国的份额从95%降至0"
    assert attach_slots(text, tuple(extract_quantities(text)))[0].kind == "percent"


@pytest.mark.parametrize(("text", "value", "attribute"), [
    ("英伟达目前仍占据一半以上份额", 50.0, "market_share"),
    ("按照新规则，Z9在华销售收入的四分之一要交给美国政府", 25.0, "revenue_share"),
    ("Acme held a quarter of the world market", 25.0, "market_share"),
])
def test_a_fraction_that_is_a_share_is_its_percentage(text, value, attribute):
    (q,) = attach_slots(text, tuple(extract_quantities(text)))
    assert (q.kind, q.low, q.attribute) == ("percent", value, attribute)


def test_a_part_of_the_vote_is_a_vote_share():
    for text in ("The Green Party won about a third of the party-list vote", "绿党在政党票中拿下约三成选票"):
        assert attach_slots(text, tuple(extract_quantities(text)))[0].attribute == "vote_share"


def test_a_fraction_of_a_measure_stays_a_fraction():
    text = "其整体处理性能仅为B30A芯片的一半"
    (q,) = attach_slots(text, tuple(extract_quantities(text)))
    assert q.kind == "fraction"


def test_the_end_of_a_change_between_percentages_is_a_percentage_of_the_same_attribute():
    text = "英伟达的市场份额从95%一路跌到0"
    qs = attach_slots(text, tuple(extract_quantities(text)))
    assert [(q.kind, q.value, q.attribute) for q in qs] == [("percent", 95, "market_share"), ("percent", 0, "market_share")]


def test_points_are_not_a_ratio():
    text = "此次Z9的分成比例较Y5提高了10个百分点"
    (q,) = attach_slots(text, tuple(extract_quantities(text)))
    assert (q.kind, q.unit, q.value) == ("percent", "pp", 10)


def test_a_makers_product_after_a_value_is_its_subject():
    text = "A quarter of Nvidia's H200 revenue from China will go to the US government."
    (q,) = attach_slots(text, tuple(extract_quantities(text)))
    assert q.subject == "product:H200"
    text = "25% of Nvidia's revenue"
    (q,) = attach_slots(text, tuple(extract_quantities(text)))
    assert q.subject == "org:nvidia"


@pytest.mark.parametrize("text, attribute", [
    ("全日收报302.6港元", "share_price"),
    ("中国石化认购3亿美元", "subscription"),
    ("项目总投资约78亿欧元", "investment"),
    ("该项目于2022年8月首次对外公布", "announcement_date"),
    ("公司于2018年6月21日登陆深交所创业板", "listing_date"),
    ("营业收入3620.13亿元，同比下降9.70%", "revenue_down"),
])
def test_finance_figures_get_their_attribute(text, attribute):
    assert slots(text)[-1][2] == attribute


def test_a_fall_far_from_an_amount_stays_unnamed():
    assert slots("营业收入3620.13亿元。另外，指数下降9.70%")[-1][2] == "change_down"


def test_a_subject_that_followed_shares_the_event_of_the_date_before():
    assert slots("DeepSeek released V3 on December 10, and the R1 reasoning model followed on January 20.")[-1] == (
        "January 20", "product:R1", "release_date", None)
    assert slots("DeepSeek released V3 on December 10, and Nvidia fell on January 27.")[-1][2] is None


def test_a_toll_takes_the_cue_right_after_each_count():
    assert [a for _, _, a, _ in slots("越南死亡人数升至197人，另有128人失踪、800多人受伤")] == ["deaths", "missing", "injured"]
    assert slots("越南政府初步估计经济损失约40万亿越南盾")[0][2] == "economic_loss"  # the loss is the figure, no change


@pytest.mark.parametrize("text, attributes", [
    pytest.param("遇难人数较前一日通报的205人又增加12人", ["deaths", "deaths_change"], id="zh-toll-rose-by"),
    pytest.param("The death toll rose by 12 to 217.", ["deaths_change", "deaths"], id="en-toll-rose-by-then-level"),
    pytest.param("地震已造成12人死亡", ["deaths"], id="zh-toll-level"),
])
def test_what_a_toll_rose_by_is_a_change_not_the_toll(text, attributes):
    assert [a for _, _, a, _ in slots(text)] == attributes


def test_the_year_a_record_reaches_back_to_dates_no_event():
    assert slots("“摩羯”是1949年有气象记录以来登陆我国的最强秋台风")[0][2] is None
    assert slots("the strongest autumn typhoon to make landfall in China since 1949")[0][2] is None
    assert slots("Ferries have been suspended since May 3")[0][2] == "suspension_date"  # no record: the start


def test_a_date_of_saying_is_no_date_of_the_event():
    assert slots("Trump said on June 1 that Nvidia will ship the H200")[0][2] is None
    assert slots("越南灾害管理部门5月14日称，全国死亡人数已升至292人")[0][2] is None
    assert slots("an arrangement announced by the White House on May 3 lets the H200 ship")[0][2] is None
    assert slots("Nvidia announced the H200 on May 3")[0][2] == "release_date"


def test_a_date_set_off_after_its_weekday_is_the_event_before_it():
    assert slots("Yagi came ashore near Hai Phong at 1 p.m. on Saturday, May 7, with winds of 62 metres per second")[0][2] \
        == "landfall_date"
    # also when the date ends the sentence
    assert slots("A powerful earthquake struck Tingri county on Tuesday, May 7.")[0][2] == "quake_date"


def test_a_launch_on_an_exchange_is_a_listing():
    assert slots("宁德时代2018年6月11日在深交所创业板上市")[0][2] == "listing_date"
    assert slots("小米SU7于2024年3月28日上市")[0][2] == "release_date"


def test_a_share_of_the_proceeds_has_its_attribute():
    assert slots("募得资金中约七成将投向匈牙利项目")[0][2] == "proceeds_share"
    assert slots("约90%的募资净额将投向匈牙利德布勒森项目")[0][2] == "proceeds_share"
    assert slots("募资总额约410亿港元")[0][2] == "funds_raised"


def test_a_toll_counts_people_whatever_noun_it_is_written_with():
    assert [q.unit for q in attach_slots("state media counted 226 flood deaths and 77 missing",
                                         extract_quantities("state media counted 226 flood deaths and 77 missing"))] \
        == ["people", "people"]


def test_a_growth_rate_is_the_rise_of_the_amount_it_follows_or_names():
    assert slots("营收847.05亿元，同比增长6.18%")[-1][2] == "revenue_up"
    assert slots("宁德时代净利润同比增幅超过三成")[-1][2] == "net_profit_up"
    assert slots("Net profit grew 32.85% in the first quarter.")[0][2] == "net_profit_up"
    assert slots("同比增长15%")[-1][2] == "growth"  # a rise of an unnamed measure


def test_a_top_speed_of_up_to_a_figure_is_that_figure():
    (q,) = attach_slots("with winds of up to 62 metres per second", extract_quantities("with winds of up to 62 metres per second"))
    assert q.attribute == "top_speed" and q.low == q.high == pytest.approx(223.2)
    (q,) = attach_slots("rainfall of up to 300 mm", extract_quantities("rainfall of up to 300 mm"))
    assert q.attribute == "rainfall" and q.low == float("-inf")  # other bounds stay bounds


def test_a_thousands_separator_is_no_clause_break():
    assert slots("In Dingri county alone, 3,609 homes collapsed.")[0][2] == "houses_collapsed"
    assert slots("地震共造成3609户房屋倒塌")[0][2] == "houses_collapsed"


def test_a_date_alone_but_for_its_time_of_day_dates_the_next_clauses_event():
    assert slots("1月8日9时5分，西藏定日县发生6.8级地震")[0][2] == "quake_date"


def test_people_rescued_and_rescuers_sent_are_two_counts_of_people():
    assert slots("救援人员共救出47名被困群众")[0][2] == "rescued"
    assert [(q.attribute, q.unit) for q in attach_slots("Rescue teams pulled out 407 trapped people, and 1,500 firefighters were deployed.",
            extract_quantities("Rescue teams pulled out 407 trapped people, and 1,500 firefighters were deployed."))] == \
        [("rescued", "people"), ("rescuers", "people")]


def _dated(text, published="2024-11-15"):
    from claimwatch.claims.models import Article
    from claimwatch.claims.segment import segment_claims

    (claim,) = segment_claims(Article(id="e", source="E", title="", published=published, text=text))
    return [(q.text, q.attribute) for q in claim.quantities]


@pytest.mark.parametrize(("text", "expected"), [
    ("Acme于11月14日公布了第三季度业绩。", [("11月14日", "results_date"), ("第三季度", None)]),
    ("Acme published its July-September results on Tuesday, November 12.",
     [("July-September", None), ("November 12", "results_date")]),
    ("Acme将于2025年3月公布2024年全年业绩。", [("2025年3月", "results_date"), ("2024年", None)]),
    # a Hong Kong close is no listing: 港股 alone does not make a release a listing
    ("Acme周三（11月13日）港股收盘后发布2024年第三季度业绩。", [("11月13日", "results_date"), ("2024年第三季度", None)]),
    ("Acme于2018年6月11日在深交所创业板上市。", [("2018年6月11日", "listing_date")]),
    # a quarter's figures of anything, not only results: the quarter is what they cover, not when they came out
    ("Acme于10月18日发布了第三季度全球手机出货数据。", [("10月18日", "release_date"), ("第三季度", None)]),
    ("Acme published its third-quarter figures on October 14.", [("third-quarter", None), ("October 14", "release_date")]),
])
def test_the_day_results_come_out_is_not_the_period_they_report(text, expected):
    assert _dated(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a date that qualifies a noun with 的 is that thing's year, not the date of the clause's event
    ("Acme 2024年的回购计划于2023年11月宣布。", [("2024年", None), ("2023年11月", "announcement_date")]),
    # ... unless the noun is the event itself
    ("西藏2025年1月7日的地震造成126人死亡。", [("2025年1月7日", "quake_date"), ("126人", "deaths")]),
])
def test_a_date_that_qualifies_a_noun_dates_that_noun(text, expected):
    assert _dated(text) == expected


@pytest.mark.parametrize(("text", "attribute"), [
    ("毛利率为53%，同比提升约4个百分点。", "gross_margin_up"),
    ("The gross margin widened by 9 percentage points to 53%.", "gross_margin_up"),
    ("The gross margin narrowed by 2 percentage points to 41%.", "gross_margin_down"),
])
def test_percentage_points_are_a_change_of_the_ratio(text, attribute):
    (points,) = [q for q in attach_slots(text, extract_quantities(text)) if q.unit == "pp"]
    assert points.attribute == attribute


@pytest.mark.parametrize("text", ["Acme控股（00700.HK）周三公布业绩", "公司H股挂牌，股票代码为3750", "Acme (ACME.O) said"])
def test_a_stock_code_is_no_figure(text):
    assert [q for q in extract_quantities(text) if q.kind != "date"] == []


@pytest.mark.parametrize(("text", "attribute", "scope"), [
    ("Non-IFRS net profit, the measure most analysts follow, rose 36% to 59.8 billion yuan.", "net_profit", ""),
    ("Acme's net buyback this year, after shares issued under award schemes, stands at HK$91.6 billion.", "buyback", "net"),
])
def test_a_clause_that_opens_with_its_predicate_measures_what_stands_before_the_aside(text, attribute, scope):
    from claimwatch.pipeline import query_claim

    (amount,) = [q for q in query_claim(text).quantities if q.kind == "money"]
    assert (amount.attribute, amount.scope) == (attribute, scope)


@pytest.mark.parametrize(("text", "expected"), [
    ("1月7日9时5分，西藏定日县发生6.8级地震。", [("1月7日", "quake_date"), ("9时5分", "quake_time"), ("6.8级", "magnitude")]),
    ("北京时间1月7日9时5分（尼泊尔当地时间6时50分），西藏定日县发生强烈地震。", [("1月7日", "quake_date"), ("9时5分", "quake_time")]),
    ("The quake hit at 9:05 a.m. GMT on January 7.", [("9:05 a.m.", "quake_time"), ("January 7", "quake_date")]),
    ("截至7日12时，地震已造成53人遇难。", [("7日", None), ("53人", "deaths")]),  # a cut-off time is no event's
])
def test_a_time_of_day_is_the_time_of_the_event_it_dates(text, expected):
    assert _dated(text, published="2025-01-09") == expected


def test_an_agencys_reading_of_a_quake_is_its_magnitude_and_an_aftershocks_is_under_its_own_condition():
    from claimwatch.pipeline import query_claim

    assert [q.attribute for q in query_claim("The US Geological Survey measured it at 7.1.").quantities] == ["magnitude"]
    from claimwatch.claims.conditions import conditions_at

    # an aftershock's magnitude is a magnitude, under the condition that tells it from the main shock's
    largest = query_claim("The agency recorded more than 500 aftershocks, the largest of magnitude 4.4.")
    (reading,) = [q for q in largest.quantities if q.unit == "grade"]
    assert reading.attribute == "magnitude" and "aftershock" in conditions_at(largest, reading)
    main = query_claim("The agency put the magnitude at 7.2, the strongest in 25 years.")
    (reading,) = [q for q in main.quantities if q.unit == "grade"]
    assert reading.attribute == "magnitude" and "main shock" in conditions_at(main, reading)
    (reading,) = query_claim("台湾“中央气象署”消息，花莲县近海发生规模7.2地震").quantities
    assert (reading.attribute, reading.unit, reading.subject) == ("magnitude", "grade", "org:cwa")


def test_an_agency_is_the_subject_of_its_readings_only():
    from claimwatch.pipeline import query_claim

    claim = query_claim("据台湾“中央气象署”消息，花莲县近海发生规模7.2地震，震源深度15.5公里，已造成9人死亡。")
    subjects = {q.attribute: q.subject for q in claim.quantities}
    assert subjects["magnitude"] == subjects["depth"] == "org:cwa"
    assert subjects["deaths"] != "org:cwa"  # the agency is the source of the toll, not what it describes


def test_the_day_figures_were_published_dates_no_approval():
    # "据…3日晚公布的数据": the figures' date, which times the toll, not an approval or a release
    assert _dated("据西班牙政府3日晚公布的数据，此次洪灾遇难人数已升至217人。", published="2024-11-04") == [
        ("3日", None), ("217人", "deaths")]


def test_announcing_a_deal_dates_the_deal_but_announcing_figures_dates_no_figure():
    deal = attach_slots("日本制铁于12月18日宣布，将以每股55美元收购美国钢铁。",
                        extract_quantities("日本制铁于12月18日宣布，将以每股55美元收购美国钢铁。", "2023-12-19"))
    assert deal[0].attribute == "announcement_date"
    results = attach_slots("英伟达12月18日宣布，第三季度营收增长94%", extract_quantities("英伟达12月18日宣布，第三季度营收增长94%", "2023-12-19"))
    assert results[0].attribute is None



def _ranked(text):
    return [(q.text, q.attribute, q.subject) for q in attach_slots(text, extract_quantities(text))]


def test_a_country_holds_its_rank_and_medals_are_counted_by_metal():
    assert _ranked("日本队以52金位列金牌榜第二，韩国队以42金排名第三。") == [
        ("52", "gold_medals", None), ("第二", "rank", "place:japan"), ("42", "gold_medals", None), ("第三", "rank", "place:korea")]
    # not the country it is ranked behind
    assert _ranked("South Korea finished with 42 golds, third on the medal table behind China and Japan.")[-1] == \
        ("third", "rank", "place:korea")
    # a company named competes, not the market it is ranked in
    assert _ranked("小米在中国市场的份额为14.5%，排名第四。")[-1] == ("第四", "rank", "org:xiaomi")


@pytest.mark.parametrize("text, whole", [
    pytest.param("Lai received 5,586,019 votes, or 40.05% of the 13,947,506 valid ballots.", "13,947,506",
                 id="en-ballots-a-share-is-of"),
    pytest.param("The film took 488 million yuan, roughly 27%, of the 1.81 billion yuan all films took.", "1.81 billion yuan",
                 id="en-market-a-share-is-of"),
])
def test_the_whole_a_share_is_of_measures_no_part(text, whole):
    (q,) = [q for q in attach_slots(text, extract_quantities(text)) if q.text == whole]
    assert q.attribute is None


def test_the_part_keeps_its_measure_beside_the_whole():
    text = "Lai received 5,586,019 votes, or 40.05% of the 13,947,506 valid ballots."
    attributes = [q.attribute for q in attach_slots(text, extract_quantities(text))]
    assert attributes[0] == "votes" and attributes[-1] is None


def test_a_count_of_them_counts_what_the_count_before_it_counts():
    text = "Ninety-five people had been confirmed dead by 30 October, 92 of them in Valencia province."
    assert [(q.text, q.attribute) for q in attach_slots(text, extract_quantities(text)) if q.kind == "count"] == [
        ("Ninety-five people", "deaths"), ("92", "deaths")]


def test_a_wire_dateline_is_when_the_story_was_filed():
    from claimwatch.claims.slots import is_date_of_saying
    from claimwatch.claims.quantities import extract_quantities
    text = "TAIPEI, April 3 (Formosa Wire) - The strongest earthquake in 25 years struck on Wednesday."
    (dateline,) = [q for q in extract_quantities(text, "2024-04-03") if q.text == "April 3"]
    assert is_date_of_saying(text, dateline)


@pytest.mark.parametrize(("text", "condition"), [
    ("有机构估计这次罢工造成的经济总损失超过110亿美元", "total"),
    ("据安德森经济集团估算，罢工已给波音造成约50亿美元的直接损失。", "direct"),
    ("Analysts estimated the strike caused about $5 billion in direct losses to Boeing.", "direct"),
])
def test_an_estimate_of_what_was_caused_is_a_figure_and_a_direct_loss_is_a_part(text, condition):
    # an estimate of what a strike caused is no expectation (consensus) to set against the figure, and
    # a direct loss is a part of the total one: two facts
    from claimwatch.claims.conditions import conditions_at
    from claimwatch.pipeline import query_claim

    claim = query_claim(text)
    (value,) = [q for q in claim.quantities if q.kind == "money"]
    assert conditions_at(claim, value) == frozenset({condition})


@pytest.mark.parametrize(("text", "bonus"), [
    ("根据新合同，工人首年即可获得38%的加薪，并获得1.2万美元的签约奖金。", "1.2万美元"),
    ("Each worker will also receive a $12,000 ratification bonus, up from $7,000 in the offer rejected in October.", "$12,000"),
])
def test_a_bonus_is_a_figure_of_its_own(text, bonus):
    # a signing bonus is neither the raise nor any other amount of the contract: 1万美元 against 1.2万美元 clash
    from claimwatch.pipeline import query_claim

    assert {q.text for q in query_claim(text).quantities if q.attribute == "bonus"} == {bonus}


def test_clauses_are_computed_once_per_text_and_shared_read_only():
    from claimwatch.claims import slots as module
    from claimwatch.claims.slots import clause_span, clauses_of
    text = "10月出口增长强劲，但9月出口增速仅为2.4%"
    first = module._clauses(text)
    assert module._clauses(text) is first and isinstance(first, tuple)  # cached, and no caller can change it
    assert clauses_of(text) == ["10月出口增长强劲", "", "9月出口增速仅为2.4%"]
    assert text[slice(*clause_span(text, text.index("2.4")))] == "9月出口增速仅为2.4%"


def test_a_count_in_a_clause_opening_on_of_which_is_a_part_of_the_count_before_it():
    text = "地震已造成9人死亡、1011人受伤，伤者分布在多个县市，其中花莲县346人，占三成以上。"
    values = {q.text: q.attribute for q in attach_slots(text, extract_quantities(text))}
    assert values["1011人"] == values["346人"] == "injured"


@pytest.mark.parametrize("text, attributes", [
    pytest.param("截至6月末，集团负债总额2.39万亿元，总资产1.74万亿元", ["liabilities", "total_assets"], id="zh-balance-sheet"),
    pytest.param("The group owes creditors 2.39 trillion yuan, or about $333 billion.", ["liabilities", "liabilities"],
                 id="en-owes-in-two-currencies"),
    pytest.param("It reported total assets of 1.74 trillion yuan.", ["total_assets"], id="en-assets"),
])
def test_what_a_company_owes_and_owns_are_two_measures(text, attributes):
    assert [a for _, _, a, _ in slots(text) if a != "date"][-len(attributes):] == attributes


@pytest.mark.parametrize("text, expected", [
    pytest.param("The retailer reported a 6.2% rise in second-quarter revenue, to 88.1 billion yuan",
                 [("6.2%", "revenue_up"), ("88.1 billion yuan", "revenue")], id="rise-in-then-the-level"),
    pytest.param("The group posted a 14% increase in net profit, to 2.7 billion yuan.",
                 [("14%", "net_profit_up"), ("2.7 billion yuan", "net_profit")], id="increase-in"),
    pytest.param("Customs data showed a 3% fall in exports last month.", [("3%", "exports_down")], id="fall-in"),
])
def test_a_move_named_before_its_measure_is_that_measure_s_move(text, expected):
    got = [(t, a) for t, _, a, _ in slots(text) if a is None or not a.endswith("_date")]
    assert [(t, a) for t, a in got if t in dict(expected)] == expected


def test_a_move_on_another_basis_in_the_next_clause_is_the_same_measure_s():
    got = {t: a for t, _, a, _ in slots("10月份全国居民消费价格指数（CPI）同比上涨0.4%，环比下降0.2%")}
    assert got["0.4%"] == "cpi_up" and got["0.2%"] == "cpi_down"


def test_the_value_a_multiple_is_taken_of_belongs_to_what_it_is_compared_with():
    got = slots("At 17,999 yuan, the Mate X6 costs roughly three times the 5,999-yuan starting price of the iPhone 16.")
    assert [(t, s) for t, s, _, _ in got if t == "5,999-yuan"] == [("5,999-yuan", "product:iphone-16")]


def test_a_headline_is_about_its_main_clause_not_what_happens_meanwhile():
    from claimwatch.claims.slots import _title_subject
    assert _title_subject("Huawei's new phone sells out as iPhone 16 reaches Chinese stores") == "org:huawei"
    assert _title_subject("iPhone 16 goes on sale in China") == "product:iphone-16"


def test_a_maker_written_before_the_thing_compared_against_is_no_subject_of_the_fraction():
    (tenth,) = [q for q in query_claim("其最终训练所用算力约为Meta Llama 3.1 405B的二十分之一。").quantities
                if q.kind == "fraction"]
    assert tenth.relative_to == "product:llama" and tenth.subject != "org:meta"
    (double,) = [q for q in query_claim("H200与H100相比，H200的性能是H100的两倍").quantities if q.kind == "multiple"]
    assert double.subject == "product:H200" and double.relative_to == "product:H100"


@pytest.mark.parametrize(("text", "attribute"), [
    ("The crater is roughly 540 km wide.", "width"),
    ("The site lies in a crater which is about 540 kilometres across.", "width"),
    ("该撞击坑直径约240公里。", "width"),
    ("大桥全长约1.6公里。", "length"),
    ("一条宽400英尺的航道已经开通。", "width"),
    ("这座桥长375米，建于1995年。", "length"),
    ("深圳湾大桥全长5.5公里。", "length"),  # 深 of 深圳 is no depth
    ("The bridge has a total length of 2.6 km.", "length"),
    # "long" is no cue: a long exposure above 40C is no length
    ("Older people face a higher risk of heatstroke during long exposure outdoors above 40C.", None),
])
def test_a_width_and_a_length_are_measures_of_their_own(text, attribute):
    (value,) = [q for q in query_claim(text).quantities if q.kind == "measure"]
    assert value.attribute == attribute


def test_a_depth_is_read_from_one_character_too():
    channel = query_claim("一条宽400英尺、深50英尺的航道已经开通。").quantities
    assert [(q.text, q.attribute) for q in channel] == [("400英尺", "width"), ("50英尺", "depth")]


@pytest.mark.parametrize(("text", "rate"), [
    ("Sterling rose above $1.32 on Thursday.", True),
    ("The euro fell to $1.05 after the vote.", True),
    ("英镑兑美元周四升破1.32", True),
    ("The pound's rally cost exporters $120 million.", False),  # an amount, not a price of the pound
    ("Shares rose to $1.32.", False),
])
def test_a_currency_priced_in_dollars_is_an_exchange_rate(text, rate):
    (value,) = query_claim(text).quantities
    assert (value.attribute == "exchange_rate" and value.unit == "") == rate


@pytest.mark.parametrize(("text", "attribute"), [
    ("两家公司合并后年粗钢产能约8600万吨", "capacity"),
    ("日本制铁2022年的产量约为4440万吨", "output"),
    ("Nippon Steel produced about 44.4 million tonnes of crude steel in 2022.", "output"),
    ("10月我国出口钢材1118.1万吨", "exports"),
    ("The ship carried 20,000 tonnes of cargo.", "weight"),
])
def test_what_can_be_made_is_no_output_and_a_tonnage_made_is_the_outputs(text, attribute):
    (tonnage,) = [q for q in query_claim(text).quantities if q.unit == "kg"]
    assert tonnage.attribute == attribute


@pytest.mark.parametrize(("text", "attribute"), [
    ("China sold around 577,000 vehicles abroad in October.", "exports"),
    ("Chinese carmakers shipped 577,000 vehicles overseas in October.", "exports"),
    ("10月我国出口汽车57.7万辆。", "exports"),
    ("BYD sold 526,000 vehicles in December.", "shipments"),
])
def test_goods_sold_abroad_are_exports(text, attribute):
    (count,) = [q for q in query_claim(text).quantities if q.kind == "count"]
    assert count.attribute == attribute


def test_a_date_something_was_published_on_is_its_release_date():
    # "published" is 发布 / 公布 in English: one event, whose two dates can clash
    got = {t: a for t, _, a, _ in slots("The research firm published its third-quarter figures on October 14.")}
    assert got["October 14"] == "release_date"


@pytest.mark.parametrize("text, value", [
    # what lifted the market is a cause, not what moved: the move is the index's
    ("受美联储降息提振，美股周四大涨，道指收涨522点，涨幅约2.6%", "2.6%"),
    ("Buoyed by the Fed's cut, the Dow closed at 42,025, up 1.3%.", "1.3%"),
])
def test_a_cause_before_the_subject_is_not_the_subject(text, value):
    got = {t: s for t, s, _, _ in slots(text)}
    assert got[value] == "index:dow"


@pytest.mark.parametrize("text, unit, attribute", [
    ("The phone's 512GB version is priced at 21,999 yuan.", "CNY", "price"),
    ("The shares were priced at HK$263 in the Hong Kong offering.", "HKD/share", "issue_price"),
])
def test_priced_at_is_an_issue_price_only_where_shares_are_offered(text, unit, attribute):
    (q,) = [q for q in query_claim(text).quantities if q.kind == "money"]
    assert (q.unit, q.attribute) == (unit, attribute)
