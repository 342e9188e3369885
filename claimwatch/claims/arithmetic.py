"""Arithmetic checks: numbers in a claim (or its article) that imply each other must agree.

Checks, each reported with the computation and the tolerance used:

- ``price × shares = amount``: a per-share price, a share count and a money total in one claim;
- ``rise``: a base, a rise of P % (or N 倍 / N times) and a stated result, in one claim; the base
  may be a per-share price stated elsewhere in the same article (an issue price);
- ``ratio``: "A is N times B", "from A to B, up N-fold" in one claim: some pair of values with
  one unit must stand in the stated ratio (A/B, B/A, or B/A − 1 for "up N-fold");
- ``ratio_across``: "X is N times Y" (a multiple or fraction whose subject X, comparison Y and
  attribute are known, see claims/slots.py) against values of that attribute stated for X and for
  Y anywhere in the feed, in one unit and under no condition the multiple does not name (FP16
  compute does not measure "6 times the performance"): the closest pair must stand in the stated
  ratio. A hedged multiple (a rumour, a hypothetical) is not checked;
- ``share_of_total``: "A, P % of total revenue" (占总营收的P%) against a revenue total stated
  elsewhere in the feed for the same subject and currency: A / total must round to P. Only a
  total within a factor of two of A / P is taken for the one meant (a quarterly figure is not
  checked against a yearly one);
- ``currency``: one amount in two currencies ("13亿元人民币（约1.8亿美元）"): the implied rate must lie
  in the plausible range of ``claims/data/currencies.json``.

A check only runs when a claim holds exactly the values it needs, so silence means "nothing to
check", not "passed".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from claimwatch.claims.conditions import PLACES, conditions_at, conditions_of
from claimwatch.claims.models import Article, Claim, Quantity
from claimwatch.claims.quantities import CURRENCY_NAMES, is_prior_value

Status = Literal["passed", "failed"]
TOLERANCE = 0.02         # relative, for exact statements (rounding of the stated figures)
APPROX_TOLERANCE = 0.05  # relative, when a value is approximate (约, about)
_FALL_WORDS = ("跌幅", "下跌", "下降", "降幅", "跌至", "降至", "fell", "fall", "drop", "declin", "slid", "plunge", "tumble",
               "down ", "lost")
_RISE_WORDS = ("涨幅", "上涨", "增长", "增幅", "提升", "升至", "rise", "rose", "up ", "gain", "increase", "jump")


@dataclass(frozen=True, slots=True)
class InternalCheck:
    claim_ids: tuple[str, ...]
    kind: str
    status: Status
    explanation: str
    expected: float
    stated: float
    tolerance: float


_COMPARED_WITH = re.compile(r"(?:较|比|相比|相较于?|compared with|versus)[^，,。；;]{0,8}$", re.IGNORECASE)


def _currency(q: Quantity) -> str:
    return q.unit.split("/")[0]


def _per_share(claim: Claim, q: Quantity) -> bool:
    """A per-share price: the extractor gives it the unit ``CNY/share`` (``104.66元/股``, ``每股``, per share)."""
    return q.kind == "money" and q.unit.endswith("/share")


def _fmt(value: float, unit: str) -> str:
    for size, word in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if abs(value) >= size and unit in ("CNY", "shares", "cards", ""):
            return f"{value / size:,.2f}{word}" + ("元" if unit == "CNY" else "")
    return f"{value:,.2f} {unit}".strip()


def _close(expected: float, stated: Quantity) -> tuple[bool, float]:
    tol = APPROX_TOLERANCE if stated.approx else TOLERANCE
    return abs(expected - stated.value) <= tol * abs(stated.value), tol


def _price_and_total(a: Quantity, b: Quantity) -> bool:
    """A price per share and an amount ten times larger or smaller, not per share ("收报302.6港元…
    成交额约132亿港元"): a price and a total, never a base and its result."""
    ratio = b.value / a.value if a.value else float("inf")
    return ("/share" in a.unit) != ("/share" in b.unit) and not 0.1 <= ratio <= 10


def _percent_close(implied: float, stated: Quantity) -> bool:
    """The percentage two amounts imply rounds to the one stated: within half a unit of its last
    digit ("17%" admits 16.5–17.5), widened by the approximate tolerance when it is approximate."""
    digits = re.search(r"\d+(?:\.(\d+))?", stated.text)
    decimals = len(digits.group(1) or "") if digits else 0
    slack = 0.5 * 10 ** -decimals + (APPROX_TOLERANCE * stated.value if stated.approx else 0.0)
    return abs(implied - stated.value) <= slack + 1e-9


def check_claim(claim: Claim, article_prices: list[Quantity] | None = None) -> list[InternalCheck]:
    """The arithmetic checks that one claim's values allow (see the module docstring)."""
    out: list[InternalCheck] = []
    qs = claim.quantities
    prices = [q for q in qs if _per_share(claim, q)]
    shares = [q for q in qs if q.kind == "count" and q.unit == "shares"]
    totals = [q for q in qs if q.kind == "money" and q not in prices]
    if len(prices) == 1 and shares and totals:
        price = prices[0]
        best = None
        for s in shares:
            for t in totals:
                if _currency(t) != _currency(price) or t.start < s.start:
                    continue  # the total is stated after the count it multiplies
                expected = price.value * s.value
                ok, tol = _close(expected, t)
                gap = abs(expected - t.value) / max(abs(t.value), 1e-9)
                if best is None or gap < best[0]:
                    best = (gap, ok, tol, s, t, expected)
        if best is not None:
            gap, ok, tol, s, t, expected = best
            out.append(InternalCheck(
                (claim.id,), "price_times_shares", "passed" if ok else "failed",
                f"{price.text} × {s.text} = {_fmt(expected, t.unit)}; stated {t.text} "
                f"({'within' if ok else 'off by'} {gap:.1%}, tolerance {tol:.0%})", expected, t.value, tol))
    moves = [(q, 1) for q in qs if q.kind == "percent" and _is_rise(claim, q)]
    moves += [(q, -1) for q in qs if q.kind == "percent" and _is_fall(claim, q) and not _is_rise(claim, q)]
    if len(moves) == 1:
        rise, sign = moves[0]
        money = [q for q in qs if q.kind == "money"]
        # "to close at $128.42, down from $142.62": the value after "from" is the base, wherever it stands
        froms = [q for q in money if is_prior_value(claim.text, q)]
        if froms:
            after = [q for q in froms if q.start > rise.end]  # "fell 17% to $118.42 from $142.62" (a note before it aside)
            b = after[0] if after else froms[-1]
            base = [b]
            result = sorted((q for q in money if q not in froms and _currency(q) == _currency(b)),
                            key=lambda q: abs(q.start - rise.end))
        else:
            base = [q for q in money if q.start < rise.start]
            result = [q for q in money if q.start > rise.end]
            compared = [q for q in base if _COMPARED_WITH.search(claim.text, max(0, q.start - 12), q.start)]
            if compared and not any(q.unit == compared[-1].unit for q in result):
                # "收报306.2港元，较发行价263港元上涨16.43%": the base follows 较, the result precedes it
                b = compared[-1]
                result = sorted((q for q in base if q is not b and _currency(q) == _currency(b)),
                                key=lambda q: abs(q.start - b.start))
                base = [b]
        if not base and article_prices:
            base = [p for p in article_prices if result and _currency(p) == _currency(result[0])
                    and p not in claim.quantities]  # the base comes from another claim, never the result itself
        if base and result and _currency(base[-1]) == _currency(result[0]) and not _price_and_total(base[-1], result[0]):
            b, r = base[-1], result[0]
            expected = b.value * (1 + sign * rise.value / 100)
            ok, tol = _close(expected, r)
            implied = (r.value / b.value - 1) * 100 if b.value else float("nan")
            ok = ok and _percent_close(abs(implied), rise)  # "下降约7.9%" is no 9.70 % fall, though the amounts differ by 2 %
            what = "rise" if implied >= 0 else "fall"
            out.append(InternalCheck(
                (claim.id,), "rise", "passed" if ok else "failed",
                f"{b.text} × (1 {'+' if sign > 0 else '−'} {rise.text}) = {_fmt(expected, r.unit)}; stated {r.text}"
                + ("" if ok else f"; {r.text} implies a {what} of {abs(implied):.1f}%") + f" (tolerance {tol:.0%})",
                expected, r.value, tol))
    # "N times Y", and "a third of Y" (a fraction of a named base; a bare share is no ratio check)
    multiples = [q for q in qs if q.kind == "multiple" or (q.kind == "fraction" and q.relative_to)]
    values = [q for q in qs if q.kind in ("money", "measure", "count") and q not in prices and q.value]
    pairs = [(a, b) for n, a in enumerate(values) for b in values[n + 1:] if a.unit == b.unit]
    if len([q for q in qs if q.kind != "date"]) > 6:
        pairs = []  # a list of figures, not a stated ratio between two of them
    if len(multiples) == 1 and pairs:
        n = multiples[0]
        tried = []
        ok = False
        best = (float("inf"), 0.0, 0.0)  # (miss, ratio, tolerance) of the closest reading
        for a, b in pairs:
            # an approximate figure ("约13亿") loosens the ratio as an approximate multiple does
            tol = max(APPROX_TOLERANCE, 0.10 if n.approx or a.approx or b.approx else 0.0)
            # "A 是 B 的 N 倍" (A / B), "从 A 增至 B" (B / A), or "增长 N 倍" (B / A − 1)
            readings = ((a.value / b.value, f"{a.text} / {b.text}"), (b.value / a.value, f"{b.text} / {a.text}"),
                        (b.value / a.value - 1, f"{b.text} / {a.text} − 1"))
            for ratio, _ in readings:
                ok = ok or abs(ratio - n.value) <= max(tol * n.value, 0.05) or n.low <= ratio <= n.high
            ratio, shown = min(readings, key=lambda r: abs(r[0] - n.value))
            tried.append(f"{shown} = {ratio:.2f}×")
            best = min(best, (abs(ratio - n.value), ratio, tol))
        out.append(InternalCheck(
            (claim.id,), "ratio", "passed" if ok else "failed",
            f"stated {n.text}; " + "; ".join(tried) + f" (tolerance {best[2]:.0%})", n.value, best[1], best[2]))
    return out


def _is_fall(claim: Claim, q: Quantity) -> bool:
    window = claim.text[max(0, q.start - 8):q.end + 6].lower()
    return any(w in window for w in _FALL_WORDS)


def _is_rise(claim: Claim, q: Quantity) -> bool:
    window = claim.text[max(0, q.start - 8):q.end + 6].lower()
    return any(w in window for w in _RISE_WORDS)


CANDIDATES_PER_SIDE = 16  # values of one subject and attribute tried per ratio, at most


def check_relative(claims: list[Claim]) -> list[InternalCheck]:
    """``ratio_across`` checks: each "X is N times Y" against X's and Y's values stated elsewhere."""
    stated: dict[tuple[str, str], list[tuple[Claim, Quantity]]] = {}
    for c in claims:
        for q in c.quantities:
            if q.subject and q.attribute and q.kind in ("money", "measure", "count") and q.value and not q.relative_to:
                entry = stated.setdefault((q.subject, q.attribute), [])
                if len(entry) < CANDIDATES_PER_SIDE:
                    entry.append((c, q))
    # each figure's conditions, once (where it was stated is no condition a multiple must name)
    held = {id(q): frozenset(x for x in conditions_at(c, q) if not x.startswith(PLACES))
            for entry in stated.values() for c, q in entry}
    out = []
    for c in claims:
        for n in c.quantities:
            if n.kind not in ("multiple", "fraction") or not (n.subject and n.relative_to and n.attribute) or c.hedged:
                continue  # a rumour or a hypothetical ("有消息称…最多2倍") states no ratio to check
            named = conditions_of(c.text)
            # a figure under a condition the multiple does not name (FP16 compute) does not measure it
            pairs = [(cx, x, cy, y) for cx, x in stated.get((n.subject, n.attribute), ()) if held[id(x)] <= named
                     for cy, y in stated.get((n.relative_to, n.attribute), ())
                     if x.unit == y.unit and held[id(y)] <= named]
            if not pairs:
                continue
            cx, x, cy, y = min(pairs, key=lambda p: abs(p[1].value / p[3].value - n.value))
            ratio = x.value / y.value
            tol = 0.10 if n.approx or x.approx or y.approx else APPROX_TOLERANCE
            ok = abs(ratio - n.value) <= tol * n.value or n.low <= ratio <= n.high
            ids = tuple(dict.fromkeys((c.id, cx.id, cy.id)))
            what = n.attribute.replace("_", " ")
            out.append(InternalCheck(
                ids, "ratio_across", "passed" if ok else "failed",
                f"{_bound_word(n)}{n.text} ({n.subject.split(':', 1)[1]} against {n.relative_to.split(':', 1)[1]}, {what}): "
                f"stated elsewhere {x.text} / {y.text} = {ratio:.2f}× (tolerance {tol:.0%})", n.value, ratio, tol))
    return out


def _bound_word(q: Quantity) -> str:
    if q.high == float("inf"):
        return "at least "
    if q.low in (0.0, float("-inf")) and q.high > 0:
        return "at most "
    return ""


_SHARE_BEFORE = re.compile(r"(?:占|占到|占据|相当于)[^，。,;；]{0,16}的\s*$|\bor\s+(?:about\s+|roughly\s+|nearly\s+|just\s+)?$",
                           re.IGNORECASE)
_SHARE_AFTER = re.compile(r"\s*of\s+(?:its\s+|the\s+company's\s+|total\s+|overall\s+|group\s+)*(?:revenue|sales)\b",
                          re.IGNORECASE)
_SECOND_CURRENCY = re.compile(rf"\s*[（(]\s*(?:约合|约|合|相当于|about|around|roughly|or|approximately)?\s*(?:{CURRENCY_NAMES})?\s*$"
                              rf"|\s*[，,]?\s*(?:约合|折合|合|相当于|or about|or roughly|about|equivalent to)\s*(?:约)?"
                              rf"(?:{CURRENCY_NAMES})?\s*$", re.IGNORECASE)


def _decimals(text: str) -> int:
    m = re.search(r"\.(\d+)", text)
    return len(m.group(1)) if m else 0


def check_shares_of_total(claims: list[Claim]) -> list[InternalCheck]:
    """``share_of_total`` checks (see the module docstring)."""
    totals = [(c, q) for c in claims for q in c.quantities if q.kind == "money" and q.attribute == "revenue"]
    out = []
    for c in claims:
        for p in c.quantities:
            if p.kind != "percent" or p.unit != "%" or not p.value:
                continue
            if not (_SHARE_BEFORE.search(c.text, 0, p.start) or _SHARE_AFTER.match(c.text, p.end)):
                continue
            parts = [q for q in c.quantities if q.kind == "money" and q.end <= p.start]
            if not parts:
                continue
            part = parts[-1]
            implied = part.value / (p.value / 100)
            found = [(ct, t) for ct, t in totals if t is not part and _currency(t) == _currency(part)
                     and t.value > part.value and (part.subject is None or t.subject == part.subject)
                     and 0.5 <= t.value / implied <= 2.0]
            if not found:
                continue
            ct, total = min(found, key=lambda x: abs(x[1].value - implied))
            share = part.value / total.value * 100
            slack = max(0.5 * 10 ** -_decimals(p.text), TOLERANCE * p.value)
            ok = abs(share - p.value) <= slack or p.low <= share <= p.high
            out.append(InternalCheck(
                tuple(dict.fromkeys((c.id, ct.id))), "share_of_total", "passed" if ok else "failed",
                f"{part.text} / {total.text} = {share:.3g}%; stated {p.text} (tolerance ±{slack:.2g} points)",
                p.value, share, slack / p.value))
    return out


@cache
def _rates() -> dict[tuple[str, str], tuple[float, float]]:
    table = json.loads(resources.files("claimwatch.claims").joinpath("data", "currencies.json").read_text("utf-8"))
    out = {}
    for key, (lo, hi) in ((k, v) for k, v in table.items() if not k.startswith("_")):
        a, b = key.split("/")
        out[(a, b)] = (lo, hi)
        out[(b, a)] = (1 / hi, 1 / lo)
    return out


def check_currency_pairs(claim: Claim) -> list[InternalCheck]:
    """``currency`` checks: an amount followed by itself in another currency."""
    out = []
    money = [q for q in claim.quantities if q.kind == "money" and "/" not in q.unit]
    for a, b in zip(money, money[1:]):
        if a.unit == b.unit or not a.value or not _SECOND_CURRENCY.match(claim.text[a.end:b.start]):
            continue
        band = _rates().get((a.unit, b.unit))
        if band is None:
            continue
        rate = b.value / a.value
        lo, hi = band[0] * (1 - APPROX_TOLERANCE), band[1] * (1 + APPROX_TOLERANCE)
        ok = lo <= rate <= hi
        out.append(InternalCheck(
            (claim.id,), "currency", "passed" if ok else "failed",
            f"{b.text} / {a.text} = {rate:.4g} {b.unit} per {a.unit}; plausible {band[0]:.4g}–{band[1]:.4g} "
            f"(tolerance {APPROX_TOLERANCE:.0%})", (band[0] + band[1]) / 2, rate, APPROX_TOLERANCE))
    return out


def check_articles(articles: list[Article], claims: list[Claim]) -> list[InternalCheck]:
    """Every check the claims allow; a per-share price stated once in an article serves its other claims."""
    prices: dict[str, list[Quantity]] = {}
    for c in claims:
        prices.setdefault(c.article_id, []).extend(q for q in c.quantities if _per_share(c, q))
    out = []
    for c in claims:
        out.extend(check_claim(c, prices.get(c.article_id)))
        out.extend(check_currency_pairs(c))
    return out + check_relative(claims) + check_shares_of_total(claims)


__all__ = ["InternalCheck", "check_claim", "check_articles", "check_relative", "check_shares_of_total",
           "check_currency_pairs", "TOLERANCE", "APPROX_TOLERANCE"]
