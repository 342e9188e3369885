"""Pydantic models at the HTTP boundary; field descriptions are the OpenAPI docs users read."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Verdict = Literal["supported", "refuted", "conflicting", "not_enough_evidence"]
Relation = Literal["supports", "refutes", "related"]
ClusterStatus = Literal["corroborated", "conflicting", "single_source"]
Severity = Literal["conflict", "explained_difference"]


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class QuantityPublic(_Open):
    kind: str = Field(description="percent, money, count, multiple, fraction, measure, date, duration or time (a time of day, in minutes after midnight UTC)")
    value: float = Field(description="normalised value (percent in points, money in currency units, dates as YYYYMMDD)")
    unit: str = Field(description="normalised unit: %, USD, CNY, TB/s, cards, date, …")
    low: float | None = Field(description="lower bound after qualifiers; null when unbounded")
    high: float | None = Field(description="upper bound after qualifiers; null when unbounded")
    text: str = Field(description="the value as written")
    subject: str | None = Field(None, description="what the value describes (product:H200, org:nvidia, …)")
    attribute: str | None = Field(None, description="which attribute of it (revenue_share, memory_bandwidth, …)")
    relative_to: str | None = Field(None, description="for 'X is N times Y': the subject Y")
    scope: str | None = Field(None, description="the part of the amount it measures, as written before the attribute "
                                                "('增值服务' revenue); '' for the whole; null for attributes not split into parts")


class ArticlePublic(_Open):
    id: str = Field(description="article id (given by the feed, or derived from its content)")
    source: str = Field(description="outlet")
    title: str = Field(description="headline")
    published: str | None = Field(description="publication time, ISO 8601")
    language: str = Field(description="zh, en or other")


class ClaimPublic(_Open):
    id: str = Field(description="claim id, '{article_id}:{n}'")
    article_id: str = Field(description="the article the claim comes from")
    text: str = Field(description="the claim, citation markers removed")
    quantities: list[QuantityPublic] = Field(description="values stated in the claim")
    hedged: bool = Field(description="asserted with a hedge (有消息称, reportedly, …)")
    negated: bool = Field(False, description="a negation changes the fact (不包括, not, no longer)")
    opinion: bool = Field(False, description="evaluative, without a checkable fact (英明之举, a shrewd move)")
    attributed_to: str | None = Field(None, description="who the claim reports as its source (org:bernstein, anon:media)")


class ClusterPublic(_Open):
    id: str = Field(description="cluster id")
    claim_ids: list[str] = Field(description="claims that report this fact")
    status: ClusterStatus = Field(description="corroborated, conflicting or single_source")
    independent_sources: int = Field(description="distinct outlets after collapsing syndicated copies to their origin")


class ClustersPublic(BaseModel):
    data: list[ClusterPublic] = Field(description="one page of clusters")
    count: int = Field(description="clusters matching the filter, all pages")
    offset: int = Field(description="offset of this page")
    limit: int = Field(description="page size")


class ClusterDetail(ClusterPublic):
    claims: list[ClaimPublic] = Field(description="the member claims")


class ConflictPublic(_Open):
    id: str = Field(description="conflict id")
    claim_ids: list[str] = Field(description="the two claims", min_length=2, max_length=2)
    attribute: str = Field(description="the compared attribute (revenue_share, memory_bandwidth, …), else the kind of value")
    values: list[str] = Field(description="both values as written")
    severity: Severity = Field(description="conflict, or explained_difference when the values need not clash")
    explanation: str = Field(description="one sentence a reader can check")


class SyndicationPublic(_Open):
    article_ids: list[str] = Field(description="articles that carry one text")
    origin: str = Field(description="the earliest published of them")


class InternalCheckPublic(_Open):
    claim_ids: list[str] = Field(description="claims whose numbers were checked against each other")
    status: Literal["passed", "failed"] = Field(description="passed or failed")
    explanation: str = Field(description="the computation shown")


class AuditReport(_Open):
    articles: list[ArticlePublic] = Field(description="articles in feed order")
    claims: list[ClaimPublic] = Field(description="claims in reading order")
    clusters: list[ClusterPublic] = Field(description="facts reported by more than one claim")
    conflicts: list[ConflictPublic] = Field(description="conflicts and explained differences")
    syndication: list[SyndicationPublic] = Field(description="groups of copied articles")
    internal_checks: list[InternalCheckPublic] = Field(description="arithmetic checks inside claims")
    audit_id: str | None = Field(None, description="id of the kept audit: GET /v1/audits/{id}, page at /audits/{id}")


class VerifyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    claim: str = Field(min_length=1, max_length=2000, description="the statement to verify, Chinese or English")
    top_k: int = Field(10, ge=1, le=100, description="how many pieces of evidence to consider")


class EvidencePublic(_Open):
    claim_id: str = Field(description="the stored claim")
    text: str = Field(description="its text")
    source: str = Field(description="outlet")
    published: str | None = Field(description="publication time")
    relation: Relation = Field(description="supports, refutes or related")
    score: float = Field(description="same-fact score (hybrid dense + lexical, lifted by shared values)")
    span: list[int] | None = Field(None, description="[start, end] of the claim in its article's text")
    highlights: list[list[int]] = Field(default_factory=list,
                                        description="[start, end] spans in `text` of the values compared with the query's")


class VerifyResponse(_Open):
    verdict: Verdict = Field(description="supported, refuted, conflicting or not_enough_evidence")
    confidence: float = Field(ge=0, le=1, description="confidence in the verdict")
    evidence: list[EvidencePublic] = Field(description="ordered by relation, then score")
    explanation: str = Field(description="why, in one or two sentences")


class IngestResponse(BaseModel):
    articles_added: list[str] = Field(description="ids of the articles stored now")
    articles_skipped: list[str] = Field(description="ids of articles already stored (same content)")
    claims_added: int = Field(description="claims stored now")
    claims_total: int = Field(description="claims in the store")


class Health(BaseModel):
    status: Literal["ok"] = Field(description="ok when the store is open")
    embedder: str = Field(description="embedder of the store")
    claims: int = Field(description="claims stored")
    articles: int = Field(description="articles stored")
    version: str = Field(description="claimwatch version")
