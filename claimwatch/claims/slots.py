"""What each value of a claim describes: its subject, its attribute and, for "X is N times Y", the Y.

"英伟达H200的显存为141GB，带宽为4.8TB/s" states two facts about one product. Each value takes

- the subject named nearest before it in its clause, else after it in its clause, else before it
  in the claim, else after it, else the article's own subject (from its title). Framing names
  (China, the US government) and the claim's speaker ("黄仁勋表示…") are never the subject;
- the attribute cue of its clause nearest to it that fits its kind (a percentage can be a market
  share, not a bandwidth), else the attribute its unit names alone (TB/s), else none;
- for a multiple, the subject it is compared with ("是H20的6倍", "six times the H20").

A date with no event cue of its own (发布, launched) is the time of the claim's other values and
takes their subject. Chinese text is cut into words by jieba, with the alias and attribute names in
its dictionary: a name counts only where its edges are word edges ("分成" is no cue in "分成为"…
unless the segmenter says so).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from dataclasses import replace

from claimwatch.claims.attribution import find_attribution
from claimwatch.claims.attributes import (PREDICATE_FIRST, attribute_mentions, attribute_of_unit, cue_distance, fits,
                                          sole_unit)
from claimwatch.claims.quantities import CURRENCY_NAMES, FROM_TO, SHARES_OFFERED
from claimwatch.claims.models import CACHE_SIZE, Quantity
from claimwatch.claims.subjects import FRAMING, PRODUCT_CODE, Mention, is_product_line, subject_mentions
from claimwatch.claims.scopes import with_scopes
from claimwatch.claims.places import countries_named
from claimwatch.claims.words import CJK, is_whole_word, word_edges

# a comma or colon between digits is a thousands separator or a clock time (3,609; 9:05), no break
_CLAUSE_BREAK = re.compile(r"[，；;：。！？!?]|(?<!\d)[,:]|[,:](?!\d)|\s[-–—]\s|而|但|\b(?:but|while|whereas|which)\b")
# "X是Y的N倍" / "X比Y高N倍" / "不到Y的十分之一": Y stands between the copula and the value.
_ZH_RELATIVE = re.compile(r"(?:是|为|相当于|达到|达|不及|不到|仅为|约为|超过|高于|低于|比|较)(?P<y>[^，。,;；]{1,24}?)"
                          r"(?:的|高了?|快了?|多了?|大了?|强了?|提高了?|增加了?|降低了?)?\s*$")
_ZH_COMPARE = re.compile(r"(?:比|较)(?P<y>[^，。,;；]{1,24}?)(?:高出|多出|低出|高了?|快了?|多了?|大了?|强了?|提高了?|增加了?|"
                         r"降低了?|低了?|便宜了?|贵了?|少了?)(?:约|近|超过|逾|了)?\s*$")
_EN_RELATIVE = re.compile(r"^\s*(?:times|x|-fold)?\s*(?:more|faster|higher|greater|larger|less|lower|cheaper|as much)?\s*"
                          r"(?:than|that of|those of|the [a-z ]{1,30}? of|the (?:[^,.;]|(?<=\d)[,.](?=\d)){1,40}? (?:on|of|for|in)"
                          r"|as [a-z]+ as|as|of)\s+(?P<y>[^,.;]{1,40})",
                          re.IGNORECASE)
_EN_COMPARE = re.compile(r"^\s*(?:more|less|higher|lower|cheaper|faster|slower)\s+than\s+(?P<y>[^,.;]{1,40})",
                         re.IGNORECASE)
_RATIO_KINDS = ("multiple", "fraction")
# "Its memory bandwidth…", "其营收…", "该公司…", "It is six times…": the clause speaks of the article's
# own subject (a clause-initial "It is expected that…" is no pronoun).
_PRONOUN = re.compile(r"(?:^|[\s,，;；:：])(?:its|their|the company's|the company|[Tt]he (?:phone|handset|device|car|vehicle)(?:'s)?"
                      r"|其|它的|它|该公司|公司|该芯片|该产品|该机|新机|该款|这款|此款)(?=\s|[^A-Za-z])"
                      r"|^\s*It\s(?!is (?:expected|said|reported|likely|unclear|not clear)\b)")
_EN_APPROX = r"(?:about|roughly|nearly|almost|some|around|more than|over|an estimated|a record)?"
# "市值蒸发5890亿美元", "erased about $589 billion of its value", "a $589 billion loss": the value is
# a change of its attribute, not its level ("市值降至2.9万亿美元", "fell to $118").
_CHANGE_BEFORE = re.compile(r"(?:蒸发|下跌|下降|减少|增加|上涨|上升|损失|缩水|亏损|流失|跌去|跌掉|涨了|跌了|增加了|减少了)"
                            r"(?:了)?(?:约|近|超过|逾|达|高达)?\s*$|"
                            r"\b(?:erased|wiped out|wiped|lost|shed|added|gained|fell by|dropped by|declined by|down|up|"
                            r"rose by|increased by|decreased by|loss of|drop of|decline of|rise of|increase of|gain of)"
                            rf"\s+{_EN_APPROX}\s*$", re.IGNORECASE)
_CHANGE_AFTER = re.compile(r"^(?:的)?(?:损失|跌幅|降幅|增幅|涨幅|缩水)|^\s+(?:loss|drop|decline|fall|gain|increase|rise|"
                           r"jump|plunge|wipeout)\b", re.IGNORECASE)
_CHANGE_KINDS = ("money", "count")
CHANGE = "change"  # the attribute of a rise or fall whose measure is not named ("Nvidia rebounded 8.9%")
_MARKET_LOSS = re.compile(rf"(?:蒸发|市值缩水)(?:了)?(?:约|近|超过|逾)?\s*$|\b(?:erased|wiped out|wiped|wiping out)\s+"
                          rf"{_EN_APPROX}\s*$", re.IGNORECASE)


def is_change(text: str, q: Quantity) -> bool:
    """True for an amount stated as a change of its attribute (lost, added, 蒸发) rather than its level."""
    return q.kind in _CHANGE_KINDS and bool(_CHANGE_BEFORE.search(text[max(0, q.start - 24):q.start])
                                            or _CHANGE_AFTER.search(text[q.end:q.end + 12]))


# "made up roughly 15% of revenue" is a share, not a rise
_UP = re.compile(r"(?:上涨|上升|增长|增加|反弹|回升|大涨|涨幅|增幅|提升|提高|扩大|涨|升|增)了?(?:为|达|达到)?(?:约|近|超过|逾)?\s*$|"
                 r"\b(?:rose|rise|rises|grew|grow|grows|gained|jumped|climbed|rebounded|increased|added|soared|surged|widened|expanded|improved|edged up|edged higher|ticked up|inched up|(?<!made )(?<!make )(?<!makes )(?<!making )up)"
                 r"\s+(?:by\s+)?(?:about|nearly|some|over|more than|roughly)?\s*$",
                 re.IGNORECASE)
_DOWN = re.compile(r"(?:下跌|下降|减少|下滑|大跌|暴跌|跌幅|降幅|收窄|缩小|跌|降|缩水)了?(?:为|达|达到)?(?:约|近|超过|逾)?\s*$|"
                   r"\b(?:fell|fall|falls|shrink|shrinks|dropped|declined|slid|lost|shed|plunged|tumbled|sank|slumped|narrowed|shrank|dipped|dips|slipped|eased|edged down|edged lower|ticked down|down)\s+"
                   r"(?:by\s+)?(?:about|nearly|some|over|more than|roughly)?\s*$", re.IGNORECASE)


def direction(text: str, q: Quantity) -> str | None:
    """"up" or "down" when a change verb stands right before a percentage (下跌17%, rebounded 8.9%)."""
    before = text[max(0, q.start - 20):q.start]  # wide enough to see "made up roughly"
    if _UP.search(before) or _UP_AFTER.match(text, q.end):  # "opened 1.9% higher"
        return "up"
    return "down" if _DOWN.search(before) or _DOWN_AFTER.match(text, q.end) else None


# "a 5.1% rise in third-quarter revenue": a move written as a noun, the measure that moved named after it
_RISE_IN = r"(?:year-on-year\s+|annual\s+)?(?:rise|increase|jump|gain|climb|surge)\s+in"
_FALL_IN = r"(?:year-on-year\s+|annual\s+)?(?:drop|fall|decline|slide|decrease|slump)\s+in"
_UP_AFTER = re.compile(rf"\s*(?:higher|up|{_RISE_IN})\b", re.IGNORECASE)
_DOWN_AFTER = re.compile(rf"\s*(?:lower|down|{_FALL_IN})\b", re.IGNORECASE)
_MOVE_IN = re.compile(rf"\s*(?:{_RISE_IN}|{_FALL_IN})\s+", re.IGNORECASE)
# a clause that opens with a comparison basis and names no measure ("，环比下降0.3%", ", and 2.1% month on month")
_SERIES_OPEN = re.compile(r"[\s，,;；]*(?:而|and\s+)?(?:同比|环比|较上月|较上年同期|比上月)")


_EN_FOR = re.compile(r"\s+(?:for|of|on)\s+(?:the\s+|its\s+|their\s+|all\s+)?$", re.IGNORECASE)


def _whole_words(text: str, mentions: tuple[Mention, ...]) -> list[Mention]:
    return [m for m in mentions if is_whole_word(text, m.start, m.end)]


def _names(text: str, mentions: tuple[Mention, ...]) -> list[Mention]:
    """Names need one word edge, not two: 中国AI芯片市场规模 may be cut 市场规模, yet names the market."""
    edges = word_edges(text) if CJK.search(text) else frozenset()
    return [m for m in mentions if not CJK.search(text[m.start:m.end]) or m.start in edges or m.end in edges]


def _specific_first(mentions: list[Mention]) -> list[Mention]:
    """Product codes (H200) before product families (Hopper), products before the rest."""
    codes = [m for m in mentions if m.key.startswith("product:") and PRODUCT_CODE.fullmatch(m.key[8:])]
    return codes or [m for m in mentions if m.key.startswith("product:")] or mentions


@lru_cache(maxsize=CACHE_SIZE)
def _clauses(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each clause; cached: comparing the claims of one feed pair by pair asks for
    the same texts' clauses again and again (600,000 times for a 10k-claim audit)."""
    spans, start = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return tuple(spans)


