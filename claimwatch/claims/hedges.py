"""How firmly a claim is asserted: hedge cues (有消息称, reportedly), negation cues (不包括, not) and
evaluative cues that make a claim an opinion (英明之举, a shrewd move) rather than a checkable fact."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from claimwatch.claims.expectations import OUTCOME
from claimwatch.claims.models import CACHE_SIZE

_HEDGES_ZH = ("有消息称", "据传", "传闻", "传言", "据悉", "消息人士", "预计", "可能", "或将", "或许", "有望", "市场预期",
              "有观点认为", "有分析认为", "据报道", "有报道称", "消息称", "拟", "预期", "预测",
              "计划", "即便", "即使", "恐将", "不排除", "或将", "或达", "或超", "或冲至", "或为", "知情人士", "据称", "报道称",
              "业内人士透露", "接近", "预估", "传闻称", "有媒体报道", "或许", "恐怕", "料将", "有待",
              "指引为", "指引区间", "如果", "若", "假如", "倘若", "假设",  # a condition, what holds only if it is met
              "主张", "呼吁", "希望", "的目标",  # a position argued for: "她主张降息25个基点" is no cut of 25
              "点阵图", "预测中值")
_HEDGES_EN = ("reportedly", "rumoured", "rumored", "people familiar", "sources said", "is said to", "allegedly", "could", "may", "might",
              "expect", "expects", "expected", "forecast", "forecasts", "projected", "aims to", "unclear", "unlikely",
              "likely to", "expected to", "analysts say",
              "according to people familiar", "people familiar with", "is said to", "are said to", "sources say",
              "likely", "possibly", "plans to", "is set to", "guidance", "guided", "outlook", "if",
              "wanted", "argued for", "favored", "favoured", "preferred", "called for", "pushed for",
              "projection", "projections", "dot plot")  # officials' projections of a rate are forecasts
_NEGATIONS_ZH = ("不包括", "不包含", "除外", "未", "没有", "并非", "并不", "并未", "不在", "不是", "不会", "不及", "不知",
                 "否认", "禁止", "不允许", "排除", "不再", "无法", "未能", "尚未", "暂未", "从未", "停止", "取消",
                 "不配备", "不搭载", "不支持", "不提供", "不含", "不能", "不得", "不可", "不适用", "不涉及", "不予",
                 "暂无", "并无", "均无", "无人")  # 暂无人员伤亡: none so far
_NEGATIONS_EN = ("not", "cannot", "can't", "no longer", "denied", "denies", "deny", "excluded", "excluding", "except", "never", "none", "isn't", "aren't",
                 "won't", "doesn't", "don't", "didn't", "wasn't", "weren't", "without", "barred", "no one", "nobody",
                 "yet to", "no")  # "has yet to send back any images": not so far; "no tsunami waves were observed"
# Evaluation, judgement and sentiment: what a reader cannot check against another outlet.
_OPINIONS_ZH = ("无疑", "毫无疑问", "英明", "精明", "明智", "高明", "愚蠢", "错误的决定", "大势所趋", "遥遥领先", "令人失望",
                "令人振奋", "令人担忧", "堪称", "不意味着", "并不意味着", "意义重大", "值得肯定", "值得警惕", "一步好棋",
                "一步棋", "妙招", "败笔", "火箭燃料", "史诗级", "赢麻了", "应该", "应当", "理应", "令人遗憾", "遗憾",
                "难以为继", "应尽早", "一纸空文", "透支", "错误", "荒谬", "可笑", "可惜", "过于乐观", "过度", "泡沫")
_OPINIONS_EN = ("bold", "shrewd", "wise", "unwise", "brilliant", "smart move", "mistake", "blunder", "disaster",
                "disastrous", "reckless", "hollow out", "critics argue", "argue", "argues", "in our view", "we believe",
                "should", "ought to", "doesn't mean", "does not mean", "undoubtedly", "clearly", "good news", "bad news",
                "impressive", "disappointing", "remarkable", "game changer", "game-changer", "rocket fuel")
# Words that contain a cue without meaning it: 模拟 (analog), 未来 (future), 不排除 (does not rule out), 或者 (or).
_NOT_A_CUE = {"拟": ("模拟", "虚拟", "拟人", "拟议"), "未": ("未来",), "排除": ("不排除",), "或": ("或者", "或是", "或许"),
              "不得": ("不得不",), "不能": ("不能不",), "不可": ("不可逆", "不可或缺", "不可避免", "不可思议", "不可小觑", "不可替代"),
              "不在": ("不在乎",), "无人": ("无人机", "无人驾驶", "无人区", "无人值守"), "计划": ("的计划", "奖励计划", "激励计划", "持股计划", "期权计划"), "若": ("若干",)}
# An expectation compared against ("好于市场预期", "低于此前预计的", "beat forecasts") is a fact about the
# outcome, not a hedge (expectations.OUTCOME); a rumour denied ("否认了…传闻") is a denial.
_DENIED_RUMOUR = re.compile(r"否认[^，。,]*(?:传闻|传言|说法|消息|报道)")


@cache
def _patterns(zh: tuple[str, ...], en: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """One alternation per script, longest cue first, so one search finds the leftmost-longest cue."""
    zh_re = re.compile("|".join(re.escape(c) for c in sorted(zh, key=len, reverse=True)))
    en_re = re.compile("|".join(rf"\b{re.escape(c)}\b" for c in sorted(en, key=len, reverse=True)), re.IGNORECASE)
    return zh_re, en_re, {c.lower(): c for c in en}


def _excluded(text: str, at: int, cue: str) -> bool:
    """True when the cue at ``at`` sits inside a word that only contains it (未 in 未来), or is 计划
    as a noun ending its phrase ("第二轮洪灾援助计划，金额为…": a plan adopted, not a plan to do)."""
    if cue == "计划" and _PLAN_NOUN.match(text, at + len(cue)):
        return True
    if cue == "接近" and not _INSIDERS.match(text, at + len(cue)):
        return True  # "接近当地一年的降雨量", "接近日本队的四倍": nearly, no source close to anyone
    if cue.lower() in _CONDITIONS and _CONTRACT_FEE.search(text):
        return True  # "若交易因监管原因失败，需支付5.65亿美元分手费": a term of the deal, no hypothesis
    return any(text.startswith(word, at - word.index(cue)) for word in _NOT_A_CUE.get(cue, ()))


# A fee a contract owes on a condition (a deal that fails, a contract ended early) is one of its terms: the
# condition says when it is paid, not whether the figure holds
_CONDITIONS = frozenset({"如果", "若", "假如", "倘若", "if"})
_CONTRACT_FEE = re.compile(r"分手费|解约费|终止费|违约金|\b(?:break-?up|reverse termination|termination|break)\s+fee\b",
                           re.IGNORECASE)


# "no" that denies nothing: a bound ("no more than 5%"), a deadline ("no later than May"), a rank
# ("No. 1"); nor does "one or no copies", a count that may be nought.
_NO_DENIES_NOTHING = re.compile(r"\s+(?:more|less|fewer|later|earlier|sooner|greater|higher|lower|doubt|matter)\b|\.?\s*\d|\.")
_INSIDERS = re.compile(r"[^，。；,;]{0,16}?(?:人士|消息人士|的人|知情)")  # "接近交易的人士": sources close to it
_PLAN_NOUN = re.compile(r"[，。；、,;（(”\"]|$|的|中|内|已|获")


def _first(pattern: re.Pattern[str], text: str, accept) -> re.Match[str] | None:
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        if accept(m):
            return m
        pos = m.start() + 1
    return None


def _first_cue(text: str, zh: tuple[str, ...], en: tuple[str, ...]) -> str | None:
    zh_re, en_re, canonical = _patterns(zh, en)
    a = _first(zh_re, text, lambda m: not _excluded(text, m.start(), m.group(0))) if zh else None
    b = _first(en_re, text, lambda m: (m.group(0) == "may" or m.group(0).lower() != "may") and not _excluded(text, m.start(), m.group(0))
               and not (m.group(0).lower() == "no" and (_NO_DENIES_NOTHING.match(text, m.end())
                                                        or text.endswith("or ", 0, m.start())))) if en else None
    # the longest cue at the first position: "expected to" over "expected"; "May" the month is no cue
    best = min((m for m in (a, b) if m), key=lambda m: (m.start(), -len(m.group(0))), default=None)
    if best is None:
        return None
    return best.group(0) if best is a else canonical[best.group(0).lower()]


def find_hedge(text: str) -> str | None:
    """The first hedge cue in ``text`` (``"有消息称"``, ``"reportedly"``), or None for a flat statement."""
    text = _DENIED_RUMOUR.sub("否认", OUTCOME.sub("", text))
    return _first_cue(text, _HEDGES_ZH, _HEDGES_EN)


# Declining to comment denies nothing: it is no statement at all ("Huawei did not respond to a
# request for comment", "公司未作置评").
NO_COMMENT = re.compile(r"(?:declined|refused|did\s+not|didn't|does\s+not|doesn't|would\s+not|wouldn't|has\s+not|hasn't|"
                        r"have\s+not|haven't|had\s+not|hadn't)\s+"
                        r"(?:immediately\s+|yet\s+|publicly\s+)?(?:to\s+)?(?:comment(?:ed)?|respond(?:ed)?|repl(?:y|ied))(?:\s+(?:to|on)\s+[^,.;]*?(?:comment|request|inquir|question)\w*)?"
                        r"|could\s+not\s+(?:immediately\s+)?be\s+reached(?:\s+for\s+comment)?|no\s+comment"
                        r"|(?:未|不|拒绝|没有|并未|暂未|尚未)(?:予|作|做|对此)?(?:置评|评论|回应|回复|表态)", re.IGNORECASE)


def find_negation(text: str) -> str | None:
    """The first negation cue in ``text`` (``"不包括"``, ``"not"``), or None. Falling short of
    expectations (未能达到市场预期) is an outcome (claims/expectations.py), not a denial."""
    return _first_cue(OUTCOME.sub("", text), _NEGATIONS_ZH, _NEGATIONS_EN)


def declines_comment(text: str) -> bool:
    """``text`` says someone declined to comment (``NO_COMMENT``): a negation that denies nothing,
    and a statement that states nothing."""
    return NO_COMMENT.search(text) is not None


@lru_cache(maxsize=CACHE_SIZE)
def find_opinion(text: str) -> str | None:
    """The first evaluative cue in ``text`` (``"英明"``, ``"a shrewd move"``): an opinion, not a fact, or None."""
    return _first_cue(text, _OPINIONS_ZH, _OPINIONS_EN)


__all__ = ["NO_COMMENT", "declines_comment", "find_hedge", "find_negation", "find_opinion"]
