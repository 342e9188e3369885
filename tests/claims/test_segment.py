"""Claim segmentation (claimwatch.claims.segment): bullets, sentences, sections, offsets, flags."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimwatch.claims.models import Article
from claimwatch.claims.feeds import make_article, parse_feed
from claimwatch.claims.segment import MIN_CLAIM_CHARS, segment_claims
from claimwatch.claims.text import strip_citations

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CHROME = ("Workflow", "AI芯片", "icon", "搜索文档")
MARKER = re.compile(r"\[\d{1,3}\]")


def _claims(text: str, published: str | None = "2025-12-09T06:37"):
    return segment_claims(make_article(source="测试", title="标题", text=text, published=published))


def _texts(text: str, published: str | None = "2025-12-09T06:37") -> list[str]:
    return [c.text for c in _claims(text, published)]


# ---------------------------------------------------------------- English prose

@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param(
            "U.S. officials said the deal is done. Nvidia welcomed it.",
            ["U.S. officials said the deal is done.", "Nvidia welcomed it."],
            id="us-abbreviation",
        ),
        pytest.param(
            "The chip has 4.8 TB/s of memory bandwidth. Its rival has less.",
            ["The chip has 4.8 TB/s of memory bandwidth.", "Its rival has less."],
            id="decimal-measure",
        ),
        pytest.param(
            "Nvidia shares rose, giving a value of $4.51 trillion. Analysts cheered.",
            ["Nvidia shares rose, giving a value of $4.51 trillion.", "Analysts cheered."],
            id="decimal-money",
        ),
        pytest.param(
            "Mr. Huang lobbied for months. Intel Corp. also welcomed the rule.",
            ["Mr. Huang lobbied for months.", "Intel Corp. also welcomed the rule."],
            id="title-and-corp-abbreviations",
        ),
        pytest.param(
            "Would Beijing agree? Nobody knows! Officials stayed silent.",
            ["Would Beijing agree?", "Nobody knows!", "Officials stayed silent."],
            id="question-and-exclamation",
        ),
        pytest.param(
            "Nvidia may ship the H200. Beijing has not said yes.",
            ["Nvidia may ship the H200.", "Beijing has not said yes."],
            id="sentence-ending-in-model-code",
        ),
        pytest.param(
            "Deliveries could start in 2026. Analysts are sceptical.",
            ["Deliveries could start in 2026.", "Analysts are sceptical."],
            id="sentence-ending-in-year",
        ),
        pytest.param(
            'Nvidia said: "We welcome this decision." Analysts agreed.',
            ['Nvidia said: "We welcome this decision."', "Analysts agreed."],
            id="full-stop-inside-closing-quote",
        ),
        pytest.param(
            "The dam failed on Oct. 14, 1957, after days of rain. Sept. 3 is the anniversary.",
            ["The dam failed on Oct. 14, 1957, after days of rain.", "Sept. 3 is the anniversary."],
            id="abbreviated-month-before-a-day",
        ),
    ],
)
def test_splits_english_prose_into_sentences(text, sentences):
    assert _texts(text) == sentences


def test_english_prose_claims_are_unsectioned_and_english():
    claims = _claims(parse_feed((EXAMPLES / "h200_wire_en.jsonl").read_bytes())[0].text)
    assert claims and all(c.section is None and c.language == "en" for c in claims)
    assert any(c.text.startswith("Blackwell and Rubin chips are not included") for c in claims)


# ---------------------------------------------------------------- Chinese prose

@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param(
            "英伟达获准出口H200芯片。收入的25%归美方！这真的会落地吗？目前仍需商务部细则；细则尚未公布。",
            ["英伟达获准出口H200芯片。", "收入的25%归美方！", "这真的会落地吗？", "目前仍需商务部细则", "细则尚未公布。"],
            id="zh-stops",
        ),
        pytest.param(
            "白宫将按25%的比例提成。相当于销售额的四分之一归美方。",
            ["白宫将按25%的比例提成。", "相当于销售额的四分之一归美方。"],
            id="zh-two-sentences",
        ),
        pytest.param(
            "带宽为4.8TB/s。市值约4.51万亿美元。",
            ["带宽为4.8TB/s。", "市值约4.51万亿美元。"],
            id="zh-decimals-do-not-split",
        ),
        pytest.param(
            "黄仁勋说：“我们欢迎这一决定！”此后股价走高。",
            ["黄仁勋说：“我们欢迎这一决定！”", "此后股价走高。"],
            id="zh-closing-quote-stays",
        ),
    ],
)
def test_splits_chinese_prose_on_sentence_stops(text, sentences):
    assert _texts(text) == sentences


def test_markers_after_a_full_stop_stay_with_their_sentence():
    text = "白宫将按25%的比例提成。[1] 相关安排仍需细则才能落地。[2][3]"
    claims = _claims(text)
    assert [c.text for c in claims] == ["白宫将按25%的比例提成。", "相关安排仍需细则才能落地。"]
    assert text[claims[0].start:claims[0].end] == "白宫将按25%的比例提成。[1]"
    assert text[claims[1].start:claims[1].end] == "相关安排仍需细则才能落地。[2][3]"


# ---------------------------------------------------------------- digest bullets, sections, glued headings

@pytest.mark.parametrize(
    "glue",
    [
        pytest.param(" [4] ", id="space-marker-space"),
        pytest.param("[4] ", id="glued-marker-space"),
        pytest.param(" [4]", id="space-marker-glued-heading"),
        pytest.param("[4]", id="glued-marker-glued-heading"),
        pytest.param("[3][4] ", id="double-marker"),
    ],
)
def test_heading_glued_after_a_marker_starts_a_new_section(glue):
    text = (f"份额与市场 - 英伟达在华份额已经从95%跌到0 [1] - 中国AI芯片市场规模约为500亿美元{glue}"
            "后续变数 - 有消息称北京方面可能要求优先采购国产芯片 [5] - 首批H200最早会在2026年一季度运抵 [6]")
    claims = _claims(text)
    assert [(c.section, c.text) for c in claims] == [
        ("份额与市场", "英伟达在华份额已经从95%跌到0"),
        ("份额与市场", "中国AI芯片市场规模约为500亿美元"),
        ("后续变数", "有消息称北京方面可能要求优先采购国产芯片"),
        ("后续变数", "首批H200最早会在2026年一季度运抵"),
    ]


def test_example_digest_sections_never_become_claims():
    articles = parse_feed((EXAMPLES / "h200_digest_zh.txt").read_bytes())
    claims = [c for a in articles for c in segment_claims(a)]
    sections = {c.section for c in claims}
    assert {"份额与市场", "分成与条件", "后续变数", "发行概况", "芯片规格", "市场反应"} <= sections
    assert None not in sections
    assert not sections & {c.text for c in claims}
    assert not set(CHROME) & {c.text for c in claims}
    first = segment_claims(articles[0])
    assert [c.section for c in first] == ["份额与市场"] * 3 + ["分成与条件"] * 2 + ["后续变数"] * 2
    assert first[2].text == "今年第三季度英伟达在华AI芯片收入只有约5000万美元，不到公司总营收的0.1%"


def test_claim_ids_number_the_claims_of_an_article():
    article = parse_feed((EXAMPLES / "h200_digest_zh.txt").read_bytes())[0]
    claims = segment_claims(article)
    assert [c.id for c in claims] == [f"{article.id}:{n}" for n in range(len(claims))]
    assert all(c.article_id == article.id for c in claims)


def test_paragraph_with_a_single_dash_is_prose_not_bullets():
    claims = _claims("英伟达的H200 - 一款Hopper架构芯片 - 已获准出口。")
    assert [c.section for c in claims] == [None]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("   \n\n\t ", id="whitespace"),
        pytest.param("[1] [2][3]", id="markers-only"),
        pytest.param("短句。好。", id="shorter-than-minimum"),
    ],
)
def test_yields_no_claim_for_empty_or_trivial_text(text):
    assert _claims(text) == []


def test_drops_fragments_shorter_than_the_minimum():
    texts = _texts("黄仁勋说。英伟达在华份额已经从95%跌到0。")
    assert texts == ["英伟达在华份额已经从95%跌到0。"]
    assert all(len(t) >= MIN_CLAIM_CHARS for t in texts)


# ---------------------------------------------------------------- language, hedges, negation, quantities

@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param("英伟达在华份额已经从95%跌到0。", "zh", id="zh"),
        pytest.param("Nvidia's share of the Chinese market fell to zero.", "en", id="en"),
        pytest.param("H200配备141GB HBM3e高速内存。", "zh", id="zh-with-latin-codes"),
    ],
)
def test_detects_claim_language(text, language):
    (claim,) = _claims(text)
    assert claim.language == language


def test_claim_language_is_per_claim_in_a_mixed_article():
    claims = _claims("英伟达在华份额已经从95%跌到0。Nvidia's share of the Chinese market fell to zero.")
    assert [c.language for c in claims] == ["zh", "en"]


@pytest.mark.parametrize(
    ("text", "hedged", "cue", "negated"),
    [
        pytest.param("有消息称，首批获批的H200是下调规格的版本。", True, "有消息称", False, id="zh-hedged"),
        pytest.param("更新一代的Blackwell与Rubin芯片不在放行名单之内。", False, None, True, id="zh-negated"),
        pytest.param("美方将从H200对华销售额里拿走25%作为分成。", False, None, False, id="zh-flat"),
        pytest.param("Chinese cloud providers are reportedly preparing orders.", True, "reportedly", False,
                     id="en-hedged"),
        pytest.param("Blackwell and Rubin chips are not included in the approval.", False, None, True,
                     id="en-negated"),
        pytest.param("The U.S. government will collect 25% of the revenue.", False, None, False, id="en-flat"),
    ],
)
def test_flags_hedged_and_negated_claims(text, hedged, cue, negated):
    (claim,) = _claims(text)
    assert (claim.hedged, claim.hedge_cue, claim.negated) == (hedged, cue, negated)


def test_claims_carry_quantities_resolved_against_the_publication_date():
    (claim,) = _claims("12月5日，星河算力公布发行结果，发行价为100元/股。", published="2025-12-09T06:15")
    kinds = [(q.kind, q.value) for q in claim.quantities]
    assert ("date", 20251205.0) in kinds
    assert ("money", 100.0) in kinds


def test_quantity_offsets_are_relative_to_the_claim_text():
    for claim in _claims("份额与市场 - 英伟达在华份额已经从95%跌到0 [1] - 市场规模约为500亿美元 [2]"):
        for q in claim.quantities:
            assert claim.text[q.start:q.end] == q.text


# ---------------------------------------------------------------- offsets on whole feeds

@pytest.mark.parametrize(
    "name",
    [pytest.param("h200_digest_zh.txt", id="digest-zh"), pytest.param("h200_wire_en.jsonl", id="wire-en")],
)
def test_claim_offsets_point_into_the_article(name):
    for article in parse_feed((EXAMPLES / name).read_bytes()):
        for c in segment_claims(article):
            assert 0 <= c.start < c.end <= len(article.text)
            assert c.text in strip_citations(article.text[c.start:c.end])
            assert not MARKER.search(c.text)


# ---------------------------------------------------------------- the real sample feed

@pytest.fixture
def real_claims(sample_feed):
    articles = parse_feed(sample_feed)
    return articles, [(a, c) for a in articles for c in segment_claims(a)]


def test_real_feed_every_article_yields_claims(real_claims):
    articles, pairs = real_claims
    assert {a.id for a, _ in pairs} == {a.id for a in articles}


def test_real_feed_no_claim_is_page_chrome(real_claims):
    _, pairs = real_claims
    texts = {c.text for _, c in pairs}
    for chrome in CHROME:
        assert chrome not in texts


def test_real_feed_headings_are_sections_never_claims(real_claims):
    _, pairs = real_claims
    sections = {c.section for _, c in pairs if c.section}
    texts = {c.text for _, c in pairs}
    assert {"中国对H200放开的态度", "产品技术与性能", "美国放开H200的原因", "H200放开对国产市场的影响",
            "市场与财务影响", "政策动态"} <= sections
    assert not sections & texts
    for _, c in pairs:
        assert not any(c.text.endswith(" " + s) for s in sections), c.text  # no heading glued to a claim


def test_real_feed_claims_contain_no_citation_marker(real_claims):
    _, pairs = real_claims
    assert not [c.text for _, c in pairs if MARKER.search(c.text)]


def test_real_feed_claim_offsets_point_into_the_article(real_claims):
    _, pairs = real_claims
    for article, c in pairs:
        assert c.text in strip_citations(article.text[c.start:c.end])


def test_real_feed_sections_follow_the_glued_headings(real_claims):
    articles, pairs = real_claims
    first = [c for a, c in pairs if a.id == articles[0].id]
    assert first[0].section == "美国放开H200的原因"
    assert first[-1].section == "H200放开对国产市场的影响"
    assert "中国对H200放开的态度" in [c.section for c in first]


# ---------------------------------------------------------------- robustness

_FRAGMENTS = st.sampled_from([
    "英伟达", "份额", "25%", "500亿美元", "7-8万张", "437.36%至464.23%", "四分之一", "两倍", "12月5日", "2024年底",
    "H200", "MI308", "[3]", "[1][2]", " - ", "。", "！", "？", ".", ". ", "U.S.", "$4.51 trillion", "about ",
    "超过", "不到", "约", "\u200b", "\u200d", "\ufeff", "\x00", "\x1b", "\r\n", "\n", "\u3000", "😀", "🇨🇳",
    "Ελληνικά", "русский", "العربية", "日本語", "한국어", "ＨＫ＄１２", "２５％", " ", "-", "[", "]", "1,979",
])
_TEXTS = st.one_of(st.text(), st.lists(_FRAGMENTS, max_size=40).map("".join))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS, published=st.sampled_from([None, "2025-12-09T06:37", "2025-12-09"]))
def test_segment_claims_never_raises_on_arbitrary_text(text, published):
    article = make_article(source="s", title="t", text=text, published=published)
    for c in segment_claims(article):
        assert 0 <= c.start < c.end <= len(article.text)
        assert len(c.text) >= MIN_CLAIM_CHARS


def test_a_same_period_opening_takes_the_period_of_the_claim_before():
    article = Article(id="a", source="A", title="", published="2025-05-19",
                      text="经营数据 - 2024年公司营业收入3620.13亿元，同比下降9.70% [3] - 同期归属于上市公司股东的净利润为"
                           "507.45亿元，同比增长15.01% [3] - 净利润较上年同期增长8% [3]")
    first, second, third = segment_claims(article)
    (period,) = [q for q in second.quantities if q.kind == "date"]
    assert (period.text, period.low, period.high, period.attribute) == ("同期", 20240101, 20241231, None)
    assert not [q for q in third.quantities if q.kind == "date"]  # 上年同期: a comparison base, no reference
    english = Article(id="b", source="B", title="", published="2025-05-19",
                      text="Revenue fell 9.7% in 2024. In the same period, net profit rose 15% to 50.7 billion yuan.")
    assert [q.text for q in segment_claims(english)[1].quantities if q.kind == "date"] == ["In the same period"]


def test_a_listed_company_is_no_listing():
    article = Article(id="a", source="A", title="", published="2025-05-19", text="2024年归属于上市公司股东的净利润为507.45亿元。")
    (claim,) = segment_claims(article)
    assert [q.attribute for q in claim.quantities if q.kind == "date"] == [None]


def test_a_clock_abbreviation_before_its_zone_ends_no_sentence():
    text = "The quake hit at 9:05 a.m. GMT on January 7. Rescuers arrived at 9 a.m. Officials said more."
    claims = segment_claims(Article(id="e", source="E", title="", published="2025-01-09", text=text, language="en"))
    assert [c.text for c in claims] == ["The quake hit at 9:05 a.m. GMT on January 7.", "Rescuers arrived at 9 a.m.",
                                        "Officials said more."]


def test_a_figure_for_a_year_months_after_publication_is_a_projection():
    (far,) = _claims("2025年底的利率中值为3.4%。", published="2024-09-19T14:00-04:00")
    (near,) = _claims("该公司将于2024年9月25日上市，发行价为每股20元。", published="2024-09-19T14:00-04:00")
    (guessed,) = _claims("第四季度营收为50亿元。", published="2024-01-19T14:00-04:00")
    assert far.hedged and not near.hedged and not guessed.hedged