def _clause_of(clauses: tuple[tuple[int, int], ...], at: int) -> tuple[int, int]:
    return next((c for c in clauses if c[0] <= at <= c[1]), (0, 0))


def clauses_of(text: str) -> list[str]:
    """The clauses of ``text`` (see ``clause_around``)."""
    return [text[lo:hi] for lo, hi in _clauses(text)]


def clause_span(text: str, at: int) -> tuple[int, int]:
    """The offsets of the clause of ``text`` that holds offset ``at`` (see ``clause_around``)."""
    return _clause_of(_clauses(text), at)


def clause_around(text: str, at: int) -> str:
    """The clause of ``text`` that holds offset ``at`` (clauses end at punctuation and at 而/但/but…)."""
    lo, hi = clause_span(text, at)
    return text[lo:hi]


def _named_after(mentions: list[Mention], q: Quantity, text: str) -> str | None:
    """"25% for the H200", "3.35 TB/s on the H100", "25% of its H200 revenue": English names the
    subject right after the value."""
    follows = [m for m in mentions if q.end <= m.start <= q.end + 12 and _EN_FOR.fullmatch(text, q.end, m.start)]
    if not follows:
        return None
    first = follows[0]
    # "a quarter of Nvidia's H200 revenue": the maker's product is the subject
    owned = [m for m in mentions if m.key.startswith("product:") and first.end <= m.start <= first.end + 4
             and _POSSESSIVE.fullmatch(text, first.end, m.start)]
    return owned[0].key if owned and not first.key.startswith("product:") else first.key


_POSSESSIVE = re.compile(r"(?:'s|’s)?\s*")


_COUNTED_GAP = re.compile(r"^(?:\s|块|张|颗|个|片|台|英伟达|Nvidia|NVIDIA|AMD|华为|Huawei)*$")


def _counted_product(mentions: list[Mention], q: Quantity, text: str) -> str | None:
    """The product a count counts: "10,000 Nvidia H800 chips", "2048块英伟达H800 GPU" (a count of
    H800s, whoever uses them)."""
    if q.kind != "count":
        return None
    for m in mentions:
        if m.key.startswith("product:") and q.start < m.start <= q.end + 12 \
                and (m.start < q.end or _COUNTED_GAP.match(text[q.end:m.start])):
            return m.key
    return None


# "a Hopper-generation chip", "Ampere-based", "Hopper架构的": a name used as a descriptor of another thing
_DESCRIPTOR = re.compile(r"-(?:generation|based|class|era|style)\b|\s*架构的")
# a date alone in its clause, but for a time of day (1月8日9时5分, on 7 January at 9:05 a.m.)
_LONE_DATE = re.compile(r"[\s于在]*(?:北京时间|当地时间)?[\s于在]*(?:on|in)?[\s]*(?:(?:北京时间|当地时间)?(?:凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|晚间)?\d{1,2}时(?:\d{1,2}分)?(?:许|左右|前后)?|"
                        r"(?:at\s+)?(?:about\s+)?\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm|GMT|UTC))?\s*"
                        r"(?:[(（][^()（）]{0,24}[)）])?\s*", re.IGNORECASE)  # "北京时间1月7日9时5分（尼泊尔当地时间6时50分）"
_CONVERSION = re.compile(r"(?:约合|折合|合计约|合|相当于|or about|or roughly|or|equivalent to)\s*(?:约|about|roughly)?\s*"
                         rf"(?:{CURRENCY_NAMES})?\s*(?:约|about|roughly)?\s*$", re.IGNORECASE)  # "约合人民币368亿元"


# ", about $279 billion,": a value set off by commas names no attribute of its own; it is the previous clause's
_SPRINT_BEFORE = re.compile(r"(?:\b0\s?(?:-|–|to)\s?|(?:from|从)\s?0\s?(?:to|到|至)\s?|零至)$")
_SPRINT_AFTER = re.compile(r"\s*(?:in|within|用时|仅需|只需)\s*[\d.]+\s*(?:s\b|sec|seconds|秒)")
_LONE_VALUE = re.compile(r"[\s约近]*(?:为|是|达到|达|至|到|共计|合计|to)?[\s约近]*(?:about|around|roughly|nearly|some|an estimated)?[\s.。]*", re.IGNORECASE)


