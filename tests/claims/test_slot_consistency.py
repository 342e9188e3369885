"""Consistency by slot: attribute, subject, unclear slots, same-outlet updates, calibrated verdicts."""

from dataclasses import replace

import numpy as np
import pytest

from claimwatch.claims.conditions import CONSENSUS, conditions_at
from claimwatch.claims.consistency import Pair, build_clusters, one_figure_two_currencies, same_attribute, same_subject
from claimwatch.claims.models import Article
from claimwatch.claims.segment import segment_claims
from claimwatch.claims.verdicts import judge, outcome_of, relate
from claimwatch.evaluation.calibrate import plateau_middle
from claimwatch.pipeline import query_claim


def _clusters(*specs, score=0.9, lexical=0.5):
    articles = [Article(id=aid, source=src, title="", published=pub, text=text) for aid, src, pub, text in specs]
    claims = [c for a in articles for c in segment_claims(a)]
    return build_clusters(articles, claims, [Pair(0, 1, score, lexical, score)], [], threshold=0.7)


def test_two_attributes_of_one_subject_are_not_compared():
    result = _clusters(("a", "A", "2025-01-02", "英伟达的毛利率为73%。"), ("b", "B", "2025-01-02", "英伟达的市场份额为95%。"))
    assert result.conflicts == []


def test_a_growth_rate_is_no_level_of_a_named_measure():
    growth = query_claim("游戏业务营收同比增长15%").quantities[-1]
    share = replace(growth, attribute="revenue_share")
    assert not same_attribute(replace(growth, attribute="growth"), share)
    assert not same_attribute(replace(growth, attribute="change_up"), share)
    assert same_attribute(replace(growth, attribute="growth"), replace(growth, attribute="revenue_up"))


def test_a_conflict_names_its_slot():
    result = _clusters(("a", "A", "2025-01-02", "H200的显存带宽为4.8TB/s。"), ("b", "B", "2025-01-02", "H200的显存带宽为4.5TB/s。"))
    (conflict,) = result.conflicts
    assert (conflict.severity, conflict.reason) == ("conflict", "value_mismatch")
    assert (conflict.subject, conflict.attribute, conflict.unit) == ("product:H200", "memory_bandwidth", "TB/s")
    assert "memory bandwidth of H200" in conflict.explanation


def test_values_whose_attribute_is_unknown_are_kept_apart_but_not_reported():
    result = _clusters(("a", "A", "2025-01-02", "H200方面的数字是4.8TB/s。"), ("b", "B", "2025-01-02", "H200的显存带宽为4.5TB/s。"))
    # TB/s names the bandwidth by itself: known on both sides, so this one is a conflict …
    assert [x.severity for x in result.conflicts] == ["conflict"]
    result = _clusters(("a", "A", "2025-01-02", "H200这一数字为25%。"), ("b", "B", "2025-01-02", "H200的市场份额为95%。"))
    # … a bare 25% is not: no conflict, and no cluster joining the two either
    assert result.conflicts == [] and all(len(k.claim_ids) < 2 for k in result.clusters)


def test_a_later_figure_from_the_same_outlet_is_an_update():
    result = _clusters(("a", "Wire", "2025-01-02T08:00", "英伟达的市值为4.6万亿美元。"),
                       ("b", "Wire", "2025-01-02T11:00", "英伟达的市值为4.51万亿美元。"))
    (update,) = result.conflicts
    assert (update.severity, update.reason) == ("explained_difference", "update")


def test_one_outlet_updates_only_a_figure_of_one_subject():
    # two articles of one outlet on two companies: their figures differ because their subjects do
    result = _clusters(("a", "Wire", "2025-01-02T08:00", "寒武纪的营收为10亿元。"),
                       ("b", "Wire", "2025-01-02T11:00", "摩尔线程的营收为7亿元。"))
    assert [(x.severity, x.reason) for x in result.conflicts] == [("explained_difference", "different_subject")]


def test_a_derived_multiple_is_a_statement_and_can_conflict():
    # "推算" (worked out from other figures) asserts the result: 6x against 10x of one pair is a clash
    result = _clusters(("a", "A", "2025-01-02", "H200的性能是H20的6倍。"),
                       ("b", "B", "2025-01-02", "H100的性能是H20的5倍，因此推算H200性能相当于H20的10倍。"))
    assert [(x.severity, x.reason, x.values) for x in result.conflicts] == [("conflict", "ratio_mismatch", ("6倍", "10倍"))]


def test_a_multiple_against_an_unnamed_base_is_not_compared():
    # "the export-control ceiling" is no subject we know: 10x of it says nothing about 6x the H20
    result = _clusters(("a", "A", "2025-01-02", "H200的性能是H20的6倍。"),
                       ("b", "B", "2025-01-02", "H200的总处理性能约为此前出口管制上限的近10倍。"))
    assert result.conflicts == []


@pytest.mark.parametrize(("x", "y", "named_x", "named_y", "same"), [
    ("product:H20", "product:H200", set(), set(), False),
    ("market:china", "market:china-ai-chips", set(), set(), True),      # one contains the other
    ("person:jensen-huang", "org:nvidia", set(), set(), True),          # a person is mostly the speaker
    ("org:cambricon", "product:ascend", set(), set(), False),           # neither claim names the other's
    ("org:nvidia", "product:H200", {"org:nvidia"}, {"org:nvidia", "product:H200"}, True),
    (None, "product:H200", set(), set(), True),
])
def test_when_two_subjects_tell_values_apart(x, y, named_x, named_y, same):
    assert same_subject(x, y, frozenset(named_x), frozenset(named_y)) is same


def test_verify_confidence_comes_from_the_calibration_table():
    query = query_claim("H200的显存带宽为4.8TB/s")
    article = Article(id="a", source="A", title="", published="2025-01-02", text="H200的显存带宽为4.8TB/s。")
    (evidence,) = segment_claims(article)
    table = {"supported:1": 0.77}
    judgement = judge(query, [(evidence, article, 0.9)], related=0.3, support=0.5, confidence_table=table)
    assert (judgement.verdict, judgement.outcome, judgement.confidence) == ("supported", "supported:1", 0.77)
    assert judge(query, [(evidence, article, 0.9)], related=0.3, support=0.5).confidence != 0.77


def test_outcomes_cap_their_strength_at_three():
    assert outcome_of("supported", 7, 0, True) == "supported:3"
    assert outcome_of("not_enough_evidence", 0, 0, False) == "not_enough_evidence:none"


