"""Split an article into claims: bullets and sentences, with offsets, sections and language.

Digest bodies read ``section - bullet [3] - bullet [4] next section - bullet``: the heading of
the next section is glued after the previous bullet's citation marker. Headings become the
``section`` of the claims that follow them, never claims of their own.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import replace

from claimwatch.claims.hedges import find_hedge, find_negation
from claimwatch.claims.models import Article, Claim, Quantity
from claimwatch.claims.quantities import extract_quantities
from claimwatch.claims.slots import attach_slots, is_time_frame
from claimwatch.claims.text import detect_language, strip_citations

_BULLET_SEP = re.compile(r"\s+[-–—]\s+")
_MARKERS_THEN_HEADING = re.compile(r"(?:\s*\[\d{1,3}\])+\s*(?P<heading>[^\[\]。！？!?.]{1,40})$")
_SENTENCE_END = re.compile(r"[。！？!?；;]+[”」』\"']?|\.[\"”']?(?=\s+[\"“A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|St|vs|No|Co|Jr|Sr|Inc|Ltd|Corp|Gov|Sen|Rep)|\b[A-Z])$")
_MONTH_BEFORE_DAY = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$")  # "Oct. 14, 1957"
_CLOCK_ZONE = re.compile(r"\s+(?:GMT|UTC|Beijing time|local time|[A-Z]{2,4}T)\b")
_CITATION_ONLY = re.compile(r"^(?:\s*\[\d{1,3}\])+\s*$")
MIN_CLAIM_CHARS = 6


# "同期归属于上市公司股东的净利润为507.45亿元", "In the same period, profit rose 15%": the period of
# the claim before ("上年同期", the year before's, is a comparison base and no such reference)
_SAME_PERIOD = re.compile(r"^(?:其中|而|另外|此外)?[，,]?\s*(?P<ref>同期|同一时期)|^(?P<en>(?:In|Over|For|During) the same "
                          r"(?:period|quarter|year|time))\b", re.IGNORECASE)


def _with_period(text: str, quantities: tuple[Quantity, ...], period: Quantity | None) -> tuple[Quantity, ...]:
    """``quantities`` with the period a "same period" opening refers to, when the claim dates nothing else."""
    m = _SAME_PERIOD.match(text)
    if m is None or period is None or any(q.kind == "date" for q in quantities):
        return quantities
    ref = "ref" if m["ref"] else "en"
    return (replace(period, text=m[ref], start=m.start(ref), end=m.end(ref)),) + quantities


def segment_claims(article: Article) -> list[Claim]:
    """Claims of ``article`` in reading order; ids are ``{article_id}:{n}``."""
    claims: list[Claim] = []
    period: Quantity | None = None  # the time frame the last dated claim stated
    for start, end, section in _units(article.text):
        for s, e in _sentences(article.text, start, end):
            raw = article.text[s:e]
            text = strip_citations(raw).strip(" ，,;；")
            if len(text) < MIN_CLAIM_CHARS or _CITATION_ONLY.match(raw):
                continue
            quantities = attach_slots(text, _with_period(text, extract_quantities(text, article.published), period),
                                      article.title)
            hedge = find_hedge(text) or _in_the_future(text, quantities, article.published)
            period = next((q for q in quantities if q.kind == "date" and q.attribute is None), period)
            claims.append(Claim(
                id=f"{article.id}:{len(claims)}",
                article_id=article.id,
                text=text,
                start=s,
                end=e,
                section=section,
                language=detect_language(text),
                quantities=quantities,
                hedged=hedge is not None,
                hedge_cue=hedge,
                negated=find_negation(text) is not None,
            ))
    return claims


FUTURE_MONTHS = 2  # a figure for a time this far after publication is a projection, not a plan's date
_YEAR_WRITTEN = re.compile(r"(?:19|20)\d{2}|明年|后年|next year", re.IGNORECASE)


def _in_the_future(text: str, quantities: tuple[Quantity, ...], published: str | None) -> str | None:
    """The date of a claim whose every time frame starts months after its article was published: its
    figures are projections ("2025年底的利率中值为3.4%" in September 2024), whatever its wording. (A
    plan's date days ahead, a listing on 20 May, is reported as a fact and can be misreported.)"""
    m = re.match(r"(\d{4})-(\d{2})", published or "")
    frames = [q for q in quantities if q.kind == "date" and is_time_frame(text, q) and math.isfinite(q.low)]
    if (m is None or not frames or not any(q.kind != "date" for q in quantities)
            or not all(_YEAR_WRITTEN.search(q.text) for q in frames)):  # "third quarter": which year's is a guess
        return None
    horizon = (int(m[1]) * 12 + int(m[2]) - 1) + FUTURE_MONTHS
    ahead = all(int(q.low) // 10000 * 12 + int(q.low) // 100 % 100 - 1 > horizon for q in frames)
    return frames[0].text if ahead else None


def _units(text: str) -> Iterator[tuple[int, int, str | None]]:
    """(start, end, section) of each bullet, or of each paragraph when the text has no bullets."""
    for para_start, para_end in _paragraphs(text):
        para = text[para_start:para_end]
        seps = list(_BULLET_SEP.finditer(para))
        if len(seps) < 2 or not re.search(r"\[\d{1,3}\]", para):
            yield para_start, para_end, None
            continue
        section: str | None = para[: seps[0].start()].strip() or None
        bounds = [m.end() for m in seps]
        ends = [m.start() for m in seps[1:]] + [len(para)]
        for b_start, b_end in zip(bounds, ends):
            chunk = para[b_start:b_end]
            heading = _MARKERS_THEN_HEADING.search(chunk)
            next_section = None
            if heading and b_end != len(para):
                next_section = heading["heading"].strip()
                b_end = b_start + heading.start("heading")
            yield para_start + b_start, para_start + b_end, section
            if next_section:
                section = next_section


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    for m in re.finditer(r"[^\n]+", text):
        if m.group(0).strip():
            yield m.start(), m.end()


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans inside [start, end), trimmed of surrounding white space."""
    cursor = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.group(0).startswith(".") and _ABBREVIATION.search(text, max(start, m.start() - 4), m.start()):
            continue  # "U.S. officials", "Mr. Huang", "No. 2"
        if (m.group(0) == "." and _MONTH_BEFORE_DAY.search(text, max(start, m.start() - 5), m.start())
                and re.match(r"\s+\d", text[m.end():end])):
            continue  # "on Feb. 13", "the Great Flood of Oct. 14, 1957"
        if m.group(0).startswith(".") and _CLOCK_ZONE.match(text, m.end()) and re.search(r"\b[ap]\.m$", text[max(start, m.start() - 4):m.start()], re.IGNORECASE):
            continue  # "at 9:05 a.m. GMT on January 7", "9:05 a.m. Beijing time"
        stop = m.end()
        # keep citation markers right after the full stop with their sentence
        tail = re.match(r"(?:\s*\[\d{1,3}\])+", text[stop:end])
        if tail:
            stop += tail.end()
        yield from _trimmed(text, cursor, stop)
        cursor = stop
    if cursor < end:
        yield from _trimmed(text, cursor, end)


def _trimmed(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        yield s, e


__all__ = ["segment_claims", "MIN_CLAIM_CHARS"]