_SHARE_OF_SALES = re.compile(r"\s*share of [^,.;]{0,40}?\b(?:sales|revenue|revenues|proceeds)\b", re.IGNORECASE)
# A lead over a rival or a figure's excess over another: the gap between two figures, not a figure ("领先…约91.5万票", "915,000 ahead of")
_MARGIN_BEFORE = re.compile(r"(?:领先|比[^，,。；;\d]{1,10}?多(?:得了?|出|了)?)[^，,。；;\d]{0,8}?(?:约|近|超过|逾|大约)?\s*$"
                            r"|\b(?:a (?:lead|margin) of|by a margin of|won by)\s*(?:about|nearly|some|around|roughly)?\s*$",
                            re.IGNORECASE)
_MARGIN_AFTER = re.compile(r"\s?(?:votes\s)?(?:ahead of (?:[A-Z]|his |her |their |the (?:runner-up|nearest))"
                           r"|more than (?:his|her|their) (?:nearest )?rival)")

# What an announcement announces when its date is the news: a takeover or merger
_DEAL = re.compile(r"收购|并购|合并|\b(?:acquire|acquisition|takeover|merger|buy)\b", re.IGNORECASE)


def _previous_clause(clauses: tuple[tuple[int, int], ...], clause: tuple[int, int]) -> tuple[int, int]:
    earlier = [c for c in clauses if c[1] <= clause[0]]
    return earlier[-1] if earlier else clause


def _next_clause(clauses: tuple[tuple[int, int], ...], clause: tuple[int, int]) -> tuple[int, int]:
    later = [c for c in clauses if c[0] >= clause[1]]
    return later[0] if later else clause


def _converted_from(done: list[Quantity], q: Quantity, text: str) -> Quantity | None:
    """The amount a money value converts into another currency ("US$5.6 million, or about 4,000万元",
    "557.6万美元，按1美元兑7.2元人民币折算约合4015万元"): the nearest earlier amount in another
    currency whose attribute is known, when a conversion word stands right before the value."""
    if q.kind != "money" or not _CONVERSION.search(text[max(0, q.start - 12):q.start].rstrip("，,（( ")):
        return None
    for before in reversed(done):
        if before.kind == "money" and before.unit.split("/")[0] != q.unit.split("/")[0] and before.attribute \
                and q.start - before.end <= 40:  # a price per share is no total in another currency
            return before
    return None


# "受DeepSeek低成本模型冲击，英伟达…", "After DeepSeek's release, Nvidia…": a cause or circumstance
# set before the sentence names what acted on its topic, not the topic
_ADJUNCT = re.compile(r"\s*(?:受.{1,24}(?:影响|冲击|拖累|带动|推动|刺激|提振|打压|利好)\s*$|(?:after|amid|following|due to|because of|"
                      r"thanks to|in the wake of|buoyed by|boosted by|lifted by|spurred by|weighed down by)\b)", re.IGNORECASE)


def _nearest_subject(mentions: list[Mention], q: Quantity, clauses: list[tuple[int, int]], text: str = "") -> str | None:
    lo, hi = clause = _clause_of(clauses, q.start)
    tiers = (
        [m for m in mentions if lo <= m.start and m.end <= hi],        # its clause (a product first)
        [m for m in mentions if m.end <= q.start],                     # before it, the claim
        [m for m in mentions if m.start >= q.end],                     # after it, the claim
    )
    for n, tier in enumerate(tiers):
        if not tier:
            continue
        if n == 0:
            tier = _specific_first(tier)
            before = [m for m in tier if m.end <= q.start]
            return (before[-1] if before else min(tier, key=lambda m: abs(m.start - q.end))).key
        if n == 1:  # the topic: the first clause that names something, its most specific name
            naming = [c for c in clauses if any(c[0] <= m.start and m.end <= c[1] for m in tier)]
            first = next((c for c in naming if not _ADJUNCT.match(text, c[0], c[1])), naming[0])
            topic = [m for m in tier if first[0] <= m.start and m.end <= first[1]]
            return _specific_first(topic)[-1].key
        return tier[0].key
    return None


def _event_object(mentions: list[Mention], cues: list[Mention], q: Quantity, clause: tuple[int, int]) -> str | None:
    """For a date of an event ("于明年8月推出Rubin"), the thing named after the event's cue."""
    cue = next((c for c in cues if clause[0] <= c.start and c.end <= clause[1] and c.key == q.attribute), None)
    after = [m for m in mentions if cue is not None and m.start >= cue.end and m.end <= clause[1]]
    return _specific_first(after)[0].key if after else None


def _attribute(q: Quantity, cues: list[Mention], clause: tuple[int, int], text: str = "") -> str | None:
    by_unit = attribute_of_unit(q.unit)
    lo, hi = clause
    if by_unit == "weight":  # "出口钢材1118.1万吨": a tonnage exported or imported is the trade flow's, and one
        # produced or that can be ("年产量约4440万吨", "年粗钢产能约8600万吨") the output's or the capacity's
        flows = [m for m in cues if lo <= m.start and m.end <= hi and m.key in ("exports", "imports", "output", "capacity")]
        if flows:
            return min(flows, key=lambda m: cue_distance(q, m)).key
    if by_unit:  # a unit that names an attribute (TB/s, GPU hours, parameters) names it whatever the cues
        return by_unit
    counted = [m for m in cues if q.unit == "medals" and q.start < m.start < q.end and fits(m.key, q.kind)]
    if counted:  # "201 golds", "383 medals in all": the medal counted names the tally
        return counted[0].key
    nobody = q.kind == "count" and q.high == 0 and q.unit == "people"  # "无人死亡": the cue is inside the value
    fitting = [m for m in cues if lo <= m.start and m.end <= hi and fits(m.key, q.kind)
               and (not (m.start < q.end and q.start < m.end) or nobody and q.start <= m.start and m.end <= q.end)
               and not (m.key in _PER_SHARE and q.kind == "money" and q.value >= _NO_SHARE_PRICE)]
    right_after = [m for m in fitting if q.kind == "count" and 0 <= m.start - q.end <= 2]  # "128人失踪、800多人受伤"
    if right_after:
        return min(right_after, key=lambda m: m.start).key
    named = [m for m in fitting if not (m.key == "share_price" and text[m.start:m.end] in _BARE_MOVES)]
    if named and len(named) < len(fitting):  # "10月CPI同比上涨0.3%": the CPI rose, no share price
        fitting = named
    if fitting:
        return min(fitting, key=lambda m: cue_distance(q, m)).key
    return None


_INDICES = frozenset({"cpi", "ppi"})  # statistics that are indices: they rise and fall by a percentage
_PREMIUM_AFTER = re.compile(r"\s*(?:above|over)\s+(?!expectations|estimates|forecasts)[^,;]{0,40}?\b(?:share price|price|close|closing)\b",
                            re.IGNORECASE)
_BARE_MOVES = frozenset({"上涨", "下跌", "涨", "跌", "涨幅", "跌幅"})  # a share price's, or anything's


def _growth_of(q: Quantity, cues: list[Mention], clause: tuple[int, int]) -> str | None:
    """The rise of the amount a growth rate's clause names just before it ("净利润同比增幅超过三成",
    "net profit grew 33%": net_profit_up)."""
    named = [m for m in cues if clause[0] <= m.start and m.end <= q.start and m.key != "growth"
             and (fits(m.key, "money") or m.key in _INDICES)  # "The consumer price index rose 1.5%": the CPI's rise
             and (q.start - m.end <= 12 or m.start - clause[0] <= 4 and q.start - m.end <= 48)]  # "Exports to the US rose 8.1%"
    return f"{named[-1].key}_up" if named else None


