"""Find the values a claim states (percentages, money, counts, multiples, dates) and normalise them.

Each value becomes a ``Quantity`` with a unit, an interval ``low``/``high`` that carries the
qualifier (``超过95%`` → [95, ∞), ``约130亿`` → ±5 %, ``7-8万张`` → [7万, 8万]) and the raw span.
"""

from __future__ import annotations

import math
import re

import cn2an

from claimwatch.claims.models import Quantity
from claimwatch.claims.text import fold_width

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_CN_NUM = rf"[{_CN_DIGITS}]+"
_ZH_MAG = {"万亿": 1e12, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4, "千": 1e3}
_EN_MAG = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "mn": 1e6,
           "m": 1e6, "thousand": 1e3, "k": 1e3}
_ZH_MAG_RE = "万亿|千万|百万|亿|万|千"
_EN_MAG_RE = r"\s?(?:trillion|billion|million|thousand)|(?:tn|bn|mn|m|k)(?![A-Za-z])"
_CURRENCY_PREFIX = {"US$": "USD", "$": "USD", "HK$": "HKD", "RMB": "CNY", "¥": "CNY", "€": "EUR"}
_CURRENCY_SUFFIX = [("美元", "USD"), ("港元", "HKD"), ("港币", "HKD"), ("人民币", "CNY"), ("元人民币", "CNY"),
                    ("欧元", "EUR"), ("元", "CNY"), ("dollars", "USD"), ("dollar", "USD"), ("yuan", "CNY"),
                    ("USD", "USD"), ("CNY", "CNY"), ("RMB", "CNY")]
_MEASURE_UNITS = ["TB/s", "GB/s", "TFLOPS", "PFLOPS", "TOPS", "GB", "TB", "MB", "nm", "W", "GHz"]
_COUNT_UNITS = [("张卡", "cards"), ("张", "cards"), ("颗", "chips"), ("块", "cards"), ("股", "shares"),
                ("家", "companies"), ("台", "units"), ("个", "items"), ("人", "people"), ("名", "people"),
                ("cards", "cards"), ("chips", "chips"), ("shares", "shares"), ("units", "units"),
                ("companies", "companies"), ("people", "people"), ("GPUs", "chips")]
_LOWER_BOUND = ("超过", "超", "逾", "至少", "高于", "多于", "不少于", "达到", "more than", "over", "at least",
                "above", "exceeding", "upwards of")
_UPPER_BOUND = ("不到", "不足", "低于", "少于", "最多", "至多", "不超过", "up to", "less than", "under", "below",
                "at most", "no more than")
_APPROX_BEFORE = ("约", "大约", "大概", "近", "接近", "将近", "几乎", "about", "around", "roughly",
                  "approximately", "nearly", "almost", "some", "close to", "an estimated")
_APPROX_AFTER = ("左右", "上下")
_LOWER_AFTER = ("以上", "多", "余", "+")
_UPPER_AFTER = ("以下", "以内")
_APPROX_REL = 0.05

_VALUE = rf"(?:{_NUM})(?:\s?(?:{_ZH_MAG_RE}))?(?:{_EN_MAG_RE})?"
_PREFIX = r"(?:US\$|HK\$|RMB\s?|\$|¥|€)"
_RANGE_SEP = r"\s?(?:-|–|—|~|至|到|to)\s?"
_SUFFIX_UNITS = "|".join(
    re.escape(u) for u in sorted(
        ["%", "个百分点", "percentage points", "percent", "per cent", "倍", "times", "-fold", "x"]
        + [s for s, _ in _CURRENCY_SUFFIX] + _MEASURE_UNITS + [s for s, _ in _COUNT_UNITS],
        key=len, reverse=True,
    )
)
_NUMERIC = re.compile(
    rf"(?<![A-Za-z0-9.])(?P<prefix>{_PREFIX})?(?P<a>{_VALUE})"
    rf"(?:\s?(?P<aunit>%|percent))?"
    rf"(?:(?P<sep>{_RANGE_SEP})(?P=prefix)?(?P<b>{_VALUE}))?"
    rf"\s?(?P<unit>{_SUFFIX_UNITS})?(?![A-Za-z0-9])"
)
_DATE = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})\s?年)?\s?(?:(?P<m>1[0-2]|0?[1-9])\s?月)(?:(?P<d>3[01]|[12]\d|0?[1-9])\s?日)?"
    r"|(?P<y2>(?:19|20)\d{2})\s?年(?P<part>底|初|末|上半年|下半年)?"
)
_CN_FRACTION = re.compile(rf"(?P<den>{_CN_NUM})分之(?P<num>{_CN_NUM})")
_CN_MULTIPLE = re.compile(rf"(?P<n>{_CN_NUM})倍|(?P<half>一半)|(?P<cheng>[一二三四五六七八九])成(?![本功为立员])")
_MODEL_CODE = re.compile(r"[A-Za-z]+\d")


