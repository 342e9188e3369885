"""Render an audit report (the JSON contract) as a Markdown summary for people."""

from __future__ import annotations


def render_markdown(report: dict) -> str:
    """A readable summary: counts, conflicts, explained differences, corroborated facts, syndication."""
    articles = {a["id"]: a for a in report["articles"]}
    claims = {c["id"]: c for c in report["claims"]}
    stats = report.get("stats", {})

    def who(claim_id: str) -> str:
        a = articles[claims[claim_id]["article_id"]]
        return f"{a['source']} ({a['published'] or 'undated'})"

    lines = ["# claimwatch audit", ""]
    lines.append(
        f"{stats.get('articles', len(articles))} articles from {stats.get('outlets', '?')} outlets, "
        f"{len(claims)} claims, {len(report['clusters'])} clusters "
        f"({stats.get('corroborated', 0)} corroborated), {stats.get('conflicts', 0)} conflicts, "
        f"{stats.get('explained_differences', 0)} explained differences, "
        f"{len(report['syndication'])} syndication groups."
    )
    for title, severity in (("Conflicts", "conflict"), ("Explained differences", "explained_difference")):
        items = [x for x in report["conflicts"] if x["severity"] == severity]
        lines += ["", f"## {title} ({len(items)})", ""]
        for x in items:
            a, b = x["claim_ids"]
            lines.append(f"- **{x['values'][0]}** vs **{x['values'][1]}** ({x['attribute']}): {x['explanation']}")
            lines.append(f"  - {who(a)}: {claims[a]['text']}")
            lines.append(f"  - {who(b)}: {claims[b]['text']}")
    corroborated = [k for k in report["clusters"] if k["status"] == "corroborated"]
    corroborated.sort(key=lambda k: -k["independent_sources"])
    lines += ["", f"## Corroborated facts ({len(corroborated)})", ""]
    for k in corroborated:
        first = claims[k["claim_ids"][0]]["text"]
        lines.append(f"- {k['independent_sources']} independent outlets ({', '.join(k.get('sources', []))}): {first}")
    lines += ["", f"## Syndication ({len(report['syndication'])})", ""]
    for g in report["syndication"]:
        copies = [articles[a]["source"] for a in g["article_ids"] if a != g["origin"]]
        lines.append(f"- {articles[g['origin']]['source']} is the origin; copied by {', '.join(copies)}")
    checks = report.get("internal_checks", [])
    failed = [c for c in checks if c["status"] == "failed"]
    lines += ["", f"## Arithmetic checks ({len(failed)} failed, {len(checks) - len(failed)} passed)", ""]
    for c in failed:
        claim = claims[c["claim_ids"][0]]
        lines.append(f"- **failed** ({c['kind']}): {c['explanation']}")
        lines.append(f"  - {who(claim['id'])}: {claim['text']}")
    return "\n".join(lines) + "\n"


__all__ = ["render_markdown"]