_PER_SHARE = ("share_price", "issue_price", "target_price")
_NO_SHARE_PRICE = 1e7  # "buy back HK$100 billion of shares": an amount this large is no price of one share
_REPORT_PERIOD = re.compile(r"\s*的?(?:全年|年度|第?[一二三四1-4]季度|上半年|下半年|中期|季度)?(?:业绩|财报|年报|季报|中报|财务报告)|"
                            r"[\s-]*(?:quarter(?:ly)?\s+|full-year\s+|annual\s+)?(?:results|earnings|financial results)\b|"
                            # a quarter's figures of anything: "第三季度全球智能手机出货数据", "its third-quarter figures"
                            r"(?<=季度)[^，。；、\d]{0,12}?(?:数据|统计)|(?<=quarter)[\s-]+(?:[a-z]+\s+){0,3}?(?:figures|data|numbers|statistics)\b",
                            re.IGNORECASE)
# a company putting out its results: 公布/发布/披露…业绩, published/reported/released … results
_RESULTS_OUT = re.compile(r"(?:公布|发布|披露|公告)[^，。；]{0,16}(?:业绩|财报|年报|季报|中报)|"
                          r"\b(?:published|reported|released|announced|posted|unveiled)\b[^,.;]{0,30}\b(?:results|earnings)\b",
                          re.IGNORECASE)
_READING = re.compile(r"\b(?:measured|reported|rated|put|recorded|registered|estimated)\s+(?:the\s+(?:[A-Z]\w+\s+)?"
                      r"(?:quake|earthquake|tremor)|it)\s+at\s+$")
_SHARES_COUNTED = re.compile(r"[\d.]+\s?[万亿]?股|\b(?:shares?|apiece)\b|每股", re.IGNORECASE)
_LOSSES = ("economic_loss", "deaths", "missing", "injured")  # what these count is the loss itself
# ... unless the count is what the toll rose by: "遇难人数又增加12人", "the death toll rose by 12 to 217"
_TOLL_ROSE_BY = re.compile(r"(?:增加|上升)(?:了)?(?:约|近|超过|逾)?\s*$|"
                           r"\b(?:rose|climbed|increased|jumped|grew|went up) by\s+(?:another\s+)?$", re.IGNORECASE)


_REPORTED_BEFORE = re.compile(r"\b(?:said|says|told|wrote|reported|added|stated|confirmed)\s+(?:late\s+|early\s+)?"
                              r"(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?$", re.IGNORECASE)
# "226 flood deaths", "77 missing", "四人遇难": a toll counts people whatever noun it is written with
_PEOPLE_COUNTED = frozenset({"deaths", "missing", "injured", "evacuations", "rescued", "rescuers"})
_EXCHANGE = re.compile(r"交易所|[深上港北]交所|创业板|科创板|主板|港股|A股|H股|纳斯达克|纽交所|"
                       r"\b(?:stock exchange|Nasdaq|NYSE|bourse)\b", re.IGNORECASE)
_LISTED = re.compile(r"上市|挂牌|登陆|\b(?:listed|listing|lists|debut|debuted|IPO|went public|go public)\b", re.IGNORECASE)
_PASSIVE_EVENT = re.compile(r"\b(?!(?:was|were|is|are|be|been|being|has|have|had|it|they|he|she|which|that|who|and)\b)"
                            r"[a-z]+\s+(?:announced|unveiled|released|launched|approved|introduced)\s+by\b")
_REPORTED_AFTER = re.compile(r"(?:[（(]当地时间[）)])?(?:晚间?|早间?|上午|下午)?(?:称|表示|说|通报|指出|证实|宣布[，,：:])")
# "据西班牙政府3日晚公布的数据": the date of the figures (it times them), not of an approval or release
_FIGURES_OUT = re.compile(r"(?:[（(]当地时间[）)])?(?:晚间?|早间?|上午|下午)?(?:公布|发布)的(?:最新)?(?:数据|数字|统计|消息|通报)")


def is_date_of_saying(text: str, q: Quantity) -> bool:
    """A date that tells when something was said ("NetEase said on Thursday that …", "14日称",
    a wire story's dateline "TAIPEI, April 3 (Formosa Wire) -"), not when what was said happened."""
    return q.kind == "date" and bool(_REPORTED_BEFORE.search(text, max(0, q.start - 30), q.start)
                                     or _REPORTED_AFTER.match(text, q.end) or _DATELINE_AFTER.match(text, q.end))


_DATELINE_AFTER = re.compile(r"\s*\([^()]{2,40}\)\s*[-–—]")  # "April 3 (Formosa Wire) - …"


# "52金", "111银、71铜": a count of medals written with the metal alone, before a break or the next count
_MEDAL_AFTER = re.compile(r"([金银铜])(?=[、，,。；;\s]|[\d一二三四五六七八九十]|[位排居列名]|$)")
_MEDALS = {"金": "gold_medals", "银": "silver_medals", "铜": "bronze_medals"}
_OCCASION = re.compile(r"[次届轮度]")
_AMONG = re.compile(r"\s*(?:其中|当中)")  # a clause that opens on "of which" counts a part of the count before it
_OF_THEM = re.compile(r"\s+(?:of them|of whom|of those)\b", re.IGNORECASE)
# The whole a share is of: "40.05% of the 13,947,506 valid ballots", "roughly 27%, of the 1.81 billion yuan"
_WHOLE_OF_SHARE = re.compile(r"(?:\d\s?%|\bpercent|\bper cent|\b(?:a|one) (?:third|quarter|fifth|tenth|half))"
                             r",?\s+of\s+(?:the|all|its|their)\s+(?:total\s+of\s+)?(?:about |some |roughly |nearly )?$",
                             re.IGNORECASE)


