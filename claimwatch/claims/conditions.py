"""The conditions a figure holds under: numeric precision, sparsity, scope, active or total parameters.

The same number under two of them is a qualifier mismatch ("1,979 TFLOPS at FP8" against "1,979
TFLOPS at FP16", "37 billion active" against "37 billion in total"); two figures under two of them
are two facts (the standard version's price and the Max version's); and a figure under a condition
is not a general one ("1,979 TFLOPS at FP16" does not measure "6 times the performance").
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimwatch.claims.models import CACHE_SIZE, Claim, Quantity
from claimwatch.claims.slots import clause_around, clause_span
from claimwatch.claims.places import PLACES, countries_named, places_of, unsure_across_scripts
from claimwatch.claims.quantities import count_word
from claimwatch.claims.subjects import people_named

_CONDITIONS = re.compile(r"(?<![A-Za-z0-9])(FP4|FP6|FP8|FP16|FP32|FP64|BF16|TF32|INT4|INT8|CLTC|WLTP|NEDC|EPA)(?![A-Za-z0-9])|"
                         r"(稀疏|稠密|sparse|dense|单卡|整机|per chip|per server|per card|激活|active|总参数|in total|"
                         r"直接经济损失|直接损失|direct loss(?:es)?|经济总损失|总损失|total losses|total economic|"
                         r"输入|输出|input|output|缓存命中|缓存未命中|cache hit|cache miss|"
                         r"total parameters|扣非|归母|归属于上市公司股东|归属于母公司|attributable to shareholders|"
                         r"excluding one-off items|non-GAAP|non-IFRS|非GAAP|非IFRS|(?<!non-)(?<!非)(?<![A-Za-z])GAAP(?![A-Za-z])|非国际财务报告准则|非通用会计准则|非公认会计准则|under IFRS|IFRS basis|"
                         r"收跌|收涨|收高|收低|普通股|ordinary shares|U\.S\.-listed|US-listed|New York-listed|美国存托股|"
                         r"按国际财务报告准则|按照国际财务报告准则|国际财务报告准则下|adjusted|开盘|开报|高开|低开|收盘|收报|收市|报收|盘中|opened|opening price|"
                         r"closed|closing price|(?:to )?close at|ended the day|finished the day|as much as|intraday|in early (?:[A-Z][a-z]+ ){0,2}(?:trading|trade|deals)|早盘|午盘|盘后|盘前|after-hours|after hours|extended trading|premarket|pre-market|平均|均价|an average of|average price|A股|H股|B股|港股|美股|A-shares?|H-shares?|ADRs?|ADSs?|"
                         r"公开发售|国际配售|public offering|retail tranche|international offering|international placing|"
                         r"国内|全球|domestic|global|worldwide|中国(?:智能)?(?:手机)?市场|中国最大|China's (?:smartphone )?market|China's (?:biggest|largest|top)|Chinese (?:smartphone )?market|最终训练|最后一次训练|final training run|final run|"
                         r"全部研发|全部成本|总研发|all of its development|total development|total R&D|"
                         r"深交所|深圳证券交易所|上交所|上海证券交易所|港交所|联交所|香港联合交易所|纳斯达克|纽交所|"
                         r"Shenzhen Stock Exchange|Shanghai Stock Exchange|Hong Kong Stock Exchange|HKEX|Nasdaq|NYSE|"
                         r"在香港(?:挂牌|上市)|(?:listed|listing|debut|debuted|trading) in Hong Kong|"
                         r"同比|环比|year[ -]on[ -]year|year[ -]over[ -]year|from a year (?:earlier|ago)|"
                         r"month[ -]on[ -]month|quarter[ -]on[ -]quarter|from the previous (?:month|quarter)|sequentially)",
                         re.IGNORECASE)
# A product's variant or trim (标准版, Max版, the long-range version), and the kind of order a count
# counts (大定 paid deposits, 小定 refundable ones, 锁单 locked orders): figures of two of them are two facts.
_VARIANTS = re.compile(r"(标准|基础|入门|高配|顶配|低配|长续航|超长续航|性能|四驱|后驱|双电机|单电机|Pro|Max|Ultra|Plus)\s?版"
                       r"|\b(standard|base|entry-level|Pro|Max|Ultra|Plus|long-range|performance|top|all-wheel-drive|"
                       r"rear-wheel-drive)\s(?:version|model|trim|variant|edition)s?\b|(大定|小定|锁单)", re.IGNORECASE)
_VARIANT_NAMES = {"标准": "standard", "基础": "base", "入门": "entry-level", "高配": "top", "顶配": "top", "低配": "base",
                  "长续航": "long-range", "超长续航": "long-range", "性能": "performance", "四驱": "all-wheel-drive",
                  "双电机": "all-wheel-drive", "后驱": "rear-wheel-drive", "单电机": "rear-wheel-drive",
                  "大定": "deposits", "小定": "refundable deposits", "锁单": "locked orders"}
_CONDITION_NAMES = {"输入": "input", "输出": "output", "缓存命中": "cache hit", "缓存未命中": "cache miss", "稀疏": "sparse", "稠密": "dense", "单卡": "per chip", "per card": "per chip", "整机": "per server",
                    "激活": "active", "总参数": "total", "in total": "total", "total parameters": "total",
                    # a loss borne directly (by the company) is a part of the total one (to the economy)
                    "直接损失": "direct", "直接经济损失": "direct", "direct loss": "direct", "direct losses": "direct",
                    "总损失": "total", "经济总损失": "total", "total losses": "total", "total economic": "total",
                    "扣非": "excluding one-offs", "excluding one-off items": "excluding one-offs", "non-gaap": "non-gaap",
                    "non-ifrs": "non-gaap", "非gaap": "non-gaap", "非ifrs": "non-gaap", "非国际财务报告准则": "non-gaap", "非通用会计准则": "non-gaap", "非公认会计准则": "non-gaap",
                    "收跌": "close", "收涨": "close", "收高": "close", "收低": "close",
                    "普通股": "ordinary shares", "ordinary shares": "ordinary shares", "u.s.-listed": "us listing",
                    "us-listed": "us listing", "new york-listed": "us listing", "美国存托股": "us listing",
                    "under ifrs": "gaap", "ifrs basis": "gaap", "按国际财务报告准则": "gaap", "按照国际财务报告准则": "gaap",
                    "国际财务报告准则下": "gaap",
                    "归母": "attributable", "归属于上市公司股东": "attributable", "归属于母公司": "attributable",
                    "attributable to shareholders": "attributable", "开盘": "open", "开报": "open",
                    "opened": "open", "opening price": "open", "高开": "open", "低开": "open", "收盘": "close",
                    "收报": "close", "收市": "close", "to close at": "close", "close at": "close", "报收": "close", "closed": "close", "closing price": "close",
                    "ended the day": "close", "finished the day": "close", "盘中": "intraday", "as much as": "intraday", "早盘": "intraday", "午盘": "intraday",
                    "intraday": "intraday", "盘后": "after hours", "after-hours": "after hours", "after hours": "after hours",
                    "extended trading": "after hours", "盘前": "premarket", "premarket": "premarket", "pre-market": "premarket",
                    "平均": "average", "均价": "average", "an average of": "average",
                    "average price": "average", "a股": "a shares", "a-share": "a shares",
                    "a-shares": "a shares", "h股": "h shares", "港股": "h shares", "h-share": "h shares",
                    "h-shares": "h shares", "b股": "b shares", "美股": "us listing", "adr": "us listing",
                    "adrs": "us listing", "ads": "us listing", "adss": "us listing",
                    "公开发售": "public tranche", "public offering": "public tranche", "retail tranche": "public tranche",
                    "国际配售": "international tranche", "international offering": "international tranche",
                    "international placing": "international tranche", "国内": "domestic", "全球": "global",
                    "worldwide": "global", "中国市场": "china", "中国智能手机市场": "china", "中国手机市场": "china",
                    "china's market": "china", "china's smartphone market": "china", "chinese market": "china",
                    "chinese smartphone market": "china", "中国智能市场": "china",
                    # "China's biggest smartphone vendor, holding 18.6% of the market": of China's market
                    "china's biggest": "china", "china's largest": "china", "china's top": "china", "中国最大": "china", "最终训练": "final run", "最后一次训练": "final run",
                    # a change measured against a year before, or against the period before
                    **{c: "year on year" for c in ("同比", "year on year", "year-on-year", "year over year", "year-over-year",
                                                   "from a year earlier", "from a year ago")},
                    **{c: "sequential" for c in ("环比", "month on month", "month-on-month", "quarter on quarter",
                                                 "quarter-on-quarter", "from the previous month", "from the previous quarter",
                                                 "sequentially")},
                    "final training run": "final run", "全部研发": "all development", "全部成本": "all development",
                    "总研发": "all development", "all of its development": "all development",
                    "total development": "all development", "total r&d": "all development",
                    **{c: "shenzhen exchange" for c in ("深交所", "深圳证券交易所", "shenzhen stock exchange")},
                    **{c: "shanghai exchange" for c in ("上交所", "上海证券交易所", "shanghai stock exchange")},
                    **{c: "hong kong exchange" for c in ("港交所", "联交所", "香港联合交易所", "hong kong stock exchange", "hkex",
                                                     "在香港挂牌", "在香港上市", "listed in hong kong", "listing in hong kong",
                                                     "debut in hong kong", "debuted in hong kong", "trading in hong kong")},
                    "纳斯达克": "nasdaq", "纽交所": "nyse"}


# A device's storage configuration ("16GB+256GB版本", "the 1TB version", "a version with 512
# gigabytes of storage"): the price of one configuration is not the price of another.
_STORAGE = re.compile(r"(?:\d+\s?GB\s?[+/]\s?)?(\d+)\s?(GB|TB)\s?(?:版本|版|款)"
                      r"|\b(\d+)[\s-]?(GB|TB|gigabytes?|terabytes?)(?:\s+of\s+storage)?\s+(?:version|model|variant|edition|configuration)s?\b"
                      r"|\b(?:version|model|variant|configuration)s?\s+with\s+(\d+)\s?(GB|TB|gigabytes?|terabytes?)\s+of\s+storage\b",
                      re.IGNORECASE)
# What kind of price a figure is: a resale (二手, 转售, scalpers) or repair price is no list price.
_PRICE_KINDS = re.compile(r"(二手|转售|转让|黄牛|加价|炒价|炒到|炒至|resale|resold|resell\w*|scalp\w*|second-?hand|"
                          r"(?:grey|gray) market)|(维修|换屏|repair\w*|replacement)", re.IGNORECASE)


_ENTRY = re.compile(r"起售价|起价|入门版|\bstarting price\b|\bstarts? at\b|\bentry(?:-level)? (?:version|model)\b|\bcheapest\b",
                    re.IGNORECASE)
# Which rate a percentage is: a central bank's policy rate is no bank's prime rate, the one-year loan
# prime rate no five-year one. Read only for interest rates.
_RATE_KINDS = re.compile(r"(联邦基金利率|基准利率|政策利率|目标区间|federal funds|fed funds|Bank Rate|policy rate|benchmark (?:interest )?rate|"
                         r"target range)|(贷款市场报价利率|LPR|loan prime rate)|(最优惠利率|prime rate)|(基本利率|base rate)"
                         r"|(按揭利率|房贷利率|mortgage rates?)|(存款利率|deposit rates?)", re.IGNORECASE)
_RATE_KIND_NAMES = ("policy rate", "loan prime rate", "prime rate", "base rate", "mortgage rate", "deposit rate")
_TENOR = re.compile(r"(\d+|[一二三五十])年期(以上)?|\b(\d+|one|two|three|five|ten|thirty)-year\b", re.IGNORECASE)
_TENOR_YEARS = {"一": "1", "二": "2", "三": "3", "五": "5", "十": "10", "one": "1", "two": "2", "three": "3", "five": "5",
                "ten": "10", "thirty": "30"}


def rate_kinds(text: str) -> set[str]:
    """The kinds and tenors of rate ``text`` names: "policy rate", "loan prime rate", "tenor 5y" …"""
    out = set()
    m = _RATE_KINDS.search(text)
    if m is not None:  # the first named: "the HKMA's base rate, set off the federal funds target range"
        out.add(_RATE_KIND_NAMES[m.lastindex - 1])
    t = _TENOR.search(text)
    if t is not None:
        years = (t.group(1) or t.group(3)).lower()
        out.add(f"tenor {_TENOR_YEARS.get(years, years)}y")
    return out


# The currency a series is counted in: "以人民币计，出口增长11.2%" against "in dollar terms, 12.7%"
_CURRENCY_BASIS = re.compile(r"(以人民币计|按人民币计(?:价|算)?|人民币计价|[（(]人民币计[）)]|\bin (?:yuan|renminbi|RMB) terms\b)"
                             r"|(以美元计|按美元计(?:价|算)?|美元计价|[（(]美元计[）)]|\bin (?:dollar|U\.?S\.? dollar|USD) terms\b)", re.IGNORECASE)


# Which games: the Para Games (亚残运会, Paralympics) after the Games (亚运会, Olympics) are another event
_GAMES = re.compile(r"(亚残运会|残运会|残奥会|残疾人运动会|\bPara(?:lympic)? Games\b|\bParalympics?\b)|(亚运会|奥运会|冬奥会|\bAsian Games\b|"
                    r"\bOlympics\b|\bOlympic Games\b)", re.IGNORECASE)


# When a running figure holds: at its peak ("疏散令高峰时", "一度", "at one point") or now ("目前仍有",
# "remained", "still"): the peak is no figure of today.
_MOMENTS = re.compile(r"(高峰时|高峰期|峰值|最多时|一度|\bat (?:the|its) (?:peak|height)\b|\bpeaked\b|\bat one point\b)"
                      r"|(目前|眼下|截至目前|仍有|仍然|\b(?:remain|remains|remained|still|currently)\b)", re.IGNORECASE)


_AFTERSHOCK = re.compile(r"余震|aftershock", re.IGNORECASE)
_LARGEST = re.compile(r"largest|strongest|biggest|最大|最强|其中", re.IGNORECASE)


# Who measured a figure: a research firm, a pollster or an industry body counts the same market its
# own way, so two firms' shares or shipments are two estimates, not one fact stated twice
_MEASURERS = re.compile(r"(?<![A-Za-z])(IDC|Canalys|Counterpoint|Gartner|TrendForce|Omdia|Strategy Analytics|TechInsights|"
                        r"BloombergNEF|Sensor Tower|Nielsen|Ipsos|YouGov|Gallup|Kantar|Euromonitor|"
                        r"集邦咨询|集邦|群智咨询|赛诺|乘联会|乘联分会|中汽协|中国汽车工业协会|中国信通院|国际数据公司)(?![A-Za-z])")
_MEASURER_NAMES = {"集邦咨询": "trendforce", "集邦": "trendforce", "乘联分会": "乘联会", "中国汽车工业协会": "中汽协",
                   "国际数据公司": "idc"}


@lru_cache(maxsize=CACHE_SIZE)
def measurers_of(text: str) -> frozenset[str]:
    """The research firms or industry bodies ``text`` names as a figure's source ("by idc")."""
    return frozenset("by " + _MEASURER_NAMES.get(m.group(1), m.group(1)).lower() for m in _MEASURERS.finditer(text))


