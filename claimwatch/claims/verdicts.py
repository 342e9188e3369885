"""Judge a submitted claim against retrieved evidence: supports / refutes / related, then a verdict."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from collections.abc import Callable
from typing import Literal

from claimwatch.claims.consistency import (
    BY_AGENCY, Disagreement, acts_in, as_percent, counterparts_across_languages, personal, published_before, roundings_apart, attribute_known, clash_order, comparable_slots, direction_of, disjoint_slots, explain_difference,
    negated_clause, one_company, one_figure_two_conditions, one_figure_two_currencies, same_attribute, paired_slots, same_subject, subject_of,
    well_before, TOLLS, anchored_days, single_days,
)
from claimwatch.claims.quantities import DIGITS, FROM_TO, count_word, is_prior_value
from claimwatch.claims.conditions import LOCATED, PLACES, conditions_at, differing, periods_of, with_title_measurer
from claimwatch.claims.expectations import opposite_outcomes, outcomes
from claimwatch.claims.hedges import declines_comment
from claimwatch.claims.measures import same_measure
from claimwatch.claims.places import countries_named, places_of, unsure_across_scripts
from claimwatch.claims.scopes import SCOPED, same_scope
from claimwatch.claims.slots import CHANGE, clause_around, clause_span, is_time_frame
from claimwatch.claims.subjects import FRAMING, distinguishing, find_subjects, subject_mentions
from claimwatch.claims.words import CJK
from claimwatch.claims.models import Article, Claim, Quantity
from claimwatch.claims.text import han_pairs

Relation = Literal["supports", "refutes", "related"]
Verdict = Literal["supported", "refuted", "conflicting", "not_enough_evidence"]

RELATED_THRESHOLD = 0.55   # below: not evidence at all
SUPPORT_THRESHOLD = 0.70   # a value-free claim needs this much similarity to count as support
PLACE_FACT = 0.55  # a claim of where, against evidence of where else, needs this much similarity to be refuted
NAMED_DENIAL = 0.45  # a same-language denial below the same-fact score bears on a claim naming its subject from here


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
    return "conflicting:" + ("lopsided" if max(supporting, refuting) >= 3 * min(supporting, refuting) else "even")


def relate(query: Claim, evidence: Claim, score: float, support: float = SUPPORT_THRESHOLD,
           fact: float | None = None, published: str | None = None, title: str = "") -> tuple[Relation, str]:
    """How one stored claim bears on the submitted one.

    A move or a decision the other way refutes before any value is compared ("收涨" against
    "下跌0.29%", "维持…不变" against "下调50个基点"). Values decide next, slot by slot (kind, unit,
    attribute, subject), the evidence's values left behind by a change or correction ("from
    $128.42") aside: a value that agrees supports; one that clashes refutes, unless the
    difference is explained or what either value measures is unknown.
    Without comparable values, a negation of a value-free statement refutes, as does the same
    comparison the other way round; a claim with values (a year included) is never supported by
    wording alone; otherwise a score of at least ``fact`` (default ``support``) supports, if the
    evidence names one of the subjects the claim names (when it names any) and compares as the
    claim does, and is not about an earlier event: evidence whose dates all lie months before its
    own ``published`` time ("2015年4月尼泊尔发生的7.8级地震曾造成近9000人死亡") bears out no undated claim
    by wording ("这次地震在尼泊尔造成了人员死亡"). A quarter the evidence's article ``title`` names times
    the evidence's period figures when the evidence names none ("非国际财务报告准则下归母净利润为598亿元"
    under a third-quarter headline is no second-quarter profit). One figure given for a part and for
    its whole (a quarter and the first three, an hour and a day) refutes; so does the opposite extreme
    since the same date. A claim dated years before the evidence's article is not judged by its
    undated figures, and a claim about one round (第二轮) is not judged by another round's.
    """
    as_given = evidence
    frames = [q for q in query.quantities if q.kind == "date" and q.attribute is None]
    if (frames and not query.hedged and not any(q.kind == "date" for q in evidence.quantities)
            and published_before(frames, published)):  # a forecast is made before its time; a date can clash
        return "related", f"published before the time the claim speaks of ({frames[0].text})"
    if (frames and not any(q.kind == "date" for q in evidence.quantities) and any(q.kind != "date" for q in query.quantities)
            and _years_before(frames, published, 2)):
        # "The original Ne Zha took 488 million yuan on its first day in 2019" is not borne out or denied by an
        # undated figure of a 2025 article ("该片首日票房为4.88亿元"): the article tells of its own time
        return "related", f"about its own time, not {frames[0].text}"
    past = bool(_PAST.search(query.text))
    if past:  # "份额曾超过95%": what it was, not what a change left it at
        evidence = _without(evidence, _is_final_value)
    elif not any(is_prior_value(query.text, q) for q in query.quantities):
        evidence = _without(evidence, is_prior_value)  # "to $118.42 from $128.42" states $118.42
    if _PRESENT.search(query.text) and not past:
        evidence = _without(evidence, _is_past_value)  # "目前仍超过一半": not what it once was ("一度超过95%")
    if score >= support:  # "第三季度单季亏损61.7亿美元" against "前三季度累计亏损61.7亿美元": one figure cannot be both
        for qa, qb, (mine, theirs) in one_figure_two_conditions(query, evidence, part_and_whole=True):
            return "refutes", f"states the same figure ({qb.text}) under {', '.join(sorted(theirs))}, not {', '.join(sorted(mine))}"
    # (a date is a time frame whatever counted the figures it times: "In the second quarter, IDC had put …")
    evidence = _without(evidence, lambda _, qb: qb.kind != "date" and _under_other_conditions(query, evidence, qb, title))
    headline, claimed = periods_of(title), periods_of(query.text)
    if headline and claimed and not headline & claimed and not periods_of(evidence.text):
        evidence = _without(evidence, lambda _, qb: direction_of(qb.attribute or "")[0] in SCOPED)
    # "NetEase said on Thursday that …", "the slowest pace since 2022": no date of the fact
    evidence = _without(evidence, lambda text, q: q.kind == "date" and not is_time_frame(text, q))
    # (a claim that names no agency is borne out by any agency's figure, and refuted by none)
    evidence = _without(evidence, lambda _, qb: qb.attribute in BY_AGENCY and not _same_agency(query, evidence, qb)
                        and not _any_agency_agrees(query, qb))
    values = [q for q in query.quantities if q.kind != "date"]
    if values and all(q.subject is None for q in values):
        # "特斯拉Model 3的起售价": not the X9's price; a name in the headline is the one "该机" refers to
        missing = unmatched_names(query.text, f"{evidence.text} {title}")
        # a Latin name of no alias is not written in a Chinese text at all ("Yagi" is 摩羯): across
        # languages its absence proves nothing, unless the evidence names a thing of its own instead
        # (宁德时代's share price is no index's level)
        if missing and (query.language == evidence.language or _names_other_things(query, evidence)):
            return "related", f"states figures of {', '.join(missing)}, which it does not name"
        holder = _sole_holder(query, values)
        if holder and query.language == evidence.language == "en":
            # "CoreLogic estimated … $20 billion to $30 billion" against "Moody's RMS estimates … $20 billion
            # to $30 billion, while CoreLogic puts … at $35 billion to $45 billion": CoreLogic's figures only
            held = _held_by(evidence)
            if holder in held.values():
                evidence = _without(evidence, lambda _, qb: qb.kind != "date" and held.get(qb.start) not in (None, holder))
    rounds_q, rounds_e = _rounds(query.text), _rounds(as_given.text)
    if rounds_q and rounds_e and not rounds_q & rounds_e:  # "第二轮援助计划" is not "首轮援助计划"
        return "related", f"on the same topic, but about another round ({', '.join(f'{n:g}' for n in sorted(rounds_e))})"
    move = opposite_move(query, evidence) or other_decision(query, evidence)
    if move is not None and score >= support:
        return "refutes", move
    claimed_extreme = _extreme_since(query)
    if claimed_extreme:
        stated_extreme = _extreme_since(as_given)
        if stated_extreme and score >= support and (other := opposite_extremes(claimed_extreme, stated_extreme)):
            return "refutes", other
        if not values and stated_extreme is None:
            # "10月出口增速为2023年3月以来最低" is not borne out by "10月出口增长强劲": the extreme is the claim
            return "related", "on the same topic, but says nothing of a high or low since that date"
    converted = one_figure_two_currencies(query, evidence)
    if converted and score >= support:  # "$72.6 billion" against "726亿元": the figure, in another currency
        qa, qb = converted[0]
        return "refutes", f"states the same figure in {qb.unit} ({qb.text}), not in {qa.unit}"
    beat_missed = opposite_outcomes(query.text, evidence.text)
    if beat_missed and score >= support and not evidence.hedged and one_company(query, evidence, "", ""):
        return "refutes", f"says the {beat_missed[0].replace('_', ' ')} did the opposite against expectations"
    if comparable_slots(query, evidence):
        disjoint = sorted(disjoint_slots(query, evidence), key=clash_order)
        if disjoint and all(qa.kind == "date" and not (attribute_known(qa) and attribute_known(qb))
                            and not echoes(query, evidence, qa, qb, score) for _, qa, qb in disjoint) \
                and any(qa.kind != "date" for qa, _ in agreeing_values(query, evidence, past=past)):
            # "10月CPI环比下降0.3%" against "国家统计局11月9日发布数据显示，…环比下降0.3%": the figure agrees,
            # and the other date is of nothing the claim dates
            disjoint = []
        if not disjoint:
            agreeing = agreeing_values(query, evidence, past=past)
            if not agreeing:
                return "related", "states a value of the same kind, but for something else"
            frame = lambda q: q.kind == "date" and q.attribute is None  # noqa: E731  (a date that times the claim)
            figures = any(q.kind != "date" for q in query.quantities)
            if not all(frame(q) for q in query.quantities) and all(frame(qa) for qa, _ in agreeing) or (
                    figures and all(qa.kind == "date" and frame(qb) for qa, qb in agreeing)):
                # (a day of the evidence that only times it bears out no date of the claim's event either:
                # "closed down 1.8% on Wednesday" is no delivery of 14 jets in October)
                return "related", "states the same date, but none of the claim's figures"
            if (all(frame(q) for q in query.quantities) and _compared(query.text) != _compared(evidence.text)
                    and not outcomes(query.text)):  # (against expectations: beat_missed above decides)
                # "Lai won more votes than Tsai did in 2020": the year is when, the order is what is claimed
                return "related", "states the same date, but not the comparison the claim makes"
            if all(frame(q) for q in query.quantities) and not (
                    _names_a_common_subject(query, evidence) and not _places_unnamed(query, evidence, title)
                    and not unmatched_names(query.text, f"{evidence.text} {title}") and _worded_alike(query, evidence, score, fact)):
                # "Guangdong had reported several deaths by 7 September": the date is when, not what
                return "related", "states the same date, but not what the claim says happened then"
            qa, qb = agreeing[0]
            severity, reason = explain_difference(query, evidence, qa=qa, qb=qb, trust_slots=True, between_outlets=False)
            reason = reason.split(": ", 1)[1]
            if severity == "explained_difference" and not reason.startswith("one of them is hedged"):
                return "related", f"states the same value, but {reason}"
            if score < support or (query.language != evidence.language and score < CROSS_AGREE and all(
                    x.kind != "date" and not (attribute_known(x) and attribute_known(y)) for x, y in agreeing)):
                return "related", "states a compatible value, but may be about something else"
            if qa.attribute in LOCATED:
                here, there = _places(query, qa), _places(evidence, qb)
                if here and there and not here & there:  # "several deaths in Guangdong" is not four in Quang Ninh
                    return "related", "states the same value, but for another place"
                # a claim that names no place is borne out by a figure of the story's place; a figure the
                # claim places is not borne out by one the evidence does not place there
                if here - FRAMING and not there - FRAMING and not (here - FRAMING) & places_of(f"{evidence.text} {title}"):
                    return "related", "states the same value, but only one of the two says where"
            else:
                # (in one script: 花莲市 is read "hualian", not Hualien)
                local = {c for c in places_of(query.text) if not c.startswith("place:")} if query.language == evidence.language else set()
                if local and not local & places_of(f"{evidence.text} {title}"):
                    # "grossed more than 300 million yuan in Shanghai": the evidence's national figure is not Shanghai's
                    return "related", f"states the same value, but not for {sorted(local)[0].split(':', 1)[1]}"
            return "supports", "states the same value" + (" (as an estimate or report)" if evidence.hedged else "")
        slot, qa, qb = disjoint[0]
        # words beside two values of no known measure tell one from another ("2,200 tents" / "22,000 tents"); a
        # named measure against an unnamed rise ("出口同比增长5%" / "吞吐量…同比增长18.3%") they cannot
        bare_rise = any(q.attribute and not attribute_known(q) for q in (qa, qb))  # growth, change_up: no measure named
        alike = None if (attribute_known(qa) and attribute_known(qb)
                         or bare_rise and (attribute_known(qa) or attribute_known(qb))) else same_measure_pair(query, evidence, disjoint)
        if alike is not None:  # "2,200 tents" against "22,000 tents": no attribute named, one thing counted
            qa, qb = alike
        severity, reason = explain_difference(query, evidence, qa=qa, qb=qb, trust_slots=True, between_outlets=False)
        reason = reason.split(": ", 1)[1]
        if severity == "explained_difference":
            return "related", f"states {qb.text} instead of {qa.text}, but {reason}"
        moment = another_moment(query, as_given, published) if qa.attribute in TOLLS else 0
        if moment and (qa.attribute == "missing" or moment * (qa.low - qb.high) >= 0):
            return "related", (f"states {qb.text} instead of {qa.text}, but a toll "
                               f"({qa.attribute.replace('_', ' ')}) on another day")
        if alike is None and not (attribute_known(qa) and attribute_known(qb)) and score >= support:
            # of several clashing values, the one whose own words echo the claim's is its counterpart
            # ("上升器于6月10日起飞" against "着陆器于6月2日…着陆，上升器于6月4日…起飞": the lift-off's day)
            qa, qb = next(((x, y) for _, x, y in _clashing(query, evidence, disjoint) if echoes(query, evidence, x, y, score)),
                          (qa, qb))
        if alike is None and not (attribute_known(qa) and attribute_known(qb)) and not (
                score >= support and echoes(query, evidence, qa, qb, score)):
            return "related", f"states {qb.text}, but what it measures is unclear"
        if score < support:
            return "related", f"states {qb.text}, but may be about something else"
        if qa.attribute in LOCATED:
            here, there = _places(query, qa), _places(evidence, qb)
            if bool(here) != bool(there):
                return "related", f"states {qb.text}, but only one of the two says where"
            if here and not here & there:  # 老挝 against 富寿省: where one lies relative to the other is unknown
                return "related", f"states {qb.text}, but names no place the claim names"
            if there < here:  # Taiwan's 57 injured against Hualien county's 346: a count of a wider area
                return "related", f"states {qb.text}, but for a wider area than the claim's"
        return "refutes", f"states {qb.text}, not {qa.text}"
    if (query.negated != evidence.negated and score >= support
            # a denial with no figures denies the claimed event, figures and all ("联邦政府并未承诺承担…的费用"
            # against "…承诺在180天内全额承担…"), when it is worded as the same fact
            and (not values or evidence.negated and score >= (fact or support) and not evidence.quantities
                 and _worded_alike(query, evidence, score, fact))
            and not declines_comment(query.text) and not declines_comment(evidence.text)
            and all(q.kind == "date" for q in evidence.quantities)  # a date decides no statement
            and negation_bears_on_common_subject(query, evidence) and denies_what_is_said(query, evidence)
            # a denial of nothing named bears on a claim of nothing named only when it reads as one fact
            and (score >= (fact or support) or _names_a_common_subject(query, evidence) and distinguishing(find_subjects(query.text))
                 and (score >= NAMED_DENIAL or query.language != evidence.language))):
        return "refutes", "says the opposite (one of the two is negated)"
    elsewhere = other_place(query, evidence) if not values and score >= PLACE_FACT else None
    # (evidence that names nothing else, before what places it, is about the claim's subject: "The return
    # capsule landed in …", not "The Shenzhou return capsule landed in …")
    if elsewhere and _worded_alike(query, evidence, score, fact) and (_names_a_common_subject(query, evidence, title) or (
            not _names_other_things(query, evidence) and not unmatched_names(_before_locative(evidence.text), query.text))):
        return "refutes", elsewhere
    if score >= support and not values and opposite_comparisons(query, evidence):
        return "refutes", "compares the same two things the other way round"
    if score >= support and not values:
        ordered = values_in_order(query, evidence)
        if ordered is not None:
            return ordered
    if query.quantities and score >= support:  # its values (a year included) are what it asserts
        return "related", "same topic, but states no comparable value"
    if _same_in_words(query, evidence, score, support, fact, title):
        if evidence.negated != query.negated and (negation_bears_on_common_subject(query, evidence)
                                                  or not said_beside_the_denial(query, evidence)):
            # "Samsung, which sells the Fold6 for 13,999 yuan, has not announced a tri-fold": worded alike, denied;
            # and a denial ("Nobody died in Andalusia") is not borne out by its words said plainly
            return "related", "worded alike, but one of the two is negated"
        dated = [q for q in evidence.quantities if q.kind == "date"]  # its dates of saying are left out above
        if dated and not any(q.kind == "date" for q in query.quantities) and well_before(dated, published):
            return "related", f"on the same topic, but about an earlier time ({dated[0].text})"
        contrary = contrary_predicates(query.text, evidence.text)
        if contrary:
            return "refutes", contrary
        return "supports", "states the same fact"
    return "related", "on the same topic"


# Predicates that cannot both hold of one subject and one event: what was done, against its contrary
_CONTRARIES = tuple((name_a, re.compile(a, re.IGNORECASE), name_b, re.compile(b, re.IGNORECASE)) for name_a, a, name_b, b in (
    ("resigned", r"辞职|辞去|辞任|下台|卸任|\b(?:resign(?:ed|s)?|step(?:ped|s)? down|quit|quits)\b",
     "stayed on", r"留任|续约|继续执教|继续担任|\b(?:stay(?:ed|s)? on|remain(?:ed|s)? (?:in charge|as|in office))\b"),
    ("congratulated", r"祝贺|道贺|\bcongratulat\w*",
     "criticised", r"批评|谴责|抨击|\b(?:criticis\w*|criticiz\w*|condemn\w*|denounc\w*)"),
    ("accepted", r"接受|\baccept(?:ed|s)?\b|\bapprov(?:e|ed|es)\b|批准",
     "rejected", r"否决|拒绝|驳回|\b(?:reject(?:ed|s)?|vot(?:e|ed) down|turn(?:ed|s)? down|veto(?:ed|es)?)\b"),
    ("backed", r"支持|赞成|\b(?:endorse[ds]?|back(?:ed|s)|support(?:ed|s))\b",
     "opposed", r"反对|\b(?:oppose[ds]?)\b"),
    ("safe", r"平安|无恙|获救|生还|\b(?:safe|survived|rescued)\b",
     "dead", r"遇难|身亡|死亡|罹难|\b(?:died|killed|dead)\b"),
    ("won", r"夺冠|获胜|击败|战胜|\b(?:won|beat|defeated)\b",
     "lost", r"不敌|落败|输给|\b(?:lost to|lost the|was beaten|were beaten)\b"),
    ("demolished", r"拆除|拆毁|\b(?:demolish\w*|pull(?:ed|ing)? down|torn down|tear(?:ing)? down)\b",
     "kept", r"保留|\b(?:keep|kept|preserve[ds]?)\b"),
))


def contrary_predicates(query: str, evidence: str) -> str | None:
    """"says X, not Y" when the claim says one predicate of a contrary pair (stayed on, resigned) and the
    evidence the other, and neither says both."""
    for name_a, a, name_b, b in _CONTRARIES:
        qa, qb, ea, eb = a.search(query), b.search(query), a.search(evidence), b.search(evidence)
        if qa and not qb and eb and not ea:
            return f"says {name_b}, not {name_a}"
        if qb and not qa and ea and not eb:
            return f"says {name_a}, not {name_b}"
    return None


def another_moment(query: Claim, evidence: Claim, published: str | None) -> int:
    """1 when the claim times its figure on a day ("As of 9 April, 16 people had died") after every
    day the evidence speaks of ("Nine people were killed", published on 3 April): its own dates,
    those it was said on included ("said on Nov. 5 that 98 people remained missing"), else the day it
    was published; -1 when before them all; 0 otherwise. A toll grows between the two: a later
    claim of more dead, or an earlier one of fewer, is no clash."""
    claimed = _single_days(query, frames_only=True)
    day = (published or "")[:10].replace("-", "")
    told = _single_days(evidence) or ({int(day)} if day.isdigit() else set())
    if not claimed or not told or claimed & told:
        return 0
    return 1 if min(claimed) > max(told) else -1 if max(claimed) < min(told) else 0


def _single_days(claim: Claim, frames_only: bool = False) -> set[int]:
    """The single days (yyyymmdd) a claim states; with ``frames_only``, those that time it."""
    return {int(q.low) for q in claim.quantities if q.kind == "date" and q.low == q.high and q.low > 1e7
            and not (frames_only and q.attribute is not None)}


def _clashing(a: Claim, b: Claim, disjoint: list) -> list[tuple[tuple, Quantity, Quantity]]:
    """Every pair of values of the ``disjoint`` slots, one at least of no known attribute, that cannot meet."""
    sa, sb = paired_slots(a, b)
    return [(slot, x, y) for slot, _, _ in disjoint for x in sa[slot] for y in sb[slot]
            if not (attribute_known(x) and attribute_known(y)) and same_attribute(x, y)
            and not x.overlaps(y, 0.0 if x.kind == "date" else 0.02)]  # (2 % of 20240610 is months)


def same_measure_pair(a: Claim, b: Claim, disjoint: list) -> tuple[Quantity, Quantity] | None:
    """Two clashing values of the ``disjoint`` slots, one at least of no known attribute, whose
    neighbouring words say they count the same thing (claims/measures.py); None when no such pair."""
    sa, sb = paired_slots(a, b)
    return next(((x, y) for slot, _, _ in disjoint for x in sa[slot] for y in sb[slot]
                 if not (attribute_known(x) and attribute_known(y)) and not x.overlaps(y, 0.02)
                 and same_measure(a.text, x, b.text, y)), None)


def _same_in_words(query: Claim, evidence: Claim, score: float, support: float, fact: float | None,
                   title: str = "") -> bool:
    """Support by wording: a score of at least ``fact`` (else ``support``), a subject in common, the
    same comparison, every name the alias table does not know written in the evidence too, and in
    one language the claim's own words (see ``_worded_alike``)."""
    return (score >= (support if fact is None else fact) and _names_a_common_subject(query, evidence, title)
            and not _places_unnamed(query, evidence, title)
            and _compared(evidence.text) == _compared(query.text)  # a comparison needs one to agree with
            and not unmatched_names(query.text, f"{evidence.text} {title}") and _worded_alike(query, evidence, score, fact))


