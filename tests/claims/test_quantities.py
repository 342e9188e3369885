"""Value extraction and normalisation (claimwatch.claims.quantities)."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimwatch.claims.quantities import extract_quantities, is_prior_value
from claimwatch.pipeline import query_claim

INF = math.inf
PUB = "2025-12-09T06:37"

# Interval expectations that do not pin the exact widening constant:
WIDE = "widened"  # approx: the bound moves outward from the value, and approx is set
BELOW = "below"  # bounded above only: the low end lies below the value (0 for a percentage, else -inf)


def _xfail(reason: str):
    return pytest.mark.xfail(reason=reason, strict=True)


def _only(text: str, published: str | None = PUB):
    """The one value of ``text``; a relative date (今年, 明年) beside it is tested elsewhere."""
    quantities = extract_quantities(text, published)
    if any(q.kind != "date" for q in quantities):
        quantities = tuple(q for q in quantities if q.kind != "date")
    assert len(quantities) == 1, [(q.kind, q.value, q.text) for q in quantities]
    return quantities[0]


# (text, kind, value, unit, low, high); low/high are numbers, WIDE or BELOW.
CASES = [
    # ---- percentages
    pytest.param("份额为25%", "percent", 25, "%", 25, 25, id="zh-percent"),
    pytest.param("只占总营收的0.09%", "percent", 0.09, "%", 0.09, 0.09, id="zh-small-percent"),
    pytest.param("will receive 25 percent of revenue", "percent", 25, "%", 25, 25, id="en-percent-word"),
    pytest.param("a 12 per cent rise", "percent", 12, "%", 12, 12, id="en-per-cent"),
    pytest.param("提高了2个百分点", "percent", 2, "pp", 2, 2, id="zh-percentage-points"),
    pytest.param("up 3 percentage points", "percent", 3, "pp", 3, 3, id="en-percentage-points"),
    pytest.param("比例为百分之十五", "percent", 15, "%", 15, 15, id="zh-baifenzhi-shiwu"),
    pytest.param("收入的２５％归美方", "percent", 25, "%", 25, 25, id="zh-fullwidth-percent"),
    pytest.param("亏损幅度收窄五成", "percent", 50, "%", 50, 50, id="zh-wucheng"),
    # ---- money
    pytest.param("市场规模为500亿美元", "money", 500e8, "USD", 500e8, 500e8, id="zh-yi-usd"),
    pytest.param("市值升至4.51万亿美元", "money", 4.51e12, "USD", 4.51e12, 4.51e12, id="zh-wanyi-usd"),
    pytest.param("收入只有5000万美元", "money", 5000e4, "USD", 5000e4, 5000e4, id="zh-wan-usd"),
    pytest.param("定格在121.60港元", "money", 121.6, "HKD", 121.6, 121.6, id="zh-hkd"),
    pytest.param("发行价为100元/股", "money", 100, "CNY/share", 100, 100, id="zh-yuan-per-share"),
    pytest.param("市值约为100元", "money", 100, "CNY", WIDE, WIDE, id="zh-yuan"),
    pytest.param("估值130亿元人民币", "money", 130e8, "CNY", 130e8, 130e8, id="zh-yuan-renminbi"),
    pytest.param("a market value of $4.51 trillion", "money", 4.51e12, "USD", 4.51e12, 4.51e12, id="en-usd-trillion"),
    pytest.param("revenue of $57 billion", "money", 57e9, "USD", 57e9, 57e9, id="en-usd-billion"),
    pytest.param("revenue of 57bn dollars", "money", 57e9, "USD", 57e9, 57e9, id="en-bn-dollars"),
    pytest.param("a $1.5 million fine", "money", 1.5e6, "USD", 1.5e6, 1.5e6, id="en-usd-million"),
    pytest.param("shares closed at HK$121.60", "money", 121.6, "HKD/share", 121.6, 121.6, id="en-hkd-prefix"),
    pytest.param("revenue of US$57bn", "money", 57e9, "USD", 57e9, 57e9, id="en-us-dollar-bn-glued"),
    pytest.param("1.5 billion yuan", "money", 1.5e9, "CNY", 1.5e9, 1.5e9, id="en-yuan"),
    pytest.param("revenue of US$57 bn", "money", 57e9, "USD", 57e9, 57e9, id="en-us-dollar-bn-spaced",),
    # ---- counts with units
    pytest.param("公开发行4000万股", "count", 4000e4, "shares", 4000e4, 4000e4, id="zh-wan-shares"),
    pytest.param("总股本为4亿股", "count", 4e8, "shares", 4e8, 4e8, id="zh-yi-shares"),
    pytest.param("明年有望增至15万张", "count", 15e4, "cards", 15e4, 15e4, id="zh-wan-cards"),
    pytest.param("至少400万张卡的总需求", "count", 400e4, "cards", 400e4, INF, id="zh-zhishao-cards"),
    pytest.param("累计交付2.5万颗", "count", 2.5e4, "chips", 2.5e4, 2.5e4, id="zh-ke-chips"),
    pytest.param("ships 1,000 cards a month", "count", 1000, "cards", 1000, 1000, id="en-cards"),
    pytest.param("bought 200 GPUs", "count", 200, "chips", 200, 200, id="en-gpus"),
    # ---- ranges
    pytest.param("今年出货约7-8万张", "count", 7.5e4, "cards", WIDE, WIDE, id="zh-range-wan-written-once-approx"),
    pytest.param("出货7-8万张", "count", 7.5e4, "cards", 7e4, 8e4, id="zh-range-wan-written-once"),
    pytest.param("年出货量在50万-100万张之间", "count", 75e4, "cards", 50e4, 100e4, id="zh-range-wan-both"),
    pytest.param("营收同比增长437.36%至464.23%", "percent", 450.795, "%", 437.36, 464.23, id="zh-range-percent-zhi"),
    pytest.param("增长420.5%至455.8%", "percent", 438.15, "%", 420.5, 455.8, id="zh-range-percent-decimal"),
    pytest.param("在15%到25%之间", "percent", 20, "%", 15, 25, id="zh-range-dao"),
    pytest.param("a 20-30% rise", "percent", 25, "%", 20, 30, id="en-range-percent"),
    pytest.param("adds $3-4 billion a year", "money", 3.5e9, "USD", 3e9, 4e9, id="en-range-money"),
    pytest.param("出货５０万－１００万张", "count", 75e4, "cards", 50e4, 100e4, id="zh-range-fullwidth"),
    pytest.param("续亏3亿元至3.8亿元", "money", 3.4e8, "CNY", 3e8, 3.8e8, id="zh-range-yuan-on-both-ends",),
    pytest.param("ships 500,000 to 1 million units a year", "count", 7.5e5, "units", 5e5, 1e6,
                 id="en-range-magnitude-on-upper-end-only"),
    pytest.param("to ship between 70,000 and 80,000 cards", "count", 7.5e4, "cards", 7e4, 8e4,
                 id="en-range-between-and",),
    # ---- qualifiers
    pytest.param("份额一度超过95%", "percent", 95, "%", 95, INF, id="zh-chaoguo-open-above"),
    pytest.param("营收超2000亿元", "money", 2000e8, "CNY", 2000e8, INF, id="zh-chao-open-above"),
    pytest.param("100万以上", "count", 100e4, "", 100e4, INF, id="zh-yishang-open-above"),
    pytest.param("市场规模约500亿美元", "money", 500e8, "USD", WIDE, WIDE, id="zh-yue-approx"),
    pytest.param("市场规模约为500亿美元", "money", 500e8, "USD", WIDE, WIDE, id="zh-yuewei-approx",),
    pytest.param("市值1000亿元左右", "money", 1000e8, "CNY", WIDE, WIDE, id="zh-zuoyou-approx"),
    pytest.param("性能约为H20的近10倍", "multiple", 10, "x", WIDE, WIDE, id="zh-jin-approx"),
    pytest.param("不到公司总营收的0.1%", "percent", 0.1, "%", BELOW, 0.1, id="zh-budao-separated",),
    pytest.param("占比不到0.1%", "percent", 0.1, "%", BELOW, 0.1, id="zh-budao-bounded-above"),
    pytest.param("收入不到1亿元", "money", 1e8, "CNY", BELOW, 1e8, id="zh-budao-money"),
    pytest.param("50万张以内", "count", 50e4, "cards", BELOW, 50e4, id="zh-yinei-bounded-above"),
    pytest.param("at least 25% of the revenue", "percent", 25, "%", 25, INF, id="en-at-least"),
    pytest.param("more than 95% of the market", "percent", 95, "%", 95, INF, id="en-more-than"),
    pytest.param("about $50 billion a year", "money", 50e9, "USD", WIDE, WIDE, id="en-about"),
    pytest.param("roughly 25 percent", "percent", 25, "%", WIDE, WIDE, id="en-roughly"),
    pytest.param("nearly 30% of sales", "percent", 30, "%", WIDE, WIDE, id="en-nearly"),
    pytest.param("less than 5% of sales", "percent", 5, "%", BELOW, 5, id="en-less-than"),
    pytest.param("up to 30% of sales", "percent", 30, "%", BELOW, 30, id="en-up-to"),
    pytest.param("approximately 10% of sales", "percent", 10, "%", WIDE, WIDE, id="en-approximately",),
    pytest.param("no more than 40% of sales", "percent", 40, "%", BELOW, 40, id="en-no-more-than",),
    # ---- multiples
    pytest.param("容量接近H100的两倍", "multiple", 2, "x", 2, 2, id="zh-liangbei"),
    pytest.param("性能是H20的6倍", "multiple", 6, "x", 6, 6, id="zh-6bei"),
    pytest.param("性能至少6倍", "multiple", 6, "x", 6, INF, id="zh-zhishao-6bei"),
    pytest.param("H20的6倍以上", "multiple", 6, "x", 6, INF, id="zh-6bei-yishang"),
    pytest.param("增幅为十五倍", "multiple", 15, "x", 15, 15, id="zh-shiwubei"),
    pytest.param("a 10x jump", "multiple", 10, "x", 10, 10, id="en-10x"),
    pytest.param("roughly 10 times the performance", "multiple", 10, "x", WIDE, WIDE, id="en-roughly-10-times"),
    pytest.param("at least 6 times as powerful", "multiple", 6, "x", 6, INF, id="en-at-least-6-times"),
    pytest.param("at least six times as powerful", "multiple", 6, "x", 6, INF, id="en-at-least-six-times",),
    pytest.param("runs nearly twice as fast", "multiple", 2, "x", WIDE, WIDE, id="en-nearly-twice",),
    # ---- fractions
    pytest.param("销售额的四分之一归美方", "fraction", 0.25, "", 0.25, 0.25, id="zh-sifenzhiyi"),
    pytest.param("仅为B30A芯片的一半", "fraction", 0.5, "", 0.5, 0.5, id="zh-yiban"),
    pytest.param("三分之二的订单", "fraction", 2 / 3, "", 2 / 3, 2 / 3, id="zh-sanfenzhier"),
    # ---- measures
    pytest.param("带宽为4.8TB/s", "measure", 4.8, "TB/s", 4.8, 4.8, id="zh-tbps-glued"),
    pytest.param("with 4.8 TB/s of bandwidth", "measure", 4.8, "TB/s", 4.8, 4.8, id="en-tbps-spaced"),
    pytest.param("稠密算力为1,979 TFLOPS", "measure", 1979, "TFLOPS", 1979, 1979, id="thousands-separator"),
    pytest.param("配备141GB显存", "measure", 141, "GB", 141, 141, id="zh-gb"),
    # a count's noun names its unit; a Chinese numeral with a magnitude; vague magnitudes as ranges
    pytest.param("工厂去年交付了120万片晶圆", "count", 1.2e6, "chips", 1.2e6, 1.2e6, id="zh-pian"),
    pytest.param("该机柜集成36颗GPU", "count", 36, "chips", 36, 36, id="zh-ke-before-latin"),
    pytest.param("芯片集成了208亿个晶体管", "count", 2.08e10, "transistors", 2.08e10, 2.08e10, id="zh-ge-noun"),
    pytest.param("The firm employs 12,500 people", "count", 12500, "people", 12500, 12500, id="en-noun-people"),
    pytest.param("It plans to buy 300,000 B200 GPUs", "count", 3e5, "chips", 3e5, 3e5, id="en-code-then-noun"),
    pytest.param("估值达到五百亿元", "money", 5e10, "CNY", 5e10, 5e10, id="zh-numeral-magnitude"),
    pytest.param("订单规模达数十万台", "count", 5.5e5, "units", 1e5, 1e6, id="zh-vague-tens"),
    pytest.param("a deal worth billions of dollars", "money", 5.5e9, "USD", 1e9, 1e10, id="en-vague-billions"),
    pytest.param("交付周期为6到8个月", "duration", 7, "months", 6, 8, id="zh-duration-range"),
    pytest.param("the ban lasted three years", "duration", 36, "months", 36, 36, id="en-word-duration"),
    pytest.param("sold out within five hours", "duration", 18000, "seconds", 18000, 18000, id="en-word-hours"),
    pytest.param("sales fell by two-thirds", "fraction", 2 / 3, "", 2 / 3, 2 / 3, id="en-two-thirds"),
    pytest.param("nine-tenths of the proceeds", "fraction", 0.9, "", 0.9, 0.9, id="en-nine-tenths"),
    pytest.param("more than a hundred million people", "count", 1e8, "people", 1e8, float("inf"), id="en-words-magnitude"),
    pytest.param("two million customers", "count", 2e6, "customers", 2e6, 2e6, id="en-words-millions"),
    pytest.param("a billion dollars", "money", 1e9, "USD", 1e9, 1e9, id="en-words-billion-dollars"),
    pytest.param("seven-eighths of the crop", "fraction", 0.875, "", 0.875, 0.875, id="en-seven-eighths"),
    pytest.param("costs about one-fifth of the rival chip", "fraction", 0.2, "", WIDE, WIDE, id="en-one-fifth"),
    pytest.param("losses came to one-twentieth of GDP", "fraction", 0.05, "", 0.05, 0.05, id="en-one-twentieth"),
    pytest.param("在海拔4000米的高原", "measure", 4.0, "km", 4.0, 4.0, id="zh-metres"),
    pytest.param("气温低至18摄氏度", "measure", 18, "°C", 18, 18, id="zh-celsius"),
    pytest.param("three-fifths of the homes", "fraction", 0.6, "", 0.6, 0.6, id="en-three-fifths"),
    pytest.param("价格比去年高出约两成", "percent", 20, "%", WIDE, WIDE, id="zh-liang-cheng"),
]


@pytest.mark.parametrize(("text", "kind", "value", "unit", "low", "high"), CASES)
def test_extracts_and_normalises_values(text, kind, value, unit, low, high):
    q = _only(text)
    assert (q.kind, q.unit) == (kind, unit)
    assert q.value == pytest.approx(value)
    assert text[q.start:q.end] == q.text
    if low == WIDE or high == WIDE:
        assert q.approx
    else:
        assert not q.approx
    for got, want, outward in ((q.low, low, -1), (q.high, high, +1)):
        if want == WIDE:
            assert outward * (got - q.value) > 0, (q.low, q.value, q.high)
            assert abs(got - q.value) <= 0.25 * abs(q.value)
        elif want == BELOW:
            assert got < q.value and (got == -INF or got >= 0)
        elif want == INF:
            assert got == INF
        else:
            assert got == pytest.approx(want)


def test_approximate_range_widens_beyond_both_ends():
    q = _only("今年出货约7-8万张")
    assert q.approx and q.low < 7e4 and q.high > 8e4


def test_qualified_values_keep_the_stated_value():
    for text in ("超过95%", "不到95%", "约95%"):
        assert _only(text).value == 95.0


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize(
    ("text", "published", "low", "high"),
    [
        pytest.param("12月5日，星河算力公布发行结果", "2025-12-09T06:15", 20251205, 20251205, id="zh-day-year-from-pub"),
        pytest.param("百度集团于12月7日发布公告", "2025-12-09", 20251207, 20251207, id="zh-day-date-only-pub"),
        pytest.param("１２月５日公布", "2025-12-09T06:15", 20251205, 20251205, id="zh-day-fullwidth"),
        pytest.param("2025年12月5日有媒体报道", PUB, 20251205, 20251205, id="zh-full-date"),
        pytest.param("自2024年底起转向Blackwell", PUB, 20241001, 20241231, id="zh-year-end-oct-dec"),
        pytest.param("2024年末", PUB, 20241001, 20241231, id="zh-year-mo"),
        pytest.param("目标2027年初完成IPO", PUB, 20270101, 20270331, id="zh-year-start-jan-mar"),
        pytest.param("于2023年11月发布", PUB, 20231101, (20231130, 20231201), id="zh-month"),
        pytest.param("今年8月，美国政府曾要求", PUB, 20250801, (20250831, 20250901), id="zh-month-year-from-pub"),
        pytest.param("2025年上半年营收达9.15亿元", PUB, 20250101, (20250630, 20250701), id="zh-first-half"),
        pytest.param("2021年完成独立融资", PUB, 20210101, 20211231, id="zh-year"),
    ],
)
def test_resolves_dates_against_the_publication_date(text, published, low, high):
    dates = [q for q in extract_quantities(text, published) if q.kind == "date"]
    assert len(dates) == 1
    q = dates[0]
    assert q.unit == "date"
    assert q.low == low
    if isinstance(high, tuple):  # covers the whole period and stops before the next one
        assert high[0] <= q.high < high[1]
    else:
        assert q.high == high
    assert text[q.start:q.end] == q.text


def test_day_without_publication_date_is_not_given_a_year():
    assert not [q for q in extract_quantities("12月5日公布发行结果", None) if q.kind == "date"]


def test_day_without_publication_date_does_not_become_counts():
    assert extract_quantities("12月5日公布发行结果", None) == ()


def test_ignores_a_published_value_that_is_not_a_date():
    quantities = extract_quantities("12月5日公布", "²０２５-12-09")
    assert not [q for q in quantities if q.kind == "date"]


def test_dates_are_not_double_counted_as_numbers():
    quantities = extract_quantities("12月5日，星河算力公布发行结果，2025年前三季度营收增长", PUB)
    assert [q.kind for q in quantities] == ["date", "date"]


# ---------------------------------------------------------------- numbers that are not values

@pytest.mark.parametrize(
    "text",
    [
        pytest.param("英伟达H200获准出口", id="h200"),
        pytest.param("H20与MI308的对华销售", id="h20-mi308"),
        pytest.param("等待性能提升很多的B300", id="b300"),
        pytest.param("如GB200或B200/B300", id="gb200-slash"),
        pytest.param("搭载HBM3e显存，FP8精度", id="hbm3e-fp8"),
        pytest.param("国内主流产品仍停留在A100水平", id="a100"),
        pytest.param("市场规模还会继续扩大[3]", id="citation-marker"),
        pytest.param("市场规模还会继续扩大 [1][2][12]", id="citation-markers"),
        pytest.param("在训练和推理175B参数大模型时", id="175b-params"),
        pytest.param("处理175B以上参数模型", id="175b-yishang"),
        pytest.param("已成功支持128B MoE大模型", id="128b-moe"),
        pytest.param("the 2025 model year", id="bare-year"),
    ],
)
def test_model_codes_citations_and_parameter_counts_are_not_values(text):
    assert extract_quantities(text, PUB) == ()


def test_model_code_next_to_a_value_leaves_only_the_value():
    quantities = extract_quantities("H200的性能至少是此前特供版H20的6倍，分成比例为25%[4]", PUB)
    assert [(q.kind, q.value, q.text) for q in quantities] == [("multiple", 6.0, "6倍"), ("percent", 25.0, "25%")]


def test_175b_does_not_yield_17():
    assert all(q.value not in (17.0, 175.0) for q in extract_quantities("175B参数", PUB))


# ---------------------------------------------------------------- spans

def test_spans_index_the_original_text_including_fullwidth():
    text = "公司于１２月５日公布：收入的２５％归美方，约５００亿美元，出货７－８万张[3]；带宽4.8 TB/s。"
    quantities = extract_quantities(text, PUB)
    assert [q.text for q in quantities] == ["１２月５日", "２５％", "５００亿美元", "７－８万张", "4.8 TB/s"]
    for q in quantities:
        assert text[q.start:q.end] == q.text
    assert [q.start for q in quantities] == sorted(q.start for q in quantities)


def test_spans_of_a_whole_article_match_the_text():
    text = ("黄仁勋在多个场合提到，英伟达在中国数据中心芯片市场的份额已经从95%一路跌到0 [1] - 他给出的中国AI芯片"
            "市场规模约为500亿美元，并认为这个数字还会继续扩大[1][2] - 今年第三季度英伟达在华AI芯片收入只有约5000万美元，"
            "不到公司总营收的0.1% [3]")
    quantities = extract_quantities(text, PUB)
    assert len(quantities) >= 4
    for q in quantities:
        assert text[q.start:q.end] == q.text


def test_spans_carry_no_surrounding_whitespace():
    for q in extract_quantities("份额已经从95%一路跌到0 [1]", PUB):
        assert q.text == q.text.strip()


# ---------------------------------------------------------------- robustness

@pytest.mark.parametrize(
    "text",
    [
        pytest.param("厂房面积达1.2万m²", id="zh-wan-then-metre"),
        pytest.param("规模达3亿 million", id="zh-yi-then-en-million"),
    ],
)
def test_never_raises_on_mixed_chinese_and_english_magnitudes(text):
    extract_quantities(text, PUB)


_FRAGMENTS = st.sampled_from([
    "25%", "２５％", "500亿美元", "4.51万亿美元", "7-8万张", "50万-100万张", "437.36%至464.23%", "四分之一",
    "百分之十五", "两倍", "6倍", "10x", "12月5日", "2024年底", "H200", "MI308", "175B", "[3]", "$4.51 trillion",
    "US$57", "HK$", "about ", "at least ", "超过", "不到", "约", "左右", "以上", "至", "-", "~", ",", ".",
    "\u200b", "\u200d", "\ufeff", "\x00", "\x07", "\x1b", "\n", "\u3000", "😀", "👍🏽", "Ελλη", "кирилл", "עברית",
    "日本語", "한국어", "英伟达", "Nvidia ", "0", "9", "1,979", " ",
])
_TEXTS = st.one_of(st.text(), st.lists(_FRAGMENTS, max_size=30).map("".join))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS, published=st.sampled_from([None, "2025-12-09T06:37", "2025-12-09", "not a date"]))
@example(text="\u200b２５％\u200d😀", published=None)
def test_extract_quantities_never_raises_on_arbitrary_text(text, published):
    for q in extract_quantities(text, published):
        assert text[q.start:q.end] == q.text
        assert q.low <= q.high


@pytest.mark.parametrize("text, low, high", [
    pytest.param("deliveries could start in March 2026", 20260301, 20260331, id="en-month-year"),
    pytest.param("a deal agreed in August", 20250801, 20250831, id="en-month-from-publication"),
    pytest.param("revenue in Q1 2023", 20230101, 20230331, id="en-q1"),
    pytest.param("in the first quarter of 2026", 20260101, 20260331, id="en-first-quarter"),
    pytest.param("计划最早于2026年一季度递交申请", 20260101, 20260331, id="zh-year-quarter"),
    pytest.param("今年三季度营收大增", 20250701, 20250930, id="zh-this-year-q3"),
    pytest.param("明年下半年量产", 20260701, 20261231, id="zh-next-year-h2"),
    pytest.param("launch date 2026-03", 20260301, 20260331, id="iso-month"),
    pytest.param("发布于2024年2月", 20240201, 20240229, id="zh-leap-february"),
])
def test_resolves_dates_as_intervals(text, low, high):
    dates = [q for q in extract_quantities(text, PUB) if q.kind == "date"]
    assert [(q.low, q.high) for q in dates] == [(low, high)]


@pytest.mark.parametrize("text, months", [
    pytest.param("锁定期为18个月", 18, id="zh-months"),
    pytest.param("a lock-up of 6 months", 6, id="en-months"),
    pytest.param("within 2 years", 24, id="en-years"),
])
def test_durations_are_months(text, months):
    (q,) = [q for q in extract_quantities(text, PUB) if q.kind == "duration"]
    assert (q.value, q.unit) == (months, "months")


def test_month_name_may_alone_is_not_a_date():
    assert not [q for q in extract_quantities("Beijing may approve the orders", PUB) if q.kind == "date"]


@pytest.mark.parametrize("text", [
    pytest.param("份额从15%升到25%", id="zh-cong-change"),
    pytest.param("revenue grew from $10 billion to $30 billion", id="en-from-to-change"),
    pytest.param("股价上涨50%至150元", id="zh-percent-then-price"),
    pytest.param("the death toll rose by another 12 to 217", id="en-by-then-level"),
])
def test_from_a_to_b_is_two_values_not_a_range(text):
    values = extract_quantities(text, PUB)
    assert len(values) == 2 and all(q.low == q.high for q in values)


@pytest.mark.parametrize("text, published, low", [
    ("a model released on December 26", "2025-01-27T08:20:00-05:00", 20241226),
    ("于12月26日发布", "2025-01-27", 20241226),
    ("will ship on March 3", "2025-01-27", 20250303),
    ("licences were suspended in April", "2025-12-09", 20250401),
])
def test_a_month_without_a_year_is_the_publication_year_unless_far_ahead(text, published, low):
    assert extract_quantities(text, published)[0].low == low


def test_a_product_code_after_a_count_is_what_it_counts():
    (q,) = extract_quantities("DeepSeek has about 50,000 H100s", "2025-01-30")
    assert (q.kind, q.unit, q.value) == ("count", "chips", 50000)
    (q,) = extract_quantities("It took 30.8 million H100 GPU hours", "2025-01-30")
    assert q.unit == "GPU hours"


@pytest.mark.parametrize(("text", "kind", "value", "unit"), [
    ("CLTC续航为700公里", "measure", 700, "km"),
    ("a range of 500 miles", "measure", 500 * 1.609344, "km"),
    ("最高时速265km/h", "measure", 265, "km/h"),
    ("最高车速为265公里/小时", "measure", 265, "km/h"),
    ("电池容量101kWh", "measure", 101, "kWh"),
    ("最大功率495千瓦", "measure", 495_000, "W"),
    ("最大马力673马力", "measure", 673 * 735.5, "W"),
    ("整备质量2.2吨", "measure", 2200, "kg"),
    ("百公里加速2.78秒", "duration", 2.78, "seconds"),
    ("27分钟内", "duration", 27 * 60, "seconds"),
    ("within 24 hours", "duration", 24 * 3600, "seconds"),
    ("24个小时", "duration", 24 * 3600, "seconds"),
    ("锁单88898辆", "count", 88898, "vehicles"),
    ("团队有3400多名工程师", "count", 3400, "people"),
])
def test_everyday_units_are_normalised_to_one_unit_each(text, kind, value, unit):
    (q,) = extract_quantities(text, PUB)
    assert (q.kind, q.unit) == (kind, unit) and q.value == pytest.approx(value)


def test_the_speed_a_sprint_ends_at_is_no_top_speed():
    from claimwatch.claims.slots import attach_slots

    for text in ("The car reaches 100 km/h in 2.78 seconds and has a top speed of 265 km/h.",
                 "0-100 km/h加速仅需2.78秒，最高时速265公里/小时"):
        speeds = [q for q in attach_slots(text, extract_quantities(text, PUB)) if q.unit == "km/h"]
        assert [q.attribute for q in speeds] == [None, "top_speed"]


@pytest.mark.parametrize(("text", "unit"), [
    ("The API charges $2.19 per million output tokens.", "USD/token"),
    ("API价格为每百万tokens 2.19美元", "CNY/token".replace("CNY", "USD")),
    ("按每GPU小时2美元计", "USD/gpu小时"),
    ("At $2 per GPU hour", "USD/gpu小时"),
    ("中国市场每年价值约300亿美元", "USD"),        # a yearly amount is compared with totals
    ("adds $3-4 billion a year", "USD"),
    ("训练成本为557.6万美元", "USD"),
])
def test_a_price_per_unit_is_a_rate(text, unit):
    (q,) = [q for q in extract_quantities(text, PUB) if q.kind == "money"]
    assert q.unit == unit


def test_a_percentage_after_a_month_is_no_day():
    qs = extract_quantities("The August 15% arrangement was never written into regulation.", PUB)
    assert [(q.kind, q.low, q.high) for q in qs] == [("date", 20250801, 20250831), ("percent", 15.0, 15.0)]


@pytest.mark.parametrize("text", ["Its share fell from 95 percent to zero.", "其份额已经从95%跌到零", "share dropped from 20% to nil"])
def test_a_zero_word_ending_a_change_from_a_percentage_is_zero_percent(text):
    last = extract_quantities(text, PUB)[-1]
    assert (last.kind, last.unit, last.low, last.high) == ("percent", "%", 0.0, 0.0)
    assert text[last.start:last.end].lower() in ("zero", "零", "nil")


@pytest.mark.parametrize("text", ["The score was zero.", "零售额增长了5%", "zero-emission cars rose 5%"])
def test_a_zero_word_elsewhere_is_no_figure(text):
    assert all(q.value != 0.0 for q in extract_quantities(text, PUB))


@pytest.mark.parametrize("text, kept", [
    ("本报早前版本将首日涨幅误写为26.43%，应为16.43%，特此更正", [16.43]),
    ("An earlier version incorrectly reported the close as $128.42; it was $118.42.", [118.42]),
    ("首日涨幅为26.43%，随后回落至16.43%", [26.43, 16.43]),
])
def test_a_corrections_wrong_figure_is_no_claim(text, kept):
    assert [q.value for q in extract_quantities(text, PUB) if q.kind in ("percent", "money")] == kept


@pytest.mark.parametrize("text, rank", [("中创新航装车量位居第二", 2), ("排名全国第3位", 3), ("The company ranked 3rd in 2024.", 3),
                                        ("BYD held the second-largest share", 2), ("连续八年位居全球第一", 1),
                                        ("甲队位列奖牌榜第二", 2), ("乙队连续第五次位居奖牌榜首位", 1),
                                        ("Acme took first place with 5 million units.", 1),
                                        ("The team was third in the medal table.", 3),
                                        ("Rivals finished the season with 40 wins, fourth in the league.", 4)])
def test_a_place_in_a_ranking_is_a_rank(text, rank):
    (q,) = [q for q in extract_quantities(text, PUB) if q.unit == "rank"]
    assert (q.kind, q.value) == ("count", rank)


@pytest.mark.parametrize("text", ["It was the first time the fund had lost money.", "in the second half of the year",
                                  "He was second to speak.", "乙队连续第五次参赛"])
def test_an_ordinal_that_places_nothing_is_no_rank(text):
    assert not [q for q in extract_quantities(text, PUB) if q.unit == "rank"]


@pytest.mark.parametrize("text, streak", [("乙队连续第五次位居奖牌榜首位", 5), ("连续第11届夺冠", 11),
                                          ("It was the 11th straight time the club won the title.", 11),
                                          ("a fourth consecutive year of growth", 4),
                                          # quarters and months run too, counted or ordinal, in a row or straight
                                          ("云收入连续第五个季度实现三位数增长", 5), ("出口连续三个月下降", 3),
                                          ("Sales have grown for five quarters in a row.", 5),
                                          ("It posted a loss for three straight quarters.", 3),
                                          ("It was the fifth consecutive quarter of growth.", 5)])
def test_the_length_of_a_run_is_a_streak_not_a_rank(text, streak):
    assert [q.value for q in extract_quantities(text, PUB) if q.unit == "streak"] == [streak]


def test_five_quarters_in_a_row_are_no_fraction():
    assert not [q for q in extract_quantities("Sales have grown for five quarters in a row.", PUB) if q.kind == "fraction"]


def test_capped_at_is_an_upper_bound():
    (q,) = extract_quantities("Total investment is capped at €7.34 billion.", PUB)
    assert q.low == float("-inf") and q.high == pytest.approx(7.34e9)


def test_times_of_day_are_times_in_utc_and_a_day_alone_is_a_date():
    qs = extract_quantities("“摩羯”6日在海南文昌登陆，7日14时前后又在越南登陆，9月4日20时起停航", "2024-09-09T10:00+08:00")
    assert [(q.text, q.kind) for q in qs] == [("6日", "date"), ("7日", "date"), ("14时前后", "time"), ("9月4日", "date"),
                                              ("20时", "time")]
    assert qs[0].low == 20240906
    # a Chinese clock reads Beijing time: 14时前后 is 06:00 UTC, give or take a quarter of an hour
    assert (qs[2].value, qs[2].low, qs[2].high) == (360.0, 345.0, 375.0)
    # a local time tells no moment; a GMT one does
    assert [(q.kind, q.value) for q in extract_quantities("at about 1 p.m. local time, or 0820 GMT", PUB)] == [("time", 500.0)]
    assert extract_quantities("The quake hit at 9:05 a.m.", PUB) == ()  # no zone: no moment
    assert [q.unit for q in extract_quantities("100万日元", PUB)] == ["JPY"]  # 日 of 日元 is no day


@pytest.mark.parametrize("text, unit, value", [("最大风速为52米/秒", "km/h", 187.2), ("winds of 62 metres per second", "km/h", 223.2),
                                               ("最低气压为935百帕", "hPa", 935), ("累计降雨量达300毫米", "mm", 300),
                                               ("最大风力17级", "grade", 17), ("损失约40万亿越南盾", "VND", 4e13),
                                               ("500万泰铢", "THB", 5e6), ("800多人受伤", "people", 800)])
def test_weather_and_currency_units(text, unit, value):
    (q,) = extract_quantities(text, PUB)
    assert q.unit == unit and q.low == pytest.approx(value, rel=0.06)


@pytest.mark.parametrize("text, day", [("The bridge collapsed on Monday.", 20240909), ("halted since Wednesday night", 20240911),
                                       ("by Saturday evening", 20240907), ("台风本周三登陆", 20240911), ("星期日发布", 20240908),
                                       ("该股周一收跌", 20240909), ("美股周二盘后", 20240910),
                                       ("上周五收盘", 20240906), ("上星期三发布", 20240904)])
def test_a_weekday_is_the_day_of_the_week_up_to_publication(text, day):
    # published on Wednesday 11 September 2024
    (q,) = extract_quantities(text, "2024-09-11T09:00+07:00")
    assert (q.kind, q.low, q.high) == ("date", day, day)


@pytest.mark.parametrize("text", ["They meet next Monday.", "下周一发布", "周三表示"])
def test_weekdays_that_are_no_past_day_or_no_weekday_are_no_date(text):
    assert [q for q in extract_quantities(text, "2024-09-11") if q.kind == "date"] == []


def test_a_weekday_needs_a_publication_day_and_a_date_beside_it_is_read_once():
    assert extract_quantities("The bridge collapsed on Monday.") == ()
    assert extract_quantities("The bridge collapsed on Monday.", "2024-09-11", weekdays=False) == ()
    (q,) = extract_quantities("came ashore on Saturday, September 7, with winds", "2024-09-11")
    assert (q.text, q.low) == ("September 7", 20240907)


@pytest.mark.parametrize("text, day", [("by the morning of 7 September", 20240907), ("on 8 September 2023", 20230908),
                                       ("the 7th of September", 20240907), ("on 3 Sept. it fell", 20240903)])
def test_a_day_before_its_month_is_a_date(text, day):
    (q,) = [q for q in extract_quantities(text, "2024-09-11") if q.kind == "date"]
    assert q.low == q.high == day
    assert not [q for q in extract_quantities(text, "2024-09-11") if q.kind == "count"]


def test_electricity_users_are_customers():
    (q,) = extract_quantities("越南北部约370万用户断电", PUB)
    assert (q.unit, q.low) == ("customers", pytest.approx(3.7e6 * 0.95))


@pytest.mark.parametrize("text, zero", [("The storm passed without killing anyone.", "without killing anyone"),
                                        ("No deaths were reported in Hainan.", "No deaths"),
                                        ("台风造成无人死亡、3人受伤", "无人死亡"), ("广东暂未收到因灾死亡报告", "暂未收到因灾死亡")])
def test_a_toll_of_nobody_is_zero_people(text, zero):
    (q,) = [q for q in extract_quantities(text, PUB) if q.high == 0]
    assert (q.text, q.kind, q.unit) == (zero, "count", "people")
    assert not [q for q in extract_quantities("There was no doubt, and no employees in China.", PUB)]


def test_several_people_are_at_least_two():
    (q,) = extract_quantities("Guangdong had reported several storm deaths.", PUB)
    assert (q.text, q.low, q.high, q.unit) == ("several", 2, float("inf"), "people")
    assert extract_quantities("several companies and a few analysts", PUB) == ()


@pytest.mark.parametrize("text, value", [("The USGS put the quake at magnitude 7.1.", 7.1), ("a 6.8-magnitude quake", 6.8),
                                         ("an M7.1 event", 7.1), ("定日县发生6.8级地震", 6.8),
                                         ("China's agency reported the quake at 6.8 in the morning", 6.8),
                                         ("The US Geological Survey measured it at 7.1.", 7.1)])
def test_a_magnitude_is_a_grade(text, value):
    (q,) = extract_quantities(text, PUB)
    assert (q.kind, q.unit, q.low) == ("measure", "grade", value)


def test_a_reading_at_a_time_or_a_share_is_no_magnitude():
    assert not [q for q in extract_quantities("prices were put at 6.5% by analysts", PUB) if q.unit == "grade"]
    assert [q.text for q in extract_quantities("China's agency reported the quake at 6.8", PUB)] == ["6.8"]


def test_a_magnitude_or_above_is_a_threshold():
    (q,) = extract_quantities("more than 500 aftershocks of magnitude 3.0 or above", PUB)[1:]
    assert (q.low, q.high) == (3.0, float("inf"))


def test_a_paragraph_number_is_no_figure_and_starts_no_range():
    qs = extract_quantities("(corrects number of collapsed houses in paragraph 4 to 3,609 from 3,069)", PUB)
    assert [q.text for q in qs] == ["3,609", "3,069"]



@pytest.mark.parametrize("text", ["Third-quarter revenue fell 3.9%.", "Acme's Q3 revenue rose 8%.", "in the third quarter"])
def test_a_quarter_without_its_year_is_of_the_publication_year(text):
    dates = [q for q in extract_quantities(text, published="2024-11-14") if q.kind == "date"]
    assert [(q.low, q.high) for q in dates] == [(20240701.0, 20240930.0)]
    assert [q for q in extract_quantities(text) if q.kind == "date"] == []  # no year to give it


def test_a_quarter_with_its_year_keeps_it():
    (q,) = extract_quantities("Q3 2023 revenue", published="2024-11-14")
    assert (q.low, q.high) == (20230701.0, 20230930.0)


@pytest.mark.parametrize(("text", "value"), [("seven in ten households", 0.7), ("one out of five homes", 0.2)])
def test_n_in_m_is_a_fraction(text, value):
    (q,) = extract_quantities(text)
    assert q.kind == "fraction" and q.value == pytest.approx(value)


@pytest.mark.parametrize(("text", "minutes"), [
    ("北京时间1月7日9时5分", 65.0), ("0105 GMT", 65.0), ("9:05 a.m. Beijing time", 65.0), ("9:05 a.m. GMT", 545.0),
    ("晚上8点半", 750.0), ("1 p.m. UTC", 780.0),
])
def test_a_time_of_day_with_a_known_zone_is_minutes_after_midnight_utc(text, minutes):
    from claimwatch.claims.quantities import clock_times

    (q,) = clock_times(text)
    assert (q.kind, q.unit, q.value) == ("time", "UTC", minutes)


@pytest.mark.parametrize("text", ["by the morning of 7 September", "on September 7", "on the 7th of September"])
def test_a_day_of_a_month_is_no_count_even_when_no_year_dates_it(text):
    assert [q for q in extract_quantities(text) if q.kind != "date"] == []


@pytest.mark.parametrize(("text", "utc_hours"), [
    ("地震发生在日本时间8时58分", 23.0 + 58 / 60),
    ("（台湾时间7时58分）", 23.0 + 58 / 60),
    ("waves reached Yonaguni at 9:18 a.m. Japan time", 0.3),
    ("北京时间9时5分", 1.0 + 5 / 60),
])
def test_a_clock_time_is_read_in_the_zone_it_names(text, utc_hours):
    from claimwatch.claims.quantities import clock_times

    (q,) = clock_times(text)
    assert q.value == pytest.approx(utc_hours * 60)


@pytest.mark.parametrize(("text", "unit", "value"), [
    ("核定重建经费28.5亿元新台币", "TWD", 2.85e9),
    ("The cabinet approved NT$3 billion for rebuilding.", "TWD", 3e9),
    ("The fund holds 2.85 billion Taiwan dollars.", "TWD", 2.85e9),
])
def test_new_taiwan_dollars_are_their_own_currency(text, unit, value):
    from claimwatch.pipeline import query_claim

    (q,) = query_claim(text).quantities
    assert (q.kind, q.unit, q.value) == ("money", unit, value)


@pytest.mark.parametrize(("text", "value", "high"), [
    ("今年以来，英伟达股价累计上涨两倍", 2.0, 3.0),  # a rise by two times: by the book tripled, in use doubled
    ("营收增长了2倍", 2.0, 3.0),
    ("营收是去年的两倍", 2.0, 2.0),  # two times the base, no more
])
def test_a_chinese_rise_by_n_times_holds_n_and_n_plus_one_times_the_start(text, value, high):
    from claimwatch.pipeline import query_claim

    (q,) = query_claim(text).quantities
    assert (q.kind, q.value, q.high) == ("multiple", value, high)


@pytest.mark.parametrize("text, value, unit", [("降息50个基点", 0.5, "pp"), ("cut rates by 25 basis points", 0.25, "pp"),
                                               ("down 70 bps", 0.7, "pp"), ("up 0.5 percentage point", 0.5, "pp"),
                                               ("by half a percentage point", 0.5, "pp"), ("a quarter-point cut", 0.25, "pp"),
                                               ("最优惠利率下调至5.625厘", 5.625, "%")])
def test_rate_changes_are_points_and_hong_kong_writes_percent_as_li(text, value, unit):
    (q,) = extract_quantities(text, PUB)
    assert (q.kind, q.unit) == ("percent", unit) and q.value == pytest.approx(value)


def test_a_change_then_a_level_is_no_range_and_a_number_in_a_name_or_a_term_is_no_value():
    qs = extract_quantities("The S&P 500 fell 0.29% to 5,618.26, and the 10-year Treasury yield rose; 10年期国债收益率升至3.7%", PUB)
    assert [(q.kind, q.value) for q in qs] == [("percent", 0.29), ("count", 5618.26), ("percent", 3.7)]


@pytest.mark.parametrize("text, value", [("Ninety-five people died", 95), ("twenty three people were missing", 23),
                                         ("thirty-five chips", 35), ("nine people", 9)])
def test_english_numbers_in_words_are_read_whole(text, value):
    (q,) = extract_quantities(text, PUB)
    assert (q.kind, q.value) == ("count", value)


@pytest.mark.parametrize("text, unit", [("Acme agreed to pay $65 for each Widget Corp share.", "USD/share"),
                                        ("Roughly 4,000 of the strikers worked at the plant.", "people"),
                                        ("The ship had 22 crew members on board.", "people"),
                                        ("The update hit 8.5 million Windows devices.", "units"),
                                        ("Acme bought back 414 million ordinary shares.", "shares"),
                                        ("Acme would cut about 18,000 jobs.", "people")])
def test_the_words_after_a_value_name_its_unit(text, unit):
    (q,) = extract_quantities(text, PUB)
    assert q.unit == unit


def test_degrees_fahrenheit_are_compared_in_celsius_and_a_bare_c_or_f_only_in_a_text_about_heat():
    qs = extract_quantities("The temperature reached 51.8C (125F) on Monday.", PUB)
    assert [(q.text, q.unit) for q in qs[:2]] == [("51.8C", "°C"), ("125F", "°C")]
    assert qs[1].low <= 51.8 <= qs[1].high and qs[1].value == pytest.approx(51.67, abs=0.01)
    (q,) = extract_quantities("the thermometer read 125 degrees Fahrenheit", PUB)
    assert q.unit == "°C" and q.value == pytest.approx(51.67, abs=0.01)
    assert extract_quantities("Acme sold 3C products and the Model 3C.", PUB) == ()


@pytest.mark.parametrize("text, kind, unit, value", [("政府宣布全国哀悼三天", "duration", "seconds", 3 * 86400),
                                                    ("Zhang won six golds in Hangzhou.", "count", "medals", 6)])
def test_days_in_chinese_numerals_and_golds_in_english_words(text, kind, unit, value):
    (q,) = extract_quantities(text, PUB)
    assert (q.kind, q.unit, q.value) == (kind, unit, value)


def test_jobs_are_people_but_the_word_stays_outside_the_value():
    (q,) = extract_quantities("Acme would cut about 18,000 jobs.", PUB)
    assert q.text == "18,000"


@pytest.mark.parametrize("text, low, high", [("集集地震曾造成2400多人罹难", 2400, 2500), ("运动员1.2万余名", 12000, 13000),
                                             ("共20多人受伤", 20, 30), ("超过2400多人", 2400, INF), ("达1000多万", 10_000_000, 20_000_000),
                                             ("两百多人受伤", 200, 300), ("十余家公司", 10, 20),
                                             ("已将三十多万名无证人员清出", 300_000, 400_000)])
def test_duo_and_yu_after_a_number_reach_the_next_step_of_its_last_digit(text, low, high):
    (q,) = extract_quantities(text, PUB)
    assert (q.low, q.high) == (low, high)


def test_a_toll_in_words_before_dead_is_a_count_of_deaths():
    (q,) = query_claim("The medical examiner's count stood at sixteen dead.").quantities
    assert (q.kind, q.value, q.unit, q.attribute, q.text) == ("count", 16, "people", "deaths", "sixteen")


@pytest.mark.parametrize("text, km2", [("过火面积约2.37万公顷", 237.0), ("burned 23,713 acres", 95.96), ("约合37平方公里", 37.0),
                                       ("about 37 square miles", 95.83), ("9,596 hectares", 95.96)])
def test_areas_are_square_kilometres(text, km2):
    (q,) = extract_quantities(text, PUB)
    assert (q.kind, q.unit) == ("measure", "km²") and q.value == pytest.approx(km2, rel=0.01)


@pytest.mark.parametrize("text, kmh", [("阵风达每小时100公里", 100.0), ("时速约160公里", 160.0), ("每小时70英里", 112.65)])
def test_a_speed_written_hour_first_is_a_speed(text, kmh):
    (q,) = extract_quantities(text, PUB)
    assert (q.kind, q.unit) == ("measure", "km/h") and q.value == pytest.approx(kmh, rel=0.01)


@pytest.mark.parametrize("text", ["截至目前尚未有人因趁火打劫被捕", "No one has been arrested", "There were no looting arrests"])
def test_nobody_arrested_is_a_count_of_none(text):
    (q,) = extract_quantities(text, PUB)
    assert (q.kind, q.value) == ("count", 0.0)


@pytest.mark.parametrize("text, value", [("摊薄每股收益为0.81美元", 0.81), ("adjusted earnings of 78 cents a share", 0.78)])
def test_earnings_per_share_are_money_per_share(text, value):
    (q,) = extract_quantities(text, PUB)
    assert (q.kind, q.unit) == ("money", "USD/share") and q.value == pytest.approx(value)


def test_the_four_digits_written_after_wan_belong_to_the_number():
    (q,) = extract_quantities("全部有效票共1394万7506张。")
    assert (q.value, q.text) == (13947506, "1394万7506张")
    (q,) = extract_quantities("共计1万0500人")
    assert (q.value, q.unit) == (10500, "people")
    # a year after a figure in 万 stays a year
    assert [q.kind for q in extract_quantities("销量12万台，2024年增长", "2024-06-01")] == ["count", "date"]


@pytest.mark.parametrize("text", ["about 310 million smartphones shipped", "Xiaomi shipped 48.2 million phones", "5.2 million handsets"])
def test_phones_are_counted_in_units(text):
    (q,) = extract_quantities(text)
    assert (q.kind, q.unit) == ("count", "units")


@pytest.mark.parametrize("text, figure, prior", [
    pytest.param("遇难人数较11月1日通报的205人又增加12人", "205人", True, id="zh-against-an-earlier-report"),
    pytest.param("收市报306.2港元，较发行价263港元上涨16.43%", "263港元", False, id="zh-offer-price-stays-a-figure"),
    pytest.param("revenue rose to $12 billion from $10 billion", "$10 billion", True, id="en-from"),
])
def test_the_figure_a_change_is_measured_from_is_a_prior_value(text, figure, prior):
    q = next(q for q in extract_quantities(text, PUB) if q.text == figure)
    assert is_prior_value(text, q) is prior


@pytest.mark.parametrize("text", ["Sales grew at triple-digit rates.", "a double-digit rise in profit"])
def test_a_count_of_digits_is_no_multiple(text):
    assert not [q for q in extract_quantities(text, PUB) if q.kind == "multiple"]


@pytest.mark.parametrize("text", ["Fortune 500 companies lost about $5.4 billion.", "财富500强企业损失约54亿美元"])
def test_the_number_in_a_list_name_is_no_count(text):
    assert [q.kind for q in extract_quantities(text, PUB)] == ["money"]


@pytest.mark.parametrize(("text", "values"), [
    ("Chang'e-6 brought back 1,935.3 grams of samples.", ["1,935.3 grams"]),
    ("Shenzhou-18 docked with the station.", []),
    ("COVID-19 cases rose to 120.", ["120"]),
    ("The Fed cut rates in a 11-1 vote.", ["11-1"]),  # digits on both sides: no name
])
def test_a_number_hyphenated_to_a_name_is_part_of_the_name(text, values):
    assert [q.text for q in extract_quantities(text, "2024-06-28") if q.kind != "date"] == values


@pytest.mark.parametrize(("text", "kilograms"), [
    ("共采集月球背面样品1935.3克", 1.9353),
    ("The haul of 1,935.3 grams was announced on Friday.", 1.9353),
    ("The cubesat weighs about 7 kilograms.", 7.0),
    ("It weighs 4.3 lbs.", 4.3 * 0.45359237),
])
def test_masses_in_grams_kilograms_and_pounds_are_one_measure(text, kilograms):
    (q,) = [q for q in extract_quantities(text, "2024-06-28") if q.kind != "date"]
    assert (q.kind, q.unit) == ("measure", "kg") and q.value == pytest.approx(kilograms)


@pytest.mark.parametrize(("text", "dates"), [
    ("A Long March 5 rocket lifted off on May 3.", ["May 3"]),  # a name, then a day
    ("The March 5 vote was close.", ["March 5"]),
    ("Trading resumed Monday, March 10.", ["March 10"]),
    ("Turnout in 2020 was 74.9%.", ["2020"]),
])
def test_a_month_inside_a_name_is_no_date(text, dates):
    assert [q.text for q in extract_quantities(text, "2024-06-28") if q.kind == "date"] == dates


@pytest.mark.parametrize("text", ["降雨量达491升/平方米", "491 litres per square metre of rain fell", "491 mm of rain fell"])
def test_rain_in_litres_per_square_metre_is_millimetres(text):
    (q,) = extract_quantities(text, "2024-10-30")
    assert (q.kind, q.unit, q.value) == ("measure", "mm", 491.0)


@pytest.mark.parametrize(("text", "values"), [
    ("关键三期试验TRAILBLAZER-ALZ 2共纳入1736名患者", [("1736名", "people")]),  # a trial's name, then its patients
    ("In that trial of 1,736 participants, decline slowed over 76 weeks.", [("1,736 participants", "people"), ("76 weeks", "seconds")]),
])
def test_a_trial_name_counts_nothing_and_patients_are_people(text, values):
    qs = extract_quantities(text, "2024-07-02")
    assert [(q.text, q.unit) for q in qs] == values
    assert all(q.high != math.inf for q in qs)  # "over 76 weeks" is during them, no floor


@pytest.mark.parametrize(("text", "tally", "value"), [
    ("A panel of outside advisers voted 11-0 on Monday.", "11-0", 11.0),
    ("此前专家委员会以10比1的投票结果支持该药。", "10比1", 10.0),
    ("The Fed cut rates by half a point in an 11-1 vote.", "11-1", 11.0),
    ("The decision passed by a vote of 11 to 1.", "11 to 1", 11.0),
])
def test_a_vote_tally_is_the_votes_for_not_a_range(text, tally, value):
    (q,) = [q for q in extract_quantities(text, "2024-06-11") if q.unit == "votes for"]
    assert (q.text, q.value, q.low, q.high) == (tally, value, value, value)


def test_a_range_stays_a_range():
    (q,) = extract_quantities("Revenue rose 5-7%.", "2024-06-11")
    assert (q.low, q.high) == (5.0, 7.0)


@pytest.mark.parametrize(("text", "days"), [
    ("It is given as an infusion every two weeks.", (14.0, 14.0)),
    ("多奈单抗每四周静脉输注一次。", (28.0, 28.0)),
    ("Kisunla is given once a month.", (28.0, 31.0)),  # a month: 28 to 31 days, so it meets every four weeks
    ("The drug is taken twice a week.", (3.5, 3.5)),
])
def test_how_often_is_an_interval_in_days(text, days):
    (q,) = [q for q in extract_quantities(text, "2024-07-02") if q.unit == "interval days"]
    assert (q.low, q.high) == days


def test_monthly_active_users_is_no_interval():
    assert not [q for q in extract_quantities("Monthly active users rose 3%.", "2024-07-02") if q.unit == "interval days"]


def test_a_count_after_a_sentence_opening_word_is_kept():
    # the month-in-a-name check must not shadow the product-version check ("Llama 3") with its own pattern
    assert [q.text for q in extract_quantities("Nearly 8 firms bid for the plant.", "2024-06-01")] == ["8 firms"]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("a 7.9-inch screen", 7.9, "in"),                  # a hyphen joins a unit to its number
    ("the 984-foot Dali struck the bridge", 0.2999232, "km"),
    ("the 1.6-mile bridge", 2.5749504, "km"),
    ("a throw of 88.88 m", 0.08888, "km"),             # "m" after a space is metres ...
    ("984 feet long", 0.2999232, "km"),
])
def test_lengths_in_feet_metres_and_hyphenated_units(text, value, unit):
    (q,) = extract_quantities(text)
    assert q.kind == "measure" and q.unit == unit and q.value == pytest.approx(value)


def test_m_right_after_a_number_stays_a_million():
    (q,) = extract_quantities("Acme earned $300m in the quarter")  # ... "300m" is 300 million
    assert q.kind == "money" and q.value == 300e6
    assert [q.kind for q in extract_quantities("a 10-year Treasury yield of 4%")] == ["percent"]  # a tenor, no length


@pytest.mark.parametrize(("text", "value"), [
    ("The party's eight lawmakers hold the balance of power.", 8),  # a count in words, as in digits
    ("Six workers died when the bridge fell.", 6),
    ("About 500 members voted to accept.", 500),
])
def test_people_counted_in_words_or_digits(text, value):
    (q,) = extract_quantities(text)
    assert q.kind == "count" and q.unit == "people" and q.value == pytest.approx(value, rel=0.06)


@pytest.mark.parametrize("text", [
    "杭州第19届亚运会闭幕",                    # an edition
    "这是该公司16年来首次遭遇大罢工",           # "in 16 years": a span of comparison
    "这是1999年“921”集集地震以来最强的一次",   # a name in quotation marks (the year stays a date)
    "震中位于北纬23.82度、东经121.56度。",       # a place on the map
    "Boeing will pay $5,000 into each worker's 401(k) account.",  # a plan's name (the $5,000 stays)
    "屏幕分辨率为2232×3184，",                  # a resolution
])
def test_numbers_that_name_order_or_place_state_no_amount(text):
    found = extract_quantities(text)
    assert not [q.text for q in found if q.kind in ("count", "measure")]
    assert [q.value for q in found if q.kind == "money"] == ([5000] if "401(k)" in text else [])


@pytest.mark.parametrize(("text", "kind", "unit", "value"), [
    ("新机内置5600毫安时电池", "measure", "mAh", 5600),
    ("治疗周期为76周", "duration", "seconds", 76 * 604800),
    ("a version with 512 gigabytes of storage", "measure", "GB", 512),
    ("the 1-terabyte model", "measure", "TB", 1),
])
def test_more_units_written_out(text, kind, unit, value):
    (q,) = extract_quantities(text)
    assert (q.kind, q.unit, q.value) == (kind, unit, value)


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("Spain received €28.25 m in prize money", "money", 28.25e6),  # "m" after a currency: a million, no metre
    ("工人年满17周岁", "count", 17),                                 # full years of age, no weeks
    ("“17,000 jobs will go,” he said", "count", 17000),             # a quotation opening on a number
    ("the benchmark index closed at 3,300 points", "count", 3300),  # "index" ends in x: no resolution
])
def test_what_the_no_amount_readings_leave_alone(text, kind, value):
    assert [(q.kind, q.value) for q in extract_quantities(text)] == [(kind, pytest.approx(value))]
    assert not extract_quantities("公司成立10周年")  # an anniversary: no span of weeks


def test_a_crowd_of_spectators_counts_people_and_a_stadium_holding_them_counts_seats():
    (crowd,) = query_claim("The final was played in front of 56,600 spectators.", "2024-07-15").quantities
    assert (crowd.unit, crowd.attribute) == ("people", "attendance")
    (capacity,) = query_claim("The stadium holds 80,800 spectators.", "2024-07-15").quantities
    assert (capacity.unit, capacity.attribute) == ("people", "seats")
    (chinese,) = query_claim("本场比赛共有6.56万名观众到场观战。", "2024-07-15").quantities
    assert (chinese.unit, chinese.attribute) == (crowd.unit, crowd.attribute)


@pytest.mark.parametrize("text, value_text, kind, unit", [
    pytest.param("The studio also sold a 2,498-yuan deluxe box of the game.", "2,498-yuan", "money", "CNY", id="currency-adjective"),
    pytest.param("The plant makes 5-nm chips.", "5-nm", "measure", "nm", id="unit-adjective"),
    pytest.param("The final ended 2-1.", "2-1", "count", "", id="a-score-is-no-unit"),
])
def test_a_value_joined_to_its_unit_by_a_hyphen_keeps_the_unit(text, value_text, kind, unit):
    (q,) = [q for q in extract_quantities(text, PUB) if q.kind != "date"]
    assert (q.text, q.kind, q.unit) == (value_text, kind, unit)


@pytest.mark.parametrize("text, value_text, unit, low, high", [
    pytest.param("其中120多万人来自境外", "120多万人", "people", 1_200_000, 1_300_000, id="more-than-before-wan"),
    pytest.param("全年营收300余亿元", "300余亿元", "CNY", 3e10, 4e10, id="yu-before-yi"),
    pytest.param("罚款超过2000多万美元", "2000多万美元", "USD", 2e7, math.inf, id="a-floor-cue-wins"),
])
def test_more_than_written_before_the_magnitude_counts_to_the_next_step(text, value_text, unit, low, high):
    (q,) = [q for q in extract_quantities(text, PUB) if q.kind != "date"]
    assert (q.text, q.unit, q.low, q.high) == (value_text, unit, low, high)


@pytest.mark.parametrize("text, value_text, kind, unit, value", [
    pytest.param("台风登陆时风速约每秒38米", "38米", "measure", "km/h", 38 * 3.6, id="metres-a-second-rate-first"),
    pytest.param("列车时速350公里", "350公里", "measure", "km/h", 350, id="kilometres-an-hour-rate-first"),
    pytest.param("这笔交易按日元计约为1.2万亿", "1.2万亿", "money", "JPY", 1.2e12, id="zh-in-a-currency's-terms"),
    pytest.param("In euro terms, the deal is worth about 3 billion.", "3 billion", "money", "EUR", 3e9, id="en-in-a-currency's-terms"),
])
def test_a_unit_written_before_the_number_is_its_unit(text, value_text, kind, unit, value):
    (q,) = [q for q in extract_quantities(text, PUB) if q.kind != "date"]
    assert (q.text, q.kind, q.unit) == (value_text, kind, unit) and q.value == pytest.approx(value)


@pytest.mark.parametrize("text, value_text, utc_minutes", [
    pytest.param("开幕式于9月23日晚8时举行", "晚8时", 12 * 60, id="evening-one-character"),
    pytest.param("演出在下午3时开始", "下午3时", 7 * 60, id="afternoon-with-shi"),
    pytest.param("开幕式在晚上8点开始", "晚上8点", 12 * 60, id="evening-with-dian"),
    pytest.param("会议于16时20分结束", "16时20分", 8 * 60 + 20, id="a-24-hour-clock"),
])
def test_a_part_of_the_day_before_a_chinese_clock_time_sets_its_half(text, value_text, utc_minutes):
    (t,) = [q for q in extract_quantities(text, PUB) if q.kind == "time"]
    assert (t.text, t.value) == (value_text, utc_minutes)


@pytest.mark.parametrize("text", [
    "工会第751区主席霍尔登在投票结束后宣布辞职", "IAM District 751 recommended that members accept the offer.",
    "Flight 2216 crashed on landing.", "根据第5条规定", "今年第3号台风",
])
def test_a_number_that_names_which_one_is_no_amount(text):
    assert extract_quantities(text) == [] or all(q.kind == "date" for q in extract_quantities(text))


@pytest.mark.parametrize("text, low, high", [
    # a bound written as close holds the value within a tenth of it, on that side
    ("Lai won just under half of the presidential vote.", 0.45, 0.5),
    ("赖清德得票率略低于一半", 0.45, 0.5),
    ("The drug slowed decline by just over a third.", 1 / 3, 1 / 3 * 1.1),
    ("营收略高于300亿元", 3.0e10, 3.3e10),
    # a plain bound stays open
    ("Revenue was under 10 billion yuan.", -math.inf, 1.0e10),
])
def test_a_bound_written_as_close_is_near_it(text, low, high):
    (q,) = [q for q in query_claim(text).quantities if q.kind != "date"]
    assert q.low == pytest.approx(low) and q.high == pytest.approx(high)
