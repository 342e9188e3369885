"""Names a feed translates itself: "宁德时代（CATL）", "曾毓群（Robin Zeng）", "State Audit Office (SAO)".

News gives a name's other form in brackets the first time it appears; every later "CATL" in an
English claim and "宁德时代" in a Chinese one then name one subject. The alias table cannot list
every company, agency and person of every story, so these pairs are learned from the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice

from claimwatch.claims.subjects import PRODUCT_CODE, key_of

# A Chinese name, then its Latin form in brackets (full-width or not): "宁德时代（CATL）"
_CJK_THEN_LATIN = re.compile(r"(?P<cjk>[\u4e00-\u9fff]{2,16})\s?[（(](?P<latin>[A-Z][A-Za-z.&'-]*(?: [A-Z][A-Za-z.&'-]*){0,5})[）)]")
# A feed's first this many bracketed Latin names are read (each costs a count over the feed's text):
# enough for any news feed, and a bound for a hostile one.
MAX_BRACKETS = 500
# Capitalised words, then their initials in brackets: "State Audit Office (SAO)"
_WORDS_THEN_ACRONYM = re.compile(r"(?P<words>(?:[A-Z][A-Za-z.'-]*\s(?:(?:of|for|and|the|on|de)\s)*){1,8})\((?P<acr>[A-Z]{2,8})\)")
# A word this frequent in jieba's dictionary is a common noun (利率 1,443, 地震 2,663), not a name
# (华为 373, 小米 396, 文昌 341; most names of a story are not listed at all).
COMMON_WORD = 1000
_SMALL = frozenset({"of", "for", "and", "the", "on", "de"})
_PERSON_TITLES = re.compile(r"(?:董事长|总裁|总经理|首席执行官|CEO|主席|部长|总理|总统|发言人|创始人|局长|市长|先生|女士)$")


_TITLE_PART = re.compile(r"执行官|财务官|运营官|技术官")  # jieba cuts 首席执行官 into 首席 / 执行官
_CLOSED_TAGS = ("p", "c", "u", "r")  # prepositions, conjunctions, particles, pronouns open no name
_LEADING_VERBS = frozenset("采用 使用 包括 成为 收购 投资 宣布 发布 表示 推出 旗下 据 称 是 由 即 其中 以及 联合 携手 "
                           "入股 控股 合作 对手 竞争对手 同行 龙头 巨头 企业 公司 机构 部门".split())


def _tail_words(run: str) -> str:
    """The run without its leading words that cannot open a name ("采用混合专家" → "混合专家", "董事长
    曾毓群" → "曾毓群"): closed word classes by jieba's tags, a few verbs and nouns, and titles."""
    import jieba.posseg

    words = [(w.word, w.flag) for w in jieba.posseg.lcut(run)]
    # a title ends what comes before the name: "波音首席执行官奥特伯格" is 奥特伯格
    titled = [n for n, (word, _) in enumerate(words[:-1]) if _PERSON_TITLES.search(word) or _TITLE_PART.fullmatch(word)]
    if titled:
        words = words[titled[-1] + 1:]
    while len(words) > 1 and (words[0][1].startswith(_CLOSED_TAGS) or words[0][0] in _LEADING_VERBS
                              or _PERSON_TITLES.search(words[0][0])):
        words.pop(0)
    return "".join(w for w, _ in words)


def _cjk_name(run: str, corpus: str, counts: dict[str, int]) -> str | None:
    """The name at the end of a run of Chinese characters ("向匈牙利德布勒森" → "德布勒森"): of its
    endings of 2 to 8 characters (leading verbs, prepositions, titles and common words left out), the one whose
    length times its count in ``corpus`` is largest, provided it also stands elsewhere. ``counts``
    keeps the counts made, for the next run."""
    import jieba

    run = _tail_words(run)
    best, score = None, 0
    for n in range(2, min(8, len(run)) + 1):
        ending = run[-n:]
        if jieba.dt.FREQ.get(ending, 0) >= COMMON_WORD:
            continue  # "贷款市场报价利率（LPR）": 利率 is everywhere, and no name
        count = counts.get(ending)
        if count is None:  # each ending is counted in the corpus once
            count = counts[ending] = corpus.count(ending)
        if count >= 2 and count * n > score:
            best, score = ending, count * n
    return best


def _acronym_words(words: str, acronym: str) -> str | None:
    """The last words of ``words`` whose initials spell ``acronym`` (small words may be skipped)."""
    tokens = words.split()
    want = list(acronym)
    picked: list[str] = []
    for token in reversed(tokens):
        if want and token[0] == want[-1]:
            want.pop()
            picked.append(token)
        elif token in _SMALL and picked:
            picked.append(token)
        else:
            return None if want else " ".join(reversed(picked))
        if not want:
            return " ".join(reversed(picked))
    return None if want else " ".join(reversed(picked))


def _new_key(latin: str, cjk: str | None, corpus: str = "") -> str:
    person = cjk is not None and 2 <= len(cjk) <= 3 and len(latin.split()) == 2 and not latin.isupper()
    # "定日（Tingri）" where the feed also writes 定日县: a place
    place = cjk is not None and re.search(re.escape(cjk) + _PLACE_SUFFIX, corpus) is not None
    kind = "place:" if place else "person:" if person else "org:"
    return kind + re.sub(r"[^a-z0-9]+", "-", latin.lower()).strip("-")


_PLACE_SUFFIX = r"(?:省|市|县|镇|乡|州|一带|地区)"
_COMPANY_SUFFIX = re.compile(r"(?:股份有限公司|有限公司|公司|集团)$")


def mine_names(texts: Iterable[str]) -> dict[str, str]:
    """``{name: subject key}`` for each pair of names the texts give for one thing; a name already
    in the alias table lends its key to the other."""
    texts = list(texts)
    corpus = "\n".join(texts)
    found: dict[str, str] = {}

    def pair(one: str, other: str, cjk: str | None) -> None:
        if PRODUCT_CODE.fullmatch(one) or PRODUCT_CODE.fullmatch(other) or one == other:
            return  # a model code is a subject as written already
        key = key_of(one) or key_of(other) or found.get(one) or found.get(other) or _new_key(
            other if other.isascii() else one, cjk, corpus)
        found.setdefault(one, key)
        found.setdefault(other, key)

    counts: dict[str, int] = {}
    brackets = (m for text in texts for m in _CJK_THEN_LATIN.finditer(text))
    for m in islice(brackets, MAX_BRACKETS):
        if _PERSON_TITLES.search(m["cjk"]) and len(m["cjk"]) <= 4:
            continue  # "董事长（CEO）" names a post
        name = _cjk_name(m["cjk"], corpus, counts)
        if name and not _PERSON_TITLES.search(name):
            pair(name, m["latin"], name)
            short = _COMPANY_SUFFIX.sub("", name)
            if short != name and len(short) >= 3 and short in corpus.replace(name, ""):
                pair(short, m["latin"], short)  # "美国钢铁公司（U.S. Steel）", then "美国钢铁" alone
    for text in texts:
        for m in _WORDS_THEN_ACRONYM.finditer(text):
            full = _acronym_words(m["words"].strip(), m["acr"])
            if full and len(full.split()) >= 2:
                pair(full, m["acr"], None)
    return found


__all__ = ["mine_names"]