ECHO_CLAIM, ECHO_EVIDENCE = 0.5, 0.3  # the shares of each side's own words (values aside) the other must write


# Across languages a value of no known measure bears a claim out only in a statement that reads as
# the same fact at least this well ("58年没有获得过大赛冠军" is no "lost more than 30 matches"):
# 0.5 gained 0.038 summed over the development sets, no set falling; 0.45 +0.013, 0.55 +0.009
CROSS_AGREE = 0.5


def echoes(query: Claim, evidence: Claim, qa: Quantity, qb: Quantity, score: float = 0.0) -> bool:
    """The evidence is the claim's own statement with another value in place of ``qa``: in one
    language, of one kind and one attribute (or a level's, named on one side only), each writing
    much of the other's words (names and the values themselves aside), and counting the same unit
    where both name one ("倾斜约45度" is no "9层高"). Such a value is the claim's measure even when the
    lexicon cannot name it. Two dates echo only as one event's (``_event_echo``).
    Across languages, where no word is shared, the ``score`` of the two as one fact stands for the
    wording: at least ``CROSS_ECHO``, each the only value of its kind on its side, no date, and every
    place the claim names named by the evidence too ("约有25%的居民步行上班" against "about 40% of
    residents walk to work")."""
    if qa.kind != qb.kind:
        return False
    if qa.kind == "date" and anchored_days(query, evidence, qa, qb):
        return True
    if query.language != evidence.language:
        return counterparts_across_languages(query, evidence, qa, qb, score)
    if qa.kind == "date":  # dates mostly time a claim: only the same event's, told by the words of its own clause
        return _event_echo(query, evidence, qa, qb)
    named = {q.attribute for q in (qa, qb)} - {None}  # a level may be named on one side only, a change may not
    if len(named) > 1 or named and (qa.attribute is None or qb.attribute is None) and direction_of(named.pop())[1]:
        return False
    if _counted(query.text, qa) and _counted(evidence.text, qb) and _counted(query.text, qa) != _counted(evidence.text, qb):
        return False
    mine, theirs = _content_words(_blanked(query)), _blanked(evidence)
    if _share_words(mine, _content_words(theirs), ECHO_EVIDENCE, least=3):
        return True
    # a long evidence echoes the claim in the clause of its value ("…发送了面值10美元的Uber Eats礼品卡以示歉意，
    # 但部分礼品卡…" against "…礼品卡面值为100美元")
    c, d = clause_span(evidence.text, qb.start)
    return _share_words(mine, _content_words(theirs[c:d]), ECHO_EVIDENCE, least=3)


