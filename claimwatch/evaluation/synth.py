"""Deterministic synthetic news feeds with known gold, for recall at scale and for benchmarks.

Facts ``(subject, attribute, time) -> value`` come from a procedural table over invented companies
(星河算力 / Galaxy Compute) and products (星河算力X300): revenue, market share, revenue share,
valuation, IPO price, shipments, memory bandwidth, launch date. Outlets (one language each) publish
articles of ``claims_per_article`` sentences: fact reports (3 paraphrase templates per attribute and
language; value forms such as 25%, 25 percent, 百分之二十五, 500亿美元, $50 billion, 7.5万张, 75,000
cards, 4.8TB/s) and unique noise. Each sentence ends with 。 or '. ' and is exactly one claim.

Gold (schema of ``evaluation/gold/*.json``; members ``{"article": index, "span": sentence}``):
``clusters`` (each fact with all its reports: outlets, languages, wrong values, copies; a noise
sentence with its syndicated copy), ``conflicts`` (a repeat report off by >=15 %, >=2 months for
dates, paired with each correct report from another outlet), ``explained_differences`` (a sibling
fact: other subject or period, other value), ``syndication`` (copies by another outlet 1-6 hours
later, with synonym swaps), ``hedged``. One ``random.Random(seed)`` drives it all.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from claimwatch.claims.feeds import make_article
from claimwatch.claims.models import Article

__all__ = ["SynthFeed", "generate_feed", "write_jsonl"]

_ZH_PREFIX = ("星河 云岭 北辰 赤霄 青禾 天枢 玄武 朱雀 昆仑 蓝海 曙光 极光 磐石 启明 长风 远航 澄江 松涛 晨星 锦程 海纳 凌云 鲲鹏 瀚海 "
              "九章 天工 太初 灵犀 恒星 光年 织女 海燕 苍穹 雪峰 碧空 金桥 银杏 丹霞 清源 星火 鹰眼 飞鸿 云帆 墨池 紫荆 白鹭 青松 赤兔").split()
_EN_PREFIX = ("Galaxy Cloudridge Polaris Crimson Greenfield Dubhe Basalt Vermilion Kunlun Bluesea Dawnlight Aurora Bedrock "
              "Morningstar Longwind Voyager Clearwater Pinewave Daystar Brightpath Oceanic Skyreach Kunpeng Hanhai Ninefold "
              "Skycraft Genesis Lingxi Stellar Lightyear Vega Petrel Firmament Snowpeak Azure Goldbridge Ginkgo Danxia "
              "Clearsource Sparkfire Hawkeye Swanflight Cloudsail Inkwell Bauhinia Egret Evergreen Redhare").split()
_SUFFIX = (("算力", "Compute"), ("芯片", "Chips"), ("科技", "Tech"), ("智能", "Intelligence"), ("半导体", "Semiconductor"),
           ("微电子", "Microelectronics"), ("数据", "Data"), ("网络", "Networks"), ("光电", "Photonics"), ("智造", "Systems"))
_CODES = [f"{letter}{n}" for letter in "XHMRTS" for n in (100, 200, 300, 500, 700, 900)]
_N_COMPANIES = len(_ZH_PREFIX) * len(_SUFFIX)
_CN, _ORD = "零一二三四五六七八九", ("", "first", "second", "third", "fourth")
_MONTHS = "January February March April May June July August September October November December".split()
_QUARTERS = [(y, q) for y in (2023, 2024, 2025) for q in (1, 2, 3, 4)]
_YEARS = [2021, 2022, 2023, 2024, 2025]

# attribute: subject kind, times, value range (integer units), zh and en title words, zh and en templates
# ({s} subject, {t} time, {v} value; "|" separates paraphrases)
_ATTRS: dict[str, tuple] = {
    "revenue": ("company", _QUARTERS, (12, 1500), "营收", "revenue",
                "{s}{t}营收为{v}|{t}，{s}实现营业收入{v}|{s}公布的{t}财报显示，公司营收为{v}",
                "{s} reported revenue of {v} for {t}|In {t}, {s} posted revenue of {v}|Revenue at {s} came to {v} in {t}"),
    "market_share": ("company", _YEARS, (2, 70), "市场份额", "market share",
                     "{t}{s}在国内AI加速卡市场的份额为{v}|{s}{t}占据国内AI加速卡市场{v}的份额|行业数据显示，{s}{t}的国内AI加速卡市场占有率是{v}",
                     "{s} held a {v} share of China's AI accelerator market in {t}|In {t}, {s} accounted for {v} of China's "
                     "AI accelerator market|{s} controlled {v} of the Chinese AI accelerator market in {t}"),
    "revenue_share": ("company", _YEARS, (5, 90), "收入结构", "revenue mix",
                      "{t}{s}数据中心业务占总营收的{v}|{s}{t}来自数据中心业务的收入占比为{v}|数据中心业务贡献了{s}{t}营收的{v}",
                      "Data-centre products made up {v} of revenue at {s} in {t}|{s} said data-centre sales "
                      "accounted for {v} of its revenue in {t}|In {t}, {s} earned {v} of its revenue from data-centre products"),
    "valuation": ("company", _YEARS, (20, 5000), "估值", "valuation", "{s}{t}的估值为{v}|{t}完成融资后，{s}估值{v}|{s}在{t}的一轮融资中获得{v}估值",
                  "{s} was valued at {v} in {t}|A funding round in {t} valued {s} at {v}|{s} carried a valuation "
                  "of {v} after a {t} funding round"),
    "ipo_price": ("company", [None], (50, 1500), "IPO定价", "IPO pricing", "{s}的IPO发行价为{v}|{s}首次公开发行的定价为{v}|{s}上市发行价定为{v}",
                  "{s} priced its IPO at {v}|The {s} listing was priced at {v}|{s} set its IPO issue price at {v}"),
    "shipments": ("product", _YEARS[1:], (5, 900), "出货量", "shipments", "{s}在{t}的出货量为{v}|{t}{s}共交付{v}|{t}，{s}的出货规模为{v}",
                  "{s} shipped {v} in {t}|Shipments of the {s} totalled {v} in {t}|In {t}, {s} deliveries came to {v}"),
    "bandwidth": ("product", [None], (10, 99), "显存带宽", "memory bandwidth", "{s}的显存带宽为{v}|{s}搭载的内存带宽是{v}|{s}提供{v}的显存带宽",
                  "The {s} delivers {v} of memory bandwidth|{s} offers memory bandwidth of {v}|"
                  "Memory bandwidth on the {s} is {v}"),
    "release": ("product", [None], (0, 47), "发布时间", "launch date", "{s}的发布时间为{v}|{s}于{v}正式发布|{s}的上市时间定在{v}",
                "The {s} launch date is {v}|{s} goes on sale in {v}|{s} is scheduled for release in {v}"),
}
_HEDGES = {"zh": ("据悉，", "有消息称，", "据报道，"), "en": (", sources say", ", people familiar with the matter said")}
_SWAPS = {"zh": (("营收", "收入"), ("出货量", "出货数量"), ("显存带宽", "内存带宽"), ("估值", "市场估值"), ("发行价", "发行价格"),
                 ("份额", "占有率"), ("观众", "观展人数"), ("游客", "访客"), ("引关注", "受关注")),
          "en": (("revenue", "sales"), ("shipped", "delivered"), ("totalled", "totaled"), ("reported", "posted"),
                 ("accounted for", "made up"), ("was valued at", "had a valuation of"), ("visitors", "guests"),
                 ("memory bandwidth", "bandwidth"), ("priced", "set"), ("drew", "attracted"), ("update", "latest"))}
_CITIES = (("杭州", "Hangzhou"), ("成都", "Chengdu"), ("西安", "Xi'an"), ("苏州", "Suzhou"), ("青岛", "Qingdao"),
           ("厦门", "Xiamen"), ("长沙", "Changsha"), ("昆明", "Kunming"), ("大连", "Dalian"), ("南京", "Nanjing"))
_EVENTS = (("马拉松", "marathon"), ("国际车展", "auto show"), ("美食节", "food festival"), ("读书节", "book fair"),
           ("灯会", "lantern fair"), ("音乐节", "music festival"), ("龙舟赛", "dragon boat race"), ("花展", "flower show"))
_NOISE = {"zh": ("{c}第{n}届{e}于上周末举行，现场观众约{k}万人", "第{n}届{c}{e}共吸引{k}万名游客", "{c}第{n}届{e}的报名人数为{k}万人"),
          "en": ("The {o} {c} {e} drew about {k},000 visitors", "Organisers said the {o} {c} {e} sold {k},000 tickets",
                 "Some {k},000 people attended the {o} {e} in {c}")}
_OUTLETS = {"zh": (("华信", "东方", "南方", "远景", "财讯", "经纬"), ("财经", "科技报", "日报", "观察", "快讯")),
            "en": (("Pacific", "Northbridge", "Metro", "Harbor", "Summit", "Lakeside"),
                   ("Wire", "Times", "Ledger", "Post", "Daily"))}
_P_HEDGE, _P_NEW, _WINDOW = 0.04, 0.35, 64
_START = datetime(2025, 12, 1, tzinfo=timezone.utc)
_Sentence = tuple[str, int, str, bool, str | None]  # body, fact id (< 0: noise), value text, correct, hedge cue


@dataclass
class SynthFeed:
    """Articles of a synthetic feed and their gold (schema of the gold JSON files)."""

    articles: list[Article]
    gold: dict


@dataclass
class _Fact:
    attr: str
    subj: int  # company index; for products company * len(_CODES) + code index
    time: int  # index into the attribute's times
    value: int  # integer units: 1e8 USD, %, 1e8 CNY, 0.1 CNY, 1,000 cards, 0.1 TB/s, months since 2024-01
    target: int  # outlets meant to report it
    outlets: set[int] = field(default_factory=set)
    wrong: int | None = None


@dataclass
class _Draft:
    outlet: int
    lang: str
    when: datetime
    title: str
    sentences: list[_Sentence]
    origin: int = -1


def _num(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _cn(n: int) -> str:
    tens, ones = divmod(n, 10)
    return (_CN[tens] if tens > 1 else "") + ("十" if tens else "") + (_CN[ones] if ones or not tens else "")


def _value_forms(attr: str, v: int, lang: str) -> list[str]:
    zh, x = lang == "zh", _num(v / 10)
    if attr == "revenue":
        return [f"{v}亿美元", f"{v * 100:,}百万美元"] if zh else [f"${x} billion", f"US${x}bn", f"{x} billion dollars"]
    if attr in ("market_share", "revenue_share"):
        return [f"{v}%", f"百分之{_cn(v)}", f"{v}％"] if zh else [f"{v}%", f"{v} percent", f"{v} per cent"]
    if attr == "valuation":
        return [f"{v}亿元", f"{v}亿元人民币"] if zh else [f"{x} billion yuan", f"RMB{x} billion", f"RMB{x}bn"]
    if attr == "ipo_price":
        return [f"每股{x}元", f"{x}元/股"] if zh else [f"{x} yuan per share", f"RMB{x} per share", f"RMB {x} a share"]
    if attr == "shipments":
        return [f"{x}万张", f"{v * 1000:,}张"] if zh else [f"{v * 1000:,} cards", f"{v} thousand cards", f"{v}k cards"]
    if attr == "bandwidth":
        return [f"{x}TB/s", f"{x} TB/s"]
    year, month = divmod(v, 12)
    return [f"{2024 + year}年{month + 1}月"] if zh else [f"{_MONTHS[month]} {2024 + year}"]


def _subject(attr: str, subj: int, lang: str) -> str:
    company, code = divmod(subj, len(_CODES)) if _ATTRS[attr][0] == "product" else (subj, -1)
    prefix, suffix = divmod(company, len(_SUFFIX))
    name = _ZH_PREFIX[prefix] + _SUFFIX[suffix][0] if lang == "zh" else f"{_EN_PREFIX[prefix]} {_SUFFIX[suffix][1]}"
    return name if code < 0 else name + ("" if lang == "zh" else " ") + _CODES[code]


def _time(attr: str, t: int, lang: str, rng: random.Random | None = None) -> str:
    when = _ATTRS[attr][1][t]
    if not isinstance(when, tuple):
        return "" if when is None else f"{when}年" if lang == "zh" else str(when)
    y, q = when
    forms = (f"Q{q} {y}", f"the {_ORD[q]} quarter of {y}")
    return f"{y}年第{_CN[q]}季度" if lang == "zh" else forms[rng.randrange(2) if rng else 0]


def _far(attr: str, a: int, b: int) -> bool:
    """True when two values of ``attr`` cannot both be right: >=15 % apart (2 months for dates)."""
    return abs(a - b) >= (2 if attr == "release" else 0.15 * max(a, b))


def _wrong(attr: str, v: int, rng: random.Random) -> int:
    """Another plausible value of ``attr``, far from ``v``."""
    if attr == "release":
        w = v + rng.choice((-1, 1)) * rng.randint(2, 8)
        return w if 0 <= w <= 47 else 2 * v - w
    top = 99 if attr.endswith("share") else 10**6
    for _ in range(10):
        w = round(v * rng.choice((rng.uniform(0.45, 0.8), rng.uniform(1.25, 1.9))))
        if 1 <= w <= top and _far(attr, v, w):
            return w
    return v * 2 if v * 2 <= top else max(1, v // 2)


def _outlets(n: int, languages: tuple[str, ...]) -> list[tuple[str, str]]:
    """``n`` (name, language) pairs, languages in turn; at most 30 per language."""
    if n > 30 * len(languages):
        raise ValueError("at most 30 outlets per language")
    out = []
    for i in range(n):
        lang, k = languages[i % len(languages)], i // len(languages)
        firsts, seconds = _OUTLETS[lang]
        out.append((firsts[k % 6] + ("" if lang == "zh" else " ") + seconds[(k // 6 + k) % 5], lang))
    return out


def _noise(k: int, lang: str, rng: random.Random) -> str:
    """The ``k``-th noise sentence: an event edition no other noise sentence names."""
    c, e = _CITIES[k % len(_CITIES)][lang == "en"], _EVENTS[k // len(_CITIES) % len(_EVENTS)][lang == "en"]
    n = k // (len(_CITIES) * len(_EVENTS)) + 1
    o = f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
    return rng.choice(_NOISE[lang]).format(c=c, e=e, n=n, o=o, k=rng.randint(2, 60))


def generate_feed(n_claims: int, n_outlets: int = 8, seed: int = 0, languages: tuple[str, ...] = ("zh", "en"),
                  claims_per_article: int = 8, p_conflict: float = 0.08, p_explained: float = 0.05,
                  p_syndicated: float = 0.05, p_noise: float = 0.2) -> SynthFeed:
    """A feed of ``n_claims`` claims (one per sentence) with its gold; deterministic in the arguments.

    ``p_noise``: share of noise sentences; ``p_conflict``: chance that a repeat report of a fact states a
    wrong value (one wrong outlet per fact at most); ``p_explained``: chance that a fact sentence reports a
    confusable sibling of a recent fact; ``p_syndicated``: share of articles that are syndicated copies.
    """
    if min(n_claims, n_outlets, claims_per_article) < 1 or not languages or set(languages) - {"zh", "en"}:
        raise ValueError("n_claims, n_outlets and claims_per_article must be >= 1; languages among 'zh', 'en'")
    rng = random.Random(seed)
    outlets = _outlets(n_outlets, tuple(languages))
    n_total = max(1, round(n_claims / claims_per_article))
    n_copies = round(n_total * p_syndicated / (1 + p_syndicated)) if n_outlets > 1 else 0
    extra = n_claims - n_total * claims_per_article  # the first article absorbs it: exactly n_claims sentences
    facts: list[_Fact] = []
    keys: dict[tuple[str, int, int], int] = {}
    used = dict.fromkeys(_ATTRS, 0)
    subjects = {a: _N_COMPANIES * (len(_CODES) if s[0] == "product" else 1) for a, s in _ATTRS.items()}
    open_facts: list[int] = []  # facts still looking for outlets, newest last
    relations: list[tuple[int, int, str, int]] = []  # base fact, sibling fact, reason, draft
    drafts: list[_Draft] = []
    n_noise = 0

    def new_fact(attr: str, subj: int, t: int, value: int) -> int:
        keys[(attr, subj, t)] = len(facts)
        used[attr] += 1
        facts.append(_Fact(attr, subj, t, value, target=rng.choice((1, 2, 2, 3, 3, 3, 4, 5))))
        open_facts.append(len(facts) - 1)
        return len(facts) - 1

    def fresh_fact() -> int:
        for attr in rng.sample(list(_ATTRS), len(_ATTRS)):
            times, (low, high) = _ATTRS[attr][1], _ATTRS[attr][2]
            if used[attr] < 0.8 * subjects[attr] * len(times):
                while (key := (attr, rng.randrange(subjects[attr]), rng.randrange(len(times)))) in keys:
                    pass
                return new_fact(*key, rng.randint(low, high))
        raise ValueError(f"n_claims={n_claims} exceeds the vocabulary of synthetic facts")

    def sibling(base: _Fact) -> tuple[int, str] | None:
        """A confusable fact: same attribute, another period or another subject, a value far from the base's."""
        times = len(_ATTRS[base.attr][1])
        if times > 1 and rng.random() < 0.5:
            key = (base.attr, base.subj, rng.choice([t for t in range(times) if t != base.time]))
        elif _ATTRS[base.attr][0] == "product":
            company, code = divmod(base.subj, len(_CODES))
            code = rng.choice([c for c in range(len(_CODES)) if c != code])
            key = (base.attr, company * len(_CODES) + code, base.time)
        else:
            key = (base.attr, rng.choice([c for c in range(_N_COMPANIES) if c != base.subj]), base.time)
        reason = "different_time" if key[2] != base.time else "different_subject"
        if key in keys:
            return (keys[key], reason) if _far(base.attr, facts[keys[key]].value, base.value) else None
        return new_fact(*key, _wrong(base.attr, base.value, rng)), reason

    def pick_open(outlet: int, taken: set[int]) -> int | None:
        """A recent fact this outlet has not reported yet; retires facts that have their outlets."""
        for _ in range(6):
            if not open_facts:
                return None
            at = len(open_facts) - 1 - rng.randrange(min(_WINDOW, len(open_facts)))
            fid = open_facts[at]
            if len(facts[fid].outlets) >= min(facts[fid].target, n_outlets):
                open_facts[at] = open_facts[-1]
                open_facts.pop()
            elif outlet not in facts[fid].outlets and fid not in taken:
                return fid
        return None

    def report(fid: int, lang: str, correct: bool) -> _Sentence:
        fact = facts[fid]
        value = rng.choice(_value_forms(fact.attr, fact.value if correct else fact.wrong, lang))
        body = rng.choice(_ATTRS[fact.attr][5 if lang == "zh" else 6].split("|")).format(
            s=_subject(fact.attr, fact.subj, lang), t=_time(fact.attr, fact.time, lang, rng), v=value)
        cue = rng.choice(_HEDGES[lang]) if correct and rng.random() < _P_HEDGE else None
        if cue:
            body = cue + body if lang == "zh" else body + cue
        return body, fid, value, correct, cue

    when = _START + timedelta(minutes=rng.randrange(24 * 60))
    for k in range(n_total - n_copies):
        outlet = rng.randrange(n_outlets)
        lang = outlets[outlet][1]
        sentences: list[_Sentence] = []
        taken: set[int] = set()
        for _ in range(claims_per_article + (extra if k == 0 else 0)):
            if rng.random() < p_noise:
                sentences.append((_noise(n_noise, lang, rng), -n_noise - 1, "", True, None))
                n_noise += 1
                continue
            fid, correct = None, True
            if facts and rng.random() < p_explained:
                base = rng.randrange(max(0, len(facts) - 4 * _WINDOW), len(facts))
                found = sibling(facts[base]) if facts[base].outlets - {outlet} and base not in taken else None
                if found and found[0] not in taken:
                    fid = found[0]
                    relations.append((base, fid, found[1], len(drafts)))
            if fid is None and rng.random() > _P_NEW:
                fid = pick_open(outlet, taken)
                if fid is not None and facts[fid].outlets and facts[fid].wrong is None and rng.random() < p_conflict:
                    facts[fid].wrong, correct = _wrong(facts[fid].attr, facts[fid].value, rng), False
            fid = fresh_fact() if fid is None else fid
            facts[fid].outlets.add(outlet)
            taken.add(fid)
            sentences.append(report(fid, lang, correct))
        lead = next((facts[s[1]] for s in sentences if s[1] >= 0), None)
        if lead is None:
            title = "城市活动速览" if lang == "zh" else "City events roundup"
        else:
            name, word = _subject(lead.attr, lead.subj, lang), _ATTRS[lead.attr][3 if lang == "zh" else 4]
            title = name + word + "数据引关注" if lang == "zh" else f"{name} {word} update"
        drafts.append(_Draft(outlet, lang, when, title, sentences))
        when += timedelta(minutes=rng.randint(1, 20))

    def edit(text: str, lang: str) -> str:
        options = [swap for swap in _SWAPS[lang] if swap[0] in text]
        if options and rng.random() < 0.6:
            text = text.replace(*rng.choice(options), 1)
        return text

    for origin in sorted(rng.sample(range(1, len(drafts)), min(n_copies, len(drafts) - 1))):
        src = drafts[origin]
        peers = [i for i in range(n_outlets) if i != src.outlet and outlets[i][1] == src.lang]
        outlet = rng.choice(peers or [i for i in range(n_outlets) if i != src.outlet])
        for fid in (s[1] for s in src.sentences if s[1] >= 0):
            facts[fid].outlets.add(outlet)
        drafts.append(_Draft(outlet, src.lang, src.when + timedelta(minutes=rng.randint(60, 360)),
                             edit(src.title, src.lang), [(edit(s[0], src.lang), *s[1:]) for s in src.sentences], origin))
    params = dict(n_claims=n_claims, n_outlets=n_outlets, seed=seed, languages=list(languages),
                  claims_per_article=claims_per_article, p_conflict=p_conflict, p_explained=p_explained,
                  p_syndicated=p_syndicated, p_noise=p_noise)
    return _assemble(drafts, facts, relations, outlets, rng, params)


