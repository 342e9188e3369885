"""Which part of an amount a value measures: the segment words written before its attribute's cue.

"增值服务收入823亿元" and "营销服务收入299亿元" are two revenues of one company, "Domestic games revenue
rose 14%" is not "Tencent's revenue grew 8%", and "Gross profit" is no net profit. The words
standing right before the cue (within its clause, after the subject, the period and any condition
the condition lexicon already names) are the value's scope; two values of one attribute compare
only when their scopes are the same words, and a part never meets the whole. Across scripts the
words cannot be matched ("Marketing services" / "营销服务"), so the two phrases are read by the
pipeline's sentence encoder (``use_encoder``): one part when their vectors are close
(``SCOPE_MATCH``); without an encoder, two scopes in two scripts are kept apart.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Protocol

import numpy as np

from claimwatch.claims.attributes import PREDICATE_FIRST, attribute_mentions, cue_distance
from claimwatch.claims.models import Quantity
from claimwatch.claims.subjects import Mention, subject_mentions

# Amounts that news splits into parts (segments, regions, product lines, accounting bases).
SCOPED = frozenset({"revenue", "net_profit", "gross_profit", "gross_margin", "shipments", "orders", "capex", "rnd_spend",
                    "investment", "buyback", "monthly_active_users", "exports", "imports", "trade_surplus"})

_CHANGED = re.compile(r"_(?:up|down|change)$")
_ZH_RUN = re.compile(r"[\u4e00-\u9fff]{1,12}$")
_ZH_STOP = re.compile(r"其中|实现|录得|取得|获得|创造|完成|达到|(?<![数证依])据|[的为是在和与及、对较比按将已于了共约达其该占下]")
# the period, the whole, the company itself: no part of the amount
_ZH_WHOLE = re.compile(r"我国|全国|本国|月份|[本当上该同](?:季度|财季|财年|年度)|第?[一二三四1-4]季度|[一二三四]季度|季度|第?[一二三四1-4]财季|财季|财年|[上下]半年|全年|年度|本季|当季|单季|同期|今年|去年|前年|上年|本年|当天|当日|"
                       r"分钟内|小时内|天内|周内|月内|年内|之内|分钟|小时|以来|累计|累积|共计|总共|一共|"
                       r"每年|每月|每季|年|月|集团|公司|项目|工程|计划|预计|预期")
# words that make a part its total ("游戏业务总收入": the games total) or the company's whole (总营收)
_ZH_TOTAL = re.compile(r"合并|合计|总计|整体|总额|总|价格|金额|规模|数量|数额|额度")
_ZH_FROM = re.compile(r"来自([\u4e00-\u9fff及和、]{2,16})的\s*$")
_ZH_THIS_PART = re.compile(r"(?:该|此|这一|这个)(?:业务|部门|板块|分部|地区|市场)[\u4e00-\u9fff]{0,4}$")
_BRACKETED = re.compile(r"[(（]([^()（）]{1,40})[)）]\s*$")
_ZH_PERIOD = re.compile(r"(?:截至|截止)?\s*(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日\s*(?:止|为止)?的?(?:季度|财季|年度|三个月|六个月|九个月)?|"
                        r"(?:季度|财季))")  # "截至9月30日止季度", "9月季度" (the September quarter)
_EN_FROM = re.compile(r"\s+from\s+(?:the\s+)?((?:mainland\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*"
                      r"(?:,?\s+(?:and|&|including)\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)?)")
_EN_TO = re.compile(_EN_FROM.pattern.replace("from", "(?:to|from)", 1))
_NAMED_GROUP = re.compile(r"[A-Z][a-z]+\s+$")  # a capitalised word right before "Group"
_EN_HEADS = frozenset("line lines unit units division divisions segment segments business businesses arm operations".split())
_ZH_HEADS = re.compile(r"业务|板块|部门|分部|条线|集团|终端")  # 移动终端: the mobile side
# one market named in other words ("home-market games" / "domestic games"; 本土市场游戏 / 国内游戏)
_EN_SAME = {"home": "domestic", "home-market": "domestic", "overseas": "international", "foreign": "international"}
# (国内 and "domestic" are conditions, compared as such: see claims/conditions.py)
_ZH_MARKETS = {"本土市场": "本土", "国内市场": "本土", "境内": "本土",
               "海外市场": "海外", "国际市场": "海外", "境外": "海外"}
_ZH_SAME = re.compile("|".join(sorted(_ZH_MARKETS, key=len, reverse=True)))
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z&-]*(?:'s|’s)?")
_EN_STOP = frozenset("""the its their his her a an of in on for and to at with from by was were is are be been has have
had that which who said says reported posted grew rose fell climbed increased decreased dropped jumped while as than
whose this these those it they we our company company's group group's total overall combined consolidated
expects expected expect plans planned plan forecast forecasts sees saw projected projects estimated estimates raised
cut lifted boosted booked generated recorded made earned logged annual per each every will would could
may might can shall should must intends intend aims aim wants want corrects corrected correcting updates updated
revises revised restates restated thousand million billion trillion mln bn people persons""".split())
_EN_WHOLE = re.compile(r"^(?:q[1-4]|(?:first|second|third|fourth)-quarter|quarterly|quarter|annual|full-year|"
                       r"half-year|first-half|second-half|year|yearly|monthly|july-september|april-june|"
                       r"january-march|october-december|market|"
                       r"january|february|march|april|may|june|july|august|september|october|november|december|"
                       r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"  # "China's October exports": when, no part
                       r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                       r"today|yesterday|daily|weekly)$", re.IGNORECASE)


def _from_conditions(words: str) -> str:
    from claimwatch.claims.conditions import strip_conditions  # conditions import slots, which import this
    return strip_conditions(words)


_ZH_UNIT_ONLY = re.compile(r"(?:万亿|亿|万|千)?(?:美元|港元|日元|欧元|英镑|人民币|元)|万亿|亿|万")


def scope_before(text: str, cue: Mention, start: int, names: tuple[Mention, ...]) -> str:
    """The scope words between ``start`` (the clause's start) and ``cue``, normalised; "" for none."""
    names = tuple(m for m in names if start <= m.start < cue.start)
    lo = max([start, *(m.end for m in names)])
    lead = re.sub(r"^(?:'s|’s)", "", text[lo:cue.start])  # "Tencent's marketing services revenue"
    bracket = _BRACKETED.search(lead)
    if bracket:  # "advertising (marketing services) revenue": the name in brackets is the formal one
        lead = bracket.group(1)
    if text[cue.start:cue.end].isascii():
        words: list[str] = []
        end = len(lead)
        for w in reversed(list(_EN_WORD.finditer(lead))):
            if w.group(0) == "Group" and words == [] and _NAMED_GROUP.search(lead, 0, w.start()):
                end = w.start()  # "Cloud Intelligence Group revenue": a business group of the company, a part
                continue
            if lead[w.end():end].strip() or w.group(0).lower() in _EN_STOP or w.group(0).endswith(("'s", "’s")) \
                    or _EN_WHOLE.match(w.group(0)):
                break  # only the words right before the cue, up to a function word, the subject or the period
            if w.group(0).lower() not in _EN_HEADS:  # "the Ascend line", "the cloud business": the thing itself
                words.append(w.group(0).lower())
            end = w.start()
        return _from_conditions(" ".join(_EN_SAME.get(w, w) for w in reversed(words)))
    source = _ZH_FROM.search(text, start, cue.start)
    if source:  # "来自中国大陆及香港地区的营收": the revenue from a region is a part of the whole
        return source.group(1)
    if _ZH_THIS_PART.search(lead):  # "该业务当季营收": a part named in an earlier sentence
        return "该业务"
    lead = _ZH_PERIOD.sub("", lead)  # "云智能集团截至9月30日止季度收入": the period between the part and its cue
    m = _ZH_RUN.search(lead)
    if not m:
        return ""
    run = m.group(0)
    stop = max((x.end() for x in _ZH_STOP.finditer(run)), default=0)
    run = run[stop:]
    if _ZH_UNIT_ONLY.fullmatch(run):  # "约占当月3090.6亿美元出口总额": the amount's unit, not a part of the exports
        return ""
    if run.endswith("市场"):  # "中国智能手机市场出货量": the market's, the whole (本土市场游戏收入 is a part)
        return ""
    # 集团 after a name is a business group, a part ("云智能集团收入"); alone it is the company ("集团收入")
    whole = max((x.end() for x in _ZH_WHOLE.finditer(run) if not (x.group(0) == "集团" and x.start() >= 2)), default=0)
    run = _ZH_TOTAL.sub("", _ZH_HEADS.sub("", run[whole:]))
    return _from_conditions(_ZH_SAME.sub(lambda m: _ZH_MARKETS[m.group(0)], run))


_ZH_TOWARD = re.compile(r"(?:对|向|自|从)\s*$")
_ZH_SHORT_MARKETS = {"美": "place:us", "日": "place:japan", "韩": "place:korea", "英": "place:uk", "俄": "place:russia",
                     "欧": "place:eu"}
_ZH_SHORT_MARKET = re.compile(r"(?:对|向|自|从)([美日韩英俄欧])$")
_EN_TOWARD = re.compile(r"\s+(?:to|from|with)\s+(?:the\s+)?$")


def _destination(text: str, cue: Mention, names: tuple[Mention, ...]) -> str:
    """The market a trade flow goes to or comes from, as its subject key ("to place:us"): a place
    named right before a Chinese cue after 对/向 (对美国出口), or right after an English one after
    to/from (exports to the United States); "" for none."""
    short = _ZH_SHORT_MARKET.search(text, max(0, cue.start - 2), cue.start)
    if short is not None:  # 对美出口, 对欧出口: a market written with one character
        return "to " + _ZH_SHORT_MARKETS[short.group(1)]
    for m in names:
        if not m.key.startswith("place:"):  # countries, and the EU and ASEAN as markets
            continue
        if m.end == cue.start and _ZH_TOWARD.search(text, max(0, m.start - 2), m.start):
            return "to " + m.key
        if m.start > cue.end and m.start - cue.end <= 10 and _EN_TOWARD.fullmatch(text[cue.end:m.start]):
            return "to " + m.key
    return ""


def _sentence_start(text: str, at: int) -> int:
    """Where the English sentence holding offset ``at`` begins."""
    return max((m.end() for m in re.finditer(r"[.;!?]\s", text[:at])), default=0)


# A business unit that is the subject of the verb before the cue: "Alibaba's Local Services Group grew
# revenue 14%", "… Digital Commerce Group, which runs AliExpress, increased revenue 29%"
_EN_UNIT = re.compile(r"((?:[A-Z][\w&-]*\s+){1,4})(?:Group|Division|Unit|Segment)\b(?:,[^,.;]{1,80},)?\s+"
                      r"(?:\w+\s+){0,1}(?:grew|increased|lifted|boosted|raised|posted|reported|booked|generated|recorded|"
                      r"saw|had|cut|lost)\s+(?:its\s+|their\s+)?(?:\w+\s+)?$")


def _acting_unit(text: str, cue: Mention, names: tuple[Mention, ...]) -> str:
    """The business unit whose verb governs the cue, lowercased, when a named company or a possessive
    stands right before it ("Acme's Home Appliances Group"; "Acme Group" is the company itself); ""
    for none."""
    start = _sentence_start(text, cue.start)
    for found in _EN_UNIT.finditer(text, start, cue.start):
        # the company: a name opening the run ("Acme Overseas Retail Group") or right before it ("Acme's …")
        owner = next((m for m in names if found.start(1) <= m.start < found.end(1) or 0 <= found.start(1) - m.end <= 3), None)
        possessive = re.search(r"(?:'s|’s)\s+$", text[start:found.start(1)]) is not None
        if owner is None and not possessive:
            continue
        lead = text[max(owner.end, found.start(1)):found.end(1)] if owner else found.group(1)
        return _from_conditions(" ".join(w.lower() for w in re.sub(r"^(?:'s|’s)", "", lead.strip()).split()))
    return ""


# A part that "accounted for" an amount of the whole: "China, including Hong Kong, accounted for about $5.4
# billion of revenue" is China's revenue, a part
_CONTRIBUTED = re.compile(r"\b(?:accounted for|made up|contributed|brought in)\s+(?:about|roughly|nearly|around|some|almost|"
                          r"more than|less than)?\s*$", re.IGNORECASE)
_PRONOUNS = frozenset("it this that they these those which".split())
_OF_WHOLE = re.compile(r"\s+of\s+(?:the\s+)?(?:\w+(?:'s|’s)\s+|its\s+|their\s+|total\s+|overall\s+)?$", re.IGNORECASE)


def _contributor(text: str, q: Quantity, cue: Mention) -> str:
    """The part whose share of the whole the value is ("X accounted for $5.4 billion of revenue"): the
    capitalised words the sentence opens with, lowercased; "" when the value is not read so."""
    verb = _CONTRIBUTED.search(text, 0, q.start) if q.end <= cue.start and _OF_WHOLE.fullmatch(text, q.end, cue.start) else None
    if verb is None:
        return ""
    words = text[_sentence_start(text, verb.start()):verb.start()].split(",")[0].split()
    if not 0 < len(words) <= 4 or not words[0][:1].isupper() or words[0].lower() in _PRONOUNS:
        return ""  # ("It accounted for …": what it is was said before)
    return " ".join(w.lower() for w in words)


def with_scopes(text: str, values: list[Quantity], clauses: list[tuple[int, int]]) -> list[Quantity]:
    """``values`` with ``scope`` set for those of a scoped attribute; a rise or fall of such an amount
    ("营销服务收入299亿元，同比增长17%") takes the amount's scope."""
    cues = attribute_mentions(text)
    names = subject_mentions(text)
    out = list(values)
    for n, q in enumerate(out):
        base = _CHANGED.sub("", q.attribute or "")  # revenue_up: a rise of revenue
        if base not in SCOPED:
            continue
        lo, hi = next(((a, b) for a, b in clauses if a <= q.start < b), (0, len(text)))
        own = [c for c in cues if c.key == base and lo <= c.start and c.end <= hi and not (c.start < q.end and q.start < c.end)]
        if not own and PREDICATE_FIRST.match(text, lo):  # "Net buyback this year, after …, stands at HK$91.6 billion"
            earlier = [c for c in clauses if c[1] <= lo][-2:]
            for a, b in reversed(earlier):
                own = [c for c in cues if c.key == base and a <= c.start and c.end <= b]
                if own:
                    lo = a
                    break
        if own:
            cue = min(own, key=lambda c: cue_distance(q, c))
            scope = scope_before(text, cue, lo, names)
            if base in ("exports", "imports", "trade_surplus"):
                destination = _destination(text, cue, names)
                if destination:  # "对美国出口", "exports to the United States", 对美贸易顺差: the flow with one market
                    out[n] = replace(q, scope=destination)
                    continue
            toward = _EN_TO if base in ("exports", "imports") else _EN_FROM  # "exports to the US", "revenue from China"
            source = toward.match(text, cue.end) if not scope and text[cue.start:cue.end].isascii() else None
            if not scope and source is None and text[cue.start:cue.end].isascii():
                scope = _acting_unit(text, cue, names) or _contributor(text, q, cue)
            # "revenue from mainland China and Hong Kong": like 来自…的, a part of the whole
            out[n] = replace(q, scope=source.group(1).lower() if source else scope)
            continue
        amount = next((p for p in reversed(out[:n]) if p.scope is not None and p.attribute == base), None)
        if amount is not None:
            out[n] = replace(q, scope=amount.scope)
    return out


# one-character qualifiers the encoder reads poorly against their English word (净 / "net": 0.59)
_GLOSSARY = {"净": "net"}
SCOPE_MATCH = 0.65  # cosine of two scopes' vectors, across scripts, for one part ("营销服务" / "marketing services")
_encoder: Encoder | None = None


class Encoder(Protocol):
    def embed(self, texts: list[str]) -> np.ndarray: ...


def use_encoder(encoder: Encoder | None) -> None:
    """The sentence encoder that reads scopes across scripts (the pipeline sets its embedder)."""
    global _encoder
    if encoder is not _encoder:
        _encoder = encoder
        _vector.cache_clear()


@lru_cache(maxsize=4096)
def _vector(scope: str) -> np.ndarray | None:
    if _encoder is None:
        return None
    v = np.asarray(_encoder.embed([scope])[0], dtype=np.float32)
    n = float(np.linalg.norm(v))
    return v / n if n else None


def same_scope(a: str, b: str) -> bool:
    """Two scopes name one part: the same words; across scripts, where words cannot be matched, two
    parts whose phrases the encoder reads as one ("国际市场游戏" / "international games"). A part never
    meets the whole ("Domestic games revenue" is not 营收)."""
    if a == b or _GLOSSARY.get(a, a) == _GLOSSARY.get(b, b):
        return True
    if not a or not b or a.isascii() == b.isascii():
        return False
    va, vb = _vector(a), _vector(b)
    return va is not None and vb is not None and float(va @ vb) >= SCOPE_MATCH


__all__ = ["SCOPED", "SCOPE_MATCH", "same_scope", "scope_before", "use_encoder", "with_scopes"]