def _event_echo(query: Claim, evidence: Claim, qa: Quantity, qb: Quantity) -> bool:
    """Two days of one event: each a single day, and the clauses that state them (values aside)
    written with the same words ("肯尼斯山火于1月7日在西山附近起火" / "肯尼斯山火于9日…起火")."""
    if not single_days(query, evidence, qa, qb):
        return False
    (a, b), (c, d) = clause_span(query.text, qa.start), clause_span(evidence.text, qb.start)
    mine, theirs = _content_words(_blanked(query)[a:b]), _content_words(_blanked(evidence)[c:d])
    # either way round: a later clause of the evidence leaves out the subject its sentence named before
    # ("…，上升器于6月4日7时38分起飞" against "嫦娥六号上升器于6月10日从月面起飞")
    return _share_words(mine, theirs, ECHO_CLAIM, least=2) or _share_words(theirs, mine, ECHO_EVIDENCE, least=3)


def _share_words(mine: set[str], theirs: set[str], of_theirs: float, least: int) -> bool:
    """The claim's words (at least ``least`` of them) are ``ECHO_CLAIM`` of them in the evidence's,
    and those shared are ``of_theirs`` of the evidence's own."""
    both = len(mine & theirs)
    return len(mine) >= least and both >= ECHO_CLAIM * len(mine) and both >= of_theirs * len(theirs)