def extract_quantities(text: str, published: str | None = None) -> tuple[Quantity, ...]:
    """All values stated in ``text``, in order; ``published`` (ISO) supplies the year of ``12月5日``."""
    folded = fold_width(text)
    taken: list[tuple[int, int]] = []
    found: list[Quantity] = []
    for q in _dates(folded, published):
        found.append(q)
        taken.append((q.start, q.end))
    for q in _numerics(folded) + _chinese_words(folded):
        if any(q.start < e and s < q.end for s, e in taken):
            continue
        found.append(q)
        taken.append((q.start, q.end))
    found.sort(key=lambda q: q.start)
    return tuple(_with_raw_text(q, text) for q in found)


def _with_raw_text(q: Quantity, original: str) -> Quantity:
    return Quantity(q.kind, q.value, q.unit, q.low, q.high, original[q.start:q.end], q.start, q.end, q.approx)


def _to_number(token: str) -> float:
    """``"1.2万"`` → 12000.0, ``"57 bn"`` → 5.7e10; an English magnitude may follow a Chinese one."""
    token = token.strip()
    mag = 1.0
    m = re.search(r"(trillion|billion|million|thousand|tn|bn|mn|m|k)$", token)
    if m:
        token, mag = token[: m.start()].strip(), _EN_MAG[m.group(1)]
    for name, factor in _ZH_MAG.items():
        if token.endswith(name):
            token, mag = token[: -len(name)].strip(), mag * factor
            break
    return float(token.replace(",", "")) * mag


def _magnitude(token: str) -> float:
    return _to_number(re.sub(_NUM, "1", token, count=1))


def _numerics(text: str) -> list[Quantity]:
    out = []
    for m in _NUMERIC.finditer(text):
        start, end = m.start(), m.end()
        if _MODEL_CODE.match(text, max(0, start - 1)) and start > 0 and text[start - 1].isalpha():
            continue
        if text[end:end + 1] == "]" or (start > 0 and text[start - 1] == "["):
            continue  # citation marker
        unit_text = (m["unit"] or m["aunit"] or "").strip()
        if m["aunit"] and m["b"] is None:
            unit_text, end = m["aunit"], m.end("aunit")  # "5.01%股价": the % is the unit
        kind, unit = _classify(m["prefix"], unit_text)
        a = _to_number(m["a"])
        if m["b"] is not None:
            b = _to_number(m["b"])
            if _magnitude(m["a"]) == 1.0 and _magnitude(m["b"]) != 1.0:
                a *= _magnitude(m["b"])  # "7-8万张": the magnitude is written once
            low, high = min(a, b), max(a, b)
            value = (low + high) / 2
        else:
            value = low = high = a
        if kind == "count" and unit == "" and m["b"] is None and re.fullmatch(r"(?:19|20)\d{2}", m["a"]):
            continue  # a bare year is handled by the date pass or is not a value
        if m["sep"] and m["b"] is None:
            end = m.start("sep")
        end = start + len(text[start:end].rstrip())
        q = Quantity(kind, value, unit, low, high, text[start:end].strip(), start, end)
        out.append(_qualify(q, text))
    return out