def with_title_measurer(conditions: frozenset[str], title: str) -> frozenset[str]:
    """A figure's conditions with the one firm its article's title names ("Canalys: smartphone market
    grows 5%") when its own sentence names none: the article reports that firm's count."""
    if any(c.startswith("by ") for c in conditions):
        return conditions
    named = measurers_of(title)
    return conditions | named if len(named) == 1 else conditions


def _storage(m: re.Match) -> str:
    number, unit = next((m.group(i), m.group(i + 1)) for i in (1, 3, 5) if m.group(i))
    return f"storage {number}{unit[0].lower()}b"


# A foldable's state: a screen or thickness folded is not the same measure unfolded
_FOLD_STATES = re.compile(r"(完全展开|全展开|展开状态|展开后|展开时|unfolded|fully opened|fully open|opens? (?:up )?into|unfolds? into)"
                          r"|(折叠状态|折叠后|折叠时|合上|when folded|folded)|(双屏|two-screen|dual-screen)"
                          r"|(单屏|single-screen|one-screen)", re.IGNORECASE)


# Conditions of one dimension exclude each other (FP8 or FP16; the standard version or the Max);
# conditions of two dimensions combine (the standard version under WLTP).
_DIMENSIONS = {**{c: "precision" for c in ("fp4", "fp6", "fp8", "fp16", "fp32", "fp64", "bf16", "tf32", "int4", "int8")},
               "sparse": "sparsity", "dense": "sparsity", "per chip": "scope", "per server": "scope",
               "active": "parameters", "total": "parameters", "direct": "parameters",  # a part, and the whole
               **{c: "test cycle" for c in ("cltc", "wltp", "nedc", "epa")},
               **{c: "order" for c in ("deposits", "refundable deposits", "locked orders")},
               "input": "tokens", "output": "tokens", "cache hit": "cache", "cache miss": "cache",
               **{c: "profit basis" for c in ("excluding one-offs", "attributable", "adjusted")},
               "gaap": "accounting", "non-gaap": "accounting",
               **{c: "period" for c in ("q1", "q2", "q3", "q4", "h1", "h2", "prior quarter", "first three quarters")},
               "open": "session", "close": "session", "intraday": "session", "average": "session",
               "after hours": "session", "premarket": "session",
               **{c: "share class" for c in ("a shares", "h shares", "b shares", "us listing", "ordinary shares")},
               "public tranche": "tranche", "international tranche": "tranche", "domestic": "region", "global": "region", "china": "region",
               "final run": "cost scope", "all development": "cost scope",
               "year on year": "change basis", "sequential": "change basis",
               **{c: "price kind" for c in ("list price", "resale price", "repair price")},
               "aftershock": "shock", "main shock": "shock", "peak": "moment", "now": "moment",
               "para games": "games", "main games": "games", "in yuan": "currency basis", "in dollars": "currency basis",
               **{c: "fold" for c in ("unfolded", "folded", "two screens", "one screen")},
               **{c: "rate kind" for c in ("policy rate", "loan prime rate", "prime rate", "base rate", "mortgage rate",
                                           "deposit rate")},
               **{c: "exchange" for c in ("shenzhen exchange", "shanghai exchange", "hong kong exchange", "nasdaq", "nyse")}}


