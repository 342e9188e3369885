"""Claims: parse feeds, split articles into claims, understand their values, judge consistency.

Nothing here imports the web stack or the vector index, so it works as a plain library.
"""

from claimwatch.claims.arithmetic import check_articles, check_claim
from claimwatch.claims.attribution import find_attribution
from claimwatch.claims.consistency import build_clusters
from claimwatch.claims.syndication import find_syndication
from claimwatch.claims.feeds import detect_format, parse_feed
from claimwatch.claims.hedges import find_hedge, find_negation
from claimwatch.claims.models import Article, Claim, Quantity
from claimwatch.claims.quantities import extract_quantities
from claimwatch.claims.segment import segment_claims
from claimwatch.claims.subjects import find_subjects
from claimwatch.claims.verdicts import judge

__all__ = [
    "Article", "Claim", "Quantity", "build_clusters", "check_articles", "check_claim", "detect_format",
    "extract_quantities", "find_attribution", "find_hedge", "find_negation", "find_subjects", "find_syndication", "judge",
    "parse_feed", "segment_claims",
]
