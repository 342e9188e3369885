"""What a value of no known attribute counts, read from the words beside it.

The attribute lexicon cannot name every thing news counts: tents, relief funds, cotton coats. Two
values of no known attribute are still one measure when the words that say what they count are
the same: "2,200 tents" and "22,000 tents and 50,000 cotton coats", "10亿元救灾资金" and
"1亿元中央自然灾害救灾资金", "帐篷2.2万顶" and "2200顶帐篷". The words are the noun phrase right after
the value (after "of the" for a part: "half of the people moved"), or, when the value ends its clause ("调拨帐篷2.2万顶、"), the one right before it. Words
are matched within one script only; a generic head ("people", "times") alone matches nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimwatch.claims.models import Quantity
from claimwatch.claims.text import han_pairs

_EN_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_EN_STOP = frozenset("""a an the of in on at to for from by with and or but as than that which who whose this these
those its their his her our it they he she we was were is are be been has have had will would could may might can
said says about around some nearly almost more less over under up down after before since during while per each
every other another such only also just still yet all both""".split())
_EN_GENERIC = frozenset("people persons person times units items cases ones residents things".split())
_ZH_LEAD = re.compile(r"^[的了之余多个顶件张台辆架艘座间名人次只头套条把户所家项]?")
_ZH_BREAK = re.compile(r"[^\u4e00-\u9fff]|[和与及或、，。；：但并而且将于在为是被对向从由给]")
_ZH_KEEP = 6  # the head of a Chinese noun phrase is its last characters ("中央自然灾害救灾资金": 灾害救灾资金)


@lru_cache(maxsize=65536)
def _measure(text: str, start: int, end: int) -> tuple[str, frozenset[str]]:
    after, before = text[end:end + 40], text[max(0, start - 40):start]
    if _EN_WORD.match(after.lstrip()) or _EN_WORD.search(before[-3:] if before else ""):
        return "en", _english(after) or _english_before(before)
    return "zh", _chinese(after) or _chinese_before(before)


_EN_PART_OF = re.compile(r"^\s*of\s+(?:all\s+)?(?:the\s+|its\s+|their\s+)?(?:[\d][\d,.]*\s+)?", re.IGNORECASE)


def _english(after: str) -> frozenset[str]:
    after = _EN_PART_OF.sub(" ", after, count=1)  # "two-thirds of the 46,500 people moved": a part of people moved
    words = []
    for m in _EN_WORD.finditer(after):
        gap = after[(words[-1][1] if words else 0):m.start()]
        if gap.strip() or m.group(0).lower() in _EN_STOP or len(words) == 3:
            break  # punctuation, a function word, or enough words: the phrase ends
        words.append((m.group(0).lower(), m.end()))
    found = frozenset(_singular(w) for w, _ in words)
    return frozenset() if found <= _EN_GENERIC else found


def _english_before(before: str) -> frozenset[str]:
    words = []
    end = len(before)
    for m in reversed(list(_EN_WORD.finditer(before))):
        if before[m.end():end].strip() or m.group(0).lower() in _EN_STOP or len(words) == 2:
            break
        words.append(_singular(m.group(0).lower()))
        end = m.start()
    found = frozenset(words)
    return frozenset() if found <= _EN_GENERIC else found


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _bigrams(run: str) -> frozenset[str]:
    return frozenset(han_pairs(run[-_ZH_KEEP:]))


def _chinese(after: str) -> frozenset[str]:
    after = _ZH_LEAD.sub("", after, count=1)
    m = _ZH_BREAK.search(after)
    return _bigrams(after[:m.start()] if m else after)


def _chinese_before(before: str) -> frozenset[str]:
    run = re.search(r"[\u4e00-\u9fff]*$", before).group(0)
    run = re.sub(r"[为是达]+$", "", run)  # "屏幕为12.8英寸": the copula before the value is no break
    cut = max((m.end() for m in _ZH_BREAK.finditer(run)), default=0)
    return _bigrams(run[cut:])


def measure_words(text: str, q: Quantity) -> tuple[str, frozenset[str]]:
    """(script, words) saying what ``q`` counts in ``text``: English words, or Chinese bigrams."""
    return _measure(text, q.start, q.end)


def same_measure(text_a: str, qa: Quantity, text_b: str, qb: Quantity) -> bool:
    """The words beside the two values say they count the same thing (one script only): the
    shorter phrase's words are at least two thirds within the longer's."""
    (sa, wa), (sb, wb) = measure_words(text_a, qa), measure_words(text_b, qb)
    if sa != sb or not wa or not wb:
        return False
    short, long_ = sorted((wa, wb), key=len)
    return len(short & long_) >= max(1, -(-2 * len(short) // 3))


__all__ = ["measure_words", "same_measure"]