def _with_attribute(text: str, q: Quantity, cues: list[Mention], clauses: list[tuple[int, int]],
                    clause: tuple[int, int]) -> Quantity:
    """``q`` with its attribute: the clause's cue or unit (the previous clause's for a value set off
    by commas), marked as a change (``_change``) or a rise or fall (``_up`` / ``_down``)."""
    attribute = _attribute(q, cues, clause, text)
    if q.kind in ("count", "money") and _WHOLE_OF_SHARE.search(text, max(0, q.start - 24), q.start):
        return replace(q, attribute=None)  # "40.05% of the 13,947,506 valid ballots": the whole, no candidate's votes
    if attribute == "rank" and _OCCASION.match(text, q.end) and text[max(0, q.start - 1):q.start] == "第":
        attribute = None  # "连续第11次位居榜首": which time, not which place
    if q.kind == "count" and not q.unit and q.low == q.high and (medal := _MEDAL_AFTER.match(text, q.end)):
        attribute = _MEDALS[medal.group(1)]  # "日本队以52金位列第二", "201金111银71铜": a medal count
    if q.unit == "km/h" and (q.low == 0 or _SPRINT_BEFORE.search(text, 0, q.start) or _SPRINT_AFTER.match(text, q.end)):
        attribute = None  # "0-100 km/h in 2.78 s", "百公里加速": the speed a sprint ends at, no top speed
    if attribute is None and q.kind != "date" and _LONE_VALUE.fullmatch(text[clause[0]:clause[1]].replace(q.text, "", 1)):
        attribute = _attribute(q, cues, _previous_clause(clauses, clause))
    elif attribute is None and q.kind != "date" and PREDICATE_FIRST.match(text, clause[0]):
        # "Non-IFRS net profit, the measure most analysts follow, rose 36% to 59.8 billion yuan": the
        # predicate's subject stands before the aside
        back = clause
        for _ in range(2):
            back = _previous_clause(clauses, back)
            attribute = _attribute(q, cues, back)
            if attribute or back == clause:
                break
    own = _clause_of(clauses, q.start)
    if attribute is None and q.kind == "date" and (own != clause or _LONE_DATE.fullmatch(
            text[own[0]:own[1]].replace(q.text, "", 1).rstrip(" .。"))):  # "… on Tuesday, January 7." ends the sentence
        # "came ashore … on Saturday, September 7, with winds of …": a date set off by commas after
        # its weekday is the previous clause's event when the next clause names none
        attribute = _attribute(q, cues, _previous_clause(clauses, own))
    if attribute and (is_date_of_saying(text, q) or q.kind == "date" and _FIGURES_OUT.match(text, q.end)) \
            and not (attribute == "announcement_date" and _DEAL.search(text, q.end)):
        attribute = None  # (but "于12月18日宣布，将以每股55美元收购…": announcing a deal is the deal's date)
    if attribute and q.kind == "date" and text.startswith("的", q.end) and not any(
            m.start == q.end + 1 and fits(m.key, "date") for m in cues):
        # "腾讯2024年的回购计划于2023年11月宣布": the year of the plan, not of its announcement (but
        # "1月7日的地震": the event itself is named after 的, and the date is its day)
        attribute = None
    if q.kind == "date" and _REPORT_PERIOD.match(text, q.end):
        attribute = None  # "公布2024年第三季度业绩", "its third-quarter results": the period reported on, not the event
    elif q.kind == "date" and not is_date_of_saying(text, q) and (
            _RESULTS_OUT.search(text, clause[0], clause[1]) or _RESULTS_OUT.search(text, *own)
            or _LONE_DATE.fullmatch(text[own[0]:own[1]].replace(q.text, "", 1).rstrip(" .。"))
            and _RESULTS_OUT.search(text, *_previous_clause(clauses, own))):  # "… results on Tuesday, November 12."
        attribute = "results_date"  # "于11月14日公布了第三季度业绩", "published its results on Tuesday, November 12"  # "Trump said on Monday that …", "越南灾害管理部门14日称": when it was said
    if attribute == "release_date" and _EXCHANGE.search(text, clause[0], clause[1]) and _LISTED.search(text, clause[0], clause[1]):
        attribute = "listing_date"  # "2018年6月11日在深交所创业板上市": a company goes public, no product comes out
    if attribute and q.kind == "date" and _PASSIVE_EVENT.search(text, clause[0], clause[1]):
        attribute = None  # "an arrangement announced by the White House on Monday": a noun's event, no name's
    if q.kind == "percent" and attribute in (None, "growth") and (moved := _MOVE_IN.match(text, q.end)):
        # "a 5.1% rise in third-quarter revenue": the measure that moved is named after the move
        after = [m for m in cues if moved.end() <= m.start <= moved.end() + 24 and m.key != "growth"
                 and (fits(m.key, "money") or m.key in _INDICES)]
        if after:
            return replace(q, attribute=f"{min(after, key=lambda m: m.start).key}_{direction(text, q)}")
    if attribute == "growth":
        attribute = _growth_of(q, cues, clause) or attribute
    if attribute == "market_share" and _SHARE_OF_SALES.match(text, q.end):
        attribute = "revenue_share"  # "a 25% share of Nvidia's H200 sales": a cut of sales, no market's share
    if q.kind in ("count", "percent") and (_MARGIN_BEFORE.search(text, max(0, q.start - 12), q.start)
                                          or _MARGIN_AFTER.match(text, q.end)):
        attribute = "gap"  # "领先侯友宜约91.5万票", "nearly 915,000 ahead of Hou": a lead, no tally
    if q.kind == "percent" and _PREMIUM_AFTER.match(text, q.end):
        attribute = "premium"  # "about 40% above U.S. Steel's closing price": the offer's premium
    if attribute == "issue_price" and not SHARES_OFFERED.search(text):
        attribute = "price"  # "the 512GB version is priced at 21,999 yuan": a product's price, no share's
    q = replace(q, attribute=attribute)
    if attribute == "top_speed" and q.low == -math.inf and q.high != math.inf:
        q = replace(q, low=q.high)  # "winds of up to 62 metres per second": a top speed of 62, no bound
    if q.kind == "count" and not q.unit and attribute:  # "参数规模700亿": counted in its attribute's unit
        q = replace(q, unit=sole_unit(attribute) or ("people" if attribute in _PEOPLE_COUNTED else q.unit))
    if q.kind == "money" and "/" not in q.unit and (attribute in _PER_SHARE or attribute == "price" and q.value < _NO_SHARE_PRICE
                                                    and _SHARES_COUNTED.search(text, clause[0], clause[1])):
        q = replace(q, unit=q.unit + "/share")  # "收市报306.2港元", "以平均约386港元的价格回购约2.37亿股": a price per share
    if attribute is None and q.kind == "money" and _MARKET_LOSS.search(text[max(0, q.start - 24):q.start]):
        return replace(q, attribute="market_value_change")  # "erased $593 billion", "市值蒸发": what a slide erases
    if attribute and not attribute.endswith("_change") and (
            is_change(text, q) if attribute not in _LOSSES else _TOLL_ROSE_BY.search(text[max(0, q.start - 16):q.start])):
        return replace(q, attribute=attribute + "_change")  # a loss of value is no value, but a toll can rise by one
    if q.kind == "percent" and attribute != "growth" and not (attribute or "").endswith(("_up", "_down")):
        way = direction(text, q)  # a 17% fall and an 8.9% rebound of one share price are two facts
        if way and attribute is None:  # "营收同比下降3.9%": the fall of the amount the clause names before it
            named = _growth_of(q, cues, clause)
            attribute = named.rsplit("_", 1)[0] if named else None
        if way and attribute is None and _SERIES_OPEN.match(text, clause[0]):
            # "CPI同比上涨0.3%，环比下降0.3%": the second move is the same measure's, on another basis
            before = _previous_clause(clauses, clause)
            named = [m for m in cues if before[0] <= m.start and m.end <= before[1] and m.key != "growth"
                     and (fits(m.key, "money") or m.key in _INDICES) and text[m.start:m.end] not in _BARE_MOVES]
            attribute = named[-1].key if named and before != clause else None
        if not way and attribute in _PER_SHARE:  # "71% of the shares outstanding", "溢价约40%": no price, no move
            return replace(q, attribute=None)
        return replace(q, attribute=f"{attribute or CHANGE}_{way}") if way else q
    if q.kind == "multiple" and _GREW_TIMES.fullmatch(q.text) and not (attribute or "").endswith(("_up", "_down")):
        # "net income more than doubled", "净利润翻了一番": the verb is a rise, of the amount the clause names
        named = attribute or ((_growth_of(q, cues, clause) or "").rsplit("_", 1)[0] or None)
        return replace(q, attribute=f"{named or CHANGE}_up")
    return q


_GREW_TIMES = re.compile(r"(?:more than |nearly |almost |about )?(?:doubled|tripled|quadrupled)|翻倍|翻了一番|翻一番|翻番")


