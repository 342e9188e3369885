"""Exports of an audit report and a verify answer: JSON Lines of claims, CSV of conflicts, ClaimReview.

Pure functions of the plain dicts of the output contract (``audit_articles``, ``verify_claim``);
nothing here touches the store or the network. The Markdown summary lives in ``report.py``.

ClaimReview rating (schema.org ``Rating`` on a 1–5 truth scale, ``alternateName`` in words):

=====================  ===========  =============
verdict                ratingValue  alternateName
=====================  ===========  =============
supported              5            True
conflicting            3            Mixed
not_enough_evidence    3            Unproven
refuted                1            False
=====================  ===========  =============

Mixed and Unproven both sit at the middle of the scale; ``alternateName`` tells them apart.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from datetime import date

EXTENSION_KEY = "claimwatch:analysis"
RATING_SCALE = (1, 5)  # worstRating, bestRating
VERDICT_RATINGS: dict[str, tuple[int, str]] = {
    "supported": (5, "True"),
    "conflicting": (3, "Mixed"),
    "not_enough_evidence": (3, "Unproven"),
    "refuted": (1, "False"),
}
RELATION_NAMES = {"supports": "supporting", "refutes": "refuting", "related": "related"}
CONFLICT_COLUMNS = (
    "id", "severity", "kind", "attribute", "value_a", "value_b", "normalised_a", "normalised_b",
    "claim_a", "claim_b", "outlet_a", "outlet_b", "published_a", "published_b", "text_a", "text_b", "explanation",
)
# Line separators that str.splitlines() honours but json.dumps(ensure_ascii=False) leaves raw.
_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def _one_line_json(obj: object) -> str:
    text = json.dumps(obj, ensure_ascii=False)
    for raw, escaped in _LINE_BREAKS.items():
        text = text.replace(raw, escaped)
    return text


def claims_jsonl(report: dict) -> str:
    """One claim object per line, with its article's ``source``, ``title`` and ``published``
    (``cluster_id`` is already on each claim: null when the claim is in no cluster)."""
    articles = {a["id"]: a for a in report["articles"]}
    lines = []
    for claim in report["claims"]:
        article = articles.get(claim["article_id"], {})
        row = {**claim, "source": article.get("source"), "title": article.get("title"),
               "published": article.get("published")}
        lines.append(_one_line_json(row))
    return "".join(line + "\n" for line in lines)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str, starts: tuple[str, ...] = _FORMULA_START) -> str:
    """Feed text made safe for spreadsheets: a cell that a spreadsheet would read as a formula
    (=, +, -, @ first) gets a leading apostrophe, as OWASP advises against CSV injection."""
    return "'" + text if text.startswith(starts) else text


def conflicts_csv(report: dict) -> str:
    """One CSV row per conflict and explained difference, columns ``CONFLICT_COLUMNS``.

    ``normalised_a``/``normalised_b`` are the value intervals as JSON ``[low, high]`` (null when
    unbounded). Fields are quoted as needed, so commas, quotes and newlines in claims survive.
    Text from the feed (claims, outlets, explanations, and values that do not start like a
    number) is kept from being read as a spreadsheet formula (see ``_cell``)."""
    articles = {a["id"]: a for a in report["articles"]}
    claims = {c["id"]: c for c in report["claims"]}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CONFLICT_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for x in report["conflicts"]:
        row = {"id": x["id"], "severity": x["severity"], "kind": x.get("kind", ""), "attribute": x["attribute"],
               "explanation": _cell(x["explanation"])}
        normalised = x.get("normalised") or [None, None]
        for side, claim_id, value, interval in zip("ab", x["claim_ids"], x["values"], normalised):
            claim = claims.get(claim_id, {})
            article = articles.get(claim.get("article_id"), {})
            row |= {f"value_{side}": _cell(value, ("=", "+", "@", "\t", "\r")), f"normalised_{side}": json.dumps(interval),
                    f"claim_{side}": claim_id, f"outlet_{side}": _cell(article.get("source", "")),
                    f"published_{side}": article.get("published") or "", f"text_{side}": _cell(claim.get("text", ""))}
        writer.writerow(row)
    return out.getvalue()


def _organization(name: str) -> dict:
    return {"@type": "Organization", "name": name}


def _appearance(evidence: dict) -> dict:
    """A piece of evidence as a schema.org ``CreativeWork`` (the article passage that states it)."""
    work = {"@type": "CreativeWork", "identifier": evidence["claim_id"], "headline": evidence.get("title"),
            "url": evidence.get("url"), "publisher": _organization(evidence["source"]),
            "datePublished": evidence.get("published"), "text": evidence["text"]}
    return {k: v for k, v in work.items() if v is not None}


def _outlets(answer: dict, relation: str, origin_source: Mapping[str, str]) -> list[str]:
    """Distinct outlets of the evidence with ``relation``; a syndicated copy counts as its origin."""
    outlets = []
    for e in answer["evidence"]:
        if e["relation"] == relation:
            article_id = e["claim_id"].rsplit(":", 1)[0]
            outlets.append(origin_source.get(article_id, e["source"]))
    return sorted(set(outlets))


def claim_review(answer: dict, *, origin_source: Mapping[str, str] | None = None,
                 today: date | None = None) -> dict:
    """A verify answer as schema.org ``ClaimReview`` JSON-LD.

    Supporting evidence becomes the claim's ``appearance`` (earliest dated one also as
    ``firstAppearance``); everything claimwatch knows beyond schema.org (verdict, confidence,
    clusters, independent outlets, the refuting and related evidence) sits under ``EXTENSION_KEY``.
    ``origin_source`` (article id → outlet it copies, ``Store.origin_sources()``) makes the
    independent-outlet counts collapse syndicated copies as the verdict does."""
    origin_source = origin_source or {}
    value, words = VERDICT_RATINGS[answer["verdict"]]
    supporting = [e for e in answer["evidence"] if e["relation"] == "supports"]
    appearances = [_appearance(e) for e in supporting]
    claim: dict = {"@type": "Claim", "appearance": appearances}
    dated = sorted((a for a in appearances if a.get("datePublished")), key=lambda a: a["datePublished"])
    if dated:
        claim["firstAppearance"] = dated[0]
    outlets = {name: _outlets(answer, relation, origin_source) for relation, name in RELATION_NAMES.items()}
    cluster_ids = list(dict.fromkeys(e["cluster_id"] for e in answer["evidence"] if e.get("cluster_id")))
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": answer["claim"],
        "datePublished": (today or date.today()).isoformat(),
        "author": _organization("claimwatch"),
        "reviewRating": {"@type": "Rating", "ratingValue": value, "worstRating": RATING_SCALE[0],
                         "bestRating": RATING_SCALE[1], "alternateName": words,
                         "ratingExplanation": answer["explanation"]},
        "itemReviewed": claim,
        EXTENSION_KEY: {
            "verdict": answer["verdict"],
            "confidence": answer["confidence"],
            "explanation": answer["explanation"],
            "cluster_ids": cluster_ids,
            "independent_sources": {"supporting": len(outlets["supporting"]), "refuting": len(outlets["refuting"])},
            "supporting_outlets": outlets["supporting"],
            "refuting_outlets": outlets["refuting"],
            **{f"{name}_evidence": [e for e in answer["evidence"] if e["relation"] == relation]
               for relation, name in RELATION_NAMES.items()},
        },
    }


__all__ = ["claims_jsonl", "conflicts_csv", "claim_review", "CONFLICT_COLUMNS", "VERDICT_RATINGS", "EXTENSION_KEY"]