# The quarter or half a figure covers, written without its year as often as with it ("第三季度营收",
# "third-quarter revenue", Q3): Q2's revenue is not Q3's. The first three quarters together (前三季度,
# "the first nine months") are a period of their own, not the third quarter.
_PERIODS = re.compile(r"(?P<nine>前三季度|前3季度|前三个季度|\bfirst (?:three quarters|nine months)\b|\bnine months (?:to|ended|ending)\b)"
                      r"|(?<!前)第?(?P<zq>[一二三四1-4])(?:季度|财季|财政季度)|(?<![A-Za-z])Q(?P<q>[1-4])(?![0-9])|\b(?P<eq>first|second|third|fourth)[- ]quarter\b"
                      r"|(?P<prior>上一财季|上一季度|上季度|上个季度|前一季度|\b(?:prior|previous|preceding) quarter\b)"
                      r"|(?P<zh>[上下])半年|\b(?P<eh>first|second)[- ]half\b|(?<![A-Za-z])H(?P<h>[12])(?![0-9A-Za-z])",
                      re.IGNORECASE)
_ORDINAL = {"一": 1, "二": 2, "三": 3, "四": 4, "first": 1, "second": 2, "third": 3, "fourth": 4, "上": 1, "下": 2}


def periods_of(text: str) -> set[str]:
    """The quarters and halves ``text`` names (q1 … q4, h1, h2, "prior quarter", "first three quarters")."""
    out = set()
    for m in _PERIODS.finditer(text):
        quarter = m["zq"] or m["q"] or m["eq"]
        if m["nine"]:
            out.add("first three quarters")
        elif m["prior"]:
            out.add("prior quarter")
        elif quarter:
            out.add(f"q{_ORDINAL.get(quarter.lower(), quarter)}")
        else:
            half = m["zh"] or m["eh"] or m["h"]
            out.add(f"h{_ORDINAL.get(half.lower(), half)}")
    return out


