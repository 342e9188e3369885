"""Clustering and conflicts on hand-built claims and pairs (no index, no model)."""

from claimwatch.claims.consistency import Pair, build_clusters, find_syndication, shares_value
from claimwatch.claims.models import Article
from claimwatch.claims.segment import segment_claims


def _article(aid, source, text, published="2025-12-09T01:00", title="H200"):
    return Article(id=aid, source=source, title=title, published=published, text=text)


def _setup(*specs):
    articles = [_article(*s) for s in specs]
    claims = [c for a in articles for c in segment_claims(a)]
    return articles, claims


def test_agreeing_claims_cluster_and_count_outlets():
    articles, claims = _setup(("a", "A", "H200的带宽为4.8TB/s。"), ("b", "B", "H200带宽达4.8TB/s。"))
    result = build_clusters(articles, claims, [Pair(0, 1, 0.9, 0.8, 0.9)], [], threshold=0.7)
    assert [k.status for k in result.clusters] == ["corroborated"]
    assert result.clusters[0].independent_sources == 2 and not result.conflicts


def test_clashing_values_are_a_conflict_not_a_merge():
    articles, claims = _setup(("a", "A", "H200的带宽为4.8TB/s。"), ("b", "B", "H200带宽为4.5TB/s。"))
    result = build_clusters(articles, claims, [Pair(0, 1, 0.9, 0.8, 0.9)], [], threshold=0.7)
    assert [x.severity for x in result.conflicts] == ["conflict"]
    assert result.conflicts[0].values == ("4.8TB/s", "4.5TB/s")
    assert {k.status for k in result.clusters} == {"conflicting"}


def test_different_products_make_an_explained_difference():
    articles, claims = _setup(("a", "A", "美国政府对H200销售抽取25%的分成。"), ("b", "B", "美国政府曾对H20销售抽取15%的分成。"))
    result = build_clusters(articles, claims, [Pair(0, 1, 0.9, 0.8, 0.9)], [], threshold=0.7)
    assert result.conflicts[0].severity == "explained_difference"
    assert "H20" in result.conflicts[0].explanation


def test_qualified_values_agree():
    articles, claims = _setup(("a", "A", "英伟达曾占中国超过95%的市场份额。"), ("b", "B", "英伟达曾占中国95%的市场份额。"))
    result = build_clusters(articles, claims, [Pair(0, 1, 0.9, 0.8, 0.9)], [], threshold=0.7)
    assert not result.conflicts and result.clusters[0].status == "corroborated"


def test_pairs_below_threshold_do_not_link():
    articles, claims = _setup(("a", "A", "H200的带宽为4.8TB/s。"), ("b", "B", "H200带宽达4.8TB/s。"))
    result = build_clusters(articles, claims, [Pair(0, 1, 0.5, 0.4, 0.5)], [], threshold=0.7)
    assert result.clusters == [] and result.conflicts == []


def test_syndicated_articles_count_as_one_source():
    text = "H200的带宽为4.8TB/s。H200配备141GB显存。"
    articles, claims = _setup(("a", "A", text, "2025-12-09T01:00"), ("b", "B", text, "2025-12-09T05:00"),
                              ("c", "C", "H200带宽达到4.8TB/s。"))
    pairs = [Pair(0, 2, 1.0, 1.0, 1.0), Pair(1, 3, 1.0, 1.0, 1.0), Pair(0, 4, 0.9, 0.6, 0.9), Pair(2, 4, 0.9, 0.6, 0.9)]
    groups = find_syndication(articles, claims, pairs)
    assert [(g.article_ids, g.origin) for g in groups] == [(("a", "b"), "a")]
    result = build_clusters(articles, claims, pairs, groups, threshold=0.7)
    bandwidth = next(k for k in result.clusters if claims[0].id in k.claim_ids)
    assert bandwidth.independent_sources == 2  # A (with its copy B) and C


