"""Judge a submitted claim against retrieved evidence: supports / refutes / related, then a verdict."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from claimwatch.claims.consistency import comparable_slots, disjoint_slots, explain_difference
from claimwatch.claims.models import Article, Claim

Relation = Literal["supports", "refutes", "related"]
Verdict = Literal["supported", "refuted", "conflicting", "not_enough_evidence"]

RELATED_THRESHOLD = 0.55   # below: not evidence at all
SUPPORT_THRESHOLD = 0.70   # a value-free claim needs this much similarity to count as support


@dataclass(frozen=True, slots=True)
class Evidence:
    claim: Claim
    article: Article
    score: float
    relation: Relation
    note: str


@dataclass(frozen=True, slots=True)
class Judgement:
    verdict: Verdict
    confidence: float
    evidence: tuple[Evidence, ...]
    explanation: str
    outcome: str = ""  # the verdict and its strength ("supported:2"), the key of the confidence table


def outcome_of(verdict: Verdict, supporting: int, refuting: int, has_evidence: bool) -> str:
    """The verdict with how much stands behind it: the unit confidence is calibrated on."""
    if verdict == "supported":
        return f"supported:{min(supporting, 3)}"
    if verdict == "refuted":
        return f"refuted:{min(refuting, 3)}"
    if verdict == "not_enough_evidence":
        return "not_enough_evidence:" + ("related" if has_evidence else "none")
    return "conflicting"


def relate(query: Claim, evidence: Claim, score: float, support: float = SUPPORT_THRESHOLD) -> tuple[Relation, str]:
    """How one stored claim bears on the submitted one."""
    shared = comparable_slots(query, evidence)
    if shared:
        disjoint = sorted(disjoint_slots(query, evidence), key=lambda clash: clash[0][0] == "date")
        qa, qb = (disjoint[0][1], disjoint[0][2]) if disjoint else (None, None)
        severity, reason = explain_difference(query, evidence, qa=qa, qb=qb)
        reason = reason.split(": ", 1)[1]
        if not disjoint:
            if severity == "explained_difference" and not reason.startswith("one of them is hedged"):
                return "related", f"states the same value, but {reason}"
            if score < support:
                return "related", "states a compatible value, but may be about something else"
            return "supports", "states the same value" + (" (as an estimate or report)" if evidence.hedged else "")
        slot, qa, qb = disjoint[0]
        if severity == "explained_difference":
            return "related", f"states {qb.text} instead of {qa.text}, but {reason}"
        if score < support:
            return "related", f"states {qb.text}, but may be about something else"
        return "refutes", f"states {qb.text}, not {qa.text}"
    if query.negated != evidence.negated and score >= support:
        return "refutes", "says the opposite (one of the two is negated)"
    if [q for q in query.quantities if q.kind != "date"] and score >= support:
        return "related", "same topic, but states no comparable value"
    if score >= support:
        return "supports", "states the same fact"
    return "related", "on the same topic"


def judge(query: Claim, candidates: list[tuple[Claim, Article, float]], related: float = RELATED_THRESHOLD,
          support: float = SUPPORT_THRESHOLD, origin_source: dict[str, str] | None = None,
          confidence_table: dict[str, float] | None = None, support_cross: float | None = None) -> Judgement:
    """Verdict from the candidates (already retrieved and scored), counting independent outlets, not rows.

    ``origin_source`` maps a syndicated article's id to the outlet it copied, so a copy and its
    origin count once. ``confidence_table`` maps an outcome (``outcome_of``) to the share of such
    verdicts that were right on the development sets; without it the confidence is a heuristic.
    ``support_cross`` replaces ``support`` for evidence in another language than the claim: with no
    shared characters the same fact scores lower across languages.
    """
    origin_source = origin_source or {}
    evidence = []
    for claim, article, score in candidates:
        if score < related:
            continue
        needed = support if support_cross is None or claim.language == query.language else support_cross
        relation, note = relate(query, claim, score, needed)
        evidence.append(Evidence(claim, article, score, relation, note))
    order = {"supports": 0, "refutes": 1, "related": 2}
    evidence.sort(key=lambda e: (order[e.relation], -e.score))
    def outlet(e: Evidence) -> str:
        return origin_source.get(e.article.id, e.article.source)

    supporting = {outlet(e) for e in evidence if e.relation == "supports"}
    refuting = {outlet(e) for e in evidence if e.relation == "refutes"}
    ns, nr = len(supporting), len(refuting)
    if ns == 0 and nr == 0:
        verdict: Verdict = "not_enough_evidence"
        confidence = 0.5 if evidence else 0.8
        explanation = ("Related statements exist but none states or denies this fact." if evidence
                       else "Nothing ingested reports this fact.")
    elif nr == 0 or ns >= 3 * nr:
        verdict, confidence = "supported", _confidence(ns, nr)
        explanation = f"{ns} independent outlet(s) state this" + (f"; {nr} disagree(s)." if nr else ".")
    elif ns == 0 or nr >= 3 * ns:
        verdict, confidence = "refuted", _confidence(nr, ns)
        first = next(e for e in evidence if e.relation == "refutes")
        explanation = f"{nr} independent outlet(s) contradict this: {first.article.source} {first.note}."
    else:
        verdict, confidence = "conflicting", 0.5 + 0.1 * min(ns, nr) / max(ns, nr)
        explanation = f"Outlets disagree: {ns} support it, {nr} contradict it."
    outcome = outcome_of(verdict, ns, nr, bool(evidence))
    if confidence_table and outcome in confidence_table:
        confidence = confidence_table[outcome]
    return Judgement(verdict, round(confidence, 3), tuple(evidence), explanation, outcome)


def _confidence(agree: int, disagree: int) -> float:
    # More independent outlets, fewer dissenters: higher confidence; bounded away from 0 and 1.
    return min(0.97, 0.55 + 0.12 * agree - 0.1 * disagree)


__all__ = ["Evidence", "Judgement", "relate", "judge", "outcome_of", "RELATED_THRESHOLD", "SUPPORT_THRESHOLD"]