# The span of time an amount accumulated over: "in eight hours", "within 24 hours", "in a single hour",
# "8小时内", "24小时降雨量", "过去一天"
_WINDOW = re.compile(r"\b(?:in|within|over|during)\s+(?:the\s+(?:past|last|first)\s+)?(?:a\s+single|a|an|one|(\d+)|"
                     r"(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty-four|forty-eight))\s+(hour|day|minute)s?\b"
                     r"|(\d+|[一二三四五六七八九十两]+)个?(小时|天|日|分钟)(?:内|之内|降雨|降水|雨量|累计)"
                     r"|(全天|全日|\b(?:over|for|in) the (?:whole |entire )?day\b|\b(?:over|for|during) the (?:whole|entirety) of\s+"
                     r"(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b)", re.IGNORECASE)
_WINDOW_UNITS = {"hour": 60, "小时": 60, "day": 1440, "天": 1440, "日": 1440, "minute": 1, "分钟": 1}
WINDOWED = frozenset({"rainfall"})  # amounts that are told over a span of time


def window_of(text: str) -> frozenset[str]:
    """The spans of time ``text`` accumulates an amount over, in minutes ("window 480")."""
    out = set()
    for m in _WINDOW.finditer(text):
        if m.group(6):  # 全天, "over the day": one day
            out.add("window 1440")
            continue
        if m.group(4):
            n, unit = count_word(m.group(4)), m.group(5)
        else:
            n, unit = count_word((m.group(1) or m.group(2) or "one").lower()), m.group(3).lower()  # "in a single hour": one
        if n:
            out.add(f"window {n * _WINDOW_UNITS[unit]:g}")
    return frozenset(out)