def _relative(text: str, q: Quantity, mentions: list[Mention],
              all_names: list[Mention]) -> tuple[Mention | None, list[Mention]]:
    """The subject a multiple or fraction (or a percentage "more than Y") compares against, and
    every name of the Y phrase ("one-tenth of the compute Meta reported for Llama": Llama, and Meta
    is no subject of the tenth either)."""
    if q.kind in _RATIO_KINDS:
        before, after = _ZH_RELATIVE, _EN_RELATIVE
    elif q.kind == "percent":
        before, after = _ZH_COMPARE, _EN_COMPARE
    else:
        return None, []
    m = before.search(text[max(0, q.start - 30):q.start])
    if m:
        lo = max(0, q.start - 30) + m.start("y")
        inside = [x for x in mentions if lo <= x.start and x.end <= q.start]
        if inside:  # the copula may be matched early ("英伟达" holds 达): only the last name is Y, with the
            # names written right before it ("为Meta Llama 3.1 405B的二十分之一": Meta's Llama)
            y = [inside[-1]]
            for x in reversed(inside[:-1]):
                if text[x.end:y[0].start].strip():
                    break
                y.insert(0, x)
            return inside[-1], y
    m = after.match(text[q.end:q.end + 60])
    if m:
        lo, hi = q.end + m.start("y"), q.end + m.end("y")
        inside = [x for x in mentions if lo <= x.start and x.end <= hi]
        if inside:
            return _specific_first(inside)[0], [x for x in all_names if lo <= x.start and x.end <= hi]
    return None, []


_ZH_LESS = re.compile(r"(?:便宜|低|少|降低|下降|小)了?(?:约|近|超过|逾|达)?\s*$")
_ZH_MORE = re.compile(r"(?:贵|高|多|提高|增加|大|快)了?(?:约|近|超过|逾|达)?\s*$")
_EN_LESS = re.compile(r"^\s*(?:lower|cheaper|less|fewer|smaller|slower)\s+than\b", re.IGNORECASE)
_EN_MORE = re.compile(r"^\s*(?:higher|more expensive|more|greater|larger|faster|bigger)\s+than\b", re.IGNORECASE)


def _as_ratio(text: str, q: Quantity) -> Quantity:
    """A percentage compared with another subject as the ratio it states: "比o1便宜约96%" and "96%
    cheaper than o1" are 0.04 of o1 (a fraction), "30% more than" is 1.3 times (a multiple); any
    other percentage is left as it is."""
    before, after = text[max(0, q.start - 8):q.start], text[q.end:q.end + 30]
    if _ZH_LESS.search(before) or _EN_LESS.match(after):
        return replace(q, kind="fraction", unit="", value=1 - q.value / 100, low=max(0.0, 1 - q.high / 100),
                       high=1 - q.low / 100)
    if _ZH_MORE.search(before) or _EN_MORE.match(after):
        return replace(q, kind="multiple", unit="x", value=1 + q.value / 100, low=1 + q.low / 100,
                       high=1 + q.high / 100)
    return q


_SHARES = ("market_share", "revenue_share")
# a figure compared with the one just before it, of the same measure at another time or place
_COMPARED_WITH = re.compile(r"[^。；;]{0,6}(?:低于|高于|不及|超过|略低于|略高于|较|比)(?:\d{4}年|[^，。,;；\d]){0,12}?(?:的|时的|时)?\s*$|"
                            r"[^.;]{0,12}\b(?:compared with|against|versus|down from|up from)\b(?:\s\d{4}\b|[^,.;\d]){0,20}$",
                            re.IGNORECASE)


def _as_share(text: str, q: Quantity, cues: list[Mention], clauses: list[tuple[int, int]],
              clause: tuple[int, int]) -> Quantity:
    """A fraction that is a share ("一半以上份额", "收入的四分之一要交给美国政府") as the percentage it is;
    any other fraction unchanged."""
    scale = lambda x: x * 100 if x not in (float("inf"), float("-inf")) else x  # noqa: E731
    share = replace(q, kind="percent", unit="%", value=q.value * 100, low=scale(q.low), high=scale(q.high))
    share = _with_attribute(text, share, cues, clauses, clause)
    return share if share.attribute in _SHARES else q


def _changes_of_amounts(text: str, values: list[Quantity]) -> list[Quantity]:
    """A rise or fall of an unnamed measure right after an amount is that amount's ("营业收入3620.13亿元，
    同比下降9.70%": revenue fell 9.70 %), when no more than a short phrase stands between them."""
    out = list(values)
    for n, q in enumerate(out):
        base, _, way = (q.attribute or "").rpartition("_")
        if q.attribute == "growth":  # "营收847.05亿元，同比增长6.18%": revenue grew 6.18 %
            base, way = CHANGE, "up"
        if q.kind != "percent" or base != CHANGE or way not in ("up", "down"):
            continue
        # percentage points are the change of a ratio ("毛利率为53%，同比提升约4个百分点")
        kinds = ("money", "count") if q.unit != "pp" else ("percent",)
        amount = next((p for p in reversed(out[:n]) if p.kind in kinds and p.attribute and p.unit != "pp"
                       and not p.attribute.endswith(("_up", "_down", "_change"))), None)
        if amount is not None and q.start - amount.end <= 24 and not _SENTENCE_BREAK.search(text, amount.end, q.start):
            out[n] = replace(q, attribute=f"{amount.attribute}_{way}")
            continue
        # "Domestic games revenue climbed 24% to 34.6 billion yuan": the rise of the amount it goes to
        after = next((p for p in out[n + 1:] if p.kind in ("money", "count") and p.attribute), None)
        if after is not None and _RISE_TO.match(text, q.end, after.start) and not after.attribute.endswith(
                ("_up", "_down", "_change")):
            out[n] = replace(q, attribute=f"{after.attribute}_{way}")
    return out


_RISE_TO = re.compile(r"\s*(?:from a year (?:earlier|ago)\s*|year[- ]on[- ]year\s*|y/y\s*)?(?:,\s*)?to\s+(?:about\s+|nearly\s+|roughly\s+)?$",
                      re.IGNORECASE)


# "the strongest typhoon since 1949", "1949年有气象记录以来最强": the year a record reaches back to
# is the horizon of a superlative, not the date of the event
_SINCE_BEFORE = re.compile(r"(?:\bsince\b[^,;.]{0,30}|自|从)\s*$", re.IGNORECASE)
_SINCE_AFTER = re.compile(r"[^，。,;；]{0,12}?以来")
_SUPERLATIVE = re.compile(r"最|历史|\b(?:strongest|most|record|biggest|largest|worst|highest|lowest|deadliest|"
                          r"slowest|fastest|weakest|smallest)\b", re.IGNORECASE)


def is_horizon(text: str, q: Quantity) -> bool:
    """A date that only bounds a superlative ("the slowest pace since 2022", "1949年有气象记录以来最强")."""
    return (q.kind == "date" and bool(_SUPERLATIVE.search(text))
            and bool(_SINCE_BEFORE.search(text, max(0, q.start - 40), q.start) or _SINCE_AFTER.match(text, q.end)))


def is_time_frame(text: str, q: Quantity) -> bool:
    """A date that times the claim's facts: neither when they were said nor a record's horizon."""
    return q.kind == "date" and not (is_date_of_saying(text, q) and q.attribute != "announcement_date") \
        and not is_horizon(text, q)