def _classify(prefix: str | None, unit_text: str) -> tuple[str, str]:
    if prefix:
        return "money", _CURRENCY_PREFIX[prefix.strip()]
    if unit_text in ("%", "percent", "per cent"):
        return "percent", "%"
    if unit_text in ("个百分点", "percentage points"):
        return "percent", "pp"
    if unit_text in ("倍", "times", "-fold", "x"):
        return "multiple", "x"
    for suffix, code in _CURRENCY_SUFFIX:
        if unit_text == suffix:
            return "money", code
    if unit_text in _MEASURE_UNITS:
        return "measure", unit_text
    for suffix, name in _COUNT_UNITS:
        if unit_text == suffix:
            return "count", name
    return "count", ""


def _qualify(q: Quantity, text: str) -> Quantity:
    """Widen the interval by the qualifier written just before or after the value."""
    before = text[max(0, q.start - 12):q.start].rstrip().lower()
    after = text[q.end:q.end + 3]
    low, high, approx = q.low, q.high, q.approx
    if any(before.endswith(w) for w in _LOWER_BOUND) or after.startswith(_LOWER_AFTER):
        high = math.inf
    elif any(before.endswith(w) for w in _UPPER_BOUND) or after.startswith(_UPPER_AFTER):
        low = -math.inf if q.kind != "percent" else 0.0
    elif any(before.endswith(w) for w in _APPROX_BEFORE) or after.startswith(_APPROX_AFTER):
        approx = True
        low, high = low * (1 - _APPROX_REL), high * (1 + _APPROX_REL)
    return Quantity(q.kind, q.value, q.unit, low, high, q.text, q.start, q.end, approx)


def _cn_number(token: str) -> float | None:
    try:
        return float(cn2an.cn2an(token, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def _chinese_words(text: str) -> list[Quantity]:
    out = []
    for m in _CN_FRACTION.finditer(text):
        den = 100.0 if m["den"] == "百" else _cn_number(m["den"])
        num = _cn_number(m["num"])
        if den and num is not None:
            if m["den"] == "百":
                out.append(Quantity("percent", num, "%", num, num, m.group(0), m.start(), m.end()))
            else:
                out.append(Quantity("fraction", num / den, "", num / den, num / den, m.group(0), m.start(), m.end()))
    for m in _CN_MULTIPLE.finditer(text):
        if m["half"]:
            q = Quantity("fraction", 0.5, "", 0.5, 0.5, m.group(0), m.start(), m.end())
        elif m["cheng"]:
            v = float(_cn_number(m["cheng"]) or 0) * 10
            q = Quantity("percent", v, "%", v, v, m.group(0), m.start(), m.end())
        else:
            n = _cn_number(m["n"])
            if n is None:
                continue
            q = Quantity("multiple", n, "x", n, n, m.group(0), m.start(), m.end())
        out.append(_qualify(q, text))
    return out


def _dates(text: str, published: str | None) -> list[Quantity]:
    year_match = re.match(r"[0-9]{4}", published or "")
    pub_year = int(year_match.group(0)) if year_match else None
    out = []
    for m in _DATE.finditer(text):
        if m["y2"]:
            year = int(m["y2"])
            part = m["part"] or ""
            first, last = {"底": (10, 12), "末": (10, 12), "初": (1, 3), "上半年": (1, 6), "下半年": (7, 12)}.get(part, (1, 12))
            low, high = year * 10000 + first * 100 + 1, year * 10000 + last * 100 + 31
        else:
            year = int(m["y"]) if m["y"] else pub_year
            if year is None:
                continue
            month = int(m["m"])
            if m["d"]:
                low = high = year * 10000 + month * 100 + int(m["d"])
            else:
                low, high = year * 10000 + month * 100 + 1, year * 10000 + month * 100 + 31
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        out.append(Quantity("date", float(low), "date", float(low), float(high), m.group(0).strip(), start, m.end()))
    return out


__all__ = ["extract_quantities"]
