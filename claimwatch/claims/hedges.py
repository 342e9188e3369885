"""How firmly a claim is asserted: hedge cues (有消息称, reportedly), negation cues (不包括, not) and
evaluative cues that make a claim an opinion (英明之举, a shrewd move) rather than a checkable fact."""

from __future__ import annotations

import re
from functools import lru_cache

_HEDGES_ZH = ("有消息称", "据传", "传闻", "传言", "据悉", "消息人士", "预计", "可能", "或将", "或许", "有望", "市场预期",
              "有观点认为", "有分析认为", "据报道", "有报道称", "消息称", "拟", "预期", "预测", "推算", "估算", "估计",
              "计划", "即便", "即使", "恐将", "不排除", "或将", "或达", "或超", "或冲至", "或为")
_HEDGES_EN = ("reportedly", "rumoured", "rumored", "could", "may", "might", "would", "estimated", "estimates", "estimate",
              "expects", "expected", "forecast", "forecasts", "projected", "aims to", "unclear", "unlikely",
              "likely to", "expected to", "analysts say",
              "according to people familiar", "people familiar with", "is said to", "are said to", "sources say",
              "likely", "possibly", "plans to", "is set to")
_NEGATIONS_ZH = ("不包括", "不包含", "除外", "未", "没有", "并非", "并不", "并未", "不在", "不是", "不会", "不及", "不知",
                 "否认", "禁止", "不允许", "排除")
_NEGATIONS_EN = ("not", "cannot", "can't", "no longer", "denied", "denies", "deny", "excluded", "excluding", "except", "never", "none", "isn't", "aren't",
                 "won't", "doesn't", "don't", "didn't", "wasn't", "weren't", "without", "barred")
# Evaluation, judgement and sentiment: what a reader cannot check against another outlet.
_OPINIONS_ZH = ("无疑", "毫无疑问", "英明", "精明", "明智", "高明", "愚蠢", "错误的决定", "大势所趋", "遥遥领先", "令人失望",
                "令人振奋", "令人担忧", "堪称", "不意味着", "并不意味着", "意义重大", "值得肯定", "值得警惕", "一步好棋",
                "一步棋", "妙招", "败笔", "火箭燃料", "史诗级", "赢麻了", "应该", "应当", "理应")
_OPINIONS_EN = ("bold", "shrewd", "wise", "unwise", "brilliant", "smart move", "mistake", "blunder", "disaster",
                "disastrous", "reckless", "hollow out", "critics argue", "argue", "argues", "in our view", "we believe",
                "should", "ought to", "doesn't mean", "does not mean", "undoubtedly", "clearly", "good news", "bad news",
                "impressive", "disappointing", "remarkable", "game changer", "game-changer", "rocket fuel")
_EN_WORD = {cue: re.compile(rf"\b{re.escape(cue)}\b", re.IGNORECASE) for cue in _HEDGES_EN + _NEGATIONS_EN + _OPINIONS_EN}
_EN_WORD["may"] = re.compile(r"\bmay\b")  # the modal; "May" the month is capitalised
# Words that contain a cue without meaning it: 模拟 (analog), 未来 (future), 不排除 (does not rule out), 或者 (or).
_NOT_A_CUE = {"拟": ("模拟", "虚拟", "拟人", "拟议"), "未": ("未来",), "排除": ("不排除",), "或": ("或者", "或是", "或许"),
              "不在": ("不在乎",)}


def _find_zh(text: str, cue: str) -> int:
    """First position of ``cue`` that is not inside a word that only contains it."""
    at = text.find(cue)
    while at >= 0:
        if not any(text.startswith(word, at - word.index(cue)) for word in _NOT_A_CUE.get(cue, ())):
            return at
        at = text.find(cue, at + 1)
    return -1


def _first_cue(text: str, zh: tuple[str, ...], en: tuple[str, ...]) -> str | None:
    best: tuple[int, str] | None = None
    for cue in zh:
        at = _find_zh(text, cue)
        if at >= 0 and (best is None or (at, -len(cue)) < (best[0], -len(best[1]))):
            best = (at, cue)
    for cue in en:
        m = _EN_WORD[cue].search(text)
        if m and (best is None or (m.start(), -len(cue)) < (best[0], -len(best[1]))):
            best = (m.start(), cue)  # the longest cue at the first position: "expected to" over "expected"
    return best[1] if best else None


def find_hedge(text: str) -> str | None:
    """The first hedge cue in ``text`` (``"有消息称"``, ``"reportedly"``), or None for a flat statement."""
    return _first_cue(text, _HEDGES_ZH, _HEDGES_EN)


def find_negation(text: str) -> str | None:
    """The first negation cue in ``text`` (``"不包括"``, ``"not"``), or None."""
    return _first_cue(text, _NEGATIONS_ZH, _NEGATIONS_EN)


@lru_cache(maxsize=65536)
def find_opinion(text: str) -> str | None:
    """The first evaluative cue in ``text`` (``"英明"``, ``"a shrewd move"``): an opinion, not a fact, or None."""
    return _first_cue(text, _OPINIONS_ZH, _OPINIONS_EN)


__all__ = ["find_hedge", "find_negation", "find_opinion"]
