"""Render an audit report (the JSON contract) as one self-contained HTML page.

The Python side builds a plain view-model dict (``build_view``) from the report; the jinja2
template ``templates/report.html.j2`` (autoescaped) only lays it out. The page has no external
resource: CSS and the small filter script are inline, so it works offline and can be mailed.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES = Path(__file__).parent / "templates"
_UNSAFE = re.compile(r"[^A-Za-z0-9-]")


def render_html(report: dict) -> str:
    """The whole page for one audit report, as a string (UTF-8 when encoded)."""
    return _environment().get_template("report.html.j2").render(view=build_view(report))


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


# --- small pure helpers ---------------------------------------------------------------------------

def anchor(claim_id: str) -> str:
    """An HTML id for a claim: letters, digits and '-' kept, anything else as ``_<hex>_`` (injective)."""
    return "claim-" + _UNSAFE.sub(lambda m: f"_{ord(m.group()):x}_", claim_id)


def value_spans(text: str, quantities: list[dict], value: str) -> list[tuple[int, int]]:
    """Where ``value`` (as written) stands in ``text``: the quantity spans first, else plain search."""
    spans = [(q["start"], q["end"]) for q in quantities
             if q.get("text") == value and isinstance(q.get("start"), int) and text[q["start"]:q.get("end", 0)] == value]
    if spans or not value:
        return spans
    return [(m.start(), m.end()) for m in re.finditer(re.escape(value), text)]


def segments(text: str, spans: list[tuple[int, int]]) -> list[dict]:
    """Split ``text`` into ``{"text", "mark"}`` pieces; overlapping spans are merged."""
    out: list[dict] = []
    pos = 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end <= start:
            continue
        if start > pos:
            out.append({"text": text[pos:start], "mark": False})
        out.append({"text": text[start:end], "mark": True})
        pos = end
    if pos < len(text) or not out:
        out.append({"text": text[pos:], "mark": False})
    return out


def format_number(v: float, unit: str = "") -> str:
    """A readable number: dates as YYYY-MM-DD, large values with thousands separators."""
    if unit == "date" and 10_000_000 <= v < 100_000_000 and v == int(v):
        s = str(int(v))
        return f"{s[:4]}-{s[4:6]}-{s[6:]}"
    if abs(v) >= 10_000:
        return f"{v:,.0f}" if v == int(v) else f"{v:,.2f}"
    return f"{v:.6g}"


def format_range(low: float | None, high: float | None, unit: str = "") -> str:
    """``[low, high]`` after qualifiers as text: ``4.8 TB/s``, ``≥ 6 x``, ``47.5 – 52.5 USD``."""
    suffix = f" {unit}" if unit and unit != "date" else ""
    if low is None and high is None:
        return "unbounded"
    if high is None:
        return f"≥ {format_number(low, unit)}{suffix}"
    if low is None:
        return f"≤ {format_number(high, unit)}{suffix}"
    if low == high:
        return f"{format_number(low, unit)}{suffix}"
    return f"{format_number(low, unit)} – {format_number(high, unit)}{suffix}"


def humanize(code: str | None) -> str:
    """``value_mismatch`` → ``value mismatch``."""
    return (code or "unspecified").replace("_", " ")


def page_language(articles: list[dict]) -> str:
    """The most common article language (``zh`` or ``en``); ``en`` for an empty feed."""
    counts = Counter(a.get("language") for a in articles if a.get("language") in ("zh", "en"))
    return counts.most_common(1)[0][0] if counts else "en"


# --- the view model -------------------------------------------------------------------------------

class _Index:
    """Lookups over one report: claims and articles by id, syndication origin of each article."""

    def __init__(self, report: dict) -> None:
        self.articles = {a["id"]: a for a in report.get("articles", [])}
        self.claims = {c["id"]: c for c in report.get("claims", [])}
        self.origin_of = {aid: a.get("origin") or aid for aid, a in self.articles.items()}
        for group in report.get("syndication", []):
            for aid in group["article_ids"]:
                self.origin_of[aid] = group["origin"]

    def article_of(self, claim_id: str) -> dict:
        claim = self.claims.get(claim_id, {})
        return self.articles.get(claim.get("article_id"), {"id": "", "source": "?", "published": None})

    def outlet(self, claim_id: str) -> str:
        return self.article_of(claim_id).get("source", "?")

    def origin_outlet(self, claim_id: str) -> str:
        article = self.article_of(claim_id)
        return self.articles.get(self.origin_of.get(article.get("id"), ""), article).get("source", "?")

    def ref(self, claim_id: str) -> dict:
        """A claim mention: outlet, time, text, anchor link."""
        claim, article = self.claims.get(claim_id, {}), self.article_of(claim_id)
        return {"id": claim_id, "anchor": anchor(claim_id), "text": claim.get("text", claim_id),
                "outlet": article.get("source", "?"), "published": article.get("published"),
                "lang": claim.get("language") or article.get("language") or "", "hedged": bool(claim.get("hedged"))}


def conflict_side(index: _Index, claim_id: str, value: str, bounds: list | None) -> dict:
    """One card: the claim with ``value`` marked, and the normalised value with its unit."""
    claim = index.claims.get(claim_id, {"text": "", "quantities": []})
    quantities = claim.get("quantities", [])
    unit = next((q.get("unit", "") for q in quantities if q.get("text") == value), "")
    low, high = bounds if bounds and len(bounds) == 2 else (None, None)
    return {**index.ref(claim_id), "value": value,
            "segments": segments(claim.get("text", ""), value_spans(claim.get("text", ""), quantities, value)),
            "normalised": format_range(low, high, unit) if bounds else ""}


def conflict_view(index: _Index, x: dict) -> dict:
    values = list(x.get("values", [])) + ["", ""]
    normalised = list(x.get("normalised", [])) + [None, None]
    sides = [conflict_side(index, cid, values[i], normalised[i]) for i, cid in enumerate(x["claim_ids"][:2])]
    return {"id": x.get("id", ""), "kind": x.get("kind") or "unspecified", "kind_label": humanize(x.get("kind")),
            "attribute": x.get("attribute", ""), "explanation": x.get("explanation", ""),
            "outlets": sorted({s["outlet"] for s in sides}), "sides": sides}


def fact_view(index: _Index, cluster: dict) -> dict:
    """A corroborated fact: one badge per independent origin outlet, its copies listed under it."""
    origins: dict[str, dict] = {}
    for cid in cluster["claim_ids"]:
        origin = index.origin_outlet(cid)
        entry = origins.setdefault(origin, {"outlet": origin, "claims": [], "copies": {}})
        if index.outlet(cid) == origin:
            entry["claims"].append(index.ref(cid))
        else:
            entry["copies"].setdefault(index.outlet(cid), []).append(index.ref(cid))
    badges = [{"outlet": o["outlet"], "claims": o["claims"],
               "copies": [{"outlet": k, "claims": v} for k, v in o["copies"].items()]} for o in origins.values()]
    return {"id": cluster["id"], "independent": cluster.get("independent_sources", len(badges)),
            "lead": index.ref(cluster["claim_ids"][0]), "badges": badges}


def syndication_view(index: _Index, group: dict) -> dict:
    def article(aid: str) -> dict:
        a = index.articles.get(aid, {})
        return {"id": aid, "outlet": a.get("source", "?"), "title": a.get("title", ""), "published": a.get("published")}

    return {"origin": article(group["origin"]), "share": group.get("share"),
            "copies": [article(aid) for aid in group["article_ids"] if aid != group["origin"]]}


def check_view(index: _Index, check: dict) -> dict:
    return {"status": check.get("status", ""), "kind": humanize(check.get("kind")),
            "explanation": check.get("explanation", ""), "claims": [index.ref(c) for c in check.get("claim_ids", [])]}


def outlet_rows(index: _Index, report: dict) -> list[dict]:
    """Per outlet: articles, claims, agreements (claims in corroborated clusters), conflicts, explained."""
    corroborated = {cid for k in report.get("clusters", []) if k.get("status") == "corroborated" for cid in k["claim_ids"]}
    rows: dict[str, Counter] = {}
    for a in index.articles.values():
        rows.setdefault(a.get("source", "?"), Counter())["articles"] += 1
    for cid in index.claims:
        row = rows.setdefault(index.outlet(cid), Counter())
        row["claims"] += 1
        row["agreements"] += cid in corroborated
    for x in report.get("conflicts", []):
        column = "conflicts" if x.get("severity") == "conflict" else "explained"
        for outlet in {index.outlet(cid) for cid in x["claim_ids"]}:
            rows.setdefault(outlet, Counter())[column] += 1
    return [{"outlet": name, **{k: row[k] for k in ("articles", "claims", "agreements", "conflicts", "explained")}}
            for name, row in sorted(rows.items(), key=lambda kv: (-kv[1]["claims"], kv[0]))]


def article_views(index: _Index, report: dict) -> list[dict]:
    """Articles in feed order, each with its claims in reading order and their status tags."""
    conflicted = {cid: x.get("severity") for x in report.get("conflicts", []) for cid in x["claim_ids"]}
    corroborated = {cid for k in report.get("clusters", []) if k.get("status") == "corroborated" for cid in k["claim_ids"]}
    by_article: dict[str, list[dict]] = {}
    for c in report.get("claims", []):
        tags = [t for t, on in (("conflict", conflicted.get(c["id"]) == "conflict"),
                                ("explained", conflicted.get(c["id"]) == "explained_difference"),
                                ("corroborated", c["id"] in corroborated), ("hedged", bool(c.get("hedged")))) if on]
        by_article.setdefault(c.get("article_id"), []).append({**index.ref(c["id"]), "tags": tags})
    return [{"id": a["id"], "outlet": a.get("source", "?"), "title": a.get("title", ""), "published": a.get("published"),
             "lang": a.get("language") or "", "url": a.get("url") or "", "copy_of": _copy_of(index, a["id"]),
             "claims": by_article.get(a["id"], [])} for a in report.get("articles", [])]


def _copy_of(index: _Index, article_id: str) -> str:
    origin = index.origin_of.get(article_id, article_id)
    return index.articles.get(origin, {}).get("source", "") if origin != article_id else ""


_SECTION_OF = {"corroborated": "corroborated", "conflicts": "conflicts", "explained": "explained", "outlets": "outlets",
               "syndication": "syndication", "checks-passed": "checks", "checks-failed": "checks"}

_TONE_OF = {"conflicts": "hot", "checks-failed": "hot", "explained": "warm"}


def summary(report: dict) -> list[dict]:
    """The headline counts, computed from the report's lists (``stats`` may be absent)."""
    checks = report.get("internal_checks", [])
    conflicts = report.get("conflicts", [])
    pairs = [
        ("articles", "articles", len(report.get("articles", []))),
        ("outlets", "outlets", len({a.get("source") for a in report.get("articles", [])})),
        ("claims", "claims", len(report.get("claims", []))),
        ("corroborated", "corroborated facts", sum(k.get("status") == "corroborated" for k in report.get("clusters", []))),
        ("conflicts", "conflicts", sum(x.get("severity") == "conflict" for x in conflicts)),
        ("explained", "explained differences", sum(x.get("severity") == "explained_difference" for x in conflicts)),
        ("syndication", "syndication groups", len(report.get("syndication", []))),
        ("checks-passed", "checks passed", sum(c.get("status") == "passed" for c in checks)),
        ("checks-failed", "checks failed", sum(c.get("status") == "failed" for c in checks)),
    ]
    return [{"key": key, "label": label, "value": value, "target": _SECTION_OF.get(key, "articles"),
             "tone": _TONE_OF.get(key, "") if value else ""} for key, label, value in pairs]