def _blanked(claim: Claim) -> str:
    """The claim's text with its values (units and magnitudes included) blanked out."""
    text = claim.text
    for q in claim.quantities:
        text = text[:q.start] + " " * (q.end - q.start) + text[q.end:]
    return text


_COUNTER = re.compile(r"\s*-?\s*([A-Za-z]+|[\u4e00-\u9fff])")
_MAGNITUDES = "十百千万亿"


def _counted(text: str, q: Quantity) -> str | None:
    """The word or character a bare count is counted in, when it is written right at the value:
    "45度", "9层", "nine-storey"; None for a value with a unit of its own."""
    if q.kind != "count" or q.unit:
        return None
    last = q.text[-1:]
    if "\u4e00" <= last <= "\u9fff" and last not in _MAGNITUDES:
        return last
    m = _COUNTER.match(text, q.end)
    return m.group(1).lower() if m else None


WORDING_OVERLAP = 0.3  # the share of a claim's own words (names aside) its evidence must write, in one language


def _worded_alike(query: Claim, evidence: Claim, score: float, fact: float | None) -> bool:
    """Whether the evidence says what the claim says rather than something else about its subject
    ("X9支持L3级自动驾驶" against "X9 Max版百公里加速3.2秒"): in one language, a share of the claim's
    words (Chinese character pairs, English words; names and small words aside) written in the
    evidence; across languages, a score of at least ``fact``."""
    if query.language != evidence.language:
        return fact is None or score >= fact
    mine = _content_words(query.text)
    shared = len(mine & _content_words(evidence.text))
    # (a short claim shares two words at least: "filed a lawsuit … over the outage" is not about any outage)
    return not mine or shared / len(mine) >= WORDING_OVERLAP and (shared >= 2 or len(mine) == 1)


_SMALL_WORDS = frozenset("the a an of to in on at for and or but is are was were be been will would its it "
                         "that this with by from as has have had over against into about after before under".split())


def _content_words(text: str) -> set[str]:
    # names, and works in title marks (《哪吒之魔童闹海》): what is said of them is the wording
    names = [(m.start, m.end) for m in subject_mentions(text)] + [m.span() for m in _TITLED.finditer(text)]
    kept = "".join(" " if any(a <= n < b for a, b in names) else ch for n, ch in enumerate(text))
    # names no table lists ("CrowdStrike") are matched as names (unmatched_names), not as wording
    words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", kept) if not (w[0].isupper() and any(c.isupper() for c in w[1:]))} - _SMALL_WORDS
    return han_pairs(kept) | words


_RISE_WORDS = re.compile(r"上涨|上升|走高|反弹|大涨|收涨|收高|回升|攀升|\b(?:rose|rise|rises|gained|jumped|climbed|rebounded|surged|soared|grew|grow|grows|increased|expanded|"
                         r"(?:closed|ended|finished) (?:higher|up))\b", re.IGNORECASE)
_FALL_WORDS = re.compile(r"下跌|下降|走低|大跌|暴跌|收跌|收低|下滑|减少|萎缩|回落|\b(?:fell|fall|falls|dropped|declined|slid|plunged|tumbled|sank|slumped|shrank|shrink|shrinks|contracted|decreased|"
                         r"(?:closed|ended|finished) (?:lower|down))\b", re.IGNORECASE)


def _way(attribute: str | None) -> tuple[str, str] | None:
    """(base, direction) of a rise or fall attribute: share_price_down → (share_price, down); a
    growth rate is a rise of an unnamed measure."""
    base, way = direction_of(attribute or "")
    if not way:
        return None
    return (CHANGE if attribute == "growth" else base), way[1:]


# Which of several rounds, phases or batches a text is about: 首轮 / 第二轮, "the second round"
_ROUND = re.compile(r"(?P<zh>首|第[一二三四五六七八九十\d]+)(?:轮|批|期|阶段)|"
                    r"\b(?P<en>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+(?:round|phase|batch|tranche|package)\b",
                    re.IGNORECASE)