def _event_times(text: str, values: list[Quantity], cues: list[Mention], clauses: list[tuple[int, int]]) -> list[Quantity]:
    """A time of day is the time of the event its date (or its clause) dates: "1月7日9时5分…发生6.8级地震"
    is the quake's time (quake_time), "struck at 0105 GMT" too. A time of no event ("截至7日12时"
    bounds a toll) is no figure and is left out."""
    out = []
    for q in values:
        if q.kind != "time":
            out.append(q)
            continue
        day = next((d for d in values if d.kind == "date" and 0 <= q.start - d.end <= 2), None)
        if day is not None:
            attribute, subject = day.attribute, day.subject
        else:
            clause = _clause_of(clauses, q.start)
            if _LONE_DATE.fullmatch(text[clause[0]:clause[1]].replace(q.text, "", 1)):
                clause = _next_clause(clauses, clause)
            attribute, subject = _attribute(replace(q, kind="date"), cues, clause), q.subject
        if attribute and attribute.endswith("_date"):
            out.append(replace(q, attribute=attribute[: -len("_date")] + "_time", subject=subject))
    return out


def _horizons(text: str, values: list[Quantity]) -> list[Quantity]:
    """Dates that only bound a superlative ("since 1949") lose their event attribute."""
    return [replace(q, attribute=None) if q.attribute and is_horizon(text, q) else q for q in values]


_FOLLOWED = re.compile(r"\b(?:followed|came next|did the same)\b|随后跟进|紧随其后|跟进|随后亦|也于|亦于", re.IGNORECASE)


def _followed_events(text: str, values: list[Quantity]) -> list[Quantity]:
    """A date whose clause says its subject followed ("V3 on December 10, and R1 followed on January
    20") is the date of the same event as the date before it."""
    out = list(values)
    for n, q in enumerate(out):
        if q.kind != "date" or q.attribute or not _FOLLOWED.search(clause_around(text, q.start)):
            continue
        earlier = next((p for p in reversed(out[:n]) if p.kind == "date" and p.attribute), None)
        if earlier is not None and not _SENTENCE_BREAK.search(text, earlier.end, q.start):
            out[n] = replace(q, attribute=earlier.attribute)
    return out


_SENTENCE_BREAK = re.compile(r"[。；;!?！？]")


# Bodies that measure an event on their own instruments: the subject of their readings (a magnitude,
# a focal depth), only the source of anything else they report (a toll, the time it struck).
AGENCIES = frozenset({"org:cwa", "org:cenc", "org:cea", "org:usgs", "org:jma", "org:emsc"})
READINGS = frozenset({"magnitude", "depth"})


def _frames(key: str) -> bool:
    """A framing name (China, the US government) or any place: where a value holds, never what it describes."""
    return key in FRAMING or key.startswith("place:")


def _title_subject(title: str) -> str | None:
    """What a headline is about: its first product, unless that product is named as what the story
    compares with ("Huawei unveils tri-fold phone hours after Apple's iPhone 16 launch" is about
    Huawei), else its first subject."""
    named = [m for m in subject_mentions(title) if not _frames(m.key)]
    if not named:
        return None
    for m in named:
        if m is not named[0] and _SUBORDINATE_IN_TITLE.search(title, max(0, m.start - 12), m.start):
            break  # "Huawei's tri-fold sells out as iPhone 16 reaches stores": the main clause's subject
        if m.key.startswith("product:") and not (is_product_line(m.key) and _COMPARED_IN_TITLE.search(title, max(0, m.start - 16), m.start)):
            return m.key
    return named[0].key


# A rate named after the bank that sets it: the federal funds rate is the Fed's, Bank Rate the Bank of
# England's. (The loan prime rate is not read so: a feed that writes 贷款市场报价利率（LPR） makes LPR a
# learned name of its own, which the evidence's values then take.)
_RATE_OWNER = re.compile(r"(federal funds|fed funds|联邦基金利率)|(Bank Rate)", re.IGNORECASE)
_RATE_OWNERS = ("org:fed", "org:boe")
# a move of an index in points ("jumped 522 points", "收涨522.09点"), not its level
_INDEX_MOVE = re.compile(r"(?:jumped|rose|gained|added|climbed|fell|slipped|dropped|lost|shed|declined|sank|up|down|off|"
                         r"上涨|下跌|收涨|收跌|大涨|大跌|涨|跌)\s*(?:about|nearly|more than|约|近|逾)?\s*$", re.IGNORECASE)
_SUBORDINATE_IN_TITLE = re.compile(r"\b(?:as|while|amid|despite|before|after|when)\s+(?:\w+'s\s+)?$", re.IGNORECASE)
_COMPARED_IN_TITLE = re.compile(r"\b(?:after|than|vs\.?|versus|from|against|rival|rivals)\b|对决|超越|力压|抢|对标|比肩|不敌", re.IGNORECASE)


# Figures a person holds, not one a speaker gives: votes won, a share of the vote, an age
PERSONAL = frozenset({"votes", "vote_share", "age"})


def _enumerated(values: list[Quantity]) -> list[Quantity]:
    """A list of peers gives each the measure named for the first ("三星份额为19%，苹果为16%，小米为
    14%", "Samsung led with an 18.3% share, followed by Apple with 17.9%"): a value of no attribute
    takes that of the nearest earlier value of its kind and unit that belongs to another subject."""
    out: list[Quantity] = []
    for q in values:
        if q.attribute is None and q.subject and q.kind in ("percent", "money", "count") and q.unit:
            lead = next((p for p in reversed(out) if p.kind == q.kind and p.unit == q.unit), None)
            if lead is not None and lead.attribute and lead.subject and lead.subject != q.subject \
                    and not lead.attribute.endswith(("_up", "_down", "_change")):
                q = replace(q, attribute=lead.attribute)
        out.append(q)
    return out


_TIMES_THE = re.compile(r"\s*(?:that of\s+|those of\s+)?(?:the\s+)?")  # "N times the <value> … of Y": Y's value


# goods sold or shipped to other countries are exports
_ABROAD = re.compile(r"\b(?:abroad|overseas|to foreign (?:buyers|markets|customers))\b|出口|销往海外|海外销量", re.IGNORECASE)
# a currency priced in dollars ("Sterling rose above $1.32", "the euro fell to $1.05"): its exchange rate
_PRICED_CURRENCY = re.compile(r"\b(?:sterling|the (?:british )?pound|the euro|the yen|the yuan|the renminbi|the won|"
                              r"the rupee|the (?:australian|canadian|new zealand|hong kong) dollar|the swiss franc)\b",
                              re.IGNORECASE)


def _as_exchange_rate(text: str, q: Quantity, clause: tuple[int, int]) -> Quantity:
    """A dollar price of another currency named before it in its clause as the exchange rate it is
    ("Sterling rose above $1.32" is "英镑兑美元升破1.32"); any other amount unchanged."""
    if q.unit != "USD" or not 0 < q.value < 1000 or not _PRICED_CURRENCY.search(text, clause[0], q.start):
        return q
    return replace(q, kind="count", unit="", attribute="exchange_rate")