def condition_dimension(condition: str) -> str:
    """What a condition varies along: precision, session, region, share class …"""
    if condition.startswith(PLACES):
        return condition.split(":", 1)[0]
    if condition.startswith("window "):
        return "window"
    if condition.startswith("storage "):
        return "storage"
    if condition.startswith("tenor "):
        return "tenor"
    if condition.startswith("winner:"):
        return "winner"
    if condition.startswith("by "):
        return "measurer"
    return _DIMENSIONS.get(condition, "variant")


_OFF_SESSION = frozenset({"intraday", "after hours", "premarket"})


def regions(conditions: frozenset[str]) -> frozenset[str]:
    """The market or region among ``conditions`` (domestic, global, China's market); none: the whole field."""
    return frozenset(c for c in conditions if condition_dimension(c) == "region")


def differing(ca: frozenset[str], cb: frozenset[str], ignore: tuple[str, ...] = (),
              across_scripts: bool = False) -> tuple[frozenset[str], frozenset[str]] | None:
    """The conditions of one dimension that two figures are stated under, when they differ
    ({fp16} against {fp8, fp4}; {place:hainan} against {place:guangdong}); ``None`` when no
    dimension (other than those in ``ignore``) is named on both sides with other values. Texts
    ``across_scripts`` (Chinese against English) differ in places only where a name is listed.
    A figure given as an earlier period's differs from one that is not, named or not (unless
    ``ignore`` holds "prior"); so does what analysts expected from what came out ("consensus")."""
    if "prior" not in ignore and (PRIOR_PERIOD in ca) != (PRIOR_PERIOD in cb):
        return ca & {PRIOR_PERIOD}, cb & {PRIOR_PERIOD}
    if "consensus" not in ignore and (CONSENSUS in ca) != (CONSENSUS in cb):
        return ca & {CONSENSUS}, cb & {CONSENSUS}
    if "session" not in ignore:
        # a swing at one point outside the regular session ("盘后一度下跌逾5%", "盘中一度上涨4.8%") is not
        # the day's move, which a claim naming no session states
        sa, sb = ({c for c in x if condition_dimension(c) == "session"} for x in (ca, cb))
        swung = sa & _OFF_SESSION and "peak" in ca or sb & _OFF_SESSION and "peak" in cb
        if bool(sa) != bool(sb) and swung:
            return frozenset(sa), frozenset(sb)
    for dimension in sorted(({condition_dimension(c) for c in ca} & {condition_dimension(c) for c in cb}) - set(ignore)):
        xa = frozenset(c for c in ca if condition_dimension(c) == dimension)
        xb = frozenset(c for c in cb if condition_dimension(c) == dimension)
        # (a market word of the lexicon, "global" / 全球, reads the same in both scripts: only names are unsure)
        if not xa & xb and not (across_scripts and dimension in ("region", "locality") and all(":" in c for c in xa | xb)
                                and unsure_across_scripts(xa, xb, ca | cb)):
            return xa, xb
    return None


