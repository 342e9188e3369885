"""Who a claim is attributed to: reported speech (黄仁勋曾表示…, 据路透社报道, according to Bernstein).

Returns the speaker's canonical subject id (via the alias table), an ``anon:*`` id for unnamed
sources (媒体, 知情人士, analysts…), or None for a statement made in the outlet's own voice.
"""

from __future__ import annotations

import re

from claimwatch.claims.subjects import subject_mentions
from claimwatch.claims.words import is_whole_word, word_edges

# Speech verbs; a forecast (预计, expects) is the speaker's own claim only with a speaker we can name.
_ZH_CUE = re.compile(r"(?:曾|还|也|则|已|并|均|\d{1,2}月|今年)?(?:表示|称|声称|宣称|指出|认为|宣布|报道|澄清|回应|否认|透露|提到|强调|"
                     r"说|援引|警告|坦言|直言|写道|显示|预估|证实|承认)")
_ZH_FORECASTER = re.compile(r"(?P<who>分析师|分析人士|经济学家|机构|券商|业内人士|市场人士|投行)(?:普遍|此前|多)?"
                            r"(?:预计|预测|估算|推算|预期|估计|预估)")
_ZH_RUMOUR = re.compile(r"^(?:有消息称|消息称|传闻称|据传|有传言称|消息人士称|有媒体报道称?)")
_ZH_ACCORDING = re.compile(r"(?:据|根据|援引)(?P<who>[^，,。；;]{1,20}?)(?:的)?(?:报道|分析|估算|推算|数据|消息|预测|统计)")
_EN_ACCORDING = re.compile(r"\baccording to (?P<who>[^,.;]{2,60})", re.IGNORECASE)
_EN_VERB = (r"(?:said|says|told [A-Za-z]+|announced|reported|reports|wrote|warned|claimed|claims|denied|argued|argues|"
            r"argue|noted|added|estimated|estimate|estimates|expect|predicted|predict|confirmed)")
_EN_SAID = re.compile(rf"\b{_EN_VERB}\b")
# "…, Reuters reported." / "…, a distributor claimed." / "…, analysts estimate."
_EN_TRAILING = re.compile(rf",\s*(?P<who>[^,]{{1,60}}?)\s+{_EN_VERB}\b[^,]*$")
_ANON = [("知情人士", "anon:people-familiar"), ("people familiar", "anon:people-familiar"),
         ("业内人士", "anon:industry-insiders"), ("分析师", "anon:analysts"), ("分析人士", "anon:analysts"),
         ("analysts", "anon:analysts"), ("analyst", "anon:analysts"), ("经销商", "anon:dealers"),
         ("分销商", "anon:dealers"), ("dealers", "anon:dealers"), ("distributor", "anon:dealers"),
         ("批评者", "anon:critics"), ("批评人士", "anon:critics"), ("critics", "anon:critics"),
         ("前官员", "anon:former-officials"), ("former official", "anon:former-officials"),
         ("媒体", "anon:media"), ("报道称", "anon:media"), ("官员", "anon:officials"), ("officials", "anon:officials"),
         ("official", "anon:officials"), ("券商", "anon:brokers"), ("投行", "anon:brokers"), ("机构", "anon:institutions"),
         ("市场", "anon:market"), ("sources", "anon:sources"), ("有观点", "anon:commentators")]


def _speaker(fragment: str) -> str | None:
    named = [m for m in subject_mentions(fragment) if not m.key.startswith(("place:", "product:", "market:"))]
    if named:
        return max(named, key=lambda m: (m.end, m.key)).key  # the name closest to the cue speaks: the last one
    lowered = fragment.lower()
    for word, key in _ANON:
        if word in lowered:
            return key
    return _unknown_speaker(fragment)


_LEADING = re.compile(r"^[\s,，:：]*(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:，|,)?\s*(?:另外|此外|同时|而|但)?")


def _unknown_speaker(fragment: str) -> str | None:
    """A speaker the alias table does not know ("国际能源署", "bankers"), kept as written."""
    name = _LEADING.sub("", fragment).strip(" ，,。:：\"“”")
    if not name or len(name) > 24 or re.search(r"[，,。；;]", name):
        return None
    return "speaker:" + name


def _zh_speech(text: str) -> re.Match[str] | None:
    """The first speech verb near the start that ends a word, and a one-character verb must be a
    word of its own (说 is none in 游说; 报道 ends 媒体报道)."""
    for m in _ZH_CUE.finditer(text):
        if m.start() > 30:
            return None
        verb = m.group(0).lstrip("曾还也则已并均今年0123456789月")
        start = m.end() - len(verb)
        if is_whole_word(text, start, m.end()) or (len(verb) > 1 and m.end() in word_edges(text)):
            return m
    return None


_FORECAST_AFTER_NAME = re.compile(r"(?:此前|也|还|则)?(?:预计|预测|预期|估计)|\s+(?:expects|expected|forecasts?|predicts?|"
                                  r"estimates?|projects?)\b")


def _named_forecaster(text: str) -> str | None:
    """"百度预计…", "Biren expects…": a named organisation or person forecasting its own figures."""
    for m in subject_mentions(text):
        if m.key.startswith(("org:", "person:")) and _FORECAST_AFTER_NAME.match(text, m.end):
            return m.key
    return None


def find_attribution(text: str) -> str | None:
    """The speaker a claim reports, or None when the outlet states it in its own voice."""
    m = _ZH_ACCORDING.search(text) or _EN_ACCORDING.search(text)
    if m:
        return _speaker(m["who"]) or "anon:unnamed"
    if _ZH_RUMOUR.match(text):
        return "anon:sources"
    m = _ZH_FORECASTER.search(text)
    if m and m.start() <= 30:
        return _speaker(m["who"])
    if who := _named_forecaster(text):
        return who
    m = _zh_speech(text)
    if m:
        return _speaker(text[: m.start()])
    m = _EN_TRAILING.search(text)
    if m and (who := _speaker(m["who"])):
        return who
    m = _EN_SAID.search(text)
    if m:
        return _speaker(text[: m.start()]) or _speaker(text[m.end():m.end() + 40])
    return None


__all__ = ["find_attribution"]
