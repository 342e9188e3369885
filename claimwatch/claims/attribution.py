"""Who a claim is attributed to: reported speech (黄仁勋曾表示…, 据路透社报道, according to Bernstein).

Returns the speaker's canonical subject id (via the alias table), an ``anon:*`` id for unnamed
sources (媒体, 知情人士, analysts…), or None for a statement made in the outlet's own voice.
"""

from __future__ import annotations

import re

from claimwatch.claims.subjects import FRAMING, find_subjects

_ZH_CUE = re.compile(r"(?:曾|还|也|则|已|8月|今年)?(?:表示|称|声称|指出|认为|宣布|预测|预计|估算|推算|报道|分析|澄清|回应|"
                     r"否认|透露|提到|强调|说|援引|发布)")
_ZH_ACCORDING = re.compile(r"(?:据|根据|援引)(?P<who>[^，,。；;]{1,20}?)(?:的)?(?:报道|分析|估算|推算|数据|消息|预测|统计)")
_EN_ACCORDING = re.compile(r"\baccording to (?P<who>[^,.;]{2,60})", re.IGNORECASE)
_EN_SAID = re.compile(r"\b(?:said|says|told|announced|expects|estimates|forecast|forecasts|reported|reports|"
                      r"denied|claims|argues|warned)\b")
_ANON = [("知情人士", "anon:people-familiar"), ("people familiar", "anon:people-familiar"),
         ("业内人士", "anon:industry-insiders"), ("分析师", "anon:analysts"), ("analysts", "anon:analysts"),
         ("媒体", "anon:media"), ("报道称", "anon:media"), ("官员", "anon:officials"), ("officials", "anon:officials"),
         ("市场", "anon:market"), ("sources", "anon:sources"), ("有观点", "anon:commentators")]


def _speaker(fragment: str) -> str | None:
    named = [s for s in find_subjects(fragment) if s not in FRAMING and not s.startswith("product:")]
    if named:
        # the name closest to the cue speaks: it stands last in the fragment
        return max(named, key=lambda s: _last_position(fragment, s))
    lowered = fragment.lower()
    for word, key in _ANON:
        if word in lowered:
            return key
    return None


def _last_position(fragment: str, subject: str) -> int:
    return max((m.start() for m in re.finditer(re.escape(subject.split(":", 1)[1]), fragment, re.IGNORECASE)),
               default=len(fragment) // 2)


def find_attribution(text: str) -> str | None:
    """The speaker a claim reports, or None when the outlet states it in its own voice."""
    m = _ZH_ACCORDING.search(text) or _EN_ACCORDING.search(text)
    if m:
        return _speaker(m["who"]) or "anon:unnamed"
    m = _ZH_CUE.search(text)
    if m and m.start() <= 30:
        return _speaker(text[: m.start()])
    m = _EN_SAID.search(text)
    if m:
        return _speaker(text[: m.start()]) or _speaker(text[m.end():m.end() + 40])
    return None


__all__ = ["find_attribution"]
