"""Gold sets: load them and locate their quoted spans among the claims of a report.

Gold items name an article (its index in the feed) and a quoted span, not a claim id, so they
survive changes to segmentation: a span belongs to the claim whose offsets overlap it most.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

GOLD_SETS = {
    "sample_zh": ("h200_digest_zh.json", "shared"),     # the third-party sample feed in ../shared
    "example_zh": ("example_digest_zh.json", "repo"),   # our own Chinese digest, examples/
    "example_en": ("example_wire_en.json", "repo"),     # our own English wire feed, examples/
    # our own mixed zh/en feed on another story (DeepSeek, January 2025); a development set (calibrated on)
    "example_mixed": ("example_mixed.json", "repo"),
    # our own Chinese digest on a finance story (CATL's Hong Kong listing); a development set
    "dev_catl_zh": ("dev_catl_zh.json", "repo"),
    # our own Chinese digest on another story (Xiaomi SU7 launch); a held-out test set: never calibrated on, its misses never read
    "heldout_zh": ("heldout_su7_zh.json", "repo"),
    # our own mixed zh/en feed on a disaster story (Myanmar earthquake); a held-out test set: never calibrated on, its items and misses never read
    "heldout_quake": ("heldout_quake_mixed.json", "repo"),
    # our own mixed zh/en feed on a weather disaster (Typhoon Yagi); a development set
    "dev_typhoon": ("dev_typhoon_mixed.json", "repo"),
    # our own mixed zh/en feed on an earthquake (Dingri, Tibet, 2025); a development set for rules, not calibrated on
    "dev_quake": ("dev_quake_mixed.json", "repo"),
    # our own mixed zh/en feed on quarterly results (Tencent, Q3 2024); a development set for rules, not calibrated on
    "dev_earnings": ("dev_earnings_mixed.json", "repo"),
    # our own mixed zh/en feed on a third earthquake (Hualien, Taiwan, April 2024); a development set for rules
    "dev_hualien": ("dev_hualien_mixed.json", "repo"),
    # our own mixed zh/en feed on a product launch (Huawei Mate XT, September 2024); a development set for rules
    "dev_matext": ("dev_matext_mixed.json", "repo"),
    # our own mixed zh/en feed on floods (Valencia, October 2024); a development set for rules, written late in this version
    "dev_valencia": ("dev_valencia_mixed.json", "repo"),
    # our own mixed zh/en feed on quarterly results in US dollars (Nvidia, Q3 FY2025); a development set for rules
    "dev_nvidia": ("dev_nvidia_mixed.json", "repo"),
    # our own mixed zh/en feed on economic statistics (China's Q3 2024 GDP release); a held-out test set
    # written in this version: never calibrated on, its items and misses never read
    "heldout_gdp": ("heldout_gdp_mixed.json", "repo"),
    # our own mixed zh/en feeds, development sets for rules (not calibrated on):
    # a wildfire (Los Angeles, January 2025), a central-bank decision (the Fed's cut of September 2024)
    # and quarterly results in yuan and dollars (Alibaba, September quarter 2024)
    "dev_wildfire": ("dev_wildfire_mixed.json", "repo"),
    "dev_fed": ("dev_fed_mixed.json", "repo"),
    "dev_alibaba": ("dev_alibaba_mixed.json", "repo"),
    # and, written later, a multi-sport event (the Hangzhou Asian Games, 2023) and monthly trade statistics
    # (China's October 2024 customs data), the domains of two held-out sets (Olympics, GDP)
    "dev_asiad": ("dev_asiad_mixed.json", "repo"),
    "dev_trade": ("dev_trade_mixed.json", "repo"),
    # our own mixed zh/en feed on a sports event (the Paris 2024 Olympics); a held-out test set:
    # never calibrated on, its items and misses never read
    "heldout_olympics": ("heldout_olympics_mixed.json", "repo"),
    # our own mixed zh/en feeds in new domains, development sets for rules: market-research figures
    # (smartphone shipments, Q3 2024), a takeover (Nippon Steel and U.S. Steel, 2023-24) and an
    # election (Taiwan, January 2024)
    "dev_shipments": ("dev_shipments_mixed.json", "repo"),
    "dev_merger": ("dev_merger_mixed.json", "repo"),
    "dev_election": ("dev_election_mixed.json", "repo"),
    # our own mixed zh/en feed on an air accident (the Jeju Air crash, December 2024); a held-out test
    # set: never calibrated on, its items and misses never read
    "heldout_crash": ("heldout_crash_mixed.json", "repo"),
    # our own mixed zh/en feed on a film's box office (Ne Zha 2, early 2025), written after the rules
    # of its version to measure them on a fresh domain; a development set from then on
    "dev_boxoffice": ("dev_boxoffice_mixed.json", "repo"),
    # our own mixed zh/en feed on an IT outage (the CrowdStrike update that crashed Windows machines,
    # July 2024), written after the rules of its version to measure them on a fresh domain; a
    # development set from then on
    "dev_outage": ("dev_outage_mixed.json", "repo"),
    # our own mixed zh/en feed on a space mission (Chang'e-6's far-side sample return, May-June
    # 2024), written after the rules of its version to measure them on a fresh domain; a
    # development set from then on
    "dev_lunar": ("dev_lunar_mixed.json", "repo"),
    # our own mixed zh/en feed on a drug approval (donanemab / Kisunla, June to December 2024),
    # written at the end of its version to measure that version's rules on a fresh domain; a
    # development set from then on
    "dev_alzheimer": ("dev_alzheimer_mixed.json", "repo"),
    # our own mixed zh/en feed on a labour dispute (the Boeing machinists' strike, September to
    # November 2024), written at the start of its version to measure the rules before any were
    # written from it; a development set from then on
    "dev_strike": ("dev_strike_mixed.json", "repo"),
    # our own mixed zh/en feed on a football final (Euro 2024, July 2024), written during its version
    # and measured at the end of it, unread, to measure the version's rules on a fresh domain; a
    # development set from then on
    "dev_euro": ("dev_euro_mixed.json", "repo"),
    # our own mixed zh/en feed on a bridge collapse (the Francis Scott Key Bridge, Baltimore, March to
    # May 2024), written at the start of its version and measured at the end of it, unread, to
    # measure the version's rules on a fresh domain; a development set from then on
    "dev_bridge": ("dev_bridge_mixed.json", "repo"),
    # our own mixed zh/en feed on deaths in extreme heat (the Hajj, June 2024), written at the end of
    # its version and measured on that version's final code, unread, to measure the next version's
    # rules before any are written from it; a development set from then on
    "dev_hajj": ("dev_hajj_mixed.json", "repo"),
    # our own mixed zh/en feed on a game launch (Black Myth: Wukong, August and September 2024),
    # written at the end of its version and measured on that version's final code, unread, to
    # measure the next version's rules; a development set from then on
    "dev_wukong": ("dev_wukong_mixed.json", "repo"),
    # our own mixed zh/en feed on a court-ordered liquidation (China Evergrande, Hong Kong, January to
    # March 2024), written at the end of its version and measured on that version's final code,
    # unread, to measure the next version's rules; a development set from then on
    "dev_evergrande": ("dev_evergrande_mixed.json", "repo"),
    # our own mixed zh/en feed on a shipping disruption (attacks in the Red Sea and the diversions
    # around the Cape, December 2023 to February 2024), written at the start of its version by a
    # helper from a brief alone, measured unread at its start and its end; a development set after
    "dev_redsea": ("dev_redsea_mixed.json", "repo"),
    # our own mixed zh/en feed on a sales race (BYD against Tesla in electric cars, the fourth quarter
    # of 2023 and the weeks after), written at the end of its version by a helper from a brief alone
    # and measured on that version's final code, unread, to measure the next version's rules
    "dev_byd": ("dev_byd_mixed.json", "repo"),
    # our own mixed zh/en feed on a bank failure (the run on Silicon Valley Bank in March 2023, the
    # rescue of its depositors and the sale of the bank), written at the end of its version by a
    # helper from a brief alone and measured on that version's final code, unread, to measure the
    # next version's rules
    "dev_svb": ("dev_svb_mixed.json", "repo"),
    # our own mixed zh/en feed on a stimulus-driven stock rally (China's central-bank package of 24
    # September 2024 and the markets to mid-October), written at the start of its version by a helper
    # from a brief alone and measured unread at that version's start and end
    "dev_rally": ("dev_rally_mixed.json", "repo"),
}
# Test sets: never calibrated on, no rule written from them. Every other set is a development set.
TEST_SETS = frozenset({"sample_zh"} | {name for name in GOLD_SETS if name.startswith("heldout_")})
DEVELOPMENT_SETS = tuple(name for name in GOLD_SETS if name not in TEST_SETS)


@dataclass
class GoldSet:
    name: str
    feed_path: Path
    data: dict


def load_gold(name: str, repo_root: Path, shared_root: Path) -> GoldSet:
    filename, where = GOLD_SETS[name]
    data = json.loads(resources.files("claimwatch.evaluation").joinpath("gold", filename).read_text("utf-8"))
    base = shared_root if where == "shared" else repo_root
    return GoldSet(name, base / data["feed"], data)


class SpanLocator:
    """Maps (article index, quoted span) to the id of the claim that holds it."""

    def __init__(self, report: dict, article_texts: list[str]) -> None:
        self._ids = [a["id"] for a in report["articles"]]
        self._texts = article_texts
        self._claims: dict[str, list[dict]] = {}
        for c in report["claims"]:
            self._claims.setdefault(c["article_id"], []).append(c)

    def claim_of(self, member: dict) -> str | None:
        index, span = member["article"], member["span"]
        if index >= len(self._ids):
            return None
        text = self._texts[index]
        at = text.find(span)
        if at < 0:
            return None
        best, overlap = None, 0
        for c in self._claims.get(self._ids[index], []):
            o = min(c["end"], at + len(span)) - max(c["start"], at)
            if o > overlap:
                best, overlap = c["id"], o
        return best

    def article_id(self, index: int) -> str:
        return self._ids[index]


__all__ = ["GOLD_SETS", "GoldSet", "load_gold", "SpanLocator"]
