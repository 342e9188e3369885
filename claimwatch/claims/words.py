"""Where Chinese words begin and end, by jieba, with our names and cues in its dictionary.

A name or a cue found by substring search counts only where its edges are word edges: 说 is no
speech verb inside 游说 (lobbying), 分成 no revenue share inside 划分成.
"""

from __future__ import annotations

import logging
import re
from functools import cache, lru_cache

from claimwatch.claims.attributes import cue_words
from claimwatch.claims.subjects import alias_names

CJK = re.compile(r"[\u4e00-\u9fff]")


@cache
def _segmenter():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    for word in {*alias_names(), *cue_words(), *_NOUNS_WITH_CUES}:
        if CJK.search(word):
            tokenizer.add_word(word, freq=100_000)
    return tokenizer


# Nouns that hold a cue but name no event: 上市公司 is a listed company, not a listing
_NOUNS_WITH_CUES = ("上市公司", "非上市公司", "发布会", "新闻发布会")


def forget_names() -> None:
    """Rebuild the segmenter (and forget its cuts) on next use: the known names changed."""
    _segmenter.cache_clear()
    word_edges.cache_clear()


@lru_cache(maxsize=16384)
def word_edges(text: str) -> frozenset[int]:
    """Offsets where a word starts or ends in ``text`` (jieba, exact mode)."""
    edges = {0, len(text)}
    for _, start, end in _segmenter().tokenize(text, HMM=False):
        edges.add(start)
        edges.add(end)
    return frozenset(edges)


def is_whole_word(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is not part of a longer Chinese word (Latin spans always are)."""
    if not CJK.search(text[start:end]):
        return True
    edges = word_edges(text)
    return start in edges and end in edges


__all__ = ["word_edges", "is_whole_word", "CJK"]