# Periods one of which holds the other: a quarter lies in its half and in the first three quarters
_HELD_PERIODS = frozenset({("q1", "h1"), ("q2", "h1"), ("q3", "h2"), ("q4", "h2"), ("q1", "first three quarters"),
                           ("q2", "first three quarters"), ("q3", "first three quarters"), ("h1", "first three quarters")})
# Dimensions whose two conditions are always a part and its whole: a window of hours inside a longer one,
# the final training run inside all development, the active parameters among all of them
_NESTED_DIMENSIONS = frozenset({"window", "cost scope", "parameters"})


def nested(xa: frozenset[str], xb: frozenset[str]) -> bool:
    """Whether a condition of ``xa`` and one of ``xb`` (of one dimension, as ``differing`` returns them)
    are a part and its whole: one figure for both leaves nothing for the rest ("第三季度" against
    "前三季度", "in eight hours" against "in a single hour")."""
    return any(condition_dimension(a) == condition_dimension(b) in _NESTED_DIMENSIONS
               or (a, b) in _HELD_PERIODS or (b, a) in _HELD_PERIODS for a in xa for b in xb)


@lru_cache(maxsize=CACHE_SIZE)
def conditions_of(text: str) -> frozenset[str]:
    """The conditions named in ``text``: fp8, sparse, per chip …"""
    named = {_CONDITION_NAMES.get(m.group(0).lower(), m.group(0)).lower() for m in _CONDITIONS.finditer(text)}
    named = {"intraday" if c.startswith("in early ") else c for c in named}  # "in early New York trading"
    if "adjusted" in named:  # an adjusted figure is a non-GAAP one: "adjusted earnings of 81 cents" is no GAAP EPS
        named.add("non-gaap")
    for m in _VARIANTS.finditer(text):
        word = next(g for g in m.groups() if g)
        named.add(_VARIANT_NAMES.get(word, word.lower()))
    named |= {_storage(m) for m in _STORAGE.finditer(text)}
    for m in _FOLD_STATES.finditer(text):
        named.add(("unfolded", "folded", "two screens", "one screen")[next(i for i in range(4) if m.group(i + 1))])
    if _ENTRY.search(text):  # a starting price is the cheapest version's
        named.add("storage entry")
    basis = _CURRENCY_BASIS.search(text)
    if basis is not None:  # trade growth in yuan terms is not growth in dollar terms
        named.add("in yuan" if basis.group(1) else "in dollars")
    games = _GAMES.search(text)
    if games is not None:  # the Para Games' tallies and dates are not the Games' own
        named.add("para games" if games.group(1) else "main games")
    moment = _MOMENTS.search(text)
    if moment is not None:  # the first named: "高峰时覆盖约18万户，目前仍有10.5万人" is read clause by clause
        named.add("peak" if moment.group(1) else "now")
    named |= places_of(text)  # where: 海南 / 广东 / Vietnam, 文昌 / Wenchang
    named |= periods_of(text)  # when, as a quarter or half: Q2 / Q3
    return frozenset(named)


def price_kind(text: str) -> str:
    """What kind of price ``text`` states: "resale", "repair", or "list" (the seller's own)."""
    m = _PRICE_KINDS.search(text)
    return "list" if m is None else ("resale" if m.group(1) else "repair")


# "较23999元的官方售价加价逾1.1万元": the figure a resale is measured against is the list price
_LIST_PRICE_AT = re.compile(r"[$¥€]?[\d,.]+\s?(?:万|亿)?\s?(?:元|美元|港元|yuan|dollars)?"
                            r"(?:\s*的?(?:官方|官网|建议零售|零售)(?:售)?价|\s+(?:list|official|retail|suggested) price)", re.IGNORECASE)