def test_thresholds_come_from_the_middle_of_the_best_plateau():
    grid = np.array([0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    assert plateau_middle(grid, [0.2, 1.0, 1.0, 1.0, 0.5, 1.0]) == (0.6, 1.0)


def test_one_figure_under_two_precisions_is_a_qualifier_mismatch():
    result = _clusters(("a", "A", "2025-01-02", "H200的FP8算力为1979 TFLOPS。"),
                       ("b", "B", "2025-01-02", "H200的FP16算力为1979 TFLOPS。"))
    (conflict,) = result.conflicts
    assert (conflict.severity, conflict.reason) == ("conflict", "qualifier_mismatch")
    assert "fp8" in conflict.explanation and "fp16" in conflict.explanation


def test_one_figure_under_one_precision_agrees():
    result = _clusters(("a", "A", "2025-01-02", "H200的FP8算力为1979 TFLOPS。"),
                       ("b", "B", "2025-01-02", "H200 FP8算力达1979 TFLOPS。"))
    assert result.conflicts == [] and [len(k.claim_ids) for k in result.clusters] == [2]


def test_excluded_against_included_is_a_negation_conflict():
    articles = [Article(id="a", source="A", title="", published="2025-01-02", text="Blackwell芯片不在此次放行范围之内。"),
                Article(id="b", source="B", title="", published="2025-01-02", text="Blackwell芯片在此次放行范围之内。")]
    claims = [c for a in articles for c in segment_claims(a)]
    result = build_clusters(articles, claims, [Pair(0, 1, 0.9, 0.8, 0.9)], [], threshold=0.7)
    (conflict,) = result.conflicts
    assert (conflict.reason, conflict.subject) == ("negation", "product:blackwell")
    # little shared wording: no negation conflict (the two may speak of different things)
    articles[1] = Article(id="b", source="B", title="", published="2025-01-02", text="Blackwell芯片已在美国大规模出货。")
    claims = [c for a in articles for c in segment_claims(a)]
    result = build_clusters(articles, claims, [Pair(0, 1, 0.9, 0.2, 0.9)], [], threshold=0.7)
    assert result.conflicts == []


def test_a_hedged_denial_is_no_negation_conflict():
    articles = [Article(id="a", source="A", title="", published="2025-01-02", text="Blackwell芯片可能不在此次放行范围之内。"),
                Article(id="b", source="B", title="", published="2025-01-02", text="Blackwell芯片在此次放行范围之内。")]
    claims = [c for a in articles for c in segment_claims(a)]
    assert build_clusters(articles, claims, [Pair(0, 1, 0.9, 0.8, 0.9)], [], threshold=0.7).conflicts == []


def test_evidence_in_the_other_language_has_its_own_support_threshold():
    query = query_claim("Blackwell chips are excluded from the approval")
    article = Article(id="a", source="A", title="", published="2025-01-02", text="Blackwell芯片被排除在此次批准之外。")
    (evidence,) = segment_claims(article)
    same_bar = judge(query, [(evidence, article, 0.5)], related=0.3, support=0.6)
    own_bar = judge(query, [(evidence, article, 0.5)], related=0.3, support=0.6, support_cross=0.45)
    assert same_bar.verdict == "not_enough_evidence" and own_bar.verdict == "supported"


def test_multiples_against_different_things_are_explained():
    result = _clusters(("a", "A", "2025-01-02", "H200的性能约为H20的6倍。"),
                       ("b", "B", "2025-01-02", "H200的性能约为A100的10倍。"))
    (x,) = result.conflicts
    assert (x.severity, x.reason) == ("explained_difference", "different_subject")
    assert "compare against different things (H20 vs A100)" in x.explanation


def _evidence(text, source="A", published="2025-01-02", aid="a"):
    article = Article(id=aid, source=source, title="H200", published=published, text=text)
    (claim,) = segment_claims(article)
    return claim, article


def test_a_value_agreeing_with_a_pronoun_subject_supports():
    from claimwatch.claims.verdicts import relate

    claim, _ = _evidence("Its memory bandwidth of 4.8 TB/s compares with 3.35 TB/s on the H100.")
    relation, _ = relate(query_claim("The H200's memory bandwidth is 4.8 TB/s."), claim, 0.9, 0.5)
    assert relation == "supports"


def test_a_clash_on_a_value_whose_attribute_is_unknown_does_not_refute():
    from claimwatch.claims.verdicts import relate

    claim, _ = _evidence("Nvidia can resume selling chips in China, which gives it 25%.")
    relation, note = relate(query_claim("Nvidia's share of China's AI chip market once exceeded 95%."), claim, 0.9, 0.5)
    assert relation == "related" and "unclear" in note


def test_a_negated_statement_refutes_only_value_free_claims():
    from claimwatch.claims.verdicts import relate

    claim, _ = _evidence("The H200 is not the last flagship of the Hopper generation.")
    assert relate(query_claim("The H200 is the last flagship of the Hopper generation."), claim, 0.9, 0.5)[0] == "refutes"
    assert relate(query_claim("The H200 carries 141GB of memory."), claim, 0.9, 0.5)[0] != "refutes"


def test_an_outlet_that_corrected_itself_counts_by_its_latest_article():
    query = query_claim("英伟达市值升至4.6万亿美元")
    early, a1 = _evidence("英伟达市值升至4.6万亿美元。", source="Wire", published="2025-01-02T08:00", aid="w1")
    late, a2 = _evidence("英伟达市值升至4.51万亿美元。", source="Wire", published="2025-01-02T11:00", aid="w2")
    judgement = judge(query, [(early, a1, 0.9), (late, a2, 0.9)], related=0.3, support=0.5)
    assert judgement.verdict == "refuted"
    assert [e.relation for e in judgement.evidence] == ["refutes", "related"]


def test_a_negation_in_another_clause_does_not_refute():
    from claimwatch.claims.verdicts import relate

    claim, _ = _evidence("更新一代的Blackwell芯片不在放行名单之内，AMD、英特尔等公司也适用同一规则。")
    assert relate(query_claim("AMD and Intel are subject to the same rules."), claim, 0.9, 0.5)[0] != "refutes"
    assert relate(query_claim("Blackwell芯片在放行名单之内"), claim, 0.9, 0.5)[0] == "refutes"


def test_a_condition_belongs_to_the_clause_of_its_value():
    total = ("b", "B", "2025-01-30", "V3 has 37 billion parameters in total.")
    active = _clusters(("a", "A", "2025-01-28", "V3总参数6710亿，每个token激活370亿参数。"), total)
    (conflict,) = active.conflicts
    assert conflict.reason == "qualifier_mismatch" and "active" in conflict.explanation
    both = _clusters(("a", "A", "2025-01-28", "V3 has 671 billion parameters, of which 37 billion are active."),
                     ("b", "B", "2025-01-30", "V3总参数6710亿。"))
    assert both.conflicts == []


def test_a_share_of_the_biggest_vendor_in_china_is_of_chinas_market():
    china = ("a", "A", "2025-01-28", "Acme was China's biggest printer maker in 2024, holding about 31% of the market.")
    worldwide = ("b", "B", "2025-01-28", "Acme held about 12% of the global printer market in 2024.")
    (conflict,) = _clusters(china, worldwide).conflicts
    assert conflict.severity != "conflict"


def test_a_loss_of_value_is_compared_with_losses_not_with_the_value():
    loss = ("a", "A", "2025-01-28", "英伟达市值蒸发约5890亿美元。")
    assert _clusters(loss, ("b", "B", "2025-01-28", "英伟达市值约为3.5万亿美元。")).conflicts == []
    (conflict,) = _clusters(loss, ("b", "B", "2025-01-28", "英伟达市值蒸发约3900亿美元。")).conflicts
    assert conflict.attribute == "market_value_change" and conflict.severity == "conflict"


def test_a_denial_in_its_own_clause_conflicts_even_when_the_claim_states_other_values():
    denial = ("a", "A", "2025-01-26", "其最终训练在由2048块H800 GPU组成的集群上完成，全程未使用H100芯片。")
    (conflict,) = _clusters(denial, ("b", "B", "2025-01-30", "最终训练同时使用了H800和H100芯片。")).conflicts
    assert (conflict.reason, conflict.subject) == ("negation", "product:H100")
    assert _clusters(("a", "A", "2025-01-26", "英伟达未公布H200的销量，但称其收入为50亿美元。"),
                     ("b", "B", "2025-01-30", "英伟达公布了H200的收入为50亿美元。")).conflicts == []


def test_one_value_of_one_subject_lifts_a_pair_over_the_dense_floor():
    import numpy as np
    from claimwatch.claims.consistency import shared_level
    from claimwatch.pipeline import combine_scores
    zh, en = query_claim("华为昇腾每年出货约50万至100万片"), query_claim("Huawei's Ascend ships 500,000 to 1 million cards a year")
    other = query_claim("Cambricon ships 500,000 to 1 million cards a year")
    assert shared_level(zh, en) == 3 and shared_level(zh, other) == 2
    low_dense = combine_scores("hybrid", np.array([0.2, 0.2]), np.array([0.0, 0.0]), np.array([3, 2]))
    assert low_dense[0] > 0.5 > low_dense[1]


def test_a_value_dated_long_before_the_other_article_is_another_time():
    old = ("a", "A", "2025-01-27", "Nvidia's previous record one-day loss, about $279 billion, came in September 2024.")
    (diff,) = _clusters(old, ("b", "B", "2025-01-30", "Nvidia's slide erased roughly $593 billion.")).conflicts
    assert (diff.severity, diff.reason) == ("explained_difference", "different_time")
    (conflict,) = _clusters(("a", "A", "2025-01-28", "英伟达市值蒸发约5890亿美元。"),
                            ("b", "B", "2025-01-30", "Nvidia's slide erased roughly $393 billion.")).conflicts
    assert conflict.severity == "conflict"


def test_a_value_set_off_by_commas_takes_the_attribute_of_the_clause_before():
    from claimwatch.claims.quantities import extract_quantities
    from claimwatch.claims.slots import attach_slots
    text = "Nvidia's previous record one-day loss, about $279 billion, came in September 2024."
    assert attach_slots(text, extract_quantities(text, "2025-01-27"))[0].attribute == "market_value_change"


def test_two_known_figures_clash_even_when_unknown_figures_of_their_slot_meet():
    # the two exchange rates (7.3 and 7.2 yuan) meet within rounding; the two yuan costs do not
    result = _clusters(("a", "A", "2025-01-02", "V3的训练成本为557.6万美元，约合3200万元人民币（按1美元兑7.3元计）。"),
                       ("b", "B", "2025-01-02", "V3的训练成本约为557.6万美元，按1美元兑7.2元人民币折算约合4015万元。"))
    assert [(x.severity, x.values) for x in result.conflicts] == [("conflict", ("3200万元人民币", "4015万元"))]


def test_physical_figures_of_one_product_are_compared_in_one_unit():
    result = _clusters(("a", "A", "2025-01-02", "X9的续航里程为500英里。"), ("b", "B", "2025-01-02", "X9的续航里程约为805公里。"))
    assert result.conflicts == []  # 500 miles is 805 km …
    result = _clusters(("a", "A", "2025-01-02", "X9的续航里程为500英里。"), ("b", "B", "2025-01-02", "X9的续航里程约为600公里。"))
    assert [x.severity for x in result.conflicts] == ["conflict"]  # … and not 600 km
    result = _clusters(("a", "A", "2025-01-02", "X9的百公里加速为2.78秒。"), ("b", "B", "2025-01-02", "X9的百公里加速为3.5秒。"))
    (x,) = result.conflicts
    assert (x.severity, x.attribute, x.unit) == ("conflict", "acceleration", "seconds")


def test_figures_of_two_variants_are_two_facts():
    result = _clusters(("a", "A", "2025-01-02", "X9标准版的售价为18.99万元。"), ("b", "B", "2025-01-02", "X9 Max版的售价为25.99万元。"))
    (x,) = result.conflicts
    assert (x.severity, x.reason) == ("explained_difference", "different_subject")
    assert "different conditions (standard vs max)" in x.explanation


def test_one_figure_under_two_test_cycles_is_a_qualifier_mismatch_whatever_else_they_share():
    result = _clusters(("a", "A", "2025-01-02", "X9标准版CLTC续航为650公里。"), ("b", "B", "2025-01-02", "X9标准版WLTP续航为650公里。"))
    (x,) = result.conflicts
    assert (x.severity, x.reason) == ("conflict", "qualifier_mismatch") and "cltc" in x.explanation


def test_counts_over_different_spans_of_time_are_explained():
    result = _clusters(("a", "A", "2025-01-02", "X9上市27分钟内订单为5万辆。"), ("b", "B", "2025-01-02", "X9上市24小时订单达到8.9万辆。"))
    (x,) = result.conflicts
    assert (x.severity, x.reason) == ("explained_difference", "different_time") and "27分钟" in x.explanation
    result = _clusters(("a", "A", "2025-01-02", "X9上市24小时内订单为6.2万辆。"), ("b", "B", "2025-01-02", "X9上市24小时订单达到8.9万辆。"))
    assert [x.severity for x in result.conflicts] == ["conflict"]


def test_a_cue_of_two_attributes_names_the_one_its_value_fits():
    result = _clusters(("a", "A", "2024-05-10", "X9首批交付将于5月20日开始。"), ("b", "B", "2024-05-11", "X9将于6月20日开启首批交付。"))
    (x,) = result.conflicts
    assert (x.severity, x.reason, x.attribute) == ("conflict", "date_mismatch", "delivery_date")
    result = _clusters(("a", "A", "2024-05-10", "X9今年交付了10万辆。"), ("b", "B", "2024-05-11", "X9今年交付了13万辆。"))
    assert [(x.severity, x.attribute) for x in result.conflicts] == [("conflict", "shipments")]


def test_a_denial_restated_in_other_words_is_a_negation_conflict():
    # little shared wording overall, but the denied "weights of Z9" is written in the other claim
    result = _clusters(("a", "A", "2025-01-02", "与上一代不同，Z9的模型权重目前并未公开，开发者只能付费调用接口。"),
                       ("b", "B", "2025-01-02", "该公司以宽松许可证开源了Z9的模型权重，允许商业使用。"), score=0.72, lexical=0.2)
    assert [(x.severity, x.reason) for x in result.conflicts] == [("conflict", "negation")]


def test_a_denial_about_a_market_is_not_restated_by_any_claim_on_that_market():
    result = _clusters(("a", "A", "2025-01-02", "由于本土芯片更先进，X20在中国市场未能成功销售。"),
                       ("b", "B", "2025-01-02", "美国市场消化库存较为困难，中国市场成为关键的去库存目标。"), score=0.72, lexical=0.2)
    assert result.conflicts == []


def test_claims_whose_figures_measure_different_attributes_never_join_one_cluster():
    result = _clusters(("a", "A", "2025-01-02", "H200配备141GB显存，带宽为4.5TB/s。"),
                       ("b", "B", "2025-01-02", "H200的性能至少是此前特供版H20的6倍。"), score=0.95)
    assert all(len(k.claim_ids) < 2 for k in result.clusters) and result.conflicts == []
    result = _clusters(("a", "A", "2025-01-02", "H200的带宽为4.8TB/s。"), ("b", "B", "2025-01-02", "H200显存带宽达4.8TB/s。"),
                       score=0.95)
    assert [len(k.claim_ids) for k in result.clusters] == [2]


def test_one_profit_under_two_bases_is_a_qualifier_mismatch():
    result = _clusters(("a", "A", "2025-03-15", "远航电池2024年扣非净利润为507.45亿元。"),
                       ("b", "B", "2025-03-15", "远航电池2024年归属于上市公司股东的净利润为507.45亿元。"))
    (conflict,) = result.conflicts
    assert (conflict.severity, conflict.reason) == ("conflict", "qualifier_mismatch")
    assert "attributable" in conflict.explanation and "excluding one-offs" in conflict.explanation


def test_two_falls_of_one_revenue_clash_by_the_amount_they_follow():
    result = _clusters(("a", "A", "2025-03-15", "远航电池2024年营业收入3620亿元，同比下降9.70%。"),
                       ("b", "B", "2025-03-15", "远航电池2024年营收3620亿元，较上年下降约7.9%。"))
    (conflict,) = result.conflicts
    assert conflict.severity == "conflict" and conflict.attribute == "revenue_down"


def test_an_opening_and_a_closing_price_are_two_facts():
    result = _clusters(("a", "A", "2025-05-20", "远航电池H股首日开盘报296港元。"),
                       ("b", "B", "2025-05-20", "远航电池H股首日收报306.2港元。"))
    assert not [c for c in result.conflicts if c.severity == "conflict"]


def test_one_closing_price_in_two_share_classes_is_a_qualifier_mismatch():
    result = _clusters(("a", "A", "2025-05-20", "远航电池A股当日收报262.5元。"),
                       ("b", "B", "2025-05-20", "远航电池H股当日收报262.5元。"))
    (conflict,) = result.conflicts
    assert conflict.reason == "qualifier_mismatch" and "a shares" in conflict.explanation


def test_one_cost_for_all_development_and_for_the_final_run_is_a_qualifier_mismatch():
    result = _clusters(("a", "A", "2025-01-28", "据介绍，该公司仅花费约560万美元就完成了V3模型的全部研发。"),
                       ("b", "B", "2025-01-28", "The widely quoted figure of $5.6 million covers only the final training run of V3."))
    assert [c.reason for c in result.conflicts] == ["qualifier_mismatch"]


def test_tolls_of_two_places_are_two_facts_and_a_release_date_has_no_place():
    result = _clusters(("a", "A", "2024-09-09", "台风已造成海南2人死亡。"), ("b", "B", "2024-09-09", "台风已造成越南13人死亡。"))
    assert not [c for c in result.conflicts if c.severity == "conflict"]
    result = _clusters(("a", "A", "2025-01-28", "杭州公司深度求索于1月20日发布推理模型R1。"),
                       ("b", "B", "2025-01-28", "1月27日，深度求索发布推理模型R1，其应用登上美国应用商店榜首。"))
    assert [(c.severity, c.reason) for c in result.conflicts] == [("conflict", "date_mismatch")]


def test_a_running_toll_reported_hours_apart_is_two_moments_of_one_count():
    result = _clusters(("a", "A", "2024-09-08T08:00+07:00", "台风已造成越南59人死亡。"),
                       ("b", "B", "2024-09-10T20:00+07:00", "台风已造成越南197人死亡。"))
    assert [(c.severity, c.reason) for c in result.conflicts] == [("explained_difference", "different_time")]
    result = _clusters(("a", "A", "2024-09-10T08:00+07:00", "台风已造成越南59人死亡。"),
                       ("b", "B", "2024-09-10T09:00+07:00", "台风已造成越南197人死亡。"))
    assert [(c.severity, c.reason) for c in result.conflicts] == [("conflict", "value_mismatch")]


def test_two_dates_of_one_collapse_clash():
    result = _clusters(("a", "A", "2024-09-12", "富寿省峰州桥垮塌事故发生于9月8日上午。"),
                       ("b", "B", "2024-09-12", "富寿省峰州桥于9月9日上午垮塌。"))
    assert [(c.severity, c.reason, c.attribute) for c in result.conflicts] == [("conflict", "date_mismatch", "collapse_date")]


def test_where_a_landfall_happened_is_named_earlier_in_the_sentence_than_its_wind():
    # the wind's own clause names no place: the sentence before it does (two landfalls, two places)
    result = _clusters(("a", "A", "2024-09-07", "台风于9月6日在海南省文昌市沿海登陆，登陆时中心附近最大风力17级（62米/秒）。"),
                       ("b", "B", "2024-09-07", "台风于9月6日在广东省湛江市沿海第二次登陆，登陆时中心附近最大风力17级（58米/秒）。"))
    assert not [c for c in result.conflicts if c.severity == "conflict"]
    result = _clusters(("a", "A", "2024-09-07", "台风于9月6日在海南省文昌市沿海登陆，登陆时中心附近最大风速62米/秒。"),
                       ("b", "B", "2024-09-07", "台风6日在海南文昌登陆时中心附近最大风速为52米/秒。"))
    assert [(c.severity, c.reason) for c in result.conflicts] == [("conflict", "value_mismatch")]


def test_a_person_denied_what_another_outlet_says_he_did_is_a_negation_conflict():
    result = _clusters(("a", "A", "2025-05-20", "董事长王建林并未出席当天的签约仪式，由副总裁代为致辞。"),
                       ("b", "B", "2025-05-20", "董事长王建林在签约仪式上致辞并签署了协议。"), score=0.72, lexical=0.2)
    assert [(x.severity, x.reason) for x in result.conflicts] == [("conflict", "negation")]
    assert "王建林" in result.conflicts[0].explanation
    # a person in common is not enough: the denial's own words must be restated
    result = _clusters(("a", "A", "2025-05-20", "董事长王建林并未出席当天的签约仪式。"),
                       ("b", "B", "2025-05-20", "王建林表示公司今年将扩大海外招聘。"), score=0.72, lexical=0.2)
    assert result.conflicts == []


def test_listings_on_two_exchanges_are_two_facts():
    result = _clusters(("a", "A", "2025-05-20", "远航电池于2018年6月21日登陆深交所创业板。"),
                       ("b", "B", "2025-05-20", "远航电池5月20日在香港挂牌。"))
    assert not [c for c in result.conflicts if c.severity == "conflict"]
    result = _clusters(("a", "A", "2025-05-20", "远航电池于2018年6月21日登陆深交所创业板。"),
                       ("b", "B", "2025-05-20", "远航电池2018年6月11日在深交所创业板上市。"))
    assert [(c.severity, c.reason) for c in result.conflicts] == [("conflict", "date_mismatch")]


def test_a_figure_its_own_outlet_replaced_conflicts_with_no_one():
    specs = [("old", "A", "2025-05-20T16:35", "远航电池H股首日收报306.2港元，较发行价263港元上涨26.43%。"),
             ("new", "A", "2025-05-20T20:15", "【更新】远航电池H股首日收报306.2港元，较发行价263港元上涨16.43%。"),
             ("other", "B", "2025-05-20T18:00", "远航电池H股首日收报302.6港元，较发行价263港元上涨15.06%。")]
    articles = [Article(id=aid, source=src, title="", published=pub, text=text) for aid, src, pub, text in specs]
    claims = [c for a in articles for c in segment_claims(a)]
    pairs = [Pair(0, 1, 0.95, 0.9, 0.95), Pair(0, 2, 0.9, 0.5, 0.9), Pair(1, 2, 0.9, 0.5, 0.9)]
    result = build_clusters(articles, claims, pairs, [], threshold=0.7)
    by_pair = {(frozenset(c.claim_ids), c.attribute): (c.severity, c.reason) for c in result.conflicts}
    rise = {k[1] for k in by_pair if "up" in k[1]}.pop()
    assert by_pair[frozenset({"old:0", "new:0"}), rise] == ("explained_difference", "update")
    # the corrected rise is no longer A's word: explained; A's standing figure still conflicts with B's
    assert by_pair[frozenset({"old:0", "other:0"}), rise] == ("explained_difference", "update")
    assert "replaced its own figure with 16.43%" in next(c.explanation for c in result.conflicts
                                                         if set(c.claim_ids) == {"old:0", "other:0"})
    assert [v for k, v in by_pair.items() if k[0] == frozenset({"new:0", "other:0"})] == [("conflict", "value_mismatch")]


def test_a_count_at_its_peak_is_one_moment_whenever_reported():
    result = _clusters(("a", "A", "2024-09-08T08:00+07:00", "At its peak, the storm cut power to about 5.7 million customers in northern Vietnam."),
                       ("b", "B", "2024-09-12T20:00+07:00", "台风高峰期越南北部约370万用户断电。"))
    assert [(c.severity, c.reason) for c in result.conflicts] == [("conflict", "value_mismatch")]


def test_magnitudes_of_two_agencies_are_two_facts_and_of_one_agency_a_conflict():
    two = _clusters(("a", "A", "2025-01-07", "中国地震台网中心测定此次地震为6.8级。"),
                    ("b", "B", "2025-01-07", "The US Geological Survey put the quake at magnitude 7.1."))
    assert [(c.severity, c.attribute) for c in two.conflicts] == [("explained_difference", "magnitude")]
    one = _clusters(("a", "A", "2025-01-07", "中国地震台网中心测定此次地震为6.8级。"),
                    ("b", "B", "2025-01-07", "The China Earthquake Networks Center measured the quake at magnitude 7.1."))
    assert [(c.severity, c.reason) for c in one.conflicts] == [("conflict", "value_mismatch")]


def test_a_magnitude_no_agency_measured_is_compared_with_none():
    result = _clusters(("a", "A", "2025-01-07", "中国地震台网中心测定此次地震为6.8级。"),
                       ("b", "B", "2025-01-07", "A magnitude 7.1 earthquake shook Kathmandu on Tuesday."))
    assert not [c for c in result.conflicts if c.severity == "conflict"]


def test_a_past_disasters_toll_is_of_its_own_time():
    result = _clusters(("a", "A", "2025-01-08", "2015年4月尼泊尔发生的7.8级地震曾造成近9000人死亡。"),
                       ("b", "B", "2025-01-08", "Officials said no one was killed in Nepal."))
    assert [(c.severity, c.reason) for c in result.conflicts] == [("explained_difference", "different_time")]


def test_a_place_named_as_a_border_is_a_landmark_not_where():
    result = _clusters(("a", "A", "2025-01-08", "The quake struck Tibet's Dingri county near the Nepal border, killing at least 95 people."),
                       ("b", "B", "2025-01-08", "Officials said no one was killed in Nepal."))
    assert not [c for c in result.conflicts if c.severity == "conflict"]


def _clash(a: tuple, b: tuple, score: float, clash: float = 0.45):
    articles = [Article(id=aid, source=src, title="", published=pub, text=text) for aid, src, pub, text in (a, b)]
    claims = [c for art in articles for c in segment_claims(art)]
    return build_clusters(articles, claims, [Pair(0, 1, score, 0.1, score)], [], threshold=0.7,
                          clash_threshold=clash).conflicts


def test_a_denial_across_languages_about_a_named_thing_needs_only_the_clash_score():
    denial = ("a", "A", "2025-01-02", "据公司公布的报告，其最终训练全程未使用Z100芯片。")
    stated = ("b", "B", "2025-01-02", "The final training run drew on both Z80 and Z100 processors, according to the report.")
    # below the link score but above the clash score: one fact in two languages about a named product
    assert [(x.severity, x.reason) for x in _clash(denial, stated, 0.55)] == [("conflict", "negation")]
    assert _clash(denial, stated, 0.40) == []  # below the clash score: not compared
    # a date in the other claim decides nothing: "released on January 20 … with open weights"
    dated = ("b", "B", "2025-01-25", "Z9, released on January 20, was published with open weights.")
    denied = ("a", "A", "2025-01-25", "Z9的模型权重目前并未公开，开发者只能调用接口。")
    assert [(x.severity, x.reason) for x in _clash(denied, dated, 0.55)] == [("conflict", "negation")]
    # a figure in the other claim does decide: the values are compared instead
    counted = ("b", "B", "2025-01-25", "Z9 was published with open weights and 2 million downloads.")
    assert _clash(denied, counted, 0.55) == []


def test_an_approximate_value_carries_its_own_rounding():
    # "约78亿" spans 74.1亿–81.9亿: it cannot meet "不超过73.4亿", though the two are 6 % apart
    conflicts = _clash(("a", "A", "2025-05-20", "远航电池在德布勒森的项目总投资约78亿欧元。"),
                       ("b", "B", "2025-05-20", "远航电池德布勒森项目总投资不超过73.4亿欧元。"), 0.9)
    assert [(x.severity, x.reason) for x in conflicts] == [("conflict", "value_mismatch")]
    # an exact figure keeps the relative tolerance: 73.4亿 and 74亿 are one rounding apart
    conflicts = _clash(("a", "A", "2025-05-20", "远航电池在德布勒森的项目总投资为74亿欧元。"),
                       ("b", "B", "2025-05-20", "远航电池德布勒森项目总投资不超过73.4亿欧元。"), 0.9)
    assert not [x for x in conflicts if x.severity == "conflict"]


def test_exact_percentages_further_apart_than_their_digits_round_clash():
    # 4.2 % and 4.4 %, each written to a tenth, are two rates though within half a point of each other
    conflicts = _clash(("a", "A", "2024-09-20", "美国8月失业率为4.2%。"), ("b", "B", "2024-09-20", "美国8月失业率已升至4.4%。"), 0.9)
    assert [(x.severity, x.reason) for x in conflicts] == [("conflict", "value_mismatch")]
    # a whole percentage is a rounding of the figure written to hundredths: 40 % and 40.05 % agree
    assert _clash(("a", "A", "2024-01-14", "Lai won 40% of the valid votes."),
                  ("b", "B", "2024-01-14", "Lai won 40.05% of the valid votes."), 0.9) == []


def test_a_measure_that_doubled_rose_by_a_hundred_percent_or_more():
    conflicts = _clash(("a", "A", "2024-11-15", "Acme's net income jumped 58% to 43.5 billion yuan."),
                       ("b", "B", "2024-11-15", "Acme's net income more than doubled from a year earlier."), 0.9)
    assert [(x.severity, x.reason) for x in conflicts] == [("conflict", "value_mismatch")]
    assert _clash(("a", "A", "2024-11-15", "Acme's net income jumped 120% from a year earlier."),
                  ("b", "B", "2024-11-15", "Acme's net income more than doubled from a year earlier."), 0.9) == []


def test_values_of_one_named_part_clash_though_another_part_agrees():
    # exports to the US differ (8.1 % against 18.1 %) while exports to ASEAN agree
    conflicts = _clash(("a", "A", "2024-11-08", "10月对美国出口同比增长8.1%，对东盟出口增长15.8%。"),
                       ("b", "B", "2024-11-08", "10月对美国出口同比增长18.1%，对东盟出口增长15.8%。"), 0.9)
    assert [(x.severity, x.reason, x.values) for x in conflicts] == [("conflict", "value_mismatch", ("8.1%", "18.1%"))]
    assert _clash(("a", "A", "2024-11-08", "10月对美国出口同比增长8.1%，对东盟出口增长15.8%。"),
                  ("b", "B", "2024-11-08", "10月对美国出口同比增长8.1%，对东盟出口增长15.8%。"), 0.9) == []


def test_ranks_clash_in_one_table_only():
    # one country, two places in one medal table
    conflicts = _clash(("a", "A", "2023-10-08", "日本队以52金位列金牌榜第二。"), ("b", "B", "2023-10-08", "日本在金牌榜上名列第三。"), 0.9)
    assert [(x.severity, x.reason) for x in conflicts] == [("conflict", "value_mismatch")]
    # a place in China's market is no place in the world's
    conflicts = _clash(("a", "A", "2024-10-20", "小米在中国市场的份额为14.5%，排名第四。"),
                       ("b", "B", "2024-10-20", "Xiaomi shipped 42.8 million phones, which kept it in third place."), 0.9)
    assert not [x for x in conflicts if x.severity == "conflict"]


def test_a_fraction_and_a_percentage_of_one_slot_are_compared():
    # "about 60 %" of the homes against "a fifth" of them: one share, two spellings, two values
    conflicts = _clash(("a", "A", "2025-01-08", "震中附近约六成房屋倒塌或严重受损。"),
                       ("b", "B", "2025-01-08", "About a fifth of homes near the epicentre collapsed or were badly damaged."), 0.8)
    assert [(x.severity, x.reason) for x in conflicts] == [("conflict", "value_mismatch")]
    agreeing = _clash(("a", "A", "2025-01-08", "震中附近约两成房屋倒塌或严重受损。"),
                      ("b", "B", "2025-01-08", "About a fifth of homes near the epicentre collapsed or were badly damaged."), 0.8)
    assert agreeing == []


def test_prices_of_two_moments_of_a_session_are_two_facts():
    conflicts = _clash(("a", "A", "2024-11-14", "Acme shares opened 1.9% higher at HK$420.00 on Thursday."),
                       ("b", "B", "2024-11-14", "Acme shares closed at HK$405.00 on Thursday, down 3.5%."), 0.9)
    assert not [x for x in conflicts if x.severity == "conflict"]
    conflicts = _clash(("a", "A", "2024-11-14", "The stock fell as much as 3.3% to HK$398.60 in the afternoon."),
                       ("b", "B", "2024-11-14", "Acme shares closed at HK$405.00 on Thursday."), 0.9)
    assert not [x for x in conflicts if x.severity == "conflict"]


def test_a_round_figure_of_one_digit_holds_its_rounding():
    # "近一成" is a tenth, rounded: 7.9 % falls within it; "约10倍" is no rounding of 6
    assert not [x for x in _clash(("a", "A", "2025-05-20", "2024年宁德时代营收下滑近一成。"),
                                  ("b", "B", "2025-05-20", "宁德时代2024年营收同比下降约7.9%。"), 0.9) if x.severity == "conflict"]
    assert [x.severity for x in _clash(("a", "A", "2025-05-20", "2024年宁德时代营收下滑近一成。"),
                                       ("b", "B", "2025-05-20", "宁德时代2024年营收同比下降约2.5%。"), 0.9)] == ["conflict"]


def test_two_round_figures_one_step_apart_disagree():
    # "近六成" and "约七成" only touch at 65 %, where their roundings meet: two outlets, two figures
    from claimwatch.claims.quantities import extract_quantities

    (six,), (seven,) = extract_quantities("近六成会员投票接受"), extract_quantities("以约七成的支持率通过")
    assert not six.overlaps(seven) and not seven.overlaps(six)
    (two,), (three,) = extract_quantities("about 2,000 people"), extract_quantities("about 3,000 people")
    assert not two.overlaps(three)
    assert six.overlaps(extract_quantities("约六成")[0]) and six.overlaps(extract_quantities("62%")[0])
    assert [x.severity for x in _clash(("a", "A", "2025-05-20", "2024年宁德时代营收增长近六成。"),
                                       ("b", "B", "2025-05-20", "宁德时代2024年营收同比增长约七成。"), 0.9)] == ["conflict"]


@pytest.mark.parametrize(("a", "b", "apart"), [
    ("about 17,000 jobs", "about 18,000 jobs", True),   # two outlets' figures, each rounded to a thousand
    ("约1.7万人", "about 18,000 people", True),
    ("约15%", "约16%", True),
    ("about 17,000 jobs", "about 17,500 jobs", False),  # written to other steps: one may round the other
    ("about 40%", "about 42%", False),                  # a round figure of one digit holds its rounding
    ("about $589 billion", "roughly $593 billion", False),  # three digits: within ROUNDING_GAP
    ("约3.3万人", "about 33,000 people", False),
])
def test_two_approximations_written_to_one_step_a_step_apart_differ(a, b, apart):
    from claimwatch.claims.consistency import roundings_apart
    from claimwatch.claims.quantities import extract_quantities

    (x,), (y,) = extract_quantities(a), extract_quantities(b)
    assert roundings_apart(x, y) is apart and roundings_apart(y, x) is apart


def test_prices_of_a_share_exclude_amounts_and_targets():
    from claimwatch.pipeline import query_claim
    (amount, _) = query_claim("Acme will buy back at least HK$100 billion of shares in 2025.").quantities
    assert amount.attribute == "buyback"
    (target,) = query_claim("粤信证券将远航的目标价上调至510港元。").quantities
    assert target.attribute == "target_price"
    conflicts = _clash(("a", "A", "2024-11-14", "远航今年以平均约386港元的价格回购股份。"),
                       ("b", "B", "2024-11-14", "远航股价周四收报405港元。"), 0.9)
    assert not [x for x in conflicts if x.severity == "conflict"]  # an average is no closing price


def test_one_figure_in_two_currencies_is_a_value_conflict():
    conflicts = _clash(("a", "A", "2024-11-14", "腾讯今年以来已累计回购约916亿港元股份。"),
                       ("b", "B", "2024-11-14", "腾讯今年以来已累计回购约916亿美元股份。"), 0.9)
    assert [(x.severity, x.reason) for x in conflicts] == [("conflict", "value_mismatch")]
    assert "another currency" in conflicts[0].explanation
    # a conversion changes the number: HK$91.6 billion and US$11.8 billion is one amount
    conflicts = _clash(("a", "A", "2024-11-14", "腾讯今年以来已累计回购约916亿港元股份。"),
                       ("b", "B", "2024-11-14", "Tencent has bought back about US$11.8 billion of its shares this year."), 0.9)
    assert not [x for x in conflicts if x.severity == "conflict"]


def test_two_outlets_forecasts_that_differ_are_no_conflict():
    conflicts = _clash(("a", "A", "2024-11-15", "Some analysts expect Acme's buyback budget for 2025 could shrink to around HK$80 billion."),
                       ("b", "B", "2024-11-15", "分析师预计，Acme 2025年的回购规模或将提高至1200亿港元以上。"), 0.9)
    assert [(x.severity, x.reason) for x in conflicts] == [("explained_difference", "hedged")]


def test_an_index_is_not_the_company_of_the_article():
    conflicts = _clash(("a", "A", "2024-11-14", "腾讯控股股价当日收跌3.5%。"),
                       ("b", "B", "2024-11-14", "当日恒生科技指数收跌1.8%，多只科技股同步回落。"), 0.9)
    assert not [x for x in conflicts if x.severity == "conflict"]


def test_figures_of_two_quarters_are_two_facts():
    from claimwatch.claims.conditions import periods_of
    assert periods_of("腾讯第二季度营收") == {"q2"} and periods_of("third-quarter revenue") == {"q3"}
    assert periods_of("H200 chips in Q3") == {"q3"} and periods_of("上半年营收") == {"h1"}
    conflicts = _clash(("a", "A", "2024-11-14", "腾讯第二季度营收为1611亿元。"),
                       ("b", "B", "2024-11-14", "Tencent's third-quarter revenue came in at 167.19 billion yuan."), 0.9)
    assert not [x for x in conflicts if x.severity == "conflict"]


def test_the_first_three_quarters_are_a_period_of_their_own():
    from claimwatch.claims.conditions import periods_of
    assert periods_of("该航司前三季度累计净亏损12.3亿元") == {"first three quarters"}
    assert periods_of("a net loss of $1.2 billion in the first nine months") == {"first three quarters"}
    assert periods_of("该航司第三季度净亏损12.3亿元") == {"q3"} and periods_of("三季度营收") == {"q3"}
    conflicts = _clash(("a", "A", "2024-11-14", "该航司第三季度净亏损12.3亿元。"),
                       ("b", "B", "2024-11-14", "该航司前三季度累计净亏损12.3亿元。"), 0.9)
    assert [(x.severity, x.reason) for x in conflicts] == [("conflict", "qualifier_mismatch")]


def test_an_outcome_that_meets_its_forecast_is_no_qualifier_mismatch():
    conflicts = _clash(("a", "A", "2024-12-09", "经济学家此前预计该国11月出口同比增长6.7%。"),
                       ("b", "B", "2024-12-09", "该国11月出口同比增长6.7%。"), 0.9)
    assert not [x for x in conflicts if x.severity == "conflict"]


def test_an_unplaced_toll_holds_where_its_article_title_says():
    arts = [Article(id="a", source="A", title="超强台风在海南文昌登陆", published="2024-09-06", text="截至6日18时，台风已造成全省2人死亡。"),
            Article(id="b", source="B", title="Storm batters the Philippines",
                    published="2024-09-06", text="Earlier this week the storm killed 16 people in the Philippines.")]
    claims = [c for a in arts for c in segment_claims(a)]
    result = build_clusters(arts, claims, [Pair(0, 1, 0.9, 0.5, 0.9)], [], threshold=0.7, clash_threshold=0.45)
    assert not [x for x in result.conflicts if x.severity == "conflict"]


def test_a_past_quake_is_another_event_not_a_misdated_one():
    conflicts = _clash(("a", "A", "2025-01-08", "2015年4月尼泊尔发生的7.8级地震曾造成近9000人死亡。"),
                       ("b", "B", "2025-01-08", "A powerful earthquake struck Tibet's Dingri county on Tuesday, January 7."), 0.9)
    assert not [x for x in conflicts if x.severity == "conflict"]
    conflicts = _clash(("a", "A", "2025-01-08", "1月8日9时5分，西藏定日县发生6.8级地震。"),
                       ("b", "B", "2025-01-08", "The earthquake struck Tibet's Dingri county on January 7."), 0.9)
    assert [(x.severity, x.reason) for x in conflicts] == [("conflict", "date_mismatch")]


def test_an_amount_so_far_is_no_second_figure_for_a_planned_total():
    result = _clusters(("a", "A", "2025-01-02", "Acme announced a HK$100 billion buyback programme for 2025."),
                       ("b", "B", "2025-01-03", "截至12月2日，Acme今年已累计回购约916亿港元。"))
    (diff,) = result.conflicts
    assert (diff.severity, diff.reason) == ("explained_difference", "different_time")
    # two figures for the same done amount still conflict
    result = _clusters(("a", "A", "2025-01-02", "截至12月2日，Acme今年已累计回购约816亿港元。"),
                       ("b", "B", "2025-01-03", "截至12月2日，Acme今年已累计回购约916亿港元。"))
    assert [(x.severity, x.reason) for x in result.conflicts] == [("conflict", "value_mismatch")]


def test_when_a_figure_was_said_does_not_time_it():
    # "reported on Wednesday, November 13, that …": the day of the report, not of the quarter's revenue
    result = _clusters(("a", "A", "2025-11-14", "Acme reported on Wednesday, November 13, that third-quarter revenue was 167.2 billion yuan."),
                       ("b", "B", "2025-11-15", "Acme posted third-quarter revenue of 176.2 billion yuan."))
    assert [(x.severity, x.reason) for x in result.conflicts] == [("conflict", "value_mismatch")]


def test_a_country_is_an_actor_or_only_where_something_happened():
    from claimwatch.claims.consistency import acts_in as _acts

    felt = "Tremors were also felt in Nepal's capital Kathmandu, in Bhutan and in the Indian state of Bihar."
    assert not _acts(felt, "place:bhutan")
    assert _acts("Vietnam formally requested international assistance on September 10.", "place:vietnam")
    assert _acts("不丹官方表示暂无人员伤亡。", "place:bhutan") and not _acts("地震在不丹造成轻微损失。", "place:bhutan")
    assert not _acts("In Bhutan, tremors were felt but nobody was hurt.", "place:bhutan")  # a sentence-initial "In"


def test_a_record_horizon_times_no_fact():
    # "the slowest pace since 2022" does not date the 3.8 %: the two growth rates of one quarter clash
    result = _clusters(("a", "A", "2024-11-14", "Acme's third-quarter revenue grew 8% from a year earlier."),
                       ("b", "B", "2024-11-15", "Acme's third-quarter revenue grew 3.8% from a year earlier, the slowest pace since 2022."))
    assert [(x.severity, x.reason) for x in result.conflicts] == [("conflict", "value_mismatch")]


def test_beating_and_missing_expectations_conflict():
    result = _clusters(("a", "A", "2024-11-14", "Acme's revenue beat analysts' forecasts."),
                       ("b", "B", "2024-11-15", "Acme第三季度营收为1672亿元，但未能达到市场预期。"))
    (conflict,) = result.conflicts
    assert (conflict.severity, conflict.reason, conflict.attribute) == ("conflict", "negation", "revenue_vs_expectations")
    assert "beat" in conflict.explanation and "missed" in conflict.explanation
    # another company's miss is no contradiction
    result = _clusters(("a", "A", "2024-11-14", "Acme's revenue beat analysts' forecasts."),
                       ("b", "B", "2024-11-15", "阿里巴巴营收未能达到市场预期。"))
    assert result.conflicts == []


def test_one_moment_in_two_zones_agrees_and_two_moments_clash():
    same = _clusters(("a", "A", "2025-01-07T12:00+08:00", "1月7日9时5分，西藏定日县发生6.8级地震。"),
                     ("b", "B", "2025-01-07T06:00Z", "The quake struck at 0105 GMT on January 7."))
    assert same.conflicts == []
    apart = _clusters(("a", "A", "2025-01-07T12:00+08:00", "1月7日9时5分，西藏定日县发生6.8级地震。"),
                      ("b", "B", "2025-01-09T03:30Z", "The quake hit at 9:05 a.m. GMT on January 7."))
    (conflict,) = apart.conflicts
    assert (conflict.severity, conflict.reason, conflict.attribute) == ("conflict", "date_mismatch", "quake_time")


def test_two_claims_can_disagree_on_two_facts():
    result = _clusters(("a", "A", "2025-01-08", "H200的显存带宽为4.8TB/s，显存容量为141GB。"),
                       ("b", "B", "2025-01-08", "H200的显存带宽为4.5TB/s，显存容量为96GB。"))
    assert sorted(x.attribute for x in result.conflicts if x.severity == "conflict") == ["memory_bandwidth", "memory_capacity"]


def test_one_figure_for_a_place_alone_and_for_the_whole_is_a_qualifier_mismatch():
    result = _clusters(("a", "A", "2025-01-08", "In Zorvan township alone, 126 people died, local officials said."),
                       ("b", "B", "2025-01-08", "The quake killed 126 people across four townships."))
    (conflict,) = result.conflicts
    assert (conflict.severity, conflict.reason, conflict.attribute) == ("conflict", "qualifier_mismatch", "deaths")
    assert "alone" in conflict.explanation
    # the same place set apart by both, or by neither, is one figure
    result = _clusters(("a", "A", "2025-01-08", "In Zorvan township alone, 126 people died."),
                       ("b", "B", "2025-01-08", "126 people died in Zorvan township alone."))
    assert result.conflicts == []


def test_when_one_events_dates_disagree_the_dates_are_the_conflict_not_an_explanation():
    result = _clusters(("a", "A", "2024-09-09", "The typhoon came ashore in Vietnam on September 7 with winds of 62 metres per second."),
                       ("b", "B", "2024-09-09", "台风于9月8日在越南登陆，登陆时最大风速45米/秒。"))
    assert [(x.severity, x.reason, x.attribute) for x in result.conflicts] == [("conflict", "date_mismatch", "landfall_date")]


@pytest.mark.parametrize(("denial", "statement", "conflict"), [
    # what the denial denies must be restated, not only the company it names
    ("Acme did not say which chip powers the device.", "Acme's phone went on sale at 10:08 a.m. on Friday.", False),
    ("Acme did not say which chip powers the device.", "Acme declined to comment on stock levels.", False),
    ("Acme did not use Nvidia chips to train the model.", "Acme used Nvidia chips to train the model.", True),
])
def test_an_english_negation_conflicts_only_with_a_statement_of_what_it_denies(denial, statement, conflict):
    result = _clusters(("a", "A", "2025-01-02", denial), ("b", "B", "2025-01-02", statement), lexical=0.6)
    assert any(c.reason == "negation" for c in result.conflicts) == conflict


@pytest.mark.parametrize(("one", "other", "conflict"), [
    ("16GB+256GB版本售价19999元。", "16GB+512GB版本售价21999元。", False),  # two storage versions
    ("A version with 512 gigabytes of storage costs 21,999 yuan.", "The 1TB version costs 23,999 yuan.", False),
    ("二手平台上1TB版本的转售价已回落至约2.6万元。", "1TB版本售价23999元。", False),  # resale against list price
    ("内屏维修价格为7999元。", "该机售价19999元。", False),  # a repair price
    ("16GB+512GB版本售价20999元。", "16GB+512GB版本售价21999元。", True),  # one version, two prices
])
def test_prices_of_other_versions_or_other_kinds_are_no_conflict(one, other, conflict):
    result = _clusters(("a", "A", "2024-09-10", one), ("b", "B", "2024-09-10", other))
    assert any(c.severity == "conflict" for c in result.conflicts) == conflict


@pytest.mark.parametrize(("early", "late", "conflict"), [
    ("截至3日10时，地震已造成4人死亡。", "The quake killed nine people, officials said.", False),  # the toll rose
    ("The quake killed nine people, officials said.", "截至3日10时，地震已造成4人死亡。", True),  # it cannot fall
    ("主震后全台一度有约37万户停电。", "Power cuts hit 3.7 million households.", True),  # ten times: a slip of scale
])
def test_a_running_count_that_rose_between_two_reports_hours_apart_is_no_conflict(early, late, conflict):
    result = _clusters(("a", "A", "2024-04-03T03:20:00Z", early), ("b", "B", "2024-04-03T06:45:00Z", late))
    assert any(c.severity == "conflict" for c in result.conflicts) == conflict


def test_dates_a_day_apart_are_no_conflict_when_one_is_read_on_gmt():
    result = _clusters(("a", "A", "2024-04-03T03:10:00Z", "The quake struck at 2358 GMT on Tuesday."),
                       ("b", "B", "2024-04-03T11:20:00+08:00", "4月3日7时58分，花莲县近海发生地震。"))
    assert not any(c.severity == "conflict" and c.reason == "date_mismatch" for c in result.conflicts)
    result = _clusters(("a", "A", "2024-04-03T03:10:00Z", "The quake struck on Monday, April 1."),
                       ("b", "B", "2024-04-03T11:20:00+08:00", "4月3日7时58分，花莲县近海发生地震。"))
    assert any(c.severity == "conflict" and c.reason == "date_mismatch" for c in result.conflicts)


def test_a_floor_against_a_figure_ten_times_it_reads_as_a_slip_of_scale():
    result = _clusters(("a", "A", "2024-09-10T08:10:00Z", "More than 3.7 million people had signed up on Huawei's store."),
                       ("b", "B", "2024-09-10T08:30:00Z", "Huawei said reservations on its store had topped 37 million."))
    assert [(c.severity, c.reason) for c in result.conflicts] == [("conflict", "value_mismatch")]
    result = _clusters(("a", "A", "2024-09-10T08:10:00Z", "More than 3.7 million people had signed up on Huawei's store."),
                       ("b", "B", "2024-09-10T08:30:00Z", "Huawei said reservations on its store had topped 3.8 million."))
    assert not [c for c in result.conflicts if c.severity == "conflict"]


@pytest.mark.parametrize(("one", "other"), [
    ("In China, the Mate XT went on sale on September 25.", "新机将于9月20日10时08分正式开售。"),
    ("华为商城于9月6日中午开启预约。", "Reservations opened on September 7."),
])
def test_sale_and_reservation_dates_are_slots(one, other):
    result = _clusters(("a", "A", "2024-09-12T10:00:00Z", one), ("b", "B", "2024-09-12T10:00:00Z", other))
    assert [(c.severity, c.reason) for c in result.conflicts] == [("conflict", "date_mismatch")]


def test_two_figures_of_one_known_attribute_decide_before_an_unknown_one_that_happens_to_agree():
    # 15.5 miles is 25 km: the distance of 25公里 (no attribute) must not hide the clash of two depths
    result = _clusters(("a", "A", "2024-04-03", "Taiwan's weather agency said the quake was centred off Hualien at a depth of 15.5 miles."),
                       ("b", "B", "2024-04-03", "据中央气象署消息，震央位于花莲县政府南南东方25公里海域，震源深度15.5公里。"))
    assert [(c.severity, c.attribute) for c in result.conflicts] == [("conflict", "depth")]


def test_a_date_and_time_of_day_alone_in_their_clause_date_the_next_clauses_event():
    from claimwatch.pipeline import query_claim

    claim = query_claim("4月2日早上7时58分，台湾花莲县海域发生7.2级地震。", "2024-04-04T10:00:00+08:00")
    assert [(q.text, q.attribute) for q in claim.quantities if q.kind in ("date", "time")] == [
        ("4月2日", "quake_date"), ("早上7时58分", "quake_time")]


def test_values_told_apart_by_their_versions_clash_with_their_own_counterparts():
    result = _clusters(("a", "A", "2024-09-10", "16GB+256GB版本售价19999元，16GB+512GB版本售价为20999元。"),
                       ("b", "B", "2024-09-10", "16GB+256GB版本售价19999元，16GB+512GB版本售价21999元。"))
    assert [(c.severity, c.values) for c in result.conflicts] == [("conflict", ("20999元", "21999元"))]


def test_a_starting_price_is_no_price_of_the_dearest_version():
    result = _clusters(("a", "A", "2024-09-10", "The 1TB version of the Mate XT costs 23,999 yuan."),
                       ("b", "B", "2024-09-10", "Mate XT的起售价为19999元。"))
    assert not [c for c in result.conflicts if c.severity == "conflict"]


def test_a_foldables_screen_unfolded_is_not_its_screen_in_two_screen_mode():
    from claimwatch.claims.conditions import conditions_of

    assert conditions_of("Mate XT在双屏状态下屏幕为7.9英寸") == frozenset({"two screens"})
    assert conditions_of("该机全展开屏幕为10.2英寸") == frozenset({"unfolded"})
    result = _clusters(("a", "A", "2024-09-20", "完全展开后，这块10.2英寸的屏幕看文档很从容。"),
                       ("b", "B", "2024-09-20", "Mate XT完全展开后屏幕为12.8英寸。"))
    assert [(c.severity, c.attribute) for c in result.conflicts] == [("conflict", "screen_size")]


def test_fiscal_quarters_the_prior_quarter_and_after_hours_trading_are_conditions():
    from claimwatch.claims.conditions import conditions_of, periods_of

    assert periods_of("对于第四财季，英伟达给出的营收指引为375亿美元") == {"q4"}
    assert periods_of("Revenue in the prior quarter was $30.04 billion.") == {"prior quarter"}
    assert "after hours" in conditions_of("英伟达股价在盘后交易中一度下跌逾5%")
    result = _clusters(("a", "A", "2024-11-21", "Revenue for its fiscal third quarter came to $35.08 billion."),
                       ("b", "B", "2024-11-21", "Revenue in the prior quarter was $30.04 billion."))
    assert not [c for c in result.conflicts if c.severity == "conflict"]


def test_central_banks_rates_are_their_own_and_rate_kinds_and_terms_differ():
    boe = _clusters(("a", "A", "2024-09-19", "The Bank of England kept Bank Rate at 5.25% on Thursday."),
                    ("b", "B", "2024-09-19", "英国央行9月19日维持5%的基准利率不变。"))
    assert [(c.severity, c.attribute) for c in boe.conflicts] == [("conflict", "interest_rate")]
    two_banks = _clusters(("a", "A", "2024-09-19", "美联储将联邦基金利率目标区间降至4.75%-5.00%。"),
                          ("b", "B", "2024-09-19", "日本央行将短期政策利率维持在0.25%不变。"))
    assert not [c for c in two_banks.conflicts if c.severity == "conflict"]
    terms = _clusters(("a", "A", "2024-09-20", "1年期贷款市场报价利率为3.35%。"), ("b", "B", "2024-09-20", "5年期以上贷款市场报价利率为3.85%。"))
    assert not [c for c in terms.conflicts if c.severity == "conflict"]
    one_step = _clusters(("a", "A", "2024-09-19", "美联储将联邦基金利率下调50个基点。"), ("b", "B", "2024-09-19", "金管局将基本利率下调50个基点。"))
    assert not [c for c in one_step.conflicts if c.severity == "conflict"]


def test_an_index_level_is_compared_and_its_move_in_points_is_not_a_level():
    result = _clusters(("a", "A", "2024-09-19", "The S&P 500 closed 0.3% lower at 5,634.58 on Wednesday."),
                       ("b", "B", "2024-09-19", "On Wednesday the S&P 500 fell 0.29% to 5,618.26, and the Dow was off 103 points."))
    assert [(c.severity, c.attribute, c.values) for c in result.conflicts] == [("conflict", "index_level", ("5,634.58", "5,618.26"))]


def test_a_figure_given_for_the_prior_period_is_no_current_one():
    result = _clusters(("a", "A", "2024-11-21", "该季度实现营收350.8亿美元，上年同期为181.2亿美元。"),
                       ("b", "B", "2024-11-21", "Revenue in the prior quarter was $30.04 billion."))
    assert not [c for c in result.conflicts if c.severity == "conflict"]
    assert any("earlier period" in c.explanation for c in result.conflicts)


def test_named_fires_are_subjects_and_a_peak_is_no_figure_of_now():
    from claimwatch.claims.subjects import find_subjects

    assert find_subjects("The Eaton Fire had grown to 14,117 acres.") == {"event:fire-eaton"}
    assert "event:zh-fire-伊顿" in find_subjects("伊顿山火过火面积14117英亩")
    assert not any(s.startswith("event:") for s in find_subjects("洛杉矶两处山火已造成24人死亡"))  # a count of fires
    two_fires = _clusters(("a", "A", "2025-01-12", "The Eaton Fire had burned 14,117 acres."),
                          ("b", "B", "2025-01-12", "The Palisades Fire had burned 23,713 acres."))
    assert not [c for c in two_fires.conflicts if c.severity == "conflict"]
    one_fire = _clusters(("a", "A", "2025-01-12", "The Eaton Fire had burned 14,117 acres."),
                         ("b", "B", "2025-01-12", "The Eaton Fire had burned 24,117 acres."))
    assert [c.severity for c in one_fire.conflicts] == ["conflict"]
    moments = _clusters(("a", "A", "2025-01-14", "疏散令高峰时覆盖约18万人。"), ("b", "B", "2025-01-14", "目前仍有约10.5万人处于强制疏散令之下。"))
    assert not [c for c in moments.conflicts if c.severity == "conflict"]


def test_the_day_figures_were_published_or_a_statement_made_dates_no_event():
    result = _clusters(("a", "A", "2025-01-13", "据法医办公室当地时间1月12日公布的数字，山火已造成16人死亡。"),
                       ("b", "B", "2025-01-13", "总统1月10日批准了重大灾难声明。"))
    assert not [c for c in result.conflicts if c.severity == "conflict"]


def test_a_target_range_is_a_value_not_an_estimates_span():
    moved = _clusters(("a", "A", "2024-09-19", "美联储将联邦基金利率目标区间降至4.75%-5.00%。"),
                      ("b", "B", "2024-09-19", "美联储将联邦基金利率目标区间降至5.00%-5.25%。"))
    assert [c.severity for c in moved.conflicts] == ["conflict"]
    same = _clusters(("a", "A", "2024-09-19", "美联储将联邦基金利率目标区间降至4.75%-5.00%。"),
                     ("b", "B", "2024-09-19", "The Fed cut the federal funds target range to 4.75% to 5%."))
    assert not [c for c in same.conflicts if c.severity == "conflict"]


def test_a_rate_moves_in_exact_steps_and_a_prime_rate_is_no_policy_rate():
    # a quarter point is no half point: the half point's tolerance on percentages does not cover a step
    steps = _clusters(("a", "A", "2024-09-19", "The Fed lowered rates by a quarter of a percentage point on Wednesday."),
                      ("b", "B", "2024-09-19", "美联储18日宣布降息50个基点。"))
    assert [c.severity for c in steps.conflicts] == ["conflict"]
    same = _clusters(("a", "A", "2024-09-19", "The Fed lowered rates by half a percentage point on Wednesday."),
                     ("b", "B", "2024-09-19", "美联储18日宣布降息50个基点。"))
    assert not [c for c in same.conflicts if c.severity == "conflict"]
    # a bank's prime rate moving a quarter point is another rate than the central bank's
    prime = _clusters(("a", "A", "2024-09-19", "美联储18日宣布降息50个基点。"),
                      ("b", "B", "2024-09-19", "Several lenders trimmed their prime rates by a quarter point on Thursday."))
    assert not [c for c in prime.conflicts if c.severity == "conflict"]


def test_announcing_is_no_approving():
    result = _clusters(("a", "A", "2024-11-06", "首相2日宣布再增派1万名士兵赴灾区。"), ("b", "B", "2024-11-06", "内阁5日批准了首轮援助。"))
    assert not [c for c in result.conflicts if c.severity == "conflict"]


def test_the_day_before_is_an_earlier_figure_and_no_qualifier_of_the_same_one():
    earlier = _clusters(("a", "A", "2024-11-22", "前一交易日，该股收报145.89美元。"), ("b", "B", "2024-11-22", "该股周五收报141.95美元。"))
    assert not [c for c in earlier.conflicts if c.severity == "conflict"]
    same = _clusters(("a", "A", "2024-11-22", "Acme shares closed at $146.67 on Thursday."),
                     ("b", "B", "2024-11-23", "Acme stock had closed at $146.67 a day earlier."))
    assert not [c for c in same.conflicts if c.reason == "qualifier_mismatch"]


def test_medals_are_a_nations_tally_that_rises_until_it_is_final():
    from claimwatch.pipeline import query_claim

    golds = {q.attribute for q in query_claim("中国体育代表团最终获得201枚金牌、111枚银牌、71枚铜牌，奖牌总数383枚").quantities}
    assert golds == {"gold_medals", "silver_medals", "bronze_medals", "medals_total"}
    assert [q.attribute for q in query_claim("Host China dominated with 201 golds and 383 medals in all").quantities] == [
        "gold_medals", "medals_total"]
    nations = _clusters(("a", "A", "2023-10-08", "South Korea won 190 medals."),
                        ("b", "B", "2023-10-08", "India finished the Hangzhou Asian Games with 107 medals."))
    assert not [c for c in nations.conflicts if c.severity == "conflict"]
    rising = _clusters(("a", "A", "2023-09-30T22:00+08:00", "中国队已获得132枚金牌。"),
                       ("b", "B", "2023-10-04T22:00+08:00", "中国队已获得171枚金牌。"))
    assert not [c for c in rising.conflicts if c.severity == "conflict"]
    final = _clusters(("a", "A", "2023-10-08T22:00+08:00", "中国队最终获得201枚金牌。"),
                      ("b", "B", "2023-10-20T22:00+08:00", "在此前结束的亚运会上，中国队获得210枚金牌。"))
    assert [c.severity for c in final.conflicts] == ["conflict"]
    para = _clusters(("a", "A", "2023-10-28", "亚运会10月8日闭幕。"), ("b", "B", "2023-10-28", "亚残运会10月28日闭幕。"))
    assert not [c for c in para.conflicts if c.severity == "conflict"]


def test_trade_flows_by_market_currency_and_span():
    from claimwatch.pipeline import query_claim

    us_zh = query_claim("10月对美国出口同比增长8.1%").quantities
    us_en = query_claim("Exports to the United States rose 8.1% from a year earlier").quantities
    assert [(q.attribute, q.scope) for q in us_zh if q.kind == "percent"] == [("exports_up", "to place:us")]
    assert [(q.attribute, q.scope) for q in us_en] == [("exports_up", "to place:us")]
    markets = _clusters(("a", "A", "2024-11-07", "10月对美国出口同比增长8.1%。"), ("b", "B", "2024-11-07", "10月对欧盟出口同比增长14.6%。"))
    assert not [c for c in markets.conflicts if c.severity == "conflict"]
    spans = _clusters(("a", "A", "2024-11-07", "前10个月出口20.8万亿元，增长6.7%。"), ("b", "B", "2024-11-07", "10月出口2.19万亿元，增长11.2%。"))
    assert not [c for c in spans.conflicts if c.severity == "conflict"]
    bases = _clusters(("a", "A", "2024-11-07", "以美元计，10月出口同比增长12.7%。"), ("b", "B", "2024-11-07", "以人民币计，10月出口同比增长11.2%。"))
    assert not [c for c in bases.conflicts if c.severity == "conflict"]
    tonnage = _clusters(("a", "A", "2024-11-07", "10月出口钢材1118.1万吨。"), ("b", "B", "2024-11-07", "10月进口钢材52.6万吨。"))
    assert not [c for c in tonnage.conflicts if c.severity == "conflict"]


def test_an_athletes_medals_are_hers_and_a_headlines_games_time_its_figures():
    athlete = _clusters(("a", "A", "2023-10-01", "张雨霏一人独得6枚金牌。"), ("b", "B", "2023-10-01", "中国队在电子竞技项目中获得4枚金牌。"))
    assert not [c for c in athlete.conflicts if c.severity == "conflict"]
    closed = _clusters(("a", "A", "2023-10-09", "The Games closed on Saturday, October 7."),
                       ("b", "B", "2023-10-09", "The closing ceremony was held on Sunday, October 8."))
    assert [c.severity for c in closed.conflicts] == ["conflict"]


def test_the_federal_funds_rate_is_the_feds_and_no_other_banks():
    from claimwatch.pipeline import query_claim

    (q,) = query_claim("After the decision the federal funds target range stands at 4.75% to 5%.").quantities
    assert (q.attribute, q.subject) == ("interest_rate", "org:fed")
    two_banks = _clusters(("a", "A", "2024-09-20", "The federal funds target range now stands at 4.75% to 5%."),
                          ("b", "B", "2024-09-20", "The Bank of Japan held its short-term policy rate at 0.25%."))
    assert not [c for c in two_banks.conflicts if c.severity == "conflict"]


def test_an_election_counts_votes_shares_seats_and_turnout():
    def read(text):
        return [(q.subject, q.attribute, q.unit) for q in query_claim(text, "2024-01-14T00:00:00Z").quantities]

    assert read("民进党在立法院拿下51席") == [("org:dpp", "seats", "seats")]
    assert read("Lai Ching-te won 40.05% of the vote, or 5,586,019 votes.") == [
        ("person:lai-ching-te", "vote_share", "%"), ("person:lai-ching-te", "votes", "votes")]
    assert read("赖清德获得约559万张选票") == [("person:lai-ching-te", "votes", "votes")]
    assert [a for _, a, _ in read("本次投票率为71.86%")] == ["turnout"]
    seats = _clusters(("a", "A", "2024-01-14", "民进党在立法院拿下51席。"), ("b", "B", "2024-01-14", "The DPP won 53 seats in the legislature."))
    assert [(c.severity, c.attribute) for c in seats.conflicts] == [("conflict", "seats")]


def test_a_list_of_peers_gives_each_the_measure_named_for_the_first():
    got = [(q.subject, q.attribute) for q in query_claim("三星份额为19%，苹果为16%，小米为14%。").quantities]
    assert got == [("org:samsung", "market_share"), ("org:apple", "market_share"), ("org:xiaomi", "market_share")]
    en = query_claim("Samsung led with an 18.3% share, followed by Apple with 17.9%.").quantities
    assert [(q.subject, q.attribute) for q in en] == [("org:samsung", "market_share"), ("org:apple", "market_share")]
    # a rise after a level is no member of the list
    moved = query_claim("苹果份额为16%，小米出货量增长5%。").quantities
    assert [q.attribute for q in moved][1] != "market_share"


def test_two_research_firms_counts_are_two_estimates_and_one_firms_two_figures_clash():
    firms = _clusters(("a", "A", "2024-10-20", "据IDC统计，苹果第三季度的份额为15.9%。"),
                      ("b", "B", "2024-10-20", "Canalys数据显示，苹果第三季度的份额为18%。"))
    assert [c.severity for c in firms.conflicts] == ["explained_difference"]
    assert "by canalys" in firms.conflicts[0].explanation and "by idc" in firms.conflicts[0].explanation
    one_firm = _clusters(("a", "A", "2024-10-20", "据IDC统计，苹果第三季度的份额为15.9%。"),
                         ("b", "B", "2024-10-20", "IDC数据显示，苹果第三季度的份额为17.9%。"))
    assert [c.severity for c in one_firm.conflicts] == ["conflict"]
    # a claim naming no firm is its article's: the firm in the title counted it
    titled = [Article(id="a", source="A", title="IDC: smartphone shipments grow 4%", published="2024-10-20",
                      text="Apple's third-quarter share was 15.9%."),
              Article(id="b", source="B", title="Canalys: smartphone market grows 5%", published="2024-10-20",
                      text="Apple's third-quarter share was 18%.")]
    claims = [c for a in titled for c in segment_claims(a)]
    result = build_clusters(titled, claims, [Pair(0, 1, 0.9, 0.5, 0.9)], [], threshold=0.7)
    assert [c.severity for c in result.conflicts] == ["explained_difference"]
    untitled = _clusters(("a", "A", "2024-10-20", "Apple's third-quarter share was 15.9%."),
                         ("b", "B", "2024-10-20", "Apple's third-quarter share was 18%."))
    assert [c.severity for c in untitled.conflicts] == ["conflict"]


def test_a_candidates_votes_are_not_anothers_and_a_surname_names_the_candidate():
    (lai,) = query_claim("Lai's tally of about 5.59 million votes left him well ahead.", "2024-01-14T00:00:00Z").quantities
    assert (lai.subject, lai.attribute) == ("person:lai-ching-te", "votes")
    two = _clusters(("a", "A", "2024-01-14", "侯友宜获得4671021票。"), ("b", "B", "2024-01-14", "Lai received 5,586,019 votes."))
    assert not [c for c in two.conflicts if c.severity == "conflict"]
    party = _clusters(("a", "A", "2024-01-14", "赖清德的得票率为40.05%。"), ("b", "B", "2024-01-14", "政党票方面，民进党得票率36.16%。"))
    assert not [c for c in party.conflicts if c.severity == "conflict"]
    one = _clusters(("a", "A", "2024-01-14", "侯友宜获得4671021票。"), ("b", "B", "2024-01-14", "Hou Yu-ih took 4.2 million votes."))
    assert [c.severity for c in one.conflicts] == ["conflict"]


def test_two_roundings_of_three_digits_that_no_single_figure_gives_clash():
    from claimwatch.claims.consistency import roundings_apart

    def q(text):
        return query_claim(text, "2024-01-14").quantities[0]

    assert roundings_apart(q("柯文哲获得约369万票"), q("柯文哲获得约396万票"))
    assert not roundings_apart(q("about 5.59 million votes"), q("5,586,019 votes"))
    assert not roundings_apart(q("erased about $589 billion"), q("erased roughly $593 billion"))  # within 2 %
    assert not roundings_apart(q("about 22,000 people"), q("21,000 people"))  # two digits: the ±5 % stands
    votes = _clusters(("a", "A", "2024-01-14", "柯文哲获得约369万票。"), ("b", "B", "2024-01-14", "柯文哲获得约396万票。"))
    assert [c.severity for c in votes.conflicts] == ["conflict"]


def test_the_day_a_leader_takes_office_is_a_date_of_its_own():
    (q,) = query_claim("Lai is due to be sworn in on June 20.", "2024-01-14").quantities
    assert q.attribute == "inauguration_date"
    two = _clusters(("a", "A", "2024-01-14", "赖清德将于5月20日就职。"), ("b", "B", "2024-01-14", "Lai is due to be sworn in on June 20."))
    assert [(c.severity, c.reason) for c in two.conflicts] == [("conflict", "date_mismatch")]


def test_a_total_of_no_one_is_no_candidates_tally():
    total = _clusters(("a", "A", "2024-01-14", "About 13.95 million valid ballots were counted."),
                      ("b", "B", "2024-01-14", "Lai Ching-te received 5,586,019 votes."))
    assert not [c for c in total.conflicts if c.severity == "conflict"]
    assert [c.reason for c in total.conflicts] == ["different_subject"] and "a total of no one" in total.conflicts[0].explanation
    # a tally whose claim names no one at all still meets another such tally
    totals = _clusters(("a", "A", "2024-01-14", "About 13.95 million valid ballots were counted."),
                       ("b", "B", "2024-01-14", "About 12.5 million valid ballots were counted."))
    assert [c.severity for c in totals.conflicts] == ["conflict"]


@pytest.mark.parametrize("text, attribute", [
    ("Samsung kept first place with a 19% share.", "market_share"),
    ("The US government will take a 25% share of Nvidia's H200 sales to China.", "revenue_share"),
])
def test_a_share_of_sales_is_a_revenue_share_and_a_bare_share_a_market_share(text, attribute):
    assert [q.attribute for q in query_claim(text).quantities if q.kind == "percent"] == [attribute]


@pytest.mark.parametrize("text, attribute", [
    ("美联储将今年底失业率预期下调至4.0%", "unemployment_rate"),
    ("10月CPI同比上涨0.3%", "cpi_up"),
    ("PPI同比下降2.9%", "ppi_down"),
    ("三季度GDP同比增长4.6%", "gdp_up"),
    ("英伟达股价上涨5%", "share_price_up"),
])
def test_macro_statistics_are_attributes_and_a_bare_rise_is_the_named_ones(text, attribute):
    assert [q.attribute for q in query_claim(text, "2024-11-10").quantities if q.kind == "percent"] == [attribute]


@pytest.mark.parametrize("text, scope", [
    ("中国10月对美出口同比增长8.1%", "to place:us"),
    ("10月对欧出口增长14.6%", "to place:eu"),
    ("Exports to Southeast Asian nations grew 15.8% in October.", "to place:asean"),
])
def test_a_market_written_short_is_a_trade_flows_market(text, scope):
    assert [q.scope for q in query_claim(text, "2024-11-08").quantities if q.kind == "percent"] == [scope]


@pytest.mark.parametrize(("text", "value", "expected"), [
    ("Sales rose 4.1%, compared with a forecast 2.5% rise.", "2.5%", True),
    ("Sales rose 4.1%, compared with a forecast 2.5% rise.", "4.1%", False),
    ("Revenue of $12.4 billion beat analysts' average estimate of $11.9 billion.", "$11.9 billion", True),
    ("Revenue of $12.4 billion beat analysts' average estimate of $11.9 billion.", "$12.4 billion", False),
    ("接受调查的经济学家此前预测3月出口将增长2.5%", "2.5%", True),
    ("3月出口同比增长4.1%", "4.1%", False),
])
def test_what_analysts_expected_is_a_condition_of_its_figure(text, value, expected):
    claim = query_claim(text)
    (q,) = [x for x in claim.quantities if x.text == value]
    assert (CONSENSUS in conditions_at(claim, q)) is expected


def test_an_expectation_is_borne_out_by_the_expectation_not_refuted_by_the_outcome():
    claim = query_claim("Economists had expected exports to rise 2.5% in March.")
    evidence = query_claim("Exports rose 4.1% in March, compared with a forecast 2.5% rise.")
    assert relate(claim, evidence, 0.85, 0.35, 0.5)[0] == "supports"
    outcome = query_claim("Exports rose 4.1% in March from a year earlier.")
    assert relate(claim, outcome, 0.85, 0.35, 0.5)[0] != "refutes"


def test_a_probability_is_no_rate():
    (cut, odds) = query_claim("市场预期央行降息25个基点的概率超过七成").quantities
    assert odds.attribute == "probability" and cut.attribute != "probability"


def test_a_change_on_the_year_and_one_on_the_month_are_two_facts():
    yearly = ("a", "A", "2025-04-10", "3月份居民消费价格指数同比上涨0.5%。")
    monthly = ("b", "B", "2025-04-10", "The consumer price index rose 1.5% month on month in March.")
    assert [c for c in _clusters(yearly, monthly).conflicts if c.severity == "conflict"] == []
    other_month = ("b", "B", "2025-04-10", "3月份居民消费价格指数同比上涨1.5%。")
    (conflict,) = _clusters(yearly, other_month).conflicts
    assert conflict.severity == "conflict"


def test_one_country_denying_does_not_contradict_another_acting():
    denial = ("a", "A", "2024-01-15", "The United States did not issue a statement congratulating Lai Ching-te.")
    other = ("b", "B", "2024-01-15", "日本外务大臣14日发表谈话，对赖清德当选表示祝贺。")
    assert not [c for c in _clusters(denial, other).conflicts if c.reason == "negation"]


def test_a_figure_compared_with_the_one_before_is_of_its_measure():
    (now, _, then) = query_claim("本次投票率为68.2%，低于2016年的70.5%。").quantities
    assert now.attribute == then.attribute == "turnout"
    earlier = ("a", "A", "2024-01-15", "Turnout in 2016 was 70.5%.")
    compared = ("b", "B", "2024-01-15", "本次投票率为68.2%，低于2016年的70.5%。")
    assert not [c for c in _clusters(earlier, compared).conflicts if c.severity == "conflict"]


def test_a_markets_figure_is_the_whole_not_a_part():
    one = ("a", "A", "2024-10-20", "IDC数据显示，第三季度中国平板电脑市场出货量为712万台。")
    other = ("b", "B", "2024-10-20", "中国市场方面，IDC数据显示第三季度出货量为712万台。")
    assert not [c for c in _clusters(one, other).conflicts if c.severity == "conflict"]


def test_a_price_written_without_a_share_is_no_other_currency():
    assert not one_figure_two_currencies(query_claim("The $55 price was the offer."), query_claim("每股55美元的报价"))
    assert one_figure_two_currencies(query_claim("腾讯回购了916亿港元的股份"), query_claim("腾讯回购了916亿美元的股份"))


def test_a_figure_is_timed_by_the_date_of_its_own_clause():
    both = ("a", "A", "2024-11-09", "数据显示，3月出口增长强劲，但2月出口增速仅为2.4%。")
    march = ("b", "B", "2024-11-09", "3月出口同比增长12.7%。")
    assert not [c for c in _clusters(both, march).conflicts if c.severity == "conflict"]


def test_two_amounts_a_hundred_times_apart_are_two_things():
    # a spacecraft's mass and the mass of the samples it brought back: no misprint makes one the other
    result = _clusters(("a", "A", "2024-06-28", "The spacecraft weighs about 8.35 tonnes."),
                       ("b", "B", "2024-06-28", "The mission brought back 1,935.3 grams of rock and soil."))
    assert result.conflicts == []
    # ten times apart is a slip of a magnitude word, and still clashes
    result = _clusters(("a", "A", "2024-06-28", "The mission brought back 1,935.3 grams of rock and soil."),
                       ("b", "B", "2024-06-28", "The mission brought back 19,353 grams of rock and soil."))
    assert [c.severity for c in result.conflicts] == ["conflict"]


def test_rain_over_two_spans_of_time_is_a_qualifier_mismatch_not_a_value_clash():
    # one figure given for one hour and for eight: the same number under another condition
    result = _clusters(("a", "A", "2024-10-30", "Chiva was drenched by 491 mm of rain in a single hour."),
                       ("b", "B", "2024-10-30", "Chiva received 491 mm of rain in eight hours."))
    assert [(c.severity, c.reason.split(":")[0]) for c in result.conflicts] == [("conflict", "qualifier_mismatch")]
    # two figures over two spans are two facts
    result = _clusters(("a", "A", "2024-10-30", "奇瓦镇29日8小时内降雨量达491升/平方米。"),
                       ("b", "B", "2024-10-30", "奇瓦镇29日全天降雨量达771.8毫米。"))
    assert not [c for c in result.conflicts if c.severity == "conflict"]


def test_a_move_in_early_trading_is_no_close():
    result = _clusters(("a", "A", "2024-11-15", "Acme's U.S.-listed shares were down 2.6% in early New York trading on Friday."),
                       ("b", "B", "2024-11-15", "Acme's U.S.-listed shares closed down 2.0% on Friday."))
    assert not [c for c in result.conflicts if c.severity == "conflict"]


def test_the_list_price_a_resale_is_measured_against_is_a_list_price():
    claim = segment_claims(Article(id="a", source="A", title="", published="2024-09-20",
                                   text="二手平台上，1TB版本的转售价一度被炒到约3.5万元，较23999元的官方售价加价逾1.1万元。"))[0]
    kinds = {q.text: {c for c in conditions_at(claim, q) if c.endswith(" price")} for q in claim.quantities if q.attribute == "price"}
    assert kinds["23999元"] == {"list price"} and kinds["3.5万元"] == {"resale price"}


@pytest.mark.parametrize(("a", "b", "clash"), [
    ("Acme's revenue came to $35.8 billion.", "Acme的营收约351亿美元。", True),  # three digits: no rounding of one figure
    ("Acme's market value fell by about $589 billion.", "Acme's market value fell by roughly $593 billion.", False),
    ("Acme's revenue came to about $7.8 billion.", "Acme的营收约76亿美元。", True),  # two digits, one step: two figures
    ("Acme's revenue came to about $7.8 billion.", "Acme的营收为76.5亿美元。", False),  # one approximation: ±5 %
])
def test_approximations_of_three_digits_clash_beyond_their_rounding(a, b, clash):
    from claimwatch.claims.consistency import disjoint_slots
    assert bool(list(disjoint_slots(query_claim(a, "2024-11-21"), query_claim(b, "2024-11-21")))) == clash


def test_two_tallies_of_one_vote_clash_and_a_clause_set_earlier_has_no_day_of_its_own():
    result = _clusters(("a", "A", "2024-06-11", "A panel of outside advisers to the FDA voted 11-0 on Monday that the drug's benefits outweigh its risks."),
                       ("b", "B", "2024-10-24", "多奈单抗今年7月在美国获批，此前美国FDA专家委员会以10比1的投票结果支持该药。"))
    assert [c.severity for c in result.conflicts] == ["conflict"]


def test_across_languages_values_of_no_known_measure_clash_when_the_claims_read_as_one_fact():
    english = ("a", "A", "2025-01-02", "The survey found that about 40% of residents walk to work.")
    chinese = ("b", "B", "2025-01-02", "调查发现，约有25%的居民步行上班。")
    assert [(x.severity, x.reason) for x in _clash(english, chinese, 0.8)] == [("conflict", "value_mismatch")]
    assert _clash(english, chinese, 0.6) == []  # too loosely one fact: kept apart, not reported
    # one side names a place the other does not: a city's share is no national one
    shanghai = ("b", "B", "2025-01-02", "上海的调查发现，约有25%的居民步行上班。")
    assert _clash(english, shanghai, 0.8) == []
    # two shares on one side: which is the other's counterpart is unknown
    two = ("b", "B", "2025-01-02", "调查发现，约有25%的居民步行上班，15%骑车。")
    assert _clash(english, two, 0.8) == []


def test_a_denial_restated_in_its_own_language_is_not_decided_by_a_figure_beside_it():
    denied = ("a", "A", "2024-10-20", "值得注意的是，华为本季度未能进入全球前五。")
    restated = ("b", "B", "2024-10-20", "华为第三季度重返全球前五，出货量位列第五。")
    assert [(x.severity, x.reason) for x in _clash(denied, restated, 0.55)] == [("conflict", "negation")]
    # the figure stays what decides a statement that does not write the denial's words
    counted = ("b", "B", "2024-10-20", "华为第三季度智能手机出货量为1000万部。")
    assert _clash(denied, counted, 0.55) == []
    # in English, the same, for two statements worded alike
    articles = [Article(id=aid, source=src, title="", published="2024-11-21", text=text) for aid, src, text in (
        ("a", "A", "Nvidia has not yet shipped any Blackwell chips to customers."),
        ("b", "B", "Nvidia shipped 13,000 Blackwell chips to customers in the quarter."))]
    claims = [c for art in articles for c in segment_claims(art)]
    conflicts = build_clusters(articles, claims, [Pair(0, 1, 0.8, 0.6, 0.8)], [], threshold=0.7, clash_threshold=0.45).conflicts
    assert [(x.severity, x.reason) for x in conflicts] == [("conflict", "negation")]


def test_one_count_of_no_known_measure_in_two_statements_worded_as_one_fact_clashes():
    fewer = ("a", "A", "2024-07-24", "7月19日至23日五天内，某航空公司累计取消约7000个航班。")
    more = ("b", "B", "2024-07-24", "7月19日至23日五天内，某航空公司共取消约4000个航班。")
    (conflict,) = _clash(fewer, more, 0.9)
    assert (conflict.severity, conflict.reason) == ("conflict", "value_mismatch")
    assert "read as one fact in other words" in conflict.explanation
    assert _clash(fewer, more, 0.8) == []  # below AUDIT_ECHO: what the two counts count is not known
    # two values of the kind on one side: which is the other's counterpart is not known
    two = ("b", "B", "2024-07-24", "7月19日至23日五天内，某航空公司共取消约4000个航班，另有500个航班延误。")
    assert _clash(fewer, two, 0.9) == []


def test_two_counts_as_of_one_stated_day_are_no_running_count_read_hours_apart():
    same_day = _clusters(("a", "A", "2024-11-05T10:00", "The regional court said on Nov. 5 that 98 people remained missing."),
                         ("b", "B", "2024-11-05T22:00", "The regional court said on Nov. 5 that 89 people remained missing."))
    assert [(x.severity, x.reason) for x in same_day.conflicts] == [("conflict", "value_mismatch")]
    # hours of one day stated apart ("截至3日10时" / "截至3日22时") are two moments of a running count
    hours = _clusters(("a", "A", "2024-04-03T10:00", "截至3日10时，地震已造成4人死亡。"),
                      ("b", "B", "2024-04-03T22:00", "截至3日22时，地震已造成9人死亡。"))
    assert [x.severity for x in hours.conflicts] == ["explained_difference"]