def attach_slots(text: str, quantities: tuple[Quantity, ...], context: str = "") -> tuple[Quantity, ...]:
    """``quantities`` of the claim ``text`` with ``subject``, ``attribute`` and ``relative_to`` set.

    ``context`` (the article's title) names the subject of values whose claim names none.
    """
    if not quantities:
        return quantities
    speaker = find_attribution(text)
    named = _names(text, subject_mentions(text))
    mentions = [m for m in named if not _frames(m.key) and m.key != speaker
                and not _DESCRIPTOR.match(text, m.end)]
    spoken = [m for m in named if m.key == speaker]  # the speaker is the subject only when no other is named
    cues = _whole_words(text, attribute_mentions(text))
    clauses = _clauses(text)
    fallback = _title_subject(context) if context else None
    out: list[Quantity] = []
    # a name right after one value ("3.35 TB/s on the H100") is that value's, not its neighbours'
    bound = {q.start: _named_after(mentions, q, text) for q in quantities}
    for q in quantities:
        clause = _clause_of(clauses, q.start)
        if q.kind == "date" and _LONE_DATE.fullmatch(text[clause[0]:clause[1]].replace(q.text, "", 1)):
            clause = _next_clause(clauses, clause)  # "1月27日，深度求索发布R1": the date of the next clause's event
        converted = _converted_from(out, q, text)
        if converted is not None:  # "557.6万美元，约合4015万元": one amount in two currencies, one slot
            out.append(replace(q, subject=converted.subject, attribute=converted.attribute))
            continue
        q = _with_attribute(text, q, cues, clauses, clause)
        if q.attribute == "shipments" and _ABROAD.search(text, clause[0], clause[1]):
            q = replace(q, attribute="exports")  # "China sold around 577,000 vehicles abroad": 出口汽车57.7万辆
        if q.kind == "money" and q.attribute is None:
            q = _as_exchange_rate(text, q, clause)
        if q.kind == "fraction" and q.attribute is None:
            q = _as_share(text, q, cues, clauses, clause)
        if out and out[-1].kind == q.kind and out[-1].attribute and FROM_TO.search(text, max(0, out[-1].start - 4), q.start):
            q = replace(q, attribute=out[-1].attribute)  # "份额从95%一路跌到0": the 0 is a share too
        before = next((p for p in reversed(out) if p.kind == q.kind), None)
        if q.attribute is None and before is not None and before.attribute and _COMPARED_WITH.match(text, before.end, q.start):
            q = replace(q, attribute=before.attribute)  # "投票率为71.86%，低于2020年的74.90%": a turnout too
        if (q.attribute is None and q.kind == "count" and before is not None and before.attribute
                and (_OF_THEM.match(text, q.end) or _AMONG.match(text, clause[0]) and before.end <= clause[0])):
            # "Ninety-five people had died, 92 of them in Valencia", "1011人受伤，…，其中花莲县346人": a part of that count
            q = replace(q, attribute=before.attribute, unit=q.unit or before.unit)
        other, compared = _relative(text, q, mentions, named)
        if other is not None and q.kind == "percent" and q.unit == "%":  # points ("提高了10个百分点") stay points
            q = _as_ratio(text, q)
        taken = {key for start, key in bound.items() if key and start != q.start and key != bound[q.start]}
        # what a value is compared against is never its subject ("H200与H100…性能是H100的两倍": the H200's)
        pool = mentions
        if q.attribute == "rank" and not mentions:
            # no company or person competes: the country named before the rank does ("日本队…位列第二"),
            # not one it is ranked behind ("third on the medal table, behind China"). (Medal counts are
            # not read so: a sport's or a day's tally of one country would then clash with its total.)
            pool = [m for m in named if m.key in countries_named(text) and m.key != speaker and m.start < q.start]
        own = [m for m in pool if m not in compared and m.key not in taken and not (other and m.key == other.key)]
        if q.attribute not in READINGS and q.unit != "grade":  # "据中央气象署消息，3日7时58分…": its source
            own = [m for m in own if m.key not in AGENCIES]
        if q.attribute == "gap":  # "赖清德领先侯友宜约91.5万票": the leader's lead, not the rival's
            lead = [m for m in own if m.start < q.start and clause[0] <= m.start]
            own = lead[:1] or own
        if q.attribute in PERSONAL:  # "Hou Yu-ih of the Kuomintang (KMT) took 4,671,021 votes": his, not the party's
            own = [m for m in own if m.key.startswith("person:")] or own
        if q.attribute in ("market_share", "rank"):  # a market is the scope of a share or a rank, not its holder
            own = [m for m in own if not m.key.startswith("market:")] or own
        elif q.attribute == "market_size":  # a place's market: "China represented a $30 billion opportunity"
            own = sorted(own + [m._replace(key="market:" + m.key.split(":", 1)[1]) for m in named
                                if m.key.startswith("place:")])
        postposed = _counted_product(own, q, text) or _named_after(own, q, text)  # "10,000 H800 chips", "…on the H100"
        times = out[-1] if out and out[-1].kind == "multiple" and out[-1].relative_to else None
        if times is not None and _TIMES_THE.fullmatch(text, times.end, q.start):
            # "costs four times the 5,999-yuan starting price of the iPhone 16": the iPhone's price
            out.append(replace(q, subject=times.relative_to))
            continue
        lead = text[clause[0]:q.start]
        if (fallback and not postposed and _PRONOUN.search(lead)
                and not any(clause[0] <= m.start < q.start for m in own)):
            out.append(replace(q, subject=fallback, relative_to=other.key if other else None))
            continue
        subject = (_event_object(own, cues, q, clause) if q.kind == "date" else None) or postposed \
            or _nearest_subject(own, q, clauses, text) \
            or _nearest_subject([m for m in spoken if m not in compared and (m.key not in AGENCIES or q.attribute in READINGS
                                                                            or q.unit == "grade")], q, clauses) or fallback
        if (q.kind == "count" and q.attribute is None and not q.unit and subject and subject.startswith("index:")
                and not _INDEX_MOVE.search(text, max(0, q.start - 12), q.start)):
            q = replace(q, attribute="index_level")  # "fell 0.29% to 5,618.26": an index's bare figure is its level
        if q.attribute == "interest_rate" and not subject:  # "the federal funds target range": the Fed's rate
            owner = _RATE_OWNER.search(text[clause[0]:clause[1]]) or _RATE_OWNER.search(text)
            subject = _RATE_OWNERS[owner.lastindex - 1] if owner else None
        if q.attribute == "market_value" and subject and subject.startswith("market:"):
            q = replace(q, attribute="market_size")  # a market has a size, not a market capitalisation
        if q.attribute is None and q.unit == "grade" and _READING.search(text, max(0, q.start - 40), q.start):
            q = replace(q, attribute="magnitude")  # "The US Geological Survey measured it at 7.1": a body's reading
        out.append(replace(q, subject=subject, relative_to=other.key if other else None))
    out = _enumerated(out)
    out = _changes_of_amounts(text, out)
    out = with_scopes(text, out, clauses)
    out = _followed_events(text, out)
    out = _horizons(text, out)
    out = _event_times(text, out, cues, clauses)
    main = next((q.subject for q in out if q.kind != "date" and q.subject), None)
    if main:  # a date without an event of its own is the time of the claim's facts
        out = [replace(q, subject=main) if q.kind == "date" and q.attribute is None else q for q in out]
    return tuple(out)


__all__ = ["PERSONAL", "attach_slots", "clause_around", "clause_span", "is_change", "is_date_of_saying", "is_horizon", "is_time_frame", "CHANGE"]