def build_view(report: dict) -> dict:
    """Everything the template shows, as plain dicts and lists."""
    index = _Index(report)
    conflicts = [conflict_view(index, x) for x in report.get("conflicts", [])]
    flagged = [x for x, raw in zip(conflicts, report.get("conflicts", [])) if raw.get("severity") == "conflict"]
    explained = [x for x, raw in zip(conflicts, report.get("conflicts", [])) if raw.get("severity") != "conflict"]
    facts = [fact_view(index, k) for k in report.get("clusters", []) if k.get("status") == "corroborated"]
    facts.sort(key=lambda f: -f["independent"])
    checks = [check_view(index, c) for c in report.get("internal_checks", [])]
    stats = report.get("stats", {})
    return {
        "lang": page_language(report.get("articles", [])),
        "audit_id": report.get("audit_id"),
        "embedder": stats.get("embedder", ""),
        "summary": summary(report),
        "conflicts": flagged,
        "explained": explained,
        "kinds": sorted({(x["kind"], x["kind_label"]) for x in conflicts}),
        "filter_outlets": sorted({o for x in conflicts for o in x["outlets"]}),
        "facts": facts,
        "syndication": [syndication_view(index, g) for g in report.get("syndication", [])],
        "checks_failed": [c for c in checks if c["status"] == "failed"],
        "checks_passed": [c for c in checks if c["status"] != "failed"],
        "outlets": outlet_rows(index, report),
        "articles": article_views(index, report),
    }


__all__ = ["render_html", "build_view", "anchor", "value_spans", "segments", "format_range", "summary"]
