"""Syndication found per article (MinHash + LSH) and confirmed claim by claim."""

from claimwatch.claims.models import Article
from claimwatch.claims.segment import segment_claims
from claimwatch.claims.syndication import find_syndication, sketch

STORY = ("英伟达H200芯片获准对华出口。美国政府将从销售收入中抽取25%。此次放行仅限获批客户。"
         "Blackwell与Rubin不在名单之内。H200的显存为141GB，带宽为4.8TB/s。分析人士认为需求强劲。")


def _articles(*specs):
    articles = [Article(id=aid, source=src, title="H200", published=pub, text=text) for aid, src, pub, text in specs]
    return articles, [c for a in articles for c in segment_claims(a)]


def test_an_edited_copy_is_found_without_any_claim_pair_and_the_earliest_is_the_origin():
    edited = STORY.replace("分析人士认为需求强劲。", "记者注：本文转载自他处。")
    articles, claims = _articles(("copy", "转载网", "2025-12-09T10:00", edited), ("orig", "首发社", "2025-12-09T08:00", STORY),
                                 ("other", "别家", "2025-12-09T09:00", "寒武纪今年出货约8万张卡。沐曦即将上市。"))
    (group,) = find_syndication(articles, claims, [])
    assert set(group.article_ids) == {"copy", "orig"} and group.origin == "orig"


def test_one_outlet_publishing_twice_is_not_syndication():
    articles, claims = _articles(("a", "同一家", "2025-12-09T08:00", STORY), ("b", "同一家", "2025-12-09T09:00", STORY))
    assert find_syndication(articles, claims, []) == []


def test_two_shared_sentences_in_otherwise_different_articles_are_not_a_copy():
    filler_a = "".join(f"第{n}段讲述国产芯片厂商的扩产计划与融资进展。" for n in range(30))
    filler_b = "".join(f"第{n}条消息关于新能源汽车的价格战和出口数据。" for n in range(30))
    shared = "美国政府将从销售收入中抽取25%。此次放行仅限获批客户。"
    articles, claims = _articles(("a", "甲", "2025-12-09", shared + filler_a), ("b", "乙", "2025-12-09", shared + filler_b))
    assert find_syndication(articles, claims, []) == []


def test_sketches_estimate_overlap():
    assert sketch(STORY).jaccard(sketch(STORY)) == 1.0
    assert sketch(STORY).jaccard(sketch("完全不同的一段文字，讲的是足球转会市场。")) < 0.2
