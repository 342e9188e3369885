"""Who or what a claim is about: product codes and named organisations, people and places.

Names are normalised with an alias table (``claims/data/aliases.json``, extendable with a file named
by ``CLAIMWATCH_ALIASES``), so 英伟达 / NVIDIA / Nvidia are one subject across languages. Product
codes (H200, MI308, B300) are subjects as written.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

from claimwatch.claims.models import CACHE_SIZE

# Product and model codes: H200, MI308, B30A, and one-digit ones (DeepSeek-V3, R1, M4). Number
# formats (FP16, INT8, BF16, TF32), memory and bus standards (HBM3e, DDR5, PCIe5) and periods (Q3, H1)
# look like codes but name no product.
PRODUCT_CODE = re.compile(r"(?<![A-Za-z0-9])(?!(?:FP|INT|BF|TF|HBM|G?DDR|LPDDR|PCIE|PCIe|USB)\d)(?![QH]\d(?!\d))([A-Z]{1,4}\d{1,4}[A-Za-z]?)(?![A-Za-z0-9])")
# Places and governments frame most claims of a story; they do not tell two facts apart.
FRAMING = frozenset({"place:china", "place:us", "org:us-government"})


# Names learned from ingested text (claims/name_pairs.py: "宁德时代（CATL）"), name -> subject key.
# Process-wide: a name learned from one feed is known to every later one.
_LEARNED: dict[str, str] = {}
MAX_LEARNED = 20_000  # names learned at most; beyond, a feed's translations are not learned


def key_of(name: str) -> str | None:
    """The subject key a name has in the alias table (or among learned names), if any."""
    _, latin, _, _, cjk = _aliases()
    return latin.get(name.lower()) if name.isascii() else cjk.get(name)


def learn_names(names: dict[str, str]) -> int:
    """Add ``{name: subject key}`` to the known names; names already known keep their key. Returns
    how many were new; when any is, every cache that depends on the names is cleared."""
    new = {n: k for n, k in names.items() if n not in _LEARNED and key_of(n) is None}
    new = dict(list(new.items())[:max(0, MAX_LEARNED - len(_LEARNED))])  # the alias pattern grows with each name
    if not new:
        return 0
    _LEARNED.update(new)
    _names_changed()
    return len(new)


def forget_learned() -> None:
    """Forget every name and region learned from feeds, as a fresh process knows none: evaluating one
    gold set after another, the names of one story must not read the next."""
    from claimwatch.claims import places

    if not _LEARNED and not places.learned_regions():
        return
    _LEARNED.clear()
    places.forget_regions()
    _names_changed()


def _names_changed() -> None:
    """Clear every cache that depends on the known names."""
    _aliases.cache_clear()
    listed_keys.cache_clear()
    learned_keys.cache_clear()
    subject_mentions.cache_clear()
    find_subjects.cache_clear()
    from claimwatch.claims import places, words  # the segmenter's dictionary and the places named hold names too

    words.forget_names()
    places.forget_places()


@cache
def _aliases() -> tuple[re.Pattern[str], dict[str, str], frozenset[str], re.Pattern[str], dict[str, str]]:
    """Latin names (whole word, case-insensitive but for short all-caps ones) and CJK names, as two
    alternations with the longest names first."""
    table = json.loads(resources.files("claimwatch.claims").joinpath("data", "aliases.json").read_text("utf-8"))
    extra = os.environ.get("CLAIMWATCH_ALIASES")
    if extra:
        with open(extra, encoding="utf-8") as fh:
            for key, names in json.load(fh).items():
                table.setdefault(key, []).extend(names)
    for name, key in dict(_LEARNED).items():  # a snapshot: another thread may be learning names
        table.setdefault(key, []).append(name)
    latin: dict[str, str] = {}
    cjk: dict[str, str] = {}
    upper_only = set()  # "US", "AMD": in lower case they are other words ("us")
    surnames: dict[str, str] = {}
    for key, names in table.items():
        if key.startswith("_"):
            continue
        for name in names:
            if name.isascii():
                latin[name.lower()] = key
                if name.isupper() and len(name) <= 4:
                    upper_only.add(name.lower())
                parts = name.split()
                if key.startswith("person:") and len(parts) == 2 and "-" in parts[1] and parts[0][:1].isupper():
                    # "Lai Ching-te", "Moon Jae-in": a romanised Chinese or Korean name, surname first,
                    # which later sentences shorten to the surname ("Lai's tally")
                    surnames.setdefault(parts[0].lower(), key)
            else:
                cjk[name] = key
    for surname, key in surnames.items():
        latin.setdefault(surname, key)
    by_length = lambda names: sorted(names, key=len, reverse=True)  # noqa: E731
    latin_re = re.compile(r"(?<![A-Za-z])(?:" + "|".join(re.escape(n) for n in by_length(latin)) + r")(?![A-Za-z])",
                          re.IGNORECASE)
    cjk_re = re.compile("|".join(re.escape(n) for n in by_length(cjk)))
    return latin_re, latin, frozenset(upper_only), cjk_re, cjk


@cache
def learned_keys() -> frozenset[str]:
    """The subject keys of names learned from feeds (not in the alias table)."""
    return frozenset(dict(_LEARNED).values())


@cache
def listed_keys() -> frozenset[str]:
    """The subject keys of the alias table and of learned names (a suffixed name, 文昌市, has none)."""
    _, latin, _, _, cjk = _aliases()
    return frozenset(latin.values()) | frozenset(cjk.values())


class Mention(NamedTuple):
    """A name found in a text: where it stands and what it is (a subject id or an attribute label)."""

    start: int
    end: int
    key: str


def singular_code(code: str) -> str:
    """"H200s" (English plural) is the H200; a capital suffix is part of the code (B30A)."""
    return code[:-1] if code.endswith("s") and code[-2].isdigit() else code


# Consumer products named by their line and model ("iPhone 16 Pro Max", "Galaxy Z Fold6", "Mate XT",
# "Pixel 9", "Model 3"): one product each, told apart by the whole name.
PRODUCT_LINES = ("iPhone", "iPad", "Galaxy", "Pixel", "Mate", "Pura", "nova", "Magic", "Find", "Xperia", "Redmi", "Model",
                 "Vision")
_PRODUCT_LINES = re.compile(
    rf"(?<![A-Za-z])((?:{'|'.join(PRODUCT_LINES)})"
    r"(?:\s(?:[A-Z]{1,3}|\d{1,3}[A-Za-z]?|[A-Z][A-Za-z]{0,5}\d{1,3}[A-Za-z]?)(?![\d,.]\d)){1,2}"
    r"(?:\s(?:Pro|Max|Ultra|Plus|mini|Fold\d*|Flip\d*|Lite|SE|e))*)(?![A-Za-z0-9])")
_LINE_KEY = re.compile(rf"product:(?:{'|'.join(line.lower() for line in PRODUCT_LINES)})-")


def _product_key(name: str) -> str:
    return "product:" + "-".join(name.lower().split())


# The maker of each line, where the alias table knows the company
_MAKERS = {"iphone": "org:apple", "ipad": "org:apple", "vision": "org:apple", "galaxy": "org:samsung",
           "pixel": "org:google", "mate": "org:huawei", "pura": "org:huawei", "nova": "org:huawei",
           "redmi": "org:xiaomi", "model": "org:tesla", "magic": "org:honor", "find": "org:oppo", "xperia": "org:sony"}


def maker_of(key: str) -> str | None:
    """The company whose product line a product key names ("product:mate-xt" → org:huawei)."""
    m = _LINE_KEY.match(key)
    return _MAKERS.get(key[len("product:"):].split("-", 1)[0]) if m else None


def is_product_line(key: str) -> bool:
    """The key names a product by its line and model ("product:iphone-16"), not by a code."""
    return _LINE_KEY.match(key) is not None


@lru_cache(maxsize=CACHE_SIZE)
def subject_mentions(text: str) -> tuple[Mention, ...]:
    """Every subject named in ``text`` with its span, in reading order (codes, CJK and Latin names)."""
    latin_re, latin, upper_only, cjk_re, cjk = _aliases()
    lines = [Mention(m.start(1), m.end(1), _product_key(m.group(1))) for m in _PRODUCT_LINES.finditer(text)]
    found = [Mention(m.start(1), m.end(1), f"product:{singular_code(m.group(1))}") for m in PRODUCT_CODE.finditer(text)
             if not any(x.start <= m.start(1) < x.end for x in lines)]  # "Mate X5" is the Mate's, not an X5
    found += lines
    found += [Mention(m.start(), m.end(), cjk[m.group(0)]) for m in cjk_re.finditer(text)]  # leftmost-longest
    for m in latin_re.finditer(text):
        name = m.group(0)
        if name.lower() in upper_only and not name.isupper():
            continue
        found.append(Mention(m.start(), m.end(), latin[name.lower()]))
    found += _suffixed_names(text, found)
    found += _named_fires(text, found)
    return tuple(sorted(found))


# A named fire is a subject of its own: "the Eaton Fire", "帕利塞德山火" (its area is not the Palisades
# Fire's). A Chinese name is keyed apart (``event:zh-…``): whether 伊顿 is Eaton is not known here.
# ("Cal Fire" is California's fire agency, no fire.)
_EN_FIRE = re.compile(r"\b(?!(?:The|A|This|That|Its|Of|In|Cal)\b)(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:Fire|Wildfire|Complex Fire)\b")
_ZH_FIRE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,6}?)(?:山火|野火|大火)")
# a count or a pointer, no name: "洛杉矶两处山火", "这几场大火", "此次山火", "其中一场"
_NOT_FIRE_NAMES = ("处", "场", "此", "该", "这次", "本次", "其他", "其余", "其中")


def _named_fires(text: str, known: list[Mention]) -> list[Mention]:
    out = [Mention(m.start(), m.end(), "event:fire-" + m["name"].lower().replace(" ", "-")) for m in _EN_FIRE.finditer(text)]
    if "山火" in text or "野火" in text or "大火" in text:
        from claimwatch.claims.words import word_edges

        edges = word_edges(text) | {0}
        for m in _ZH_FIRE.finditer(text):
            end = m.end("name")
            start = next((e for e in sorted(edges) if m.start("name") <= e <= end - 2
                          and not any(k.start < end and e < k.end for k in known)), None)  # no known place in it
            if start is not None and not any(w in text[start:end] for w in _NOT_FIRE_NAMES):
                out.append(Mention(start, m.end(), "event:zh-fire-" + text[start:end]))
    return [f for f in out if not any(k.start < f.end and f.start < k.end for k in known)]


# A Chinese organisation or place outside the alias table, by what its name ends with: 美的集团, 招商银行,
# 中信证券; 文昌市, 徐闻县, 富寿省, 翁田镇. The suffix must end a word (市 of 市场 does not).
_NAME_SUFFIX = re.compile(r"(?:集团|银行|证券|控股|有限公司)|(?P<place>省|市|县|镇|乡)")
_EN_PLACE = re.compile(r"\b(?P<name>(?:(?!(?:In|At|On|The|From|Of|For|By|And|Near|Across|Both|Neighbouring|Neighboring)\b)"
                       r"[A-Z][a-z]+ ){0,2}[A-Z][a-z]+) (?:province|county|city|district|prefecture|town|township|village)\b")


_GENERIC_HEADS = frozenset("股份 科技 投资 量化 商业 国有 中央 地方 外资 这家 该家 一家 多家 新能源 金融 控股".split())
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]*")
# a head that is a time or a pointer names no one: "本季度集团收入" is the group's revenue this quarter
_TIME_HEAD = re.compile(r"^(?:本|该|这|此|其|今|去|明|上|下|同|当|全)(?:季度|季|年度|年|月|期|财年|半年)")


def _suffixed_names(text: str, known: list[Mention]) -> list[Mention]:
    """Organisations and places named by a word and a suffix ("去年美的集团在港上市": 美的集团; "海南省文昌市":
    文昌), and English "X province / county / city", where no known name stands; the word is the
    segmenter's, so what comes before it stays out."""
    from claimwatch.claims.words import word_edges  # words reads the alias table: imported late

    out = [Mention(m.start(), m.end(), "place:" + m["name"].lower().replace(" ", "-")) for m in _EN_PLACE.finditer(text)
           if not any(k.start < m.end() and m.start() < k.end for k in known)]
    edges_all = word_edges(text) if _NAME_SUFFIX.search(text) else frozenset()
    for m in _NAME_SUFFIX.finditer(text):
        if any(k.start < m.end() and m.start() < k.end for k in known) or m.end() not in edges_all:
            continue
        edges = sorted(e for e in edges_all if e < m.start())
        if m.start() not in edges_all:  # the suffix ends a word: 文昌市 is a name, 上市 (list) is none
            start = edges[-1] if edges else None
            if start is None or m.start() - start < 2:
                continue
            edges = []
        else:
            start = edges.pop() if edges else None
        while start is not None and m.start() - start == 1 and edges and start - edges[-1] == 1:
            start = edges.pop()  # an unknown name the segmenter cut into characters: 华/茂/集团
            if m.start() - start >= 2 and (not edges or start - edges[-1] > 1):
                break
        if start is None or m.start() - start < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in text[start:m.start()]):
            continue
        if text[start:m.start()] in _GENERIC_HEADS or _TIME_HEAD.search(text[start:m.start()]) or not m["place"] and any(
                k.end <= m.start() and m.start() - k.end <= 10 and _HAN_ONLY.fullmatch(text[k.end:m.start()])
                for k in known):
            continue  # "宁德时代新能源科技股份有限公司": a known name's full form; "股份有限公司" names no one
        kind = "place:" if m["place"] else "org:"
        out.append(Mention(start, m.end(), kind + (text[start:m.start()] if m["place"] else text[start:m.end()])))
    return out