def test_same_outlet_never_conflicts_with_itself():
    articles, claims = _setup(("a", "A", "H200的带宽为4.8TB/s。"), ("b", "A", "H200带宽为4.5TB/s。"))
    result = build_clusters(articles, claims, [Pair(0, 1, 0.9, 0.8, 0.9)], [], threshold=0.7)
    assert not result.conflicts


def test_average_linkage_stops_a_two_fact_claim_from_chaining():
    articles, claims = _setup(("a", "A", "甲公司发布了新芯片。"), ("b", "B", "甲公司发布了新芯片，乙公司宣布裁员。"), ("c", "C", "乙公司宣布裁员。"))
    pairs = [Pair(0, 1, 0.8, 0.5, 0.8), Pair(1, 2, 0.8, 0.5, 0.8)]
    chained = build_clusters(articles, claims, pairs, [], threshold=0.7)
    assert len(chained.clusters) == 1 and len(chained.clusters[0].claim_ids) == 3
    scores = {frozenset((0, 1)): 0.8, frozenset((1, 2)): 0.8, frozenset((0, 2)): 0.1}

    def linkage(left, right):
        pairs = [scores[frozenset((i, j))] for i in left for j in right]
        return sum(pairs) / len(pairs)

    split = build_clusters(articles, claims, pairs, [], threshold=0.7, linkage=linkage)
    assert sorted(len(k.claim_ids) for k in split.clusters) == [2]


def test_shares_value_ignores_bare_years():
    a = segment_claims(_article("a", "A", "2025年营收增长。"))[0]
    b = segment_claims(_article("b", "B", "2025年利润下滑。"))[0]
    assert not shares_value(a, b)


def test_different_companies_make_an_explained_difference():
    articles, claims = _setup(("a", "A", "寒武纪今年出货约7-8万张卡。", "2025-12-09T01:00", "国产芯片出货"),
                              ("b", "B", "摩尔线程今年出货50万-100万张卡。", "2025-12-09T01:00", "国产芯片出货"))
    result = build_clusters(articles, claims, [Pair(0, 1, 0.9, 0.6, 0.9)], [], threshold=0.7)
    assert result.conflicts[0].severity == "explained_difference"
    assert "cambricon" in result.conflicts[0].explanation and "moore-threads" in result.conflicts[0].explanation


def test_one_company_in_two_languages_is_one_subject():
    articles, claims = _setup(("a", "A", "英伟达的市值为4.51万亿美元。"), ("b", "B", "Nvidia is worth $4.6 trillion."))
    result = build_clusters(articles, claims, [Pair(0, 1, 0.9, 0.1, 0.9)], [], threshold=0.7)
    assert result.conflicts[0].severity == "conflict"


def test_values_are_compared_per_product_inside_one_claim():
    from claimwatch.claims.consistency import disjoint_slots
    from claimwatch.pipeline import query_claim

    evidence = query_claim("此前为获取H20出口许可上缴15%，此次H200的分成比例升至25%")
    assert list(disjoint_slots(query_claim("H200的分成比例为25%"), evidence)) == []
    (clash,) = disjoint_slots(query_claim("H200的分成比例为15%"), evidence)
    assert (clash[1].text, clash[2].text) == ("15%", "25%")


def test_two_dates_for_one_event_are_a_date_mismatch():
    articles, claims = _setup(("a", "A", "H200芯片发布于2023年11月。"), ("b", "B", "H200芯片于2024年底首次发布。"))
    result = build_clusters(articles, claims, [Pair(0, 1, 0.9, 0.6, 0.9)], [], threshold=0.7)
    assert [(x.severity, x.reason) for x in result.conflicts] == [("conflict", "date_mismatch")]


def test_values_at_different_times_are_explained():
    articles, claims = _setup(("a", "A", "2024年英伟达在华份额为95%。"), ("b", "B", "2025年英伟达在华份额为0%。"))
    result = build_clusters(articles, claims, [Pair(0, 1, 0.9, 0.6, 0.9)], [], threshold=0.7)
    assert [(x.severity, x.reason) for x in result.conflicts] == [("explained_difference", "different_time")]