def _assemble(drafts: list[_Draft], facts: list[_Fact], relations: list[tuple[int, int, str, int]],
              outlets: list[tuple[str, str]], rng: random.Random, params: dict) -> SynthFeed:
    """Article texts in publication order, and the gold."""
    order = sorted(range(len(drafts)), key=lambda i: (drafts[i].when, i))
    index_of = {d: i for i, d in enumerate(order)}
    articles, gold_articles, hedged = [], [], []
    members: dict[int, list[tuple[dict, int, str, bool]]] = {}  # fact id -> (member, outlet, value text, correct)
    for index, d in enumerate(drafts[i] for i in order):
        zh = d.lang == "zh"
        paragraphs, start = [], 0
        while start < len(d.sentences):
            size = rng.randint(2, 4)
            paragraphs.append(("" if zh else " ").join(s[0] + ("。" if zh else ".") for s in d.sentences[start:start + size]))
            start += size
        for body, fid, value, correct, cue in d.sentences:
            member = {"article": index, "span": body}
            members.setdefault(fid, []).append((member, d.outlet, value, correct))
            if cue:
                hedged.append({"member": member, "cue": cue.strip("，, "), "why": "injected hedge cue"})
        local = d.when.astimezone(timezone(timedelta(hours=8))) if zh else d.when
        published = local.strftime("%Y-%m-%dT%H:%M") + ("+08:00" if zh else "Z")
        source, aid = outlets[d.outlet][0], f"synth-{params['seed']}-{index:06d}"
        articles.append(make_article(source=source, title=d.title, text="\n".join(paragraphs), published=published,
                                     url=f"https://outlet{d.outlet}.example/{local:%Y/%m/%d}/{aid}", id=aid))
        gold_articles.append({"index": index, "source": source, "title": d.title, "published": published,
                              "language": d.lang})

    def describe(f: _Fact) -> dict:
        return {"subject": _subject(f.attr, f.subj, "en"), "attribute": f.attr, "time": _time(f.attr, f.time, "en") or None,
                "value": _value_forms(f.attr, f.value, "en")[0]}

    clusters, conflicts, explained = [], [], []
    for fid in sorted(members, key=lambda k: (k < 0, abs(k))):
        ms = members[fid]
        if fid < 0:  # a noise sentence: a cluster only with its syndicated copies
            if len(ms) > 1:
                clusters.append({"id": f"f{len(facts) - fid - 1}", "fact": "noise sentence and its syndicated copy",
                                 "members": [m[0] for m in ms]})
            continue
        d = describe(facts[fid])
        fact = f"{d['subject']} {_ATTRS[d['attribute']][4]}" + (f", {d['time']}" if d["time"] else "") + f": {d['value']}"
        clusters.append({"id": f"f{fid}", "fact": fact, **d, "members": [m[0] for m in ms]})
        conflicts += [{"a": good[0], "b": bad[0], "subject": d["subject"], "attribute": d["attribute"], "time": d["time"],
                       "values": [good[2], bad[2]], "why": "same subject, attribute and time; the values are far apart"}
                      for bad in ms if not bad[3] for good in ms if good[3] and good[1] != bad[1]]
    for base, sib, reason, draft in relations:
        injected = [m for m in members[sib] if m[0]["article"] == index_of[draft]]
        bases = [m for m in members[base] if m[3] and m[0]["article"] != index_of[draft]][:4]
        explained += [{"a": b[0], "b": s[0], "attribute": facts[base].attr, "values": [b[2], s[2]], "reason": reason,
                       "subjects": [describe(facts[base])["subject"], describe(facts[sib])["subject"]],
                       "why": f"same attribute, {reason.replace('_', ' ')}"} for b in bases for s in injected]
    syndication = [{"articles": [index_of[d.origin], index_of[i]], "origin": index_of[d.origin],
                    "why": "republished 1-6 hours later by another outlet with small edits"}
                   for i, d in enumerate(drafts) if d.origin >= 0]
    gold = {"generator": {"module": __name__, **params}, "articles": gold_articles, "clusters": clusters,
            "conflicts": conflicts, "explained_differences": explained, "syndication": syndication, "hedged": hedged}
    return SynthFeed(articles, gold)


def write_jsonl(feed: SynthFeed, path: str | Path) -> None:
    """One article per line: id, source, title, published, url, text (UTF-8)."""
    with Path(path).open("w", encoding="utf-8", newline="\n") as out:
        for a in feed.articles:
            out.write(json.dumps({"id": a.id, "source": a.source, "title": a.title, "published": a.published,
                                  "url": a.url, "text": a.text}, ensure_ascii=False) + "\n")