def strip_conditions(words: str) -> str:
    """``words`` without the conditions and variants named in them (a scope's own words, see
    claims/scopes.py: "扣非" or "domestic" is a condition, compared as one)."""
    return " ".join(_VARIANTS.sub(" ", _CONDITIONS.sub(" ", words)).split())


# A figure given as an earlier period's, beside its value: "上年同期为181.2亿美元", "较上一财季的75.1%",
# "Revenue in the prior quarter was $30.04 billion", "compared with $18.12 billion a year earlier".
# (A clause that only measures a change against that period, "down 50 basis points from the prior
# quarter", states its figures for the current one.)
PRIOR_PERIOD = "prior period"
_PRIOR_BEFORE = re.compile(r"(?:上年同期|去年同期|上一财季|上一财年|上一季度|上季度|上个季度|前一季度|一年前)(?:的|为|是|则为|仅为|录得)?\s*$"
                           r"|\b(?:in|for) the (?:prior|previous|preceding|year-ago|year-earlier) (?:quarter|period|year)"
                           r"(?: was| were| stood at| came to| came in at| of)?\s*\$?$", re.IGNORECASE)
_PRIOR_AFTER = re.compile(r"\s*(?:\ba (?:year|day) (?:earlier|ago|before)\b|\bin the (?:prior|previous|preceding|year-ago|year-earlier)"
                          r" (?:quarter|period|year|session)\b|\bin the same (?:quarter|period) (?:a year (?:earlier|ago)|last year)\b"
                          r"|\b(?:on )?the (?:previous|prior) (?:day|session|trading day)\b|\bthe day before\b)",
                          re.IGNORECASE)
# a sentence that opens on the day before ("前一交易日，英伟达收报145.89美元")
_PRIOR_CLAUSE = re.compile(r"^\s*(?:前一交易日|前一日|前一天|上一交易日|(?:On )?the (?:previous|prior) (?:day|session|trading day)|"
                           r"A day earlier|The day before)", re.IGNORECASE)


@lru_cache(maxsize=CACHE_SIZE)
def _prior_period(text: str, start: int, end: int) -> bool:  # cached: a claim meets many neighbours
    return bool(_PRIOR_BEFORE.search(text, max(0, start - 48), start) or _PRIOR_AFTER.match(text, end)
                or _PRIOR_CLAUSE.match(text))


# What analysts or economists expected, beside its value: their estimate, not the figure itself
# ("分析师此前平均预期的370.8亿美元", "compared with a forecast 1.5% decline", "Economists polled by
# Reuters had expected growth of 5.2%"). A company's own guidance is its figure to compare.
CONSENSUS = "consensus"
_CONSENSUS = re.compile(r"(?:分析师|经济学家|机构|调查)[^，。；]{0,16}(?:预期|预估|预测|预计|估计)|一致预期|市场(?:普遍|此前)?预期|"
                        r"\b(?:analysts?|economists?)\b[^,.;]{0,40}\b(?:expected|expect|estimated|forecast|predicted|"
                        r"projected|estimate|estimates|forecasts|expectations|consensus)\b|\bconsensus\b|"
                        r"\b(?:compared with|against|versus|vs\.?) (?:a |the )?(?:forecast|expected|estimated|expectations? (?:of|for))\b",
                        re.IGNORECASE)


@lru_cache(maxsize=CACHE_SIZE)
def _consensus(text: str, start: int) -> bool:
    """A cue of an expectation shortly before the value, no other figure between ("Revenue of $35.08
    billion beat analysts' average estimate of $33.16 billion": the $33.16 billion only)."""
    before = text[clause_span(text, start)[0]:start]
    return any(len(before) - m.end() <= 40 and not re.search(r"\d", _DAYS.sub("", before[m.end():]))
               and not _WHAT_HAPPENED.search(before, m.start()) for m in _CONSENSUS.finditer(before))


# an estimate of what something caused is its reported figure, no expectation ("有机构估计这次罢工造成的
# 经济总损失超过110亿美元", "analysts estimated the strike cost Boeing $5 billion")
_WHAT_HAPPENED = re.compile(r"造成|导致|带来|致使|\b(?:caused|cost|costs)\b")


_DAYS = re.compile(r"\d{1,4}\s*[年月日号]")  # "经济学家此前预测10月进口将下降1.5%": a month is no figure


# Amounts reported per period, whose growth news gives year on year unless it says otherwise
_PERIOD_AMOUNTS = frozenset({"revenue", "net_profit", "gross_profit", "operating_profit", "shipments", "exports", "imports"})