_ORDINALS = {"首": 1, "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5}


def _rounds(text: str) -> set[int]:
    out = set()
    for m in _ROUND.finditer(text):
        word = (m["zh"] or m["en"]).lower()
        if word in _ORDINALS:
            out.add(_ORDINALS[word])
        else:
            n = count_word(word[1:])
            if n:
                out.add(n)
    return out


def _years_before(dates: list[Quantity], published: str | None, years: int) -> bool:
    """Every date lies in a year at least ``years`` before the year of ``published``."""
    if not published or not published[:4].isdigit():
        return False
    year = int(published[:4])
    return all(q.high and int(q.high) // 10000 <= year - years for q in dates)


def _at_other_times(query: Claim, evidence: Claim) -> bool:
    """Both claims are dated, and no date of one meets a date of the other."""
    dates_q = [q for q in query.quantities if q.kind == "date"]
    dates_e = [q for q in evidence.quantities if q.kind == "date"]
    return bool(dates_q and dates_e) and not any(x.overlaps(y) for x in dates_q for y in dates_e)


def opposite_move(query: Claim, evidence: Claim) -> str | None:
    """Why the evidence says the claim's rise was a fall (or the other way round), if it does:
    the same percentage of one subject's measure, moving the other way ("下跌8.9%" against
    "rebounded 8.9%"), or a claimed rise with no figure against a stated fall ("shares rose on
    January 27" against "fell 17% on January 27"), at no other time."""
    if _at_other_times(query, evidence):
        return None
    named_q, named_e = find_subjects(query.text), find_subjects(evidence.text)
    values = [q for q in query.quantities if q.kind != "date"]
    claimed = [(q, _way(q.attribute)) for q in values if q.kind == "percent" and _way(q.attribute)]
    if not values:  # a value-free move: its verb is its direction
        rise, fall = bool(_RISE_WORDS.search(query.text)), bool(_FALL_WORDS.search(query.text))
        if rise != fall:
            claimed = [(None, (CHANGE, "up" if rise else "down"))]
    for qa, (base_a, way_a) in claimed:
        for qb in evidence.quantities:
            moved = _way(qb.attribute) if qb.kind == "percent" else None
            if moved is None or moved[1] == way_a or not (base_a == moved[0] or CHANGE in (base_a, moved[0])):
                continue
            if qa is not None and qa.compared_unit != qb.compared_unit:
                continue  # a fall of 0.3% is no rise of 0.1 percentage point (a rate's own move)
            subject_a = subject_of(query, qa) if qa is not None else None
            if qa is None and not distinguishing(named_q) & distinguishing(named_e) and not _shares_a_name(query.text, evidence.text):
                continue
            if not same_subject(subject_a, subject_of(evidence, qb), named_q, named_e, qa is not None and personal(qa, qb)):
                continue
            # a share price moves many times; a quarter's revenue rose or fell once
            once = (qa is not None and base_a == moved[0] and base_a in SCOPED
                    and (qa.scope is None or qb.scope is None or same_scope(qa.scope, qb.scope)))
            if qa is not None and not qa.overlaps(qb, 0.0, 0.5) and not once:
                continue
            said = "a rise" if way_a == "up" else "a fall"
            return f"states {'a fall' if way_a == 'up' else 'a rise'} of {qb.text}, not {said}" + (
                f" of {qa.text}" if qa is not None else "")
    return None


# A decision on a rate, a rating or a forecast: held where it was, lowered, or raised
_HELD = re.compile(r"(?:维持|保持)[^，。；]{0,12}(?:不变|评级)|按兵不动|"
                   r"\b(?:left|kept|held|leaves|keeps|holds|leaving|keeping|holding)\b[^,.;]{0,40}?\b(?:unchanged|steady|on hold)\b|"
                   r"\b(?:maintained|maintains|reaffirmed|reiterated)\b[^,.;]{0,30}\b(?:rating|rates?|target|guidance|forecast)\b",
                   re.IGNORECASE)
# ("a 25% cut of sales", "the cut is larger": a share taken, no decision to lower)
_LOWERED = re.compile(r"下调|调降|降息|下修|\b(?:(?<!% )(?:cut|cuts)(?! of\b)(?! is\b)|lowered|lowers|trimmed|trims|"
                      r"downgraded|downgrades)\b", re.IGNORECASE)
_RAISED = re.compile(r"上调|调升|加息|上修|\b(?:raised|raises|hiked|hikes|upgraded|upgrades)\b", re.IGNORECASE)
_DECISIONS = {"held": _HELD, "lowered": _LOWERED, "raised": _RAISED}


# a decision that only sets the time of the claim's fact: "黄金价格在美联储降息后创下历史新高", "after the Fed's cut"
_AFTER_DECISION = re.compile(r"[在于自][^，。；]{0,16}(?:降息|加息|下调|上调)[^，。；]{0,4}(?:后|之后|以来|以后)|"
                             r"\b(?:after|following|since|before)\b[^,.;]{0,30}\b(?:cut|cuts|hike|hikes|decision)\b",
                             re.IGNORECASE)


def _decisions(text: str) -> frozenset[str]:
    text = _AFTER_DECISION.sub(" ", text)
    return frozenset(way for way, cue in _DECISIONS.items() if cue.search(text))


def other_decision(query: Claim, evidence: Claim) -> str | None:
    """Why the evidence says one subject decided otherwise, if it does: a rate, a rating or a
    forecast claimed cut, raised or held, which the evidence says was decided another way only
    ("维持基本利率不变" against "将贴现窗基本利率下调50个基点"; "downgraded to sell" against "维持买入评级，
    并将目标价上调"), both flat statements of the same subject at no other time."""
    claimed, stated = _decisions(query.text), _decisions(evidence.text)
    if len(claimed) != 1 or not stated or claimed & stated:
        return None
    if query.hedged or evidence.hedged or query.negated or evidence.negated:
        return None
    if _at_other_times(query, evidence):
        return None
    if not distinguishing(find_subjects(query.text)) & distinguishing(find_subjects(evidence.text)):
        return None
    (way,) = claimed
    return f"says it was {' and '.join(sorted(stated))}, not {way}"


# ("more votes than", "fewer gold medals than": the measure may stand between)
# ("more than 300,000 people" is a bound, no comparison)
_BOUND_AFTER = r"(?!\s*(?:\$|\d|a (?:third|quarter|half|dozen|fifth)\b|half\b|(?:one|two|three|four|five|six|seven|eight|nine|ten|twice)\b))"
_MORE = re.compile(r"高于|多于|大于|快于|强于|优于|反超|\b(?i:higher|more|greater|faster|larger|better)(?: [a-z]+){0,2} (?i:than)\b" + _BOUND_AFTER + "|"
                   # "out-golded Japan", "overtook Samsung", "passed Inside Out 2": a verb of passing a named rival
                   r"\b(?i:out-?[a-z]+ed|overt(?:ook|akes|aken)|surpass(?:ed|es)|passed|outpaced)\s+(?=[A-Z])")
_LESS = re.compile(r"低于|少于|小于|慢于|弱于|不及|不如|落后于|\b(?i:lower|less|smaller|slower|fewer|worse)(?: [a-z]+){0,2} (?i:than)\b" + _BOUND_AFTER + "|"
                   r"\b(?i:fell short of|trailed|trails|lagged(?: behind)?)\s+(?=[A-Z])")


# "韩国承诺的金额比美国少": 比 … 少 (not 同比 / 环比 / 相比 / 对比, nor 比亚迪, 比例, 比重 …)
_BI = r"(?<![同环相对])比(?!亚迪|例|重|率|分|较|如|赛)[^，。,;；]{1,12}?(?:更|还)?"
_MORE_BI = re.compile(_BI + r"(?:多|高|大|快|强|贵)")
_LESS_BI = re.compile(_BI + r"(?:少|低|小|慢|弱|便宜)")


def _compared(text: str) -> int:
    """1 when ``text`` says one thing is more than another, -1 when less, else 0."""
    more = bool(_MORE.search(text) or _MORE_BI.search(text))
    less = bool(_LESS.search(text) or _LESS_BI.search(text))
    return 1 if more and not less else -1 if less and not more else 0


_CLAUSE_BREAK = re.compile(r"[，。,;；:：]|\band\b")


def _named_values(claim: Claim) -> list[tuple[str, Quantity]]:
    """(name, value) for each value of ``claim`` and the name written nearest before it in its
    clause, places included ("The United States pledged $1 million, and South Korea offered $2
    million")."""
    mentions = subject_mentions(claim.text)
    out = []
    for q in claim.quantities:
        if q.kind == "date":
            continue
        before = [m for m in mentions if m.end <= q.start and not _CLAUSE_BREAK.search(claim.text, m.end, q.start)]
        if before:
            out.append((before[-1].key, q))
    return out


def _compared_names(text: str) -> list[str]:
    """The names a comparison sets against each other, in order: a city it happened in is none of
    them ("South Korea out-golded Japan in Hangzhou")."""
    countries = countries_named(text)
    return list(dict.fromkeys(m.key for m in subject_mentions(text) if not m.key.startswith("place:") or m.key in countries))


def values_in_order(query: Claim, evidence: Claim) -> tuple[Relation, str] | None:
    """A value-free comparison of two named things ("缅甸的洪灾遇难人数少于泰国") against values the
    evidence states for each of them, of one kind, unit and attribute: supports when they are in
    the claimed order, refutes when in the other."""
    direction = _compared(query.text) * (-1 if query.negated else 1)
    names = _compared_names(query.text)
    if direction == 0 or len(names) != 2:
        return None
    first, second = names
    stated = _named_values(evidence)
    for qa in (q for key, q in stated if key == first):
        for qb in (q for key, q in stated if key == second):
            if qa.kind != qb.kind or qa.compared_unit != qb.compared_unit or not same_attribute(qa, qb) or qa.attribute == "rank":
                continue
            order = -1 if qa.high < qb.low else 1 if qa.low > qb.high else 0
            if order:
                verb = "supports" if order == direction else "refutes"
                return verb, f"states {qa.text} for {first.split(':', 1)[1]} and {qb.text} for {second.split(':', 1)[1]}"
    return None


def order_across(query: Claim, evidence: list[Evidence]) -> list[Evidence]:
    """A value-free comparison of two named things ("Hou Yu-ih received more votes than Lai Ching-te")
    against the values two pieces of evidence state for each, of one known attribute, kind and unit
    ("Hou took 4,671,021 votes" / "Lai received 5,586,019 votes"): both then support the claim when
    the values stand in the claimed order, or refute it when they stand the other way round; when the
    flat figures found do not all agree on the order, nothing is decided."""
    direction = _compared(query.text) * (-1 if query.negated else 1)
    names = _compared_names(query.text)
    if direction == 0 or len(names) != 2 or any(q.kind != "date" for q in query.quantities):
        return evidence
    stated: dict[str, list[tuple[Quantity, Evidence]]] = {name: [] for name in names}
    for e in evidence:
        if e.claim.hedged:
            continue
        named = {id(q): key for key, q in _named_values(e.claim)}  # "韩国队以42金…": the name before it, places included
        for q in e.claim.quantities:
            holder = q.subject if q.subject in stated else named.get(id(q))
            if q.kind != "date" and attribute_known(q) and q.attribute != "rank" and holder in stated:  # (first is fewest)
                stated[holder].append((q, e))
    orders = {}
    for qa, ea in stated[names[0]]:
        for qb, eb in stated[names[1]]:
            if qa.kind == qb.kind and qa.compared_unit == qb.compared_unit and qa.attribute == qb.attribute:
                order = -1 if qa.high < qb.low else 1 if qa.low > qb.high else 0
                if order:
                    orders.setdefault(order, (qa, ea, qb, eb))
    if len(orders) != 1:
        return evidence
    ((order, (qa, ea, qb, eb)),) = orders.items()
    relation: Relation = "supports" if order == direction else "refutes"
    note = (f"with {ea.article.source}'s {qa.text} for {names[0].split(':', 1)[1]} and {eb.article.source}'s "
            f"{qb.text} for {names[1].split(':', 1)[1]}, the order {'holds' if relation == 'supports' else 'is the other way round'}")
    return [Evidence(e.claim, e.article, e.score, relation, note) if e is ea or e is eb else e for e in evidence]


# What puts an event or a thing somewhere: where it stands, was held, landed or set off from
_LOCATIVE = re.compile(r"位于|坐落|举行|举办|着陆|降落|落地|发射升空|从.{1,12}发射|总部设在|"
                       r"\b(?:located|based|held|hosted|took place|landed|touched down|splashed down|parachuted|"
                       r"lifted off|blasted off|launched from|played at|played in|staged|headquartered)\b", re.IGNORECASE)


def _before_locative(text: str) -> str:
    """What a text says before it says where (the thing it places), or all of it."""
    found = _LOCATIVE.search(text)
    return text[:found.start()] if found else text


def other_place(query: Claim, evidence: Claim) -> str | None:
    """Where the evidence puts what the claim puts somewhere else: the claim says where something is
    or took place (the evidence may only name where: "the trade fair in Hanover"), at one level
    (country, region, locality), with no place in common and neither known to hold the other
    ("landed on Hainan island" against "landed in Inner Mongolia"); ``None`` when they agree, one
    says nowhere, or two names in two scripts may be one place."""
    if not _LOCATIVE.search(query.text):
        return None
    mine, theirs = places_of(query.text), places_of(evidence.text)
    for level in PLACES:
        here = {p for p in mine if p.startswith(level)}
        there = {p for p in theirs if p.startswith(level)}
        if not here or not there or here & there:
            continue
        if query.language != evidence.language and unsure_across_scripts(frozenset(here), frozenset(there), mine | theirs):
            continue
        return f"places it in {min(there).split(':', 1)[1]}, not {min(here).split(':', 1)[1]}"
    return None


# The extreme of a span that runs from a date ("创2023年3月以来新高", "the slowest pace since March 2023")
_SINCE = re.compile(r"以来|\bsince\b", re.IGNORECASE)
_HIGHEST = re.compile(r"最高|新高|最快|最强|最多|\b(?:highest|fastest|strongest|biggest|largest|record high)\b", re.IGNORECASE)
_LOWEST = re.compile(r"最低|新低|最慢|最弱|最少|\b(?:lowest|slowest|weakest|smallest|record low)\b", re.IGNORECASE)


def _extreme_since(claim: Claim) -> tuple[int, float] | None:
    """(1 for a high, -1 for a low, the date it runs from) when the claim calls something the extreme
    since a date it states, and only one way."""
    if not _SINCE.search(claim.text):
        return None
    high, low = bool(_HIGHEST.search(claim.text)), bool(_LOWEST.search(claim.text))
    dates = {q.value for q in claim.quantities if q.kind == "date" and _SINCE.search(claim.text, q.end, q.end + 12)
             or q.kind == "date" and _SINCE.search(claim.text, max(0, q.start - 8), q.start)}
    if high == low or len(dates) != 1:
        return None
    return (1 if high else -1), dates.pop()


def opposite_extremes(mine: tuple[int, float], theirs: tuple[int, float]) -> str | None:
    """"10月出口增速为2023年3月以来最低" against "…创2023年3月以来新高" (each as ``_extreme_since``
    reads it): the same span from the same date, its high against its low."""
    if mine[1] != theirs[1] or mine[0] == theirs[0]:
        return None
    return f"calls it the {'highest' if theirs[0] > 0 else 'lowest'} since the same date, not the {'highest' if mine[0] > 0 else 'lowest'}"


def opposite_comparisons(a: Claim, b: Claim) -> bool:
    """"H800的互联带宽高于H100" against "…低于H100": one comparison of the same two subjects, either
    way round (negation flips it: "not higher than" is lower or equal)."""
    ca = _compared(a.text) * (-1 if a.negated else 1)
    cb = _compared(b.text) * (-1 if b.negated else 1)
    common = distinguishing(find_subjects(a.text)) & distinguishing(find_subjects(b.text))
    # names no table lists ("Ne Zha 2 fell short of Inside Out 2" / "…passed Inside Out 2"), word by word
    unlisted = _latin_names(a.text) & _latin_names(b.text) if a.language == b.language == "en" else set()
    return ca * cb < 0 and (len(common) >= 2 or len(unlisted) >= 2)


def _held_by(claim: Claim) -> dict[int, str]:
    """Each value's holder, by its start: the last Latin name no table lists written before it in its
    clause ("Moody's RMS estimates insured losses at $20 billion": RMS)."""
    names = [m for m in _name_matches(claim.text) if not subject_mentions(m.group(0))]
    out = {}
    for q in claim.quantities:
        start = clause_span(claim.text, q.start)[0]
        before = [m.group(0) for m in names if start <= m.start() and m.end() <= q.start]
        if before:
            out[q.start] = before[-1]
    return out


def _sole_holder(claim: Claim, values: list[Quantity]) -> str | None:
    """The one unlisted Latin name that holds every value of the claim, if one does."""
    held = _held_by(claim)
    holders = {held.get(q.start) for q in values}
    return holders.pop() if len(holders) == 1 and None not in holders else None


def _latin_names(text: str) -> set[str]:
    return {m.group(0) for m in _name_matches(text)}


def _unlisted_names(text: str, matches: list[re.Match[str]] | None = None) -> list[re.Match[str]]:
    """The capitalised words of ``text`` (``matches``: its ``_name_matches``) that may be names no
    table lists: outside the alias table's mentions, and no quarter or half ("Q3", "H1")."""
    known = [(m.start, m.end) for m in subject_mentions(text)]
    return [m for m in (_name_matches(text) if matches is None else matches)
            if not _PERIOD_CODE.fullmatch(m.group(0)) and not any(s <= m.start() < e for s, e in known)]


def _shares_a_name(query: str, evidence: str) -> bool:
    """``evidence`` writes one of the names no table lists that ``query`` writes ("IDC", "Zhong")."""
    folded = evidence.lower()
    return any(_written_in(m.group(0).lower(), folded) for m in _unlisted_names(query))


def _name_matches(text: str) -> list[re.Match[str]]:
    """The capitalised Latin words of ``text`` that may be names (``_LATIN_NAME`` less ``_NOT_NAMES``)."""
    return [m for m in _LATIN_NAME.finditer(text) if m.group(0).split("-")[0] not in _NOT_NAMES]


# A capitalised Latin word that is no sentence opener, month, weekday or known alias: a name the
# evidence must also write if it is to support a claim by wording alone ("Janus-Pro", "Real Madrid").
_LATIN_NAME = re.compile(r"(?<![A-Za-z0-9-])[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
_NOT_NAMES = frozenset(
    "The A An It Its In On At Of For And Or But If As By To With From This That These Those There Here "
    "He She They We I You His Her Their Our Also Only After Before While When Then Than Its Both Each "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    # sentence openers that quantify, hedge or link ("About two-thirds of …", "Official figures put …")
    "About Around Roughly Nearly Almost Approximately Some Most More Many Several All No None Nobody Every "
    "Another Other Over Under Up Just Even Still Yet However Meanwhile Separately Earlier Later Since Until "
    "Besides During Despite Although Though Because So Not Neither Nor Official Officials Authorities Local Rescuers "
    "Residents People Experts Analysts Government Police Total Overall Fewer Less Exactly Between Among "
    "Within Without Across Along Throughout Following Amid Per Such What Which Who Whose Where Why How "
    "Whether Once Now Today Yesterday Tomorrow Last Next First Second Third Final Initial Early Late New "
    "Former Current Top Half Much Few Either Economists Investors Shares Prices Sales Exports Imports "
    # numbers written out at the start of a sentence ("Ninety-five people …")
    "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen Seventeen "
    "Eighteen Nineteen Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety Hundreds Thousands Dozens".split())


def unmatched_names(query: str, evidence: str) -> list[str]:
    """Names in ``query`` (outside the alias table) that ``evidence`` does not write: Latin names,
    and works in title marks (《王者荣耀》) when the evidence is written in Chinese too."""
    folded = evidence.lower()
    matches = _name_matches(query)
    # a romanised Chinese or Korean given name after its surname ("Lin Pei-jung"): a text that writes
    # the surname names the person ("the DPP's Lin held the seat")
    given = {m.start() for m, before in zip(matches[1:], matches) if _GIVEN_NAME.fullmatch(m.group(0))
             and query[before.end():m.start()] == " " and _written_in(before.group(0).lower(), folded)}
    latin = [m.group(0) for m in _unlisted_names(query, matches)
             if m.start() not in given and not _written_in(m.group(0).lower(), folded)]
    works = [w for w in _TITLED.findall(query) if w not in evidence] if CJK.search(evidence) else []
    return latin + works


_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+")  # Pei-jung, Ching-te, Jae-in


def _written_in(name: str, folded: str) -> bool:
    """``name`` (lower case) is written in ``folded``, or the place its demonym is named after:
    "North American" in "In North America", "Japanese" in "Japan", "European" in "Europe"."""
    if name in folded:
        return True
    stem = next((name[:-n] for suffix, n in _DEMONYMS if name.endswith(suffix) and len(name) - n >= 4), None)
    return stem is not None and stem in folded


_DEMONYMS = (("ese", 3), ("ian", 3), ("ean", 2), ("an", 1))  # Japanese, Canadian, European, American
_TITLED = re.compile(r"《([^《》]{1,20})》")  # a game, film, book or programme: 《王者荣耀》
_PERIOD_CODE = re.compile(r"Q[1-4]|H[12]|FY\d{0,4}|[1-4]Q\d{0,2}")  # a quarter or half, no name


def _places_unnamed(query: Claim, evidence: Claim, title: str = "") -> frozenset[str]:
    """The places a claim names (beyond the framing ones) that neither the evidence nor its article's
    ``title`` names: "意大利已下架DeepSeek应用" is not borne out by a statement about the US App Store,
    but "政府宣布…全国哀悼三天" under a headline on Spain's floods is Spain's."""
    places = {s for s in distinguishing(find_subjects(query.text)) if s.startswith("place:")}
    return frozenset(places - find_subjects(evidence.text) - (find_subjects(title) if title else frozenset()))


def _names_other_things(query: Claim, evidence: Claim) -> bool:
    """The evidence names a product, body or person the query does not (or its values describe one)."""
    things = {s for s in distinguishing(find_subjects(evidence.text)) | {q.subject for q in evidence.quantities if q.subject}
              if not s.startswith("place:")}
    return bool(things - find_subjects(query.text))


def _names_a_common_subject(query: Claim, evidence: Claim, title: str = "") -> bool:
    """The claim names no distinguishing subject, or the evidence (or its article's ``title``) names one of them."""
    named = distinguishing(find_subjects(query.text))
    return not named or bool(named & distinguishing(find_subjects(f"{evidence.text} {title}" if title else evidence.text)))


def negation_bears_on_common_subject(a: Claim, b: Claim) -> bool:
    """The negated claim's negation cue stands in a clause naming a subject the other claim names
    too ("Blackwell不在名单之内，AMD也适用同一规则" negates nothing about AMD)."""
    negated, plain = (a, b) if a.negated else (b, a)
    clause = negated_clause(negated)
    if clause is None:
        return False
    common = distinguishing(find_subjects(clause)) & distinguishing(find_subjects(plain.text))
    # a place where something happened is denied nothing ("felt … in Bhutan" / "nobody in Bhutan was hurt")
    common = {k for k in common if not k.startswith(PLACES) or acts_in(clause, k) and acts_in(plain.text, k)}
    # a negation that names nothing of its own bears on a claim that names nothing either, not on
    # one about Bhutan ("the scenic area was not closed" against "nobody in Bhutan was hurt"); what
    # another clause names is not what is denied ("… has not moved to block the deal, which is
    # still under review by CFIUS")
    return bool(common) or not distinguishing(find_subjects(clause)) and not distinguishing(find_subjects(plain.text))


def said_beside_the_denial(query: Claim, evidence: Claim) -> bool:
    """A denial that bears on nothing the claim names still says the claim's fact only outside its
    negated clause: "Blackwell不在名单之内，AMD也适用同一规则" bears out "AMD and Intel are subject to the
    same rules" in its other clause; "No tsunami waves were observed in Japan, the agency said" bears
    out no tsunami in Japan, and a claim that denies ("Nobody died in Andalusia") is not borne out
    by words that state."""
    if query.negated:
        return False
    clause = negated_clause(evidence)
    rest = evidence.text.replace(clause, " ", 1) if clause else evidence.text
    return bool(distinguishing(find_subjects(rest)) & distinguishing(find_subjects(query.text)))


def denies_what_is_said(a: Claim, b: Claim) -> bool:
    """In one language, the clause that holds the negation shares a word, names aside, with the other
    claim: what it denies is what the other says ("Rubin chips are not included" / "Rubin is
    included"), not another thing of the same subject ("Nvidia has not yet shipped any Blackwell
    chips" denies nothing of "Nvidia's networking revenue grew"). Across languages, words cannot tell."""
    if a.language != b.language:
        return True
    negated, plain = (a, b) if a.negated else (b, a)
    clause = negated_clause(negated)
    if clause is None:
        return False
    return bool((_content_words(clause) - _DENIAL_WORDS) & _content_words(plain.text))


_DENIAL_WORDS = frozenset("not yet any never none nor neither did does can cannot could would should still also "
                          "able said says whether".split())


def agreeing_values(query: Claim, evidence: Claim, past: bool = False) -> list[tuple]:
    """Pairs of values, one from each claim, for one slot (kind, unit, attribute, subject) that meet.

    Two subjects both claims name are one slot ("H20和MI308…15%" against "15% … on the H20 and
    MI308"); a multiple agrees only with a multiple of the same thing ("twice the H100" is no
    support for "twice the H20"), and a date only with one at least as precise. A value a change started from meets only a value stated as such,
    unless the claim speaks of the ``past`` ("曾超过90%" meets "从95%跌到0").
    """
    named_q, named_e = find_subjects(query.text), find_subjects(evidence.text)

    def one_subject(qa: Quantity, qb: Quantity) -> bool:
        x, y = subject_of(query, qa), subject_of(evidence, qb)
        return same_subject(x, y, named_q, named_e, personal(qa, qb)) or (x in named_e and y in named_q)

    # (a fraction as the percentage it is, as the audit compares it: "seven in ten" households and "约七成用户")
    mine, theirs = [as_percent(q) for q in query.quantities], [as_percent(q) for q in evidence.quantities]
    return [(qa, qb) for qa in mine for qb in theirs
            if (past or is_prior_value(query.text, qa) == is_prior_value(evidence.text, qb)) and qa.kind == qb.kind
            and not _bounds_apart(qa, qb) and qa.compared_unit == qb.compared_unit and same_attribute(qa, qb) and qa.overlaps(qb)
            and not roundings_apart(qa, qb)
            and one_subject(qa, qb)
            and not (qa.relative_to and qb.relative_to and qa.relative_to != qb.relative_to)
            and not (qa.kind == "date" and qb.high - qb.low > qa.high - qa.low)  # "in September" is no "on 4 September"
            # a figure of a named measure is not borne out by one whose measure is unknown ("产能利用率不到八成"
            # against "占比45.1%")
            and not (qa.kind != "date" and attribute_known(qa) and qb.attribute is None
                     and not _one_precise_figure(qa, qb, subject_of(evidence, qb)))
            # a part of a whole is no rise ("made up roughly 15% of Nvidia's revenue" / "营收同比增长15%")
            and not (_portion(query.text, qa) and _changed(qb) or _portion(evidence.text, qb) and _changed(qa))]


def _one_precise_figure(qa: Quantity, qb: Quantity, holder: str | None) -> bool:
    """The same exact figure of four significant digits or more, held by a named subject ("蔡英文的得票率
    是57.13%" against "Tsai took 57.13% in 2020"): too precise to be another measure's by chance."""
    digits = DIGITS.search(qa.text)
    written = digits.group(0).replace(",", "").replace(".", "").lstrip("0").rstrip("0") if digits else ""
    return (holder is not None and qa.value == qb.value and qa.low == qa.high and qb.low == qb.high
            and len(written) >= 4)


# A percentage that is a part of a whole: "占总营收的15%", "约占七成", "15% of the total", "accounted for 15%"
_PORTION_BEFORE = re.compile(r"(?:占|占比|占到|占据)[^，。；,;]{0,24}$|\b(?:accounted for|made up|makes up|make up|represented|"
                             r"represents|comprised|took|takes)\s+(?:about |roughly |nearly |around |some |over |more than |less than )?$",
                             re.IGNORECASE)
_PORTION_AFTER = re.compile(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+|[A-Z][\w.&-]*(?:'s|’s)\s+)?(?:total|whole|overall|"
                            r"revenue|sales|shipments|market|output|turnover)\b")


def _portion(text: str, q: Quantity) -> bool:
    return q.kind == "percent" and q.attribute is None and bool(
        _PORTION_BEFORE.search(text, max(0, q.start - 24), q.start) or _PORTION_AFTER.match(text, q.end))


def _changed(q: Quantity) -> bool:
    """A rise, fall or change of some measure (``_up``, ``_down``, ``_change``, a growth rate)."""
    return bool(q.attribute) and (direction_of(q.attribute)[1] != "" or q.attribute == "growth" or q.attribute.endswith("_change"))


_PAST = re.compile(r"曾经|曾|一度|\b(?:once|formerly|previously|used to|at one point)\b", re.IGNORECASE)


_PRESENT = re.compile(r"目前|如今|现在|仍然|依然|仍|\b(?:currently|now|still|today)\b", re.IGNORECASE)


def _without(claim: Claim, dropped: Callable[[str, Quantity], bool]) -> Claim:
    """The claim without the values ``dropped(text, value)`` picks."""
    kept = tuple(q for q in claim.quantities if not dropped(claim.text, q))
    return claim if len(kept) == len(claim.quantities) else replace(claim, quantities=kept)


def _same_agency(query: Claim, evidence: Claim, qb: Quantity) -> bool:
    """Whether the claim's figure of this attribute and the evidence's were measured by one named
    agency (a magnitude is the USGS's or the CENC's, each on its own scale)."""
    agency = subject_of(evidence, qb)
    return bool(agency and agency.startswith("org:")) and any(
        qa.attribute == qb.attribute and subject_of(query, qa) == agency for qa in query.quantities)


# who measures a figure, named in words the alias table may not list ("Nepal's earthquake monitoring centre")
_MEASURER = re.compile(r"\b(?:agency|agencies|cent(?:re|er)s?|survey|bureau|institute|network|service|administration)\b|"
                       r"台网|中心|[气地]象?局|研究所|管理局|署", re.IGNORECASE)


def _any_agency_agrees(query: Claim, qb: Quantity) -> bool:
    """The claim states this attribute's figure without naming who measured it, even in words no
    table lists, and ``qb`` meets it."""
    return not _MEASURER.search(query.text) and any(
        qa.attribute == qb.attribute and not (subject_of(query, qa) or "").startswith("org:") and qa.overlaps(qb)
        for qa in query.quantities)


def _places(claim: Claim, q: Quantity) -> frozenset[str]:
    """Where a figure counted where it happens (a toll, a rainfall) is said to hold."""
    return frozenset(c for c in conditions_at(claim, q) if c.startswith(PLACES))


def _under_other_conditions(query: Claim, evidence: Claim, qb: Quantity, title: str = "") -> bool:
    """An evidence value stated under a condition other than the one every claim value of its kind
    is stated under ("国际配售部分获超额认购约15倍" for a claim on the public tranche): another fact.
    So is a figure that came out, for a claim on what analysts expected or on an earlier period.
    The firm the evidence's article ``title`` names counted its figures (with_title_measurer)."""
    cb = with_title_measurer(conditions_at(evidence, qb), title)
    mine = [qa for qa in query.quantities if qa.kind == qb.kind]
    return bool(mine) and all(differing(conditions_at(query, qa), cb, across_scripts=query.language != evidence.language)
                              is not None for qa in mine)


def _is_past_value(text: str, q: Quantity) -> bool:
    """A value its own clause sets in the past ("一度超过95%，如今几乎归零": the 95%)."""
    return bool(_PAST.search(clause_around(text, q.start)))


def _is_final_value(text: str, q: Quantity) -> bool:
    """A value a change ended at ("从95%跌到0": the 0)."""
    return bool(FROM_TO.search(text, max(0, q.start - 30), q.start))


def _bounds_apart(qa, qb) -> bool:
    """"超过100亿美元" and "超过5亿美元" overlap, yet state two different floors: two one-sided values
    agree only when their bounds are close (within 5 %); and a floor or ceiling is borne out only by
    a figure of its order ("above HK$420" by 405 or 512, not by HK$91.6 billion; within ``BOUND_REACH``,
    ``PERCENT_REACH`` for percentages)."""
    for one, other in ((qa, qb), (qb, qa)):
        if one.high == float("inf") and other.high == float("inf"):
            return abs(one.low - other.low) > 0.05 * max(abs(one.low), abs(other.low))
        if one.low == float("-inf") and other.low == float("-inf"):
            return abs(one.high - other.high) > 0.05 * max(abs(one.high), abs(other.high))
    reach = PERCENT_REACH if qa.kind in ("percent", "fraction") else BOUND_REACH
    for one, other in ((qa, qb), (qb, qa)):
        if one.high == float("inf") and one.low > 0 and other.high != float("inf") and other.value > reach * one.low:
            return True
        if one.low in (float("-inf"), 0.0) and one.high > 0 and other.low != float("-inf") and 0 < other.value < one.high / reach:
            return True
    return False


# A one-sided value meets a figure at most this many times beyond its bound: news writes "more than
# 300 million" of 320 million, not of 2.79 billion. (A share or percentage keeps a wide reach: "超过一半" of 96 %.)
BOUND_REACH = 2.0
PERCENT_REACH = 10.0


def latest_per_outlet(evidence: list["Evidence"], outlet) -> list["Evidence"]:
    """An outlet that both supports and refutes (a figure it later corrected or updated) counts by
    its latest article only; its earlier ones become related."""
    out = []
    for e in evidence:
        if e.relation != "related":
            mine = [x for x in evidence if x.relation in ("supports", "refutes") and outlet(x) == outlet(e)]
            if len({x.relation for x in mine}) > 1:
                latest = max(mine, key=lambda x: (x.article.published or "", x.score))
                if latest.relation != e.relation:
                    e = Evidence(e.claim, e.article, e.score, "related",
                                 f"{e.note}; superseded by the same outlet's later {latest.relation[:-1]}ing claim")
        out.append(e)
    return out


def flat_over_hedged(evidence: list["Evidence"]) -> list["Evidence"]:
    """When flat statements take one side only, a rumour or estimate on the other side is no
    disagreement among the sources ("网络上有消息称…已超过300人，官方对此未予证实" against the
    official toll of 126): it is kept as related."""
    flat = {e.relation for e in evidence if e.relation in ("supports", "refutes") and not e.claim.hedged}
    if len(flat) != 1:
        return evidence
    (side,) = flat
    return [Evidence(e.claim, e.article, e.score, "related",
                     f"{e.note}; only a rumour or estimate, which flat statements contradict")
            if e.relation in ("supports", "refutes") and e.relation != side and e.claim.hedged else e
            for e in evidence]


def judge(query: Claim, candidates: list[tuple[Claim, Article, float]], related: float = RELATED_THRESHOLD,
          support: float = SUPPORT_THRESHOLD, origin_source: dict[str, str] | None = None,
          confidence_table: dict[str, float] | None = None, support_cross: float | None = None,
          support_fact: float | None = None, support_fact_cross: float | None = None,
          disagreements: dict[str, list[Disagreement]] | None = None) -> Judgement:
    """Verdict from the candidates (already retrieved and scored), counting independent outlets, not rows.

    ``origin_source`` maps a syndicated article's id to the outlet it copied, so a copy and its
    origin count once. ``confidence_table`` maps an outcome (``outcome_of``) to the share of such
    verdicts that were right on the development sets; without it the confidence is a heuristic.
    ``support_cross`` replaces ``support`` for evidence in another language than the claim: with no
    shared characters the same fact scores lower across languages. ``support_fact`` is the score a
    value-free statement needs to support (default: the support threshold of its language), and
    ``support_fact_cross`` the score one in the other language needs (default: ``support_fact``):
    with no shared words to check, wording alone bears out less across languages.
    """
    origin_source = origin_source or {}
    evidence = []
    for claim, article, score in candidates:
        if score < related:
            continue
        same_language = claim.language == query.language
        needed = support if support_cross is None or same_language else support_cross
        fact = support_fact if support_fact_cross is None or same_language else support_fact_cross
        relation, note = relate(query, claim, score, needed, fact, article.published, article.title)
        evidence.append(Evidence(claim, article, score, relation, note))
    def outlet(e: Evidence) -> str:
        return origin_source.get(e.article.id, e.article.source)

    if disagreements:
        evidence = refuted_through_conflicts(query, evidence, disagreements)
    evidence = latest_per_outlet(evidence, outlet)
    if not any(e.relation in ("supports", "refutes") for e in evidence):
        evidence = order_across(query, evidence)
    if not query.hedged:
        evidence = flat_over_hedged(evidence)
    order = {"supports": 0, "refutes": 1, "related": 2}
    evidence.sort(key=lambda e: (order[e.relation], -e.score))

    supporting = {outlet(e) for e in evidence if e.relation == "supports"}
    refuting = {outlet(e) for e in evidence if e.relation == "refutes"}
    ns, nr = len(supporting), len(refuting)
    if ns == 0 and nr == 0:
        verdict: Verdict = "not_enough_evidence"
        confidence = 0.5 if evidence else 0.8
        explanation = ("Related statements exist but none states or denies this fact." if evidence
                       else "Nothing ingested reports this fact.")
    elif nr == 0:
        verdict, confidence = "supported", _confidence(ns, nr)
        explanation = f"{ns} independent outlet(s) state this."
    elif ns == 0:
        verdict, confidence = "refuted", _confidence(nr, ns)
        first = next(e for e in evidence if e.relation == "refutes")
        explanation = f"{nr} independent outlet(s) contradict this: {first.article.source} {first.note}."
    else:  # one independent outlet against the others is a disagreement among the sources, not a vote
        verdict, confidence = "conflicting", 0.5 + 0.1 * min(ns, nr) / max(ns, nr)
        explanation = f"Outlets disagree: {ns} support it, {nr} contradict it."
    outcome = outcome_of(verdict, ns, nr, bool(evidence))
    if confidence_table and outcome in confidence_table:
        confidence = confidence_table[outcome]
    return Judgement(verdict, round(confidence, 3), tuple(evidence), explanation, outcome)


# what relate() says of a value it cannot tell the measure of; the audit, comparing the two statements
# slot by slot, can
_UNSURE_MEASURE = re.compile(r"^states .+, but (?:what it measures is unclear|may be about something else)$")


def refuted_through_conflicts(query: Claim, evidence: list[Evidence],
                              disagreements: dict[str, list[Disagreement]]) -> list[Evidence]:
    """Evidence the audit found in conflict with a statement that bears out the claim's figure
    refutes the claim: "营收1671.9亿元" supports "腾讯第三季度营收约1672亿元", and the audit found
    "posted third-quarter revenue of 176.2 billion yuan" in conflict with it on that figure. The
    audit compares each pair by its own slots, subjects and times, which a claim of a few words
    may not name."""
    by_id = {e.claim.id: e for e in evidence}
    turned: dict[str, Evidence] = {}
    for e in evidence:
        if e.relation != "supports" or not e.note.startswith("states the same value"):
            continue
        agreeing = {qb.text for qa, qb in agreeing_values(query, e.claim) if qa.kind != "date"}
        for d in disagreements.get(e.claim.id, ()):
            other = by_id.get(d.partner)
            if other is None or not _UNSURE_MEASURE.search(other.note) or d.own_value not in agreeing:
                continue
            turned[other.claim.id] = replace(other, relation="refutes", note=(
                f"states {d.partner_value} where {e.article.source} states the claim's {d.own_value}, "
                f"a conflict the audit found"))
    return [turned.get(e.claim.id, e) for e in evidence]


def _confidence(agree: int, disagree: int) -> float:
    # More independent outlets, fewer dissenters: higher confidence; bounded away from 0 and 1.
    return min(0.97, 0.55 + 0.12 * agree - 0.1 * disagree)


__all__ = ["Evidence", "Judgement", "relate", "judge", "outcome_of", "agreeing_values", "latest_per_outlet", "RELATED_THRESHOLD", "SUPPORT_THRESHOLD"]