@lru_cache(maxsize=CACHE_SIZE)
def find_subjects(text: str) -> frozenset[str]:
    """Canonical subjects named in ``text``: ``product:H200``, ``org:nvidia``, ``person:trump`` …"""
    return frozenset(m.key for m in subject_mentions(text))


def alias_names() -> list[str]:
    """Every name of the alias table (for a segmenter's user dictionary)."""
    _, latin, _, _, cjk = _aliases()
    return [*cjk, *latin]


def distinguishing(subjects: frozenset[str]) -> frozenset[str]:
    """The subjects that can tell facts apart (framing places and governments left out)."""
    return frozenset(s for s in subjects if s not in FRAMING)


_HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=4096)
def people_named(text: str) -> frozenset[str]:
    """The people a Chinese text names, by jieba's part-of-speech tagger (曾毓群 → ``person:曾毓群``):
    a person is a subject no alias table lists. English text names none here."""
    if not _HAN.search(text):
        return frozenset()
    import jieba.posseg

    return frozenset(f"person:{w.word}" for w in jieba.posseg.lcut(text) if w.flag == "nr" and len(w.word) >= 2)


__all__ = ["key_of", "learn_names", "forget_learned", "find_subjects", "subject_mentions", "Mention", "alias_names", "distinguishing",
           "FRAMING", "PRODUCT_CODE", "singular_code", "people_named", "listed_keys", "learned_keys"]