def conditions_at(claim: Claim, q: Quantity) -> frozenset[str]:
    """The conditions of the clause that states ``q`` ("总参数6710亿，每个token激活370亿": 370亿 is
    active), else of the whole claim if it states no other value of that attribute ("671 billion
    parameters, of which 37 billion are active": the active is the 37 billion's)."""
    alone = not any(o is not q and o.attribute == q.attribute and o.kind == q.kind for o in claim.quantities)
    own = _conditions_at(claim.text, q.start, q.attribute, alone)
    if q.kind == "date":
        return own
    if q.attribute == "rank" and claim.section and not regions(own):
        # a digest's section heading names the table its ranks hold in ("国内装车 - 中创新航…排名第三")
        own |= regions(conditions_of(claim.section))
    if _consensus(claim.text, q.start):
        own |= {CONSENSUS}
    return own | {PRIOR_PERIOD} if _prior_period(claim.text, q.start, q.end) else own


@lru_cache(maxsize=262144)
def _conditions_at(text: str, start: int, attribute: str | None, alone: bool) -> frozenset[str]:
    """``conditions_at`` for a value at ``start`` of ``text``; cached: a claim meets many neighbours."""
    own = conditions_of(clause_around(text, start))
    # "盘中一度上涨4.8%，随后一度转跌约3%": intraday, both ("以美元计，10月出口同比增长12.7%": in dollars)
    if not own - {"peak", "now", "year on year", "sequential"} and alone:
        based = any(condition_dimension(c) == "change basis" for c in own)  # (同比上涨0.3%，环比下降0.3%: each its own)
        own |= {c for c in conditions_of(text) if not (based and condition_dimension(c) == "change basis")}
    own |= measurers_of(text)  # "据IDC统计，苹果份额为15.9%，三星…": the firm's count, every figure of it
    if (attribute and attribute.rsplit("_", 1)[0] in _PERIOD_AMOUNTS and attribute.endswith(("_up", "_down"))
            and not any(condition_dimension(c) == "change basis" for c in own)):
        own |= {"year on year"}  # "Revenue rose 94%": a period's amount grows against the year before unless said
    if attribute == "magnitude":  # an aftershock's magnitude is not the main shock's
        clause = clause_around(text, start)
        after = _AFTERSHOCK.search(clause) or (_LARGEST.search(clause) and _AFTERSHOCK.search(text, 0, start))
        own |= {"aftershock" if after else "main shock"}  # "…500 aftershocks, the largest of magnitude 4.4"
    if attribute in WINDOWED:  # "491 mm in a single hour" against "491 mm in eight hours": two windows
        own |= window_of(clause_around(text, start)) or (window_of(text) if alone else frozenset())
    if attribute == "interest_rate":  # Bank Rate against the loan prime rate: two rates
        own |= rate_kinds(clause_around(text, start)) or (rate_kinds(text) if alone else set())
    if attribute == "price":  # a resale or repair price against the list price: two prices
        kind = price_kind(clause_around(text, start))
        if _LIST_PRICE_AT.match(text, start):
            kind = "list"
        if kind == "list" and alone:  # "二手交易平台上已出现加价转让信息，部分卖家对1TB版本报价高达10万元以上"
            kind = price_kind(text)
        own |= {f"{kind} price"}
    if attribute not in LOCATED:  # "杭州人工智能公司", "美国苹果应用商店": a place describing a noun
        return frozenset(c for c in own if not c.startswith(PLACES))
    if attribute in NATIONAL:  # a nation's medals: "India finished the Hangzhou Games with 107" is India's
        clause = clause_around(text, start)
        winners = (people_named(clause) or countries_named(clause) or countries_named(text[:start])
                   or (countries_named(text) if alone else frozenset()))  # "张雨霏一人独得6枚金牌": hers, not China's
        return frozenset(c for c in own if not c.startswith(PLACES)) | {"winner:" + w.split(":", 1)[1] for w in winners}
    if not any(c.startswith(PLACES) for c in own):
        # "在广东省湛江市徐闻县沿海登陆，登陆时中心附近最大风力17级（58米/秒）": where it happened is
        # named earlier in the sentence than the clause that measures it
        own |= places_of(text[:start])
    return own


# What a nation wins: its country, named as such, is the condition (the host city is no winner)
NATIONAL = frozenset({"gold_medals", "silver_medals", "bronze_medals", "medals_total"})
# What is counted or measured where it happens: a toll, a wind speed, a loss. For these the places
# a clause names are a condition (the toll in Vietnam is not the toll in China).
LOCATED = frozenset({"deaths", "missing", "injured", "evacuations", "power_outages", "economic_loss", "rainfall",
                     "top_speed", "pressure", "landfall_date"}) | NATIONAL  # 日本队以30枚金牌 is Japan's tally


__all__ = ["condition_dimension", "regions", "conditions_of", "conditions_at", "with_title_measurer", "differing", "PRIOR_PERIOD", "CONSENSUS", "strip_conditions", "LOCATED", "NATIONAL", "PLACES"]
