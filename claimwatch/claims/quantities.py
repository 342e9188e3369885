"""Find the values a claim states (percentages, money, counts, multiples, dates) and normalise them.

Each value becomes a ``Quantity`` with a unit, an interval ``low``/``high`` that carries the
qualifier (``超过95%`` → [95, ∞), ``约130亿`` → ±5 %, ``7-8万张`` → [7万, 8万]) and the raw span.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import replace

import cn2an

from claimwatch.claims.models import Quantity
from claimwatch.claims.subjects import PRODUCT_LINES, subject_mentions
from claimwatch.claims.text import fold_width

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_CN_NUM = rf"[{_CN_DIGITS}]+"
_ZH_MAG = {"万亿": 1e12, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4, "千": 1e3}
_EN_MAG = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "mn": 1e6,
           "m": 1e6, "thousand": 1e3, "k": 1e3}
_ZH_MAG_RE = "万亿|千万|百万|亿|万|千"
_EN_MAG_RE = r"\s?(?:trillion|billion|million|thousand|tn|bn|mn)(?![A-Za-z])|(?:m|k)(?![A-Za-z])"
_CURRENCY_PREFIX = {"US$": "USD", "$": "USD", "HK$": "HKD", "NT$": "TWD", "RMB": "CNY", "¥": "CNY", "€": "EUR"}
_CURRENCY_SUFFIX = [("美元", "USD"), ("港元", "HKD"), ("港币", "HKD"), ("人民币", "CNY"), ("元人民币", "CNY"),
                    ("欧元", "EUR"), ("元", "CNY"), ("dollars", "USD"), ("dollar", "USD"), ("yuan", "CNY"),
                    ("USD", "USD"), ("CNY", "CNY"), ("RMB", "CNY"), ("日元", "JPY"), ("yen", "JPY"), ("越南盾", "VND"),
                    ("dong", "VND"), ("泰铢", "THB"), ("baht", "THB"), ("英镑", "GBP"), ("pounds", "GBP"), ("euros", "EUR"),
                    ("韩元", "KRW"), ("won", "KRW"), ("元新台币", "TWD"), ("新台币", "TWD"), ("台币", "TWD"),
                    ("Taiwan dollars", "TWD"), ("New Taiwan dollars", "TWD")]
_MEASURE_UNITS = ["TB/s", "GB/s", "TFLOP/s", "TFLOPS", "teraflops", "petaflops", "PFLOPS", "TOPS", "TPP", "GB", "TB",
                  "MB", "nm", "W", "GHz", "gigabytes", "gigabyte", "terabytes", "terabyte"]
_MEASURE_ALIASES = {"TFLOP/s": "TFLOPS", "teraflops": "TFLOPS", "petaflops": "PFLOPS", "gigabytes": "GB", "gigabyte": "GB",
                    "terabytes": "TB", "terabyte": "TB"}
# Units of everyday physical quantities, each with its kind, the unit it is compared in and the factor
# to that unit: a car's 700公里 range, 265 km/h, 2.78秒 to 100 km/h, 101 kWh, 495 kW, 673马力, 2.2吨;
# "27分钟内", "24 hours": short spans of time, in seconds (long ones, 两年 / 18 months, in months).
_SCALED_UNITS = {
    "km": ("measure", "km", 1.0), "公里": ("measure", "km", 1.0), "千米": ("measure", "km", 1.0),
    "kilometres": ("measure", "km", 1.0), "kilometers": ("measure", "km", 1.0), "miles": ("measure", "km", 1.609344), "英里": ("measure", "km", 1.609344),
    "km/h": ("measure", "km/h", 1.0), "公里/小时": ("measure", "km/h", 1.0), "千米/小时": ("measure", "km/h", 1.0),
    "m/s": ("measure", "km/h", 3.6), "米/秒": ("measure", "km/h", 3.6), "米每秒": ("measure", "km/h", 3.6),
    "metres per second": ("measure", "km/h", 3.6), "meters per second": ("measure", "km/h", 3.6),
    "hPa": ("measure", "hPa", 1.0), "百帕": ("measure", "hPa", 1.0), "hectopascals": ("measure", "hPa", 1.0),
    "级": ("measure", "grade", 1.0),  # a grade on a scale: wind force (17级), magnitude (7.7级)
    # an area, in square kilometres: a burned area in acres, hectares (公顷) or square miles
    "平方公里": ("measure", "km²", 1.0), "平方千米": ("measure", "km²", 1.0), "km²": ("measure", "km²", 1.0),
    "km2": ("measure", "km²", 1.0), "square kilometres": ("measure", "km²", 1.0), "square kilometers": ("measure", "km²", 1.0),
    "sq km": ("measure", "km²", 1.0), "公顷": ("measure", "km²", 0.01), "hectares": ("measure", "km²", 0.01),
    "英亩": ("measure", "km²", 0.004046856), "acres": ("measure", "km²", 0.004046856),
    "平方英里": ("measure", "km²", 2.589988), "square miles": ("measure", "km²", 2.589988), "sq mi": ("measure", "km²", 2.589988),
    "cents": ("money", "USD", 0.01),  # "earned 81 cents a share"
    # a change of a rate: a basis point is a hundredth of a percentage point; Hong Kong writes 5.875厘 for 5.875 %
    "个基点": ("percent", "pp", 0.01), "基点": ("percent", "pp", 0.01), "basis points": ("percent", "pp", 0.01),
    "basis point": ("percent", "pp", 0.01), "bps": ("percent", "pp", 0.01), "bp": ("percent", "pp", 0.01),
    "percentage point": ("percent", "pp", 1.0), "厘": ("percent", "%", 1.0),
    "mm": ("measure", "mm", 1.0), "毫米": ("measure", "mm", 1.0), "millimetres": ("measure", "mm", 1.0),
    "millimeters": ("measure", "mm", 1.0),
    # rain is also told in litres per square metre, which is one millimetre deep
    "升/平方米": ("measure", "mm", 1.0), "升每平方米": ("measure", "mm", 1.0), "litres per square metre": ("measure", "mm", 1.0),
    "liters per square meter": ("measure", "mm", 1.0), "l/m²": ("measure", "mm", 1.0), "L/m2": ("measure", "mm", 1.0),
    "公里每小时": ("measure", "km/h", 1.0), "kph": ("measure", "km/h", 1.0), "mph": ("measure", "km/h", 1.609344),
    "kWh": ("measure", "kWh", 1.0), "千瓦时": ("measure", "kWh", 1.0), "度电": ("measure", "kWh", 1.0),
    # industrial energy (output, capacity, installations) in GWh: it never names a battery's capacity
    "MWh": ("measure", "GWh", 1e-3), "兆瓦时": ("measure", "GWh", 1e-3), "GWh": ("measure", "GWh", 1.0),
    "吉瓦时": ("measure", "GWh", 1.0), "TWh": ("measure", "GWh", 1e3), "太瓦时": ("measure", "GWh", 1e3),
    "kW": ("measure", "W", 1e3), "千瓦": ("measure", "W", 1e3), "MW": ("measure", "W", 1e6), "兆瓦": ("measure", "W", 1e6),
    "GW": ("measure", "W", 1e9), "吉瓦": ("measure", "W", 1e9), "瓦": ("measure", "W", 1.0),
    "马力": ("measure", "W", 735.5), "hp": ("measure", "W", 745.7), "horsepower": ("measure", "W", 745.7),
    "kg": ("measure", "kg", 1.0), "公斤": ("measure", "kg", 1.0), "千克": ("measure", "kg", 1.0),
    "吨": ("measure", "kg", 1e3), "tonnes": ("measure", "kg", 1e3), "tons": ("measure", "kg", 1e3),
    "kilograms": ("measure", "kg", 1.0), "kilogrammes": ("measure", "kg", 1.0), "克": ("measure", "kg", 1e-3),
    "grams": ("measure", "kg", 1e-3), "grammes": ("measure", "kg", 1e-3), "lb": ("measure", "kg", 0.45359237),
    "lbs": ("measure", "kg", 0.45359237),
    "米": ("measure", "km", 1e-3), "metres": ("measure", "km", 1e-3), "meters": ("measure", "km", 1e-3),
    # "a 300 m ship" ("300m" is 300 million), feet, and the singulars a hyphen takes ("a 984-foot ship")
    "m": ("measure", "km", 1e-3), "metre": ("measure", "km", 1e-3), "meter": ("measure", "km", 1e-3),
    "feet": ("measure", "km", 3.048e-4), "foot": ("measure", "km", 3.048e-4), "ft": ("measure", "km", 3.048e-4),
    "英尺": ("measure", "km", 3.048e-4), "mile": ("measure", "km", 1.609344), "kilometre": ("measure", "km", 1.0),
    "kilometer": ("measure", "km", 1.0), "inch": ("measure", "in", 1.0), "acre": ("measure", "km²", 0.004046856),
    "m²": ("measure", "km²", 1e-6), "square metres": ("measure", "km²", 1e-6), "square meters": ("measure", "km²", 1e-6),
    "摄氏度": ("measure", "°C", 1.0), "℃": ("measure", "°C", 1.0), "°C": ("measure", "°C", 1.0),
    "degrees Celsius": ("measure", "°C", 1.0),
    # Fahrenheit is compared in Celsius (``_FAHRENHEIT``); a bare C or F is a degree only in a text about heat
    "°F": ("measure", "°C", 1.0), "℉": ("measure", "°C", 1.0), "degrees Fahrenheit": ("measure", "°C", 1.0),
    "华氏度": ("measure", "°C", 1.0), "C": ("measure", "°C", 1.0), "F": ("measure", "°C", 1.0),
    "mAh": ("measure", "mAh", 1.0), "英寸": ("measure", "in", 1.0), "inches": ("measure", "in", 1.0),
    "秒": ("duration", "seconds", 1.0), "seconds": ("duration", "seconds", 1.0), "sec": ("duration", "seconds", 1.0),
    "分钟": ("duration", "seconds", 60.0), "minutes": ("duration", "seconds", 60.0),
    "小时": ("duration", "seconds", 3600.0), "个小时": ("duration", "seconds", 3600.0), "hours": ("duration", "seconds", 3600.0),
    "天": ("duration", "seconds", 86400.0), "days": ("duration", "seconds", 86400.0),
    "weeks": ("duration", "seconds", 604800.0), "周": ("duration", "seconds", 604800.0),
    "毫安时": ("measure", "mAh", 1.0),  # a battery's 5600毫安时 is its 5,600 mAh
}
_COUNT_UNITS = [("张卡", "cards"), ("张选票", "votes"), ("张有效票", "votes"), ("张", "cards"), ("卡", "cards"), ("颗", "chips"), ("片", "chips"), ("块", "cards"),
                ("股", "shares"), ("辆", "vehicles"), ("部", "units"), ("位", "people"), ("单", "orders"),
                ("vehicles", "vehicles"), ("cars", "vehicles"), ("orders", "orders"),
                ("家", "companies"), ("台", "units"), ("个", "items"), ("人", "people"), ("名", "people"),
                ("cards", "cards"), ("chips", "chips"), ("shares", "shares"), ("units", "units"),
                ("smartphones", "units"), ("phones", "units"), ("handsets", "units"),
                ("companies", "companies"), ("people", "people"), ("GPUs", "chips"),
                # people by their role in what is counted: a trial's patients, a flight's passengers
                ("patients", "people"), ("participants", "people"), ("passengers", "people"), ("volunteers", "people"),
                # sport: medals, ages, seats
                ("枚", "medals"), ("gold medals", "medals"), ("golds", "medals"), ("medals", "medals"),
                ("岁", "years old"), ("-year-old", "years old"), ("seats", "seats"),
                # elections: votes and seats won
                ("票", "votes"), ("votes", "votes"), ("ballots", "votes"), ("席", "seats")]
_LOWER_BOUND = ("超过", "超", "逾", "至少", "高于", "多于", "不少于", "突破", "more than", "over", "at least",
                "above", "exceeding", "upwards of", "最早于", "as early as")
_UPPER_BOUND = ("不到", "不足", "低于", "少于", "最多", "至多", "不超过", "上限为", "封顶", "up to", "less than", "under",
                "below", "at most", "no more than", "capped at", "a maximum of")
_APPROX_BEFORE = ("约", "约为", "约有", "大约", "大约为", "大约有", "约合", "大概", "近", "接近", "将近", "几乎", "about", "around",
                  "roughly", "approximately", "nearly", "almost", "some", "close to", "an estimated")
_UPPER_BOUND = _UPPER_BOUND + ("not more than", "no more than")
# A qualifier may stand a few words before its value: "至少是此前特供版H20的6倍", "不到公司总营收的0.1%".
_DISTANT = re.compile(r"(?P<cue>至少|超过|不到|不足|最多|约为|高达)(?:是|为|在)?[^，。,;；！？]{0,14}的\s*$")
_APPROX_AFTER = ("左右", "上下")
_LOWER_AFTER = ("以上", "多", "余", "+")
_UPPER_AFTER = ("以下", "以内")
_APPROX_REL = 0.05
# A bound written as close ("just under half", "略高于三成"): the value lies within _NEAR_REL of it, on that side
_JUST_UNDER = ("just under", "just below", "slightly under", "slightly below", "slightly less than", "a little under",
               "a little less than", "略低于", "略少于", "稍低于", "略不足", "稍不足")
_JUST_OVER = ("just over", "just above", "slightly over", "slightly above", "slightly more than", "a little over",
              "a little more than", "略高于", "略多于", "稍高于", "略超过", "稍超过")
_NEAR_REL = 0.1
_MONTH_NAMES = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH_NAMES}\b")
_MONTH_BEFORE = re.compile(rf"\b{_MONTH_NAMES}\s+$")
_TENOR_AFTER = re.compile(r"年期|-year (?:Treasury|bond|note|yield|loan|LPR|loan prime rate|mortgage)", re.IGNORECASE)
_TICKER = re.compile(r"\.(?:HK|SZ|SH|SS|BJ|US|N|O|T|L)\b")
_PRODUCT_LINE_BEFORE = re.compile(rf"(?<![A-Za-z])(?:{'|'.join(PRODUCT_LINES)})(?:\s[A-Z]{{1,3}})?\s?$")
_CAPS_NAME_BEFORE = re.compile(r"(?<![A-Za-z0-9-])[A-Z][A-Z-]*[A-Z]{2}\s$")  # "TRAILBLAZER-ALZ ", "NASDAQ "
_NAME_HYPHEN_BEFORE = re.compile(r"(?<![\w'’-])[A-Za-z][A-Za-z'’]*-$")  # "Chang'e-", "Shenzhou-": a name's number follows
_TICKER_BEFORE = re.compile(r"(?:股票代码|证券代码|代码|ticker|stock code)\s*(?:为|是|:|：)?\s*$", re.IGNORECASE)

_VALUE = rf"(?:{_NUM})(?:\s?(?:多|余)?(?:{_ZH_MAG_RE}))?(?:{_EN_MAG_RE})?"  # "160多万": 多 before the magnitude
_PREFIX = r"(?:US\$|HK\$|NT\$|RMB\s?|\$|¥|€)"
_RANGE_SEP = r"\s?(?:-|–|—|~|至|到|to)\s?"
_CURRENCY_WORDS = r"美元|港元|欧元|元人民币|人民币|元新台币|新台币|日元|越南盾|泰铢|英镑|韩元|元"
_SUFFIX_UNITS = "|".join(
    re.escape(u) for u in sorted(
        ["%", "个百分点", "percentage points", "percent", "per cent", "倍", "times", "-fold", "x"]
        + [s for s, _ in _CURRENCY_SUFFIX] + _MEASURE_UNITS + list(_SCALED_UNITS) + [s for s, _ in _COUNT_UNITS],
        key=len, reverse=True,
    )
)
_NUMERIC = re.compile(
    rf"(?<![A-Za-z0-9.])(?P<prefix>{_PREFIX})?(?P<a>{_VALUE})"
    rf"(?:\s?(?P<aunit>%|percent|{_CURRENCY_WORDS}))?"
    rf"(?:(?P<sep>{_RANGE_SEP})(?P=prefix)?(?P<b>{_VALUE}))?"
    # "a 1,998-yuan edition", "a 24-hour window": a value and its unit joined as one adjective
    rf"(?:\s|-(?=(?:{_SUFFIX_UNITS})(?![A-Za-z])))?(?P<unit>{_SUFFIX_UNITS})?(?:(?<=[A-Za-z0-9])(?![A-Za-z0-9])|(?<![A-Za-z0-9]))"  # 颗GPU: a CJK unit ends it
)
_DATE = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})\s?年|(?P<ry>今年|明年|去年))?\s?(?:(?P<m>1[0-2]|0?[1-9])\s?月)"
    r"(?:(?P<d>3[01]|[12]\d|0?[1-9])\s?日)?"
    r"|(?P<y2>(?:19|20)\d{2})\s?年(?P<part>底|初|末|上半年|下半年|前[一二三]季度|第?[一二三四1-4]季度)?"
    r"|(?P<rel>今年|明年|去年|前年|后年)(?P<rpart>底|初|末|上半年|下半年|第?[一二三四1-4]季度)?"
    r"|(?<![年\d前])(?P<bpart>上半年|下半年|前[一二三]季度|第?[一二三四]季度)"
    r"|(?<![\d-])(?P<iy>(?:19|20)\d{2})-(?P<im>0[1-9]|1[0-2])(?:-(?P<id>[0-3]\d))?(?![\d-])"
)
_MONTHS = {m: n for n, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")], start=1) for m in names}
_EN_DATE = re.compile(
    r"\b(?P<m1>January|February|March|April|May|June|July|August|September|October|November)"
    r"(?: to | through |\s?[-–]\s?)(?P<m2>February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:,? (?P<my>(?:19|20)\d{2}))?\b"
    r"|\b(?:the )?first (?P<nm>two|three|four|five|six|seven|eight|nine|ten|eleven) months(?: of)?"
    r"(?:\s+(?P<ny>(?:19|20)\d{2}))?|"
    r"\b(?P<dm>[0-3]?\d)(?:st|nd|rd|th)?(?: of)? (?P<mon2>January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?(?:,?\s+(?P<y2>(?:19|20)\d{2}))?\b|"
    r"\b(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?:\s+(?P<d>[0-3]?\d)(?![\d.,]?\d|\s?%|\s?percent)(?:st|nd|rd|th)?,?)?"
    r"(?:\s+(?P<y>(?:19|20)\d{2}))?\b"
    r"|\b(?:Q(?P<q>[1-4])|(?P<qw>first|second|third|fourth) quarter)(?: of)?\s+(?P<qy>(?:19|20)\d{2})\b"
    r"|\b(?P<half>first|second) half(?: of)?\s+(?:(?P<hy>(?:19|20)\d{2})|(?P<hrel>this|next|last) year)\b"
    r"|\b(?:the )?(?:(?P<qn>(?i:first|second|third|fourth))[ -]quarter|Q(?P<qb>[1-4]))\b(?! of|\s?(?:19|20)\d{2})"
    r"|\b(?P<rel>[Tt]his|[Nn]ext|[Ll]ast) (?P<rp>year|quarter)\b"
    r"|\b(?P<ctx>in|by|since|until|before|after|during|of|for|its|early|late|mid-|end of|through)\s+"
    r"(?P<by>(?:19|20)\d{2})\b(?!-)"
)
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "一": 1, "二": 2, "三": 3, "四": 4}
_EN_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12, "twenty": 20}
_EN_WORDS = re.compile(
    r"\b(?:(?P<point>half|a quarter|three quarters|three-quarters)(?: of)?(?: a)?[ -](?:percentage[ -])?point\b"
    r"|(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|twenty)(?:\s+times|-?fold)"
    r"|(?P<twice>twice|double|doubled|doubling)(?![ -]digit)|(?P<thrice>tripled|triple|threefold|tripling)(?![ -]digit)"
    r"|(?P<frac>(?:a|one)[ -](?:quarter|third|fifth|sixth|eighth|tenth|twentieth|hundredth|half)"
    r"|(?:two|three|four|five|six|seven|eight|nine)[ -](?:thirds|quarters|fifths|sixths|eighths|tenths)|half)"
    r"|(?P<num>one|two|three|four|five|six|seven|eight|nine) (?:in|out of) (?P<den>two|three|four|five|ten))\b",
    re.IGNORECASE)
_EN_FRACTIONS = {"quarter": 0.25, "third": 1 / 3, "fifth": 0.2, "sixth": 1 / 6, "eighth": 0.125, "tenth": 0.1,
                 "twentieth": 0.05, "hundredth": 0.01, "half": 0.5}
_EN_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                  "nine": 9}
_BETWEEN = re.compile(rf"\bbetween\s+(?P<prefix>{_PREFIX})?(?P<a>{_VALUE})\s+and\s+(?P=prefix)?(?P<b>{_VALUE})"
                      rf"\s?(?P<unit>{_SUFFIX_UNITS})?(?![A-Za-z0-9])")
_RANGING = re.compile(rf"\brang(?:e|es|ed|ing)\s+from\s+(?P<prefix>{_PREFIX})?(?P<a>{_VALUE})\s+to\s+(?P=prefix)?(?P<b>{_VALUE})"
                      rf"\s?(?P<unit>{_SUFFIX_UNITS})?(?![A-Za-z0-9])")
_ZH_SPAN = re.compile(rf"(?:从|由)(?P<prefix>{_PREFIX})?(?P<a>{_VALUE})\s?(?:到|至)\s?(?P=prefix)?(?P<b>{_VALUE})"
                      rf"\s?(?P<unit>{_SUFFIX_UNITS})?(?=不等|之间)")
_DURATION = re.compile(r"(?P<n>\d+(?:\.\d+)?)(?:\s?(?:到|至|-|–|~|to)\s?(?P<n2>\d+(?:\.\d+)?))?"
                       r"\s?(?P<u>个月|年内|个季度|months?|years?|quarters?)(?![A-Za-z])")
_CN_FRACTION = re.compile(rf"(?P<den>{_CN_NUM})分之(?P<num>{_CN_NUM})")
_CN_MULTIPLE = re.compile(rf"(?P<n>{_CN_NUM})倍|(?P<half>一半)|(?P<cheng>[一二两三四五六七八九])成(?![本功为立员])"
                          r"|(?P<double>翻倍|翻了一番|翻一番)")
# Counts and durations written in Chinese numerals: 四家, 两代, 十余个, 两年, 两个季度
_CN_COUNT = re.compile(rf"(?P<n>[一二两三四五六七八九十百千]+)(?P<more>余|多)?(?P<unit>家|个季度|个月|个|代|颗|张|名|人|款|年|天)"
                       r"(?![级代底初末前后来轻])")
_MODEL_CODE = re.compile(r"[A-Za-z]+\d")
# A count's noun names its unit: "1 million H200 chips", "36,000 employees", "770亿个晶体管".
_NOUN_UNITS = {"chips": "chips", "gpus": "chips", "accelerators": "chips", "cards": "cards", "units": "units",
               "servers": "servers", "shares": "shares", "employees": "people", "staff": "people", "workers": "people",
               "people": "people", "companies": "companies", "firms": "companies", "clusters": "clusters",
               "transistors": "transistors", "customers": "customers", "generations": "generations",
               "晶体管": "transistors", "智算集群": "clusters", "集群": "clusters", "gpu": "chips", "芯片": "chips",
               "服务器": "servers", "员工": "people", "客户": "customers", "公司": "companies", "人": "people",
               "户": "households", "用户": "customers", "households": "households", "homes": "households", "houses": "households",
               "gpu hours": "GPU hours", "gpu小时": "GPU hours", "gpu 小时": "GPU hours", "parameters": "parameters", "参数": "parameters",
               "tokens": "tokens", "token": "tokens", "工程师": "people", "研发人员": "people", "engineers": "people",
               "personnel": "people", "firefighters": "people", "residents": "people", "消防员": "people", "居民": "people",
               "members": "people", "lawmakers": "people", "passengers": "people", "victims": "people",
               "strikers": "people", "crew members": "people", "devices": "units",
               # jobs cut are people laid off ("cut about 18,000 jobs" / "裁员约1.7万人")
               "jobs": "people", "golds": "medals", "gold medals": "medals", "medals": "medals",
               # a crowd that watched is people; a stadium that "holds 80,800 spectators" states its seats
               "spectators": "people", "fans": "people", "观众": "people", "球迷": "people"}
# the noun may follow a brand and a product code: "10,000 Nvidia H800 chips", "2048块英伟达H800 GPU"
_EN_COUNT_NOUN = re.compile(r"\s+(?:(?:[A-Z][a-z]+\s+)?[A-Z][A-Za-z0-9-]*\d[A-Za-z0-9]*\s+|(?:new|more|additional|ordinary|common)\s+|"
                            r"[A-Z][a-z]+\s+(?=devices\b))?"  # "8.5 million Windows devices"
                            r"(?P<noun>GPU hours|chips|GPUs|cards|accelerators|units|servers|shares|employees|staff|"
                            r"workers|people|companies|firms|clusters|transistors|customers|parameters|tokens|engineers|homes|houses|households|"
                            r"personnel|residents|crew members|members|lawmakers|passengers|victims|jobs|devices|spectators|fans)\b")
_ZH_COUNT_NOUN = re.compile(r"(?:多|余)?(?:块|张|颗|个|名|位)?(?:(?:英伟达|Nvidia|NVIDIA)\s*)?(?:[A-Za-z]+\d+[A-Za-z]*\s*)?"
                            r"(?P<noun>晶体管|智算集群|集群|GPU\s*小时|GPU(?!\s*hours)|芯片|服务器|员工|客户|公司|参数|token|"
                            r"工程师|研发人员|消防员|居民|观众|球迷|人|用户|户)")
# "about 50,000 H100s", "10,000 Nvidia H800": a product code as the counted noun counts devices
_EN_CODE_NOUN = re.compile(r"\s+(?:[A-Z][a-z]+\s+)?[A-Z]{1,4}\d{1,4}[A-Za-z]?s?(?![A-Za-z0-9])(?!\s+(?:GPU hours|hours))")
# "总参数6710亿", "参数量为6710亿": the counted noun stands before the number
_ZH_NOUN_BEFORE = re.compile(r"(?P<noun>参数|用户|客户)量?(?:数)?(?:为|达|约|达到|约为|不足|不到|超过|逾|近|共|约有|有)?\s*$")  # "断电用户不足100万"
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_EN_TEENS = {"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
# "Ninety-five people", "twenty three firms", "a dozen customers"
_EN_COUNTED = re.compile(
    r"(?<![-A-Za-z])(?P<n>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|a dozen)\s+(?:(?:more|new|major)\s+)?"
    r"(?P<noun>years?|months?|quarters?|weeks?|days?|hours?|minutes?|companies|firms|people|chips|customers|clusters|"
    r"generations|workers|employees|engineers|firefighters|residents|households|homes|houses|members|lawmakers|"
    r"passengers|victims|dead|golds|gold medals|medals)\b", re.IGNORECASE)


def count_word(word: str) -> float | None:
    """A count written in digits, in English words ("eight", "twenty-four") or in Chinese numerals ("十二", "两")."""
    if word.isdigit():
        return float(word)
    if word.isascii():
        try:
            return float(_english_number(word))
        except KeyError:
            return None
    return _cn_number(word)


def _english_number(words: str) -> int:
    """The value of a number written in words: "ninety-five" is 95, "a dozen" 12."""
    words = words.lower()
    if words in _EN_NUMBER_WORDS or words in _EN_TEENS:
        return _EN_NUMBER_WORDS.get(words) or _EN_TEENS[words]
    tens, _, unit = re.split(r"([- ])", words, maxsplit=1) if re.search(r"[- ]", words) else (words, "", "")
    return _EN_TENS[tens] + (_EN_NUMBER_WORDS[unit] if unit else 0)
# 数十万片, 十亿元, 几百万美元: a Chinese numeral (or a vague "some tens") with a magnitude.
_CN_MAGNITUDE = re.compile(rf"(?P<n>数十|数百|数千|几十|几百|几千|[一二两三四五六七八九十百千]+)(?P<more>多|余)?(?P<mag>万亿|亿|万)"
                           rf"(?P<unit>{_CURRENCY_WORDS}|张|片|颗|台|块|名|人)?")
_EN_VAGUE = re.compile(r"\b(?P<tens>tens of |hundreds of )?(?P<mag>billions|millions|thousands) of "
                       r"(?P<unit>dollars|yuan|euros|chips|cards|people)\b", re.IGNORECASE)
_VAGUE_SPAN = {"数十": (10, 100), "几十": (10, 100), "数百": (100, 1000), "几百": (100, 1000), "数千": (1000, 10000),
               "几千": (1000, 10000)}


# A vote's or a match's tally, for against against ("voted 11-0", "in an 11-1 vote", "by a vote of 11 to
# 1", "以10比1的投票结果"): no range, but the votes for (or the winner's score) as the value, the tally as
# its text; "11-0" against "10比1" clashes on the 11 and the 10
_TALLY = re.compile(r"(?:\b(?:voted|vote of|votes? of|by a|by an|in a|in an|split|margin of)\s+)(?P<a>\d{1,3})\s?(?:-|–|—|to)\s?(?P<b>\d{1,3})\b"
                    r"|(?<![\d.])(?P<c>\d{1,3})\s?(?:-|–|—|to)\s?(?P<d>\d{1,3})(?=\s+(?:votes?|decision|ruling|vote in favou?r)\b)"
                    r"|以?(?P<e>\d{1,3})票?比(?P<f>\d{1,3})票?(?=的?(?:投票|表决|票|结果|通过|获胜|胜出))", re.IGNORECASE)


# How often something is done ("every two weeks", "once a month", "once-monthly", "每四周…一次", "每月一次"):
# an interval in days, so that "every four weeks" meets "once a month" and "every two weeks" does not
_INTERVAL = re.compile(r"\bevery\s+(?:(?P<n>\d{1,2}|other|two|three|four|six|eight|twelve)\s+)?(?P<u>day|week|month|year)s?\b"
                       r"|\b(?P<times>once|twice)[\s-]+(?:a\s+|per\s+|every\s+)?(?P<u2>day|week|month|year)(?:ly)?\b"
                       r"|每(?:隔)?(?P<zn>\d{1,2}|[一二两三四六八十]{1,2})?个?(?P<zu>天|日|周|星期|月|年)(?=[^，。；,;]{0,8}?(?:一次|1次))",
                       re.IGNORECASE)
_INTERVAL_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "天": 1, "日": 1, "周": 7, "星期": 7, "月": 30, "年": 365}


def _intervals(text: str) -> list[Quantity]:
    out = []
    for m in _INTERVAL.finditer(text):
        if m.group("u2"):
            unit, count = m.group("u2").lower(), 0.5 if m.group("times").lower() == "twice" else 1.0
        else:
            n, unit = (m.group("n"), m.group("u").lower()) if m.group("u") else (m.group("zn"), m.group("zu"))
            count = 1.0 if not n else 2.0 if n.lower() == "other" else count_word(n.lower()) or 1.0  # "every other week"
        days = count * _INTERVAL_DAYS[unit]
        low, high = (days * 28 / 30, days * 31 / 30) if unit in ("month", "月") else (days, days)  # a month: 28 to 31 days
        out.append(Quantity("duration", days, "interval days", low, high, m.group(0), m.start(), m.end(), unit in ("month", "月")))
    return out


def _tallies(text: str) -> list[Quantity]:
    out = []
    for m in _TALLY.finditer(text):
        key = "a" if m.group("a") else "c" if m.group("c") else "e"
        start, end = m.start(key), m.end({"a": "b", "c": "d", "e": "f"}[key])
        value = float(m.group(key))
        out.append(Quantity("count", value, "votes for", value, value, text[start:end], start, end))
    return out


def extract_quantities(text: str, published: str | None = None, weekdays: bool = True) -> tuple[Quantity, ...]:
    """All values stated in ``text``, in order; ``published`` (ISO) supplies the year of ``12月5日``
    and, with ``weekdays``, the day of "on Monday" (a submitted claim's weekday is relative to when
    its author wrote it, which no publication date tells)."""
    folded = fold_width(text)
    taken: list[tuple[int, int]] = []
    found: list[Quantity] = []
    times = clock_times(folded)  # "9时5分", "0105 GMT": a time of day, in UTC where its zone is known
    found += times
    taken += [(m.start(), m.end()) for m in CLOCK.finditer(folded)]  # "16时20分", "1 p.m.": a time of day, no figure
    for q in (_first_months(folded, published) + _dates(folded, published) + _days(folded, published) + _english_dates(folded, published)
              + (_weekdays(folded, published) if weekdays else []) + _magnitudes(folded) + _durations(folded) + _betweens(folded)
              + _per_hour(folded) + _tallies(folded) + _intervals(folded)):
        if any(q.start < e and s < q.end for s, e in taken):
            continue
        found.append(q)
        taken.append((q.start, q.end))
    for q in (_ranks(folded) + _streaks(folded) + _numerics(folded) + _chinese_magnitudes(folded) + _vague_english(folded) + _chinese_words(folded)
              + _english_words(folded) + _english_counts(folded) + _word_magnitudes(folded) + _chinese_counts(folded)):
        if any(q.start < e and s < q.end for s, e in taken):
            continue
        found.append(q)
        taken.append((q.start, q.end))
    found.sort(key=lambda q: q.start)
    found = [q for q in found if not _RETRACTED.search(folded, max(0, q.start - 48), q.start)
             and not _PLACE_IN_TEXT.search(folded, max(0, q.start - 12), q.start)]
    found += _zeros(folded, found)
    found += [q for q in _nobody(folded) + _several(folded) if not any(q.start < f.end and f.start < q.end for f in found)]
    found.sort(key=lambda q: q.start)
    return _increase_multiples(_inherit_units(tuple(_with_raw_text(_counted_noun(q, folded), text) for q in found), text), text)


# "rose to $4.8 trillion from $4.6 trillion", "corrects … to $4.51 trillion from $4.6 trillion",
# "营收从300亿美元增至350亿美元": the value after from/从/由 is what it was before, not what it is; so is
# the figure a change is measured against ("较11月1日通报的205人又增加12人").
_PRIOR = re.compile(r"(?:\bfrom|从|由|较[^，。,;；]{0,12}的)\s*(?:about|around|roughly|约|近)?\s*$", re.IGNORECASE)


def is_prior_value(text: str, q: Quantity) -> bool:
    """True for a value the claim gives as an earlier state that a change or correction left."""
    return bool(_PRIOR.search(text[max(0, q.start - 16):q.start]))


FROM_TO = re.compile(r"(?:从|由|from)\s*[^，。,;；]{0,12}?(?:降至|跌至|跌到|降到|减至|升至|涨至|增至|到|至|to)\s*$", re.IGNORECASE)
_OF_WHICH = re.compile(r"(?:of which|of them|among them|其中)\s*(?:about|some|only|约|有)?\s*$", re.IGNORECASE)


# A correction's wrong figure ("误写为26.43%，应为16.43%", "incorrectly reported it as $128.42") is no claim.
_RETRACTED = re.compile(r"(?:误写为|误写成|误作|误报为|错写为|错报为|误为|(?:incorrectly|wrongly|erroneously|mistakenly)"
                        r"\s+(?:\w+\s+){0,3}?(?:as|at)|misstated\s+(?:\w+\s+){0,3}?as)\s*(?:about|约)?\s*$", re.IGNORECASE)
# Currency names written before an amount whose unit follows it ("约合人民币368亿元").
CURRENCY_NAMES = "人民币|美元|港币|港元|欧元|日元|英镑"
_ZERO = re.compile(r"(?<![A-Za-z])(?:zero|nil|零)(?![A-Za-z])", re.IGNORECASE)


def _zeros(text: str, found: list[Quantity]) -> list[Quantity]:
    """"fell from 95 percent to zero", "从95%跌到零": a zero written as a word, at the end of a change
    from a percentage, is 0 % (a lone "zero" elsewhere is no figure)."""
    out = []
    for m in _ZERO.finditer(text):
        before = [q for q in found if q.end <= m.start()]
        if (before and before[-1].kind == "percent" and before[-1].unit == "%"
                and FROM_TO.search(text[max(0, before[-1].start - 6):m.start()])):
            out.append(Quantity("percent", 0.0, "%", 0.0, 0.0, m.group(0), m.start(), m.end(), False))
    return out


# "without killing anyone", "no deaths were reported", "无人死亡", "未造成人员伤亡", "暂未收到因灾死亡报告":
# a toll of nobody is a count of zero people; the toll's cue inside it names what is counted
# (killing: deaths; 失踪: missing).
_NOBODY = re.compile(r"\b(?:[Ww]ithout|[Nn]o|[Nn]o one (?:was|has been|had been)|[Nn]obody (?:was|has been|had been)|[Zz]ero)"
                     r"\s+(?:(?:looting\s+)?arrests|arrested|killing anyone|deaths?|casualties|"
                     r"fatalities|injuries|killed|died|dead|injured|missing)\b"
                     r"|(?:无人|零|未造成(?:人员)?|暂未收到(?:因灾)?|没有|未有)(?:因灾)?(?:死亡|遇难|伤亡|受伤|失踪)"
                     r"|(?:尚未有人|无人|没有人|未有人)[^，。,;；]{0,8}?(?:被捕|被逮捕|被拘留)")  # 尚未有人因趁火打劫被捕: no arrests


# "several storm deaths", "a few people": at least two (the span is the vague word; the noun after
# it names the toll)
_SEVERAL = re.compile(r"\b(?:[Ss]everal|[Aa] few|[Mm]ultiple)(?=\s+(?:[a-z]+\s+)?(?:deaths|people|fatalities|casualties|"
                      r"lives|persons|residents|victims)\b)")


def _several(text: str) -> list[Quantity]:
    return [Quantity("count", 2.0, "people", 2.0, math.inf, m.group(0), m.start(), m.end(), True)
            for m in _SEVERAL.finditer(text)]


# "magnitude 7.1", "a 6.8-magnitude quake", "M7.1": a grade on a scale, like 7.7级
_EN_MAGNITUDE = re.compile(r"\b[Mm]agnitude[- ](?:(?:of|at|was|is|as)\s+)?(?P<a>\d(?:\.\d{1,2})?)(?!\d|\.\d|\s*(?:%|percent|per cent))"
                           r"|\b(?P<b>\d(?:\.\d{1,2})?)[- ]magnitude\b|(?<![A-Za-z0-9])M(?P<c>\d\.\d)(?!\d|\.\d)"
                           # "reported the quake at 6.8", "measured it at 7.1": an agency's reading of a quake
                           r"|\b(?:measured|reported|rated|put|recorded|registered|estimated)\s+(?:the\s+(?:[A-Z]\w+\s+)?"
                           r"(?:quake|earthquake|tremor)|it)\s+at\s+(?P<d>\d\.\d)(?!\d|\.\d|\s*(?:%|percent|per cent|a\.m|p\.m))"
                           # 规模7.2 (Taiwan's usage, as in 规模7.2地震): a magnitude, not a scale of money
                           r"|规模\s?(?P<e>\d\.\d{1,2})(?![\d.万亿元%])")


_OR_ABOVE = re.compile(r"\s*(?:or (?:above|more|larger|greater|higher|stronger)|and above|\+)", re.IGNORECASE)


def _magnitudes(text: str) -> list[Quantity]:
    out = []
    for m in _EN_MAGNITUDE.finditer(text):
        group = next(g for g in ("a", "b", "c", "d", "e") if m[g])
        v = float(m[group])
        floor = _OR_ABOVE.match(text, m.end())  # "aftershocks of magnitude 3.0 or above": a threshold
        # the reading, not the verb; "the magnitude at 7.2" leaves its cue word before the reading
        start, end = (m.start(), m.end()) if group in "bc" else (m.start(group), m.end(group))
        out.append(Quantity("measure", v, "grade", v, math.inf if floor else v, text[start:end], start, end))
    return out


def _nobody(text: str) -> list[Quantity]:
    return [Quantity("count", 0.0, "people", 0.0, 0.0, m.group(0), m.start(), m.end(), False) for m in _NOBODY.finditer(text)]


# "上涨近两倍" / "增长了2倍": a rise BY N times, which ends at N + 1 times the start ("nearly tripled")
_RISE_BY = re.compile(r"(?:上涨|增长|增加|提高|提升|上升|攀升|大涨|暴涨|涨)了?\s*(?:近|约|超过|逾|超|达|将近|接近)?\s*$")


def _increase_multiples(found: tuple[Quantity, ...], text: str) -> tuple[Quantity, ...]:
    """A Chinese multiple of a rise ("上涨两倍") is read both ways news writes it: by the book the rise,
    one less than the multiple of the start (three times the start), and in common use the multiple
    itself; its interval holds both, its value stays as written."""
    return tuple(replace(q, high=q.high + 1)
                 if q.kind == "multiple" and q.text.endswith("倍") and _RISE_BY.search(text, max(0, q.start - 8), q.start)
                 else q for q in found)


_IN_CURRENCY = re.compile(r"(?:按|以)(?P<cur>日元|美元|人民币|欧元|港元|英镑|韩元)(?:计算?|计价)|"
                          r"\bin (?P<cur2>yen|dollar|euro|yuan|sterling) terms\b", re.IGNORECASE)
_EN_BASIS = {"yen": "JPY", "dollar": "USD", "euro": "EUR", "yuan": "CNY", "sterling": "GBP"}


def _inherit_units(found: tuple[Quantity, ...], text: str) -> tuple[Quantity, ...]:
    """"671 billion parameters, of which 37 billion are active": a bare count after "of which" / 其中
    counts what the count before it counts."""
    out = list(found)
    for n, q in enumerate(out):  # "按日元计约为2万亿", "in yen terms, about 2 trillion": an amount in that currency
        basis = _IN_CURRENCY.search(text, max(0, q.start - 40), q.start) if q.kind == "count" and not q.unit else None
        if basis is not None and not re.search(r"\d|[;；。]", text[basis.end():q.start]):
            code = _classify(None, basis["cur"])[1] if basis["cur"] else _EN_BASIS[basis["cur2"].lower()]
            out[n] = replace(q, kind="money", unit=code)
    for n in range(1, len(out)):
        q, before = out[n], out[n - 1]
        if (q.kind == before.kind == "count" and not q.unit and before.unit
                and _OF_WHICH.search(text[max(0, q.start - 16):q.start])):
            out[n] = replace(q, unit=before.unit)
        elif (before.kind == "percent" and before.unit == "%" and q.kind == "count" and not q.unit
              and FROM_TO.search(text[max(0, before.start - 4):q.start])):
            out[n] = replace(q, kind="percent", unit="%")  # "从95%一路跌到0": the 0 is 0%
    return tuple(out)


# "4,000 of the strikers": the people a part is taken from name what it counts
_EN_OF_NOUN = re.compile(r"\s+of\s+(?:the|its|their|those)\s+(?:[a-z-]+\s+)?(?P<noun>strikers|workers|employees|staff|people|"
                         r"residents|passengers|members|victims|households|homes|companies|firms|customers)\b")


def _counted_noun(q: Quantity, text: str) -> Quantity:
    """A count without a unit (or counted in 个) takes the noun after it: chips, employees, 晶体管."""
    if q.kind != "count" or q.unit not in ("", "items"):
        return q
    m = _ZH_COUNT_NOUN.match(text, q.end) or _EN_COUNT_NOUN.match(text, q.end)
    if m is None:
        if q.unit == "" and _EN_CODE_NOUN.match(text, q.end):
            return replace(q, unit="chips")
        part = _EN_OF_NOUN.match(text, q.end)
        if part is not None:
            return replace(q, unit=_NOUN_UNITS[part["noun"]])
        m = _ZH_NOUN_BEFORE.search(text, max(0, q.start - 8), q.start)
        if m is None:
            return q
    # (jobs are people, but the word stays outside the value: it says what the count is of)
    end = m.end() if m.re is _EN_COUNT_NOUN and m["noun"] != "jobs" else q.end
    return Quantity(q.kind, q.value, _NOUN_UNITS[m["noun"].lower()], q.low, q.high, q.text, q.start, end, q.approx)


def _chinese_magnitudes(text: str) -> list[Quantity]:
    """十亿元 (1e9 CNY), 数十万片 (1e5 to 1e6 chips, middle 5.5e5)."""
    out = []
    for m in _CN_MAGNITUDE.finditer(text):
        mag = _ZH_MAG[m["mag"]]
        if m["n"] in _VAGUE_SPAN:
            lo, hi = (x * mag for x in _VAGUE_SPAN[m["n"]])
        else:
            n = _cn_number(m["n"])
            if n is None:
                continue
            lo = hi = n * mag
            if m["more"]:  # "三十多万名": 300,000 to 400,000
                hi = (n + step_of(n)) * mag
        kind, unit = _classify(None, m["unit"] or "")
        q = Quantity(kind, (lo + hi) / 2, unit, lo, hi, m.group(0), m.start(), m.end())  # the interval is the vagueness
        out.append(_qualify(q, text))
    return out


def _vague_english(text: str) -> list[Quantity]:
    """"billions of dollars": 1e9 to 1e10, middle 5.5e9."""
    out = []
    for m in _EN_VAGUE.finditer(text):
        mag = {"billions": 1e9, "millions": 1e6, "thousands": 1e3}[m["mag"].lower()]
        mag *= {"tens of ": 10, "hundreds of ": 100}.get((m["tens"] or "").lower(), 1)
        kind, unit = _classify(None, m["unit"].lower())
        out.append(Quantity(kind, 5.5 * mag, unit, mag, 10 * mag, m.group(0), m.start(), m.end()))
    return out


# "阵风达每小时100公里", "时速约160公里": a speed written with its hour first
# a speed written rate first: 时速200公里, 每小时100公里, 每秒45米 (45 m/s, in km/h)
_PER_HOUR = re.compile(r"(?:(?P<hour>每小时|时速)|每秒|秒速)\s?(?:达|为|约|近|超过|逾|高达)*\s?(?P<n>\d+(?:\.\d+)?)\s?"
                       r"(?P<u>公里|千米|英里|米)(?![/每])")


def _per_hour(text: str) -> list[Quantity]:
    out = []
    for m in _PER_HOUR.finditer(text):
        if bool(m["hour"]) == (m["u"] == "米"):
            continue  # (metres an hour, kilometres a second: not how news writes a speed)
        v = float(m["n"]) * (1.609344 if m["u"] == "英里" else 3.6 if m["u"] == "米" else 1.0)
        out.append(_qualify(Quantity("measure", v, "km/h", v, v, text[m.start("n"):m.end()], m.start("n"), m.end()), text))
    return out


# "a hundred million people", "one million customers", "two billion dollars": a magnitude in words
_EN_WORD_MAGNITUDE = re.compile(r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<hundred>hundred\s+)?"
                                r"(?P<mag>thousand|million|billion|trillion)\b(?!s)(?:\s+(?P<noun>[a-z]+))?", re.IGNORECASE)
_EN_MAGNITUDES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_CURRENCY_NOUNS = ("dollars", "yuan", "euros", "yen")


def _word_magnitudes(text: str) -> list[Quantity]:
    out = []
    for m in _EN_WORD_MAGNITUDE.finditer(text):
        n = 1 if m["n"].lower() in ("a", "one") else _EN_NUMBER_WORDS[m["n"].lower()]
        value = n * (100 if m["hundred"] else 1) * _EN_MAGNITUDES[m["mag"].lower()]
        noun = (m["noun"] or "").lower()
        money = noun in _EN_CURRENCY_NOUNS
        kind, unit = _classify(None, noun) if money else ("count", _NOUN_UNITS.get(noun, ""))
        end = m.end("noun") if money else m.end("mag")  # a counted noun is no part of the figure
        out.append(_qualify(Quantity(kind, value, unit, value, value, text[m.start():end], m.start(), end), text))
    return out


def _english_counts(text: str) -> list[Quantity]:
    """"two years" (24 months), "four companies", "a dozen customers", "Ninety-five people"."""
    out = []
    for m in _EN_COUNTED.finditer(text):
        noun = m["noun"].lower()
        n = float(_english_number(m["n"]))
        months = {"year": 12, "month": 1, "quarter": 3}.get(noun.rstrip("s"))
        seconds = {"week": 604800, "day": 86400, "hour": 3600, "minute": 60}.get(noun.rstrip("s"))
        if months:
            q = Quantity("duration", n * months, "months", n * months, n * months, m.group(0), m.start(), m.end())
        elif seconds:  # "within five hours": as "within 5 hours" is read
            q = Quantity("duration", n * seconds, "seconds", n * seconds, n * seconds, m.group(0), m.start(), m.end())
        elif noun == "dead":  # "sixteen dead": the word is the toll's cue, left outside the value
            q = Quantity("count", n, "people", n, n, m["n"], m.start(), m.end("n"))
        else:
            q = Quantity("count", n, _NOUN_UNITS[noun], n, n, m.group(0), m.start(), m.end())
        out.append(_qualify(q, text))
    return out


def _with_raw_text(q: Quantity, original: str) -> Quantity:
    return Quantity(q.kind, q.value, q.unit, q.low, q.high, original[q.start:q.end], q.start, q.end, q.approx)


def _to_number(token: str) -> float:
    """``"1.2万"`` → 12000.0, ``"57 bn"`` → 5.7e10; an English magnitude may follow a Chinese one."""
    token = re.sub(r"(?<=\d)[多余](?=万|亿|千)", "", token.strip())  # "160多万" counts from 160万
    mag = 1.0
    m = re.search(r"(trillion|billion|million|thousand|tn|bn|mn|m|k)$", token)
    if m:
        token, mag = token[: m.start()].strip(), _EN_MAG[m.group(1)]
    for name, factor in _ZH_MAG.items():
        if token.endswith(name):
            token, mag = token[: -len(name)].strip(), mag * factor
            break
    return float(token.replace(",", "")) * mag


def _magnitude(token: str) -> float:
    return _to_number(re.sub(_NUM, "1", token, count=1))


_HYPHEN_UNIT = re.compile(r"-(inch|foot|mile|metre|meter|kilometre|kilometer|km|acre|terabyte|gigabyte)(?![A-Za-z])", re.IGNORECASE)
# Numbers that name, order or place, and state no amount: 第19届 (an edition), 第2周 (which week),
# 25年来 ("in 25 years", a span of comparison), the “921” earthquake, 401(k), 北纬28.5度, 2232×3184 pixels
_ORDINAL_AFTER = re.compile(r"届|周|天|轮|期|批|区|号|条|款|章|节")  # 工会第751区: a district's number
# a number that names a district, a flight, a route or an article ("IAM District 751", "Flight 2216")
_DESIGNATED = re.compile(r"\b(?:District|Local|Route|Highway|Interstate|Flight|Gate|Terminal|Pier|Platform|Article|"
                         r"Section|Chapter|Ward|Zone|Block|Unit|Lot|Room|Building|No\.)\s$")
_NOT_AMOUNT_AFTER = re.compile(r"\s?(?:年来|年以来|多年来|周年|\(k\)|[×xX]\s?\d)")
_NOT_AMOUNT_BEFORE = re.compile(r"(?:[北南]纬|[东西]经)\s?$|\d\s?[×xX]\s?$")
_QUOTED = ("“”", '""', "「」")  # a number alone between quotation marks is a name: the “921” earthquake
_PER_SHARE_AFTER = re.compile(r"\s*(?:/股|每股|per share|a share|for each (?:[A-Z][\w.&]*\s+){0,3}share\b)")
_PER_SHARE_BEFORE = re.compile(r"(?:每股(?:收益|盈利|派息|股息)?(?:为|达|约为|约)?|股价(?:为|报|收于|达)?|发行价为?|(?:[AHB]股|港股|股票)[^，。,;；]{0,8}?(?:收报|收市报|开盘报|开报|报收|收于)|"
                               r"share price of|"
                               r"shares? (?:jumped|rose|fell|closed|traded|dropped|climbed)[^,;]{0,20}? (?:to|at))"
                               r"\s*(?:US\$|HK\$|\$)?$")
# "priced at" prices a share only where shares are offered: "the 512GB version is priced at 21,999 yuan" is a product's
_PRICED_AT = re.compile(r"\bpriced at\s*(?:US\$|HK\$|\$)?$", re.IGNORECASE)
SHARES_OFFERED = re.compile(r"[股发募]|\b(?:shares?|IPO|issue|offering|offered|listing|float(?:ation)?|stock)\b", re.IGNORECASE)
_EACH = re.compile(r"\s*each\b")
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)(?<![A-Za-z])[A-Z][a-z]+\s$")
_FROM = re.compile(r"(?:\bfrom|\bby(?:\s+another)?|从)\s*$", re.IGNORECASE)  # "rose by 12 to 217": a change, then a level


# A price per unit ("$2.19 per million output tokens", "每GPU小时2美元", "$80 an hour") is a rate: it
# never meets a total, nor a rate per another unit.
_PER_AFTER = re.compile(r"\s*(?:per|an?)\s+(?:(?:million|thousand|billion)\s+)?(?:[A-Za-z-]+\s+){0,2}?"
                        r"(?P<noun>tokens?|hours?|GPU hours?|units?|cars?|vehicles?|chips?|cards?|users?|"
                        r"kWh|barrels?|tons?|tonnes?|ounces?|kg|kilogram|square metres?|square meters?)\b", re.IGNORECASE)
_PER_BEFORE = re.compile(r"每(?:百万|千|万)?(?:个|块|张|辆|台)?(?P<noun>[^，。,；;\d每]{1,10}?)"
                         r"(?:的?(?:收费|售价|价格|租金|成本|费用|亏损|利润|盈利|收入|为|约|仅|需|要))?\s*$")


def _per_unit(text: str, start: int, end: int) -> str:
    """``"/tokens"`` for a money value stated per unit of something, else ``""``."""
    m = _PER_AFTER.match(text, end)
    if m:
        return "/" + m["noun"].lower().rstrip("s").replace("gpu hour", "gpu小时").replace("hour", "小时")
    m = _PER_BEFORE.search(text, max(0, start - 16), start)
    if m and not m["noun"].strip().startswith(_PERIODS):  # 每年价值300亿美元: a yearly amount is compared with totals
        return "/" + m["noun"].strip().lower().rstrip("s").replace("输出", "").replace("输入", "").strip()
    return ""


_PERIODS = ("年", "月", "天", "日", "季度", "周", "个月", "个季度")


_PLACE_IN_TEXT = re.compile(r"\b(?:paragraph|para|page|section|line|item|point)\s*$", re.IGNORECASE)  # no figure


_WAN_TAIL = re.compile(rf"(?P<d>\d{{4}})(?![\d.,年])\s?(?P<unit>{_SUFFIX_UNITS})?")


def _numerics(text: str) -> list[Quantity]:
    out = []
    pos = 0
    named = [(n.start, n.end) for n in subject_mentions(text) if any(ch.isdigit() for ch in text[n.start:n.end])]
    while (m := _NUMERIC.search(text, pos)) is not None:
        pos = m.end()
        if any(a <= m.start() < b for a, b in named):
            continue  # a number in a name: the S&P 500, 沪深300
        if m["b"] is not None and (
            _FROM.search(text[max(0, m.start() - 14):m.start()])  # "from A to B", "by A to B": a change, not a range
            or _PLACE_IN_TEXT.search(text[max(0, m.start() - 12):m.start()])  # "in paragraph 4 to 3,609": no range
            or (m["aunit"] and m["unit"] and _classify(None, m["aunit"]) != _classify(None, m["unit"].strip()))
            or (m["aunit"] and not m["unit"])  # "fell 0.29% to 5,618.26": a change, then a level
        ):
            pos = m.end("aunit") if m["aunit"] else m.end("a")
            m = _NUMERIC.match(text, m.start(), pos)  # the first value alone
            if m is None:
                continue
        if m["b"] is not None and not m["aunit"] and not m["prefix"] and re.fullmatch(r"(?:19|20)\d{2}", m["a"]):
            pos = m.end("a")  # "in 2022 to 743 million yuan": a year, then another value
            continue
        start, end = m.start(), m.end()
        tail = _WAN_TAIL.match(text, m.end("a")) if m["b"] is None and not m["aunit"] and m["a"].endswith("万") else None
        if tail is not None:  # "1394万7506张": the four digits below the 万 belong to the number
            kind, unit = _classify(None, (tail["unit"] or "").strip())
            value = _to_number(m["a"]) + int(tail["d"])
            end = start + len(text[start:tail.end()].rstrip())
            out.append(_qualify(Quantity(kind, value, unit, value, value, text[start:end], start, end), text))
            pos = end
            continue
        if _MODEL_CODE.match(text, max(0, start - 1)) and start > 0 and text[start - 1].isalpha():
            continue
        if text[end:end + 1] == "]" or (start > 0 and text[start - 1] == "["):
            continue  # citation marker
        if _TICKER.match(text, end) or _TICKER_BEFORE.search(text, max(0, start - 8), start):
            continue  # a stock code: 00700.HK, 股票代码为3750
        if not m["unit"] and not m["aunit"] and _PRODUCT_LINE_BEFORE.search(text, max(0, start - 14), start):
            continue  # a model number: iPhone 16, Mate 60, Model 3
        if not m["unit"] and not m["aunit"] and m["b"] is None and _CAPS_NAME_BEFORE.search(text, max(0, start - 24), start) \
                and re.fullmatch(r"\d{1,2}", m["a"]):
            continue  # a name's number after a word in capitals: TRAILBLAZER-ALZ 2, the NASDAQ 100
        if not m["unit"] and not m["aunit"] and m["b"] is None and _DESIGNATED.search(text, max(0, start - 12), start):
            continue  # IAM District 751, Flight 2216: which one, not how many
        if m["b"] is None and not m["prefix"] and (
                text[start - 1:start] == "第" and _ORDINAL_AFTER.match(text, m.end("a"))
                or _NOT_AMOUNT_AFTER.match(text, m.end("a")) or _NOT_AMOUNT_BEFORE.search(text, max(0, start - 4), start)
                or text[start - 1:start] + text[m.end("a"):m.end("a") + 1] in _QUOTED):
            continue  # an edition, a span of comparison, a name, a coordinate, a resolution: no amount
        if (not m["unit"] and not m["aunit"] and m["b"] is None and _NAME_HYPHEN_BEFORE.search(text, max(0, start - 24), start)
                and not re.fullmatch(r"(?:19|20)\d{2}", m["a"])):
            continue  # a name's number: Chang'e-6, Shenzhou-18, COVID-19 ("mid-2025" stays a year)
        if not m["unit"] and not m["aunit"] and m["b"] is None and _TENOR_AFTER.match(text, end):
            continue  # a bond's or a loan's term: 10年期国债, the 10-year Treasury yield
        if not m["unit"] and not m["aunit"] and (text[end:end + 1] in ("月", "日", "号") or _MONTH_AFTER.match(text, end)
                                                 or _MONTH_BEFORE.search(text, max(0, start - 12), start)):
            continue  # part of a date the date pass could not resolve (no publication year): "7 September"
        unit_text = (m["unit"] or m["aunit"] or "").strip()
        hyphened = _HYPHEN_UNIT.match(text, end) if not unit_text and not m["prefix"] else None
        if hyphened:  # "a 7.9-inch screen", "the 984-foot Dali", "a 1.6-mile bridge"
            unit_text, end = hyphened.group(1).lower(), hyphened.end()
        million = bool(m["prefix"]) and unit_text == "m"  # "$28.25 m": a million, no metre
        if million:
            unit_text = ""
        if unit_text == "周" and text[end:end + 1] == "岁":  # "17周岁": full years of age, no weeks
            unit_text, end = "岁", end + 1
        if unit_text in ("C", "F") and (text[end - 2:end - 1].isspace() or not _HEAT.search(text)):
            if not text[end - 2:end - 1].isspace():
                continue  # "3C products", "Model 3C": a name, no value
            unit_text, end = "", end - 1  # "Type 2 F": no degrees
        if m["aunit"] and m["b"] is None:
            unit_text, end = m["aunit"], m.end("aunit")  # "5.01%股价": the % is the unit
        kind, unit = _classify(m["prefix"], unit_text)
        each_share = _EACH.match(text, end) and "share" in text[max(0, start - 40):start].lower()
        if kind == "money" and (_PER_SHARE_AFTER.match(text, end) or _PER_SHARE_BEFORE.search(text, 0, start)
                                or each_share or _PRICED_AT.search(text, 0, start) and SHARES_OFFERED.search(text)):
            unit += "/share"
        elif kind == "money":
            unit += _per_unit(text, start, end)
        a = _to_number(m["a"])
        if m["b"] is not None:
            b = _to_number(m["b"])
            b_raw = b / _magnitude(m["b"])
            if _magnitude(m["a"]) == 1.0 and _magnitude(m["b"]) != 1.0 and a <= b_raw:
                a *= _magnitude(m["b"])  # "7-8万张": the magnitude is written once ("500,000 to 1 million": not)
            low, high = min(a, b), max(a, b)
            value = (low + high) / 2
        else:
            value = low = high = a
        factor = _SCALED_UNITS.get(unit_text, (None, None, 1.0))[2] * (1e6 if million else 1.0)  # 2.2吨 → 2,200 kg, 24小时 → 86,400 s
        value, low, high = value * factor, low * factor, high * factor
        if unit_text in _FAHRENHEIT:  # "125F" is 51.7 °C, give or take the half degree it is rounded to
            value, low, high = _celsius(value), _celsius(low - 0.5), _celsius(high + 0.5)
        if kind == "count" and unit == "" and m["b"] is None and re.fullmatch(r"(?:19|20)\d{2}", m["a"]):
            continue  # a bare year is handled by the date pass or is not a value
        if kind == "count" and unit == "" and re.fullmatch(r"\d{1,2}", m["a"]) and _NAME_BEFORE.search(text, 0, start):
            continue  # a version in a product name: Gaudi 3, Llama 3
        if m["sep"] and m["b"] is None:
            end = m.start("sep")
        end = start + len(text[start:end].rstrip())
        q = Quantity(kind, value, unit, low, high, text[start:end].strip(), start, end)
        out.append(_qualify(q, text))
    return out


_FAHRENHEIT = frozenset({"°F", "℉", "degrees Fahrenheit", "华氏度", "F"})
_HEAT = re.compile(r"temperature|thermometer|degrees|heat|气温|高温|温度|摄氏|华氏", re.IGNORECASE)


def _celsius(fahrenheit: float) -> float:
    return (fahrenheit - 32.0) * 5.0 / 9.0


def _classify(prefix: str | None, unit_text: str) -> tuple[str, str]:
    if prefix:
        return "money", _CURRENCY_PREFIX[prefix.strip()]
    if unit_text in ("%", "percent", "per cent"):
        return "percent", "%"
    if unit_text in ("个百分点", "percentage points"):
        return "percent", "pp"
    if unit_text in ("倍", "times", "-fold", "x"):
        return "multiple", "x"
    for suffix, code in _CURRENCY_SUFFIX:
        if unit_text == suffix:
            return "money", code
    if unit_text in _MEASURE_UNITS:
        return "measure", _MEASURE_ALIASES.get(unit_text, unit_text)
    if unit_text in _SCALED_UNITS:
        return _SCALED_UNITS[unit_text][:2]
    for suffix, name in _COUNT_UNITS:
        if unit_text == suffix:
            return "count", name
    return "count", ""


def _qualify(q: Quantity, text: str) -> Quantity:
    """Widen the interval by the qualifier written just before or after the value."""
    window = text[max(0, q.start - 24):q.start]
    before = window.rstrip().lower()
    after = text[q.end:q.end + 3]
    low, high, approx = q.low, q.high, q.approx
    cues = [(len(w), kind) for kind, words in (("lower", _LOWER_BOUND), ("upper", _UPPER_BOUND),
                                               ("approx", _APPROX_BEFORE), ("just under", _JUST_UNDER),
                                               ("just over", _JUST_OVER))
            for w in words if before.endswith(w) and (not w.isascii() or _word_start(before, w))]
    if not cues and (far := _DISTANT.search(window)):
        cue = far["cue"]
        kind_of = "lower" if cue in ("至少", "超过", "高达") else "upper" if cue in ("不到", "不足", "最多") else "approx"
        cues = [(len(cue), kind_of)]
    cue = max(cues)[1] if cues else None
    if cue == "lower" and q.kind == "duration" and before.endswith("over"):
        cue = None  # "over 76 weeks": during them, no floor
    inner = _MORE_INSIDE.search(q.text)
    if cue is None and inner is not None and low == high and q.value:
        # "160多万人" is 1,600,000 to 1,700,000; "300余亿元" 300亿 to 400亿: the next step of the digits
        digits = float(inner.group(1).replace(",", ""))
        high = low + step_of(digits) * q.value / digits
    elif cue is None and after[:1] in ("多", "余") and after[1:2] not in _MAGNITUDE_CHARS and (step := written_step(q)):
        high = low + step  # "2400多人" is 2,400 to 2,500, "1.2万余" 12,000 to 13,000: the next step, not beyond
    elif cue == "just under" and low == high and q.value > 0:
        low = low * (1 - _NEAR_REL)
    elif cue == "just over" and low == high and q.value > 0:
        high = high * (1 + _NEAR_REL)
    elif cue == "lower" or after.startswith(_LOWER_AFTER):
        high = math.inf
    elif cue == "upper" or after.startswith(_UPPER_AFTER):
        low = -math.inf if q.kind != "percent" else 0.0
    elif cue == "approx" or after.startswith(_APPROX_AFTER):
        approx = True
        low, high = low * (1 - _APPROX_REL), high * (1 + _APPROX_REL)
    return Quantity(q.kind, q.value, q.unit, low, high, q.text, q.start, q.end, approx)


_MAGNITUDE_CHARS = ("十", "百", "千", "万", "亿")  # "1000多万": the magnitude comes after 多 (_MORE_INSIDE)
_MORE_INSIDE = re.compile(r"(\d[\d,]*)\s?[多余](?:万亿|亿|万|千)")
DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")  # a figure as written, thousands separators included


def step_of(n: float) -> float:
    """One unit of the last non-zero digit of a whole number: 200 → 100, 120 → 10, 25 → 1."""
    step = 1.0
    while n and n % (step * 10) == 0:
        step *= 10
    return step


def digit_step(q: Quantity, digits: str) -> float | None:
    """The step of the last of ``digits`` (as written in ``q``'s text) in ``q``'s normalised unit;
    ``None`` for a unit converted by other than a power of ten."""
    number = float(digits)
    if not number:
        return None
    scale = q.value / number
    power = round(math.log10(abs(scale)))
    if abs(scale / 10 ** power - 1) > 1e-6:
        return None
    whole, _, decimals = digits.partition(".")
    return (10.0 ** -len(decimals) if decimals else step_of(float(whole))) * 10.0 ** power


def written_step(q: Quantity) -> float | None:
    """The step of the last digit a figure is written to, in its normalised unit ("5,634.58": 0.01;
    "1.36亿": 1,000,000; "5,600": 100), or ``None`` when it cannot be told: a range, a bound, an
    approximation, or a unit converted by other than a power of ten (miles to km)."""
    m = DIGITS.search(q.text)
    if m is None or q.approx or q.low != q.high or not q.value:
        return None
    return digit_step(q, m.group(0).replace(",", ""))


def _word_start(before: str, word: str) -> bool:
    """An English cue must start a word: 'over' but not 'turnover'."""
    at = len(before) - len(word)
    return at == 0 or not before[at - 1].isalpha()


def _cn_number(token: str) -> float | None:
    try:
        return float(cn2an.cn2an(token, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def _chinese_words(text: str) -> list[Quantity]:
    out = []
    for m in _CN_FRACTION.finditer(text):
        den = 100.0 if m["den"] == "百" else _cn_number(m["den"])
        num = _cn_number(m["num"])
        if den and num is not None:
            if m["den"] == "百":
                out.append(Quantity("percent", num, "%", num, num, m.group(0), m.start(), m.end()))
            else:
                out.append(Quantity("fraction", num / den, "", num / den, num / den, m.group(0), m.start(), m.end()))
    for m in _CN_MULTIPLE.finditer(text):
        if m["double"]:
            q = Quantity("multiple", 2.0, "x", 2.0, 2.0, m.group(0), m.start(), m.end())
        elif m["half"]:
            q = Quantity("fraction", 0.5, "", 0.5, 0.5, m.group(0), m.start(), m.end())
        elif m["cheng"]:
            v = float(_cn_number(m["cheng"]) or 0) * 10
            q = Quantity("percent", v, "%", v, v, m.group(0), m.start(), m.end())
        else:
            n = _cn_number(m["n"])
            if n is None:
                continue
            q = Quantity("multiple", n, "x", n, n, m.group(0), m.start(), m.end())
        out.append(_qualify(q, text))
    return out


def _chinese_counts(text: str) -> list[Quantity]:
    """四家 (4 companies), 两代, 十余个 (≥ 10), 两年 (24 months), 两个季度 (6 months)."""
    units = {"家": ("count", "companies"), "个": ("count", "items"), "代": ("count", "generations"),
             "颗": ("count", "chips"), "张": ("count", "cards"), "名": ("count", "people"), "人": ("count", "people"),
             "款": ("count", "products"), "年": ("duration", "months"), "个月": ("duration", "months"),
             "个季度": ("duration", "months"), "天": ("duration", "seconds")}
    out = []
    for m in _CN_COUNT.finditer(text):
        n = _cn_number(m["n"])
        if n is None or (m.start() > 0 and text[m.start() - 1] in "第每上下新老这那前后同单逐"):
            continue
        kind, unit = units[m["unit"]]
        step = step_of(n)  # "两百多人": 200 to 300, "十余个": 10 to 20
        if kind == "duration":
            factor = {"年": 12, "个月": 1, "个季度": 3, "天": 86400}[m["unit"]]
            n, step = n * factor, step * factor
        high = n + step if m["more"] else n
        out.append(_qualify(Quantity(kind, n, unit, n, high, m.group(0), m.start(), m.end()), text))
    return out


# "前10个月", "1-10月", "1至10月": the months of a year up to the N-th, a cumulative span
_FIRST_MONTHS = re.compile(r"(?:(?P<y>(?:19|20)\d{2})年)?(?:前(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})个月|1\s?[-—至到]\s?(?P<m>\d{1,2})月(?!\d*日))")


def _first_months(text: str, published: str | None) -> list[Quantity]:
    year_match = re.match(r"[0-9]{4}", published or "")
    out = []
    for m in _FIRST_MONTHS.finditer(text):
        n = int(m["m"]) if m["m"] else (int(m["n"]) if m["n"].isdigit() else _cn_number(m["n"]))
        year = int(m["y"]) if m["y"] else (int(year_match.group(0)) if year_match else None)
        if year is None or not n or not 2 <= n <= 12:
            continue
        low, high = float(year * 10000 + 101), float(year * 10000 + int(n) * 100 + 31)
        out.append(Quantity("date", low, "date", low, high, m.group(0), m.start(), m.end()))
    return out


def _dates(text: str, published: str | None) -> list[Quantity]:
    year_match = re.match(r"[0-9]{4}", published or "")
    pub_year = int(year_match.group(0)) if year_match else None
    out = []
    for m in _DATE.finditer(text):
        if m["iy"]:
            year, month = int(m["iy"]), int(m["im"])
            day = int(m["id"]) if m["id"] else None
            low = year * 10000 + month * 100 + (day or 1)
            high = year * 10000 + month * 100 + (day or _last_day(year, month))
        elif m["y2"] or m["rel"] or m["bpart"]:
            if m["rel"] or m["bpart"]:
                if pub_year is None:
                    continue
                year = pub_year + {"今年": 0, "明年": 1, "去年": -1, "前年": -2, "后年": 2}.get(m["rel"] or "今年", 0)
                part = m["rpart"] or m["bpart"] or ""
            else:
                year, part = int(m["y2"]), m["part"] or ""
            first, last = _part_months(part)
            low, high = year * 10000 + first * 100 + 1, year * 10000 + last * 100 + _last_day(year, last)
        else:
            month = int(m["m"])
            year = int(m["y"]) if m["y"] else _nearest_year(published, month)
            if m["ry"] and pub_year is not None:
                year = pub_year + {"今年": 0, "明年": 1, "去年": -1}[m["ry"]]
            if year is None:
                continue
            if m["d"]:
                low = high = year * 10000 + month * 100 + int(m["d"])
            else:
                low, high = year * 10000 + month * 100 + 1, year * 10000 + month * 100 + _last_day(year, month)
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        out.append(Quantity("date", float(low), "date", float(low), float(high), m.group(0).strip(), start, m.end()))
    return out


# A time of day: "16时20分", "14时许", "晚上8点", "1 p.m.", "08:20 GMT".
CLOCK = re.compile(r"(?:(?:凌晨|早上|上午|中午|下午|傍晚|晚上|晚间|晚)(?=\d))?(?<!\d)(?:[01]?\d|2[0-4])\s?时(?:\s?[0-5]?\d\s?分)?(?:许|前后|左右)?"
                    r"|(?:凌晨|早上|上午|中午|下午|傍晚|晚上|晚间)(?:[01]?\d|2[0-4])\s?点(?:[0-5]?\d分|半)?"
                    r"|\b(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)"
                    r"|\b(?:[01]\d|2[0-3]):?[0-5]\d\s?(?:GMT|UTC|local time)\b", re.IGNORECASE)
_CLOCK_PARTS = re.compile(r"(?P<pm>下午|傍晚|晚上|晚间|晚)|(?P<am>凌晨|早上|上午)|(?P<noon>中午)|(?P<h>\d{1,2})(?::?(?P<m>[0-5]\d))?|"
                          r"(?P<half>半)|(?P<epm>p\.m\.|pm)|(?P<eam>a\.m\.|am)", re.IGNORECASE)
_UTC_AFTER = re.compile(r"\s?(?:\(?\s*)?(?:GMT|UTC)\b", re.IGNORECASE)
_BEIJING_AFTER = re.compile(r"\s?[(（]?\s*Beijing time\b", re.IGNORECASE)
_BEIJING_BEFORE = re.compile(r"北京时间[^，。,;；]{0,10}$")
# Other named zones, in hours ahead of UTC ("日本时间8时58分（台湾时间7时58分）", "9:18 a.m. Tokyo time")
_ZONE_HOURS = {"台湾": 8, "台北": 8, "香港": 8, "新加坡": 8, "马来西亚": 8, "菲律宾": 8, "日本": 9, "东京": 9,
               "韩国": 9, "首尔": 9, "越南": 7, "河内": 7, "泰国": 7, "曼谷": 7, "印尼": 7, "雅加达": 7,
               "缅甸": 6.5, "尼泊尔": 5.75, "印度": 5.5, "taiwan": 8, "taipei": 8, "hong kong": 8, "singapore": 8,
               "manila": 8, "philippine": 8, "japan": 9, "tokyo": 9, "korea": 9, "seoul": 9, "vietnam": 7,
               "hanoi": 7, "thailand": 7, "bangkok": 7, "jakarta": 7, "myanmar": 6.5, "nepal": 5.75, "india": 5.5}
_ZONE_NAMES = "|".join(sorted(map(re.escape, _ZONE_HOURS), key=len, reverse=True))
_ZONE_BEFORE = re.compile(rf"({_ZONE_NAMES})时间", re.IGNORECASE)
_ZONE_AFTER = re.compile(rf"\s?[(（]?\s*({_ZONE_NAMES})\s(?:standard\s)?time\b", re.IGNORECASE)


def _named_zone(text: str, start: int, end: int) -> float | None:
    """Hours ahead of UTC of a zone named right after the clock time at ``start``–``end``, or the
    last one named shortly before it in its clause."""
    after = _ZONE_AFTER.match(text, end)
    if after:
        return _ZONE_HOURS[after.group(1).lower()]
    window = text[max(0, start - 16):start]
    window = re.split(r"[，。,;；]", window)[-1]
    named = list(_ZONE_BEFORE.finditer(window))
    return _ZONE_HOURS[named[-1].group(1).lower()] if named else None
_LOCAL_BEFORE = re.compile(r"(?:当地时间|local time)[^，。,;；]{0,10}$", re.IGNORECASE)
_ABOUT_CLOCK = re.compile(r"\b(?:about|around|roughly|shortly after|just after)\s+$", re.IGNORECASE)
_CLOCK_SLACK = 15.0  # minutes either side of "14时许", "about 1 p.m."


def clock_times(text: str) -> list[Quantity]:
    """Times of day whose zone the text states or implies, as minutes after midnight UTC (kind
    ``time``): "0105 GMT", "9:05 a.m. Beijing time", "北京时间9时5分", and a Chinese clock time
    (Chinese news writes Beijing time unless it says 当地时间). An English time with no zone, or a
    local one, is left out: nothing tells which clock it reads."""
    out = []
    for m in CLOCK.finditer(text):
        raw = m.group(0)
        chinese = "时" in raw or "点" in raw
        if _LOCAL_BEFORE.search(text, max(0, m.start() - 16), m.start()) or "local" in raw.lower():
            continue
        zone = _named_zone(text, m.start(), m.end())
        if "GMT" in raw.upper() or "UTC" in raw.upper() or _UTC_AFTER.match(text, m.end()):
            offset = 0
        elif zone is not None:
            offset = zone
        elif _BEIJING_AFTER.match(text, m.end()) or _BEIJING_BEFORE.search(text, max(0, m.start() - 16), m.start()) or chinese:
            offset = 8
        else:
            continue
        hour = minute = None
        later = earlier = False
        for part in _CLOCK_PARTS.finditer(raw):
            if part["h"] is not None:
                digits = part["h"] + (part["m"] or "")
                if hour is None and len(digits) == 4 and part["m"] is None:  # "0105 GMT"
                    hour, minute = int(digits[:2]), int(digits[2:])
                elif hour is None:
                    hour, minute = int(part["h"]), int(part["m"]) if part["m"] else 0
                elif minute == 0:
                    minute = int(part["h"])  # "9时5分": the second number is the minutes
            elif part["half"]:
                minute = 30
            later = later or bool(part["pm"] or part["epm"])
            earlier = earlier or bool(part["am"] or part["eam"])
        if hour is None or hour > 24 or minute is None or minute > 59:
            continue
        if later and hour < 12:
            hour += 12
        if earlier and hour == 12:
            hour = 0
        value = float((hour * 60 + minute - offset * 60) % 1440)
        slack = _CLOCK_SLACK if re.search(r"许|前后|左右", raw) or _ABOUT_CLOCK.search(text, max(0, m.start() - 14), m.start()) else 0.0
        out.append(Quantity("time", value, "UTC", value - slack, value + slack, raw.strip(), m.start(), m.end(), approx=slack > 0))
    return out


# A day of the month alone, as Chinese news writes it ("6日在海南文昌登陆"): the publication's month,
# or the month before when that day is still to come. Not 日元 (yen), 日本, 日报, 日均.
_DAY = re.compile(r"(?<![月\d年.])(?P<d>3[01]|[12]\d|0?[1-9])\s?日(?![元本报均内前后间起至])")


def _days(text: str, published: str | None) -> list[Quantity]:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published or "")
    if m is None:
        return []
    year, month, today = int(m[1]), int(m[2]), int(m[3])
    out = []
    for d in _DAY.finditer(text):
        day = int(d["d"])
        y, mo = (year, month) if day <= today + 1 else ((year, month - 1) if month > 1 else (year - 1, 12))
        if day > _last_day(y, mo):
            continue
        v = float(y * 10000 + mo * 100 + day)
        out.append(Quantity("date", v, "date", v, v, d.group(0).strip(), d.start(), d.end()))
    return out


_WEEKDAY_NUMBER = {name: n for n, names in enumerate((
    ("monday", "一"), ("tuesday", "二"), ("wednesday", "三"), ("thursday", "四"), ("friday", "五"),
    ("saturday", "六"), ("sunday", "日", "天"))) for name in names}
# "on Monday", "since Wednesday night", "本周三": news dates the past week by its weekdays. A weekday
# followed by its date ("Saturday, September 7") is read from the date; "next Monday" and 下周一 are
# no past day, 上周三 the previous calendar week's, and a bare 周三 may be a name (周 is a surname) unless a
# time of day or a trading session follows it (英伟达周三收跌).
_WEEKDAY = re.compile(
    r"(?<![A-Za-z])(?<!next )(?<!last )(?P<en>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!,?\s+(?:"
    r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d))"
    r"|(?<![下上])(?:本周|星期|礼拜)(?P<zh>[一二三四五六日天])(?![一二三四五六七八九十])"
    # a bare 周三 dates when a time of day or a trading session follows it (周三表示 may be a person)
    r"|(?<![下上本])周(?P<bare>[一二三四五六日])(?=早|晚|上午|下午|凌晨|中午|夜间|盘|收|常规|开盘|美股|港股)"
    # 上周五: that day of the previous calendar week
    r"|(?:上周|上星期|上礼拜)(?P<last>[一二三四五六日天])(?![一二三四五六七八九十])")


def _weekdays(text: str, published: str | None) -> list[Quantity]:
    """The weekdays of the week up to ``published`` ("on Monday" in an article of Wednesday 11
    September is 9 September); nothing without a full publication date."""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published or "")
    if m is None:
        return []
    try:
        today = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return []
    out = []
    for w in _WEEKDAY.finditer(text):
        target = _WEEKDAY_NUMBER[(w["en"] or w["zh"] or w["bare"] or w["last"]).lower()]
        if w["last"]:
            day = today - dt.timedelta(days=today.weekday() + 7 - target)
        else:
            day = today - dt.timedelta(days=(today.weekday() - target) % 7)
        v = float(day.year * 10000 + day.month * 100 + day.day)
        out.append(Quantity("date", v, "date", v, v, w.group(0), w.start(), w.end()))
    return out


def _nearest_year(published: str | None, month: int) -> int | None:
    """The year of a month named without one: the year of publication, unless that puts the month
    more than half a year after publication ("December 26" in a January article is last December;
    news looks back more often than ahead, so "in April" in December is this April)."""
    m = re.match(r"([0-9]{4})(?:-([0-9]{2}))?", published or "")
    if m is None:
        return None
    year = int(m[1])
    return year - 1 if m[2] and month - int(m[2]) > 6 else year


def _last_day(year: int, month: int) -> int:
    import calendar

    return calendar.monthrange(year, month)[1]


def _part_months(part: str) -> tuple[int, int]:
    """The months a part of a year covers: 底 Oct–Dec, 上半年 Jan–Jun, 三季度 Jul–Sep …"""
    fixed = {"底": (10, 12), "末": (10, 12), "初": (1, 3), "上半年": (1, 6), "下半年": (7, 12)}
    if part in fixed:
        return fixed[part]
    m = re.search(r"前([一二三])季度", part)
    if m:
        return 1, 3 * _QUARTER_WORDS[m.group(1)]
    m = re.search(r"([一二三四1-4])季度", part)
    if m:
        quarter = _QUARTER_WORDS.get(m.group(1)) or int(m.group(1))
        return 3 * quarter - 2, 3 * quarter
    return 1, 12


# A capitalised word right before a month that is no weekday nor a word that leads a date ("The March 5
# vote", "Since March"): the month is part of a name ("Long March 5", "Arab Spring")
_NAME_BEFORE_MONTH = re.compile(r"(?<![\w.])(?!(?:The|A|An|This|That|These|Its|Their|His|Her|Our|Last|Next|Since|By|On|In|From|"
                                r"Until|Through|Till|Before|After|Early|Late|Mid|Each|Every|Between|And|Or|To|Of|For|At|As|"
                                r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\b)"
                                r"[A-Z][a-z]+\s$")


_LEADING_MONTH = re.compile(_MONTH_NAMES)


def _english_dates(text: str, published: str | None) -> list[Quantity]:
    """"March 2026", "Dec. 5", "in August" (year from ``published``), "Q1 2023", "first quarter of 2026"."""
    year_match = re.match(r"[0-9]{4}", published or "")
    pub_year = int(year_match.group(0)) if year_match else None
    out = []
    for m in _EN_DATE.finditer(text):
        if _LEADING_MONTH.match(text, m.start()) and _NAME_BEFORE_MONTH.search(text, max(0, m.start() - 20), m.start()):
            continue  # "a Long March 5 rocket": a name, no day
        if m["m1"] or m["nm"]:  # "January to September", "the first nine months of 2025": one interval
            year = int(m["my"] or m["ny"] or 0) or pub_year
            if year is None:
                continue
            first = _MONTHS[m["m1"].lower()] if m["m1"] else 1
            last = _MONTHS[m["m2"].lower()] if m["m1"] else _EN_NUMBER_WORDS[m["nm"].lower()]
            low, high = year * 10000 + first * 100 + 1, year * 10000 + last * 100 + _last_day(year, last)
            out.append(Quantity("date", float(low), "date", float(low), float(high), m.group(0), m.start(), m.end()))
            continue
        if m["half"] or m["qn"] or m["qb"]:
            if m["hy"]:
                year = int(m["hy"])
            elif pub_year is None:
                continue
            else:
                year = pub_year + {"this": 0, "next": 1, "last": -1}[(m["hrel"] or "this").lower()]
            if m["half"]:
                first, last = (1, 6) if m["half"] == "first" else (7, 12)
            else:
                quarter = _QUARTER_WORDS[m["qn"].lower()] if m["qn"] else int(m["qb"])
                first, last = 3 * quarter - 2, 3 * quarter
            low, high = year * 10000 + first * 100 + 1, year * 10000 + last * 100 + _last_day(year, last)
            out.append(Quantity("date", float(low), "date", float(low), float(high), m.group(0), m.start(), m.end()))
            continue
        if m["rel"]:
            if pub_year is None:
                continue
            step = {"this": 0, "next": 1, "last": -1}[m["rel"].lower()]
            if m["rp"] == "year":
                year, first, last = pub_year + step, 1, 12
            else:
                month = int(re.match(r"[0-9]{4}-([0-9]{2})", published or "")[1]) if re.match(
                    r"[0-9]{4}-[0-9]{2}", published or "") else 1
                index = pub_year * 4 + (month - 1) // 3 + step
                year, quarter = divmod(index, 4)
                first, last = 3 * quarter + 1, 3 * quarter + 3
            low, high = year * 10000 + first * 100 + 1, year * 10000 + last * 100 + _last_day(year, last)
            out.append(Quantity("date", float(low), "date", float(low), float(high), m.group(0), m.start(), m.end()))
            continue
        if m["by"]:
            year = int(m["by"])
            start = m.start("by")
            out.append(Quantity("date", float(year * 10000 + 101), "date", float(year * 10000 + 101),
                                float(year * 10000 + 1231), m["by"], start, m.end("by")))
            continue
        if m["qy"]:
            year = int(m["qy"])
            quarter = int(m["q"]) if m["q"] else _QUARTER_WORDS[m["qw"].lower()]
            first, last = 3 * quarter - 2, 3 * quarter
            low, high = year * 10000 + first * 100 + 1, year * 10000 + last * 100 + _last_day(year, last)
        elif m["mon2"]:  # "7 September", "8 September 2024": the day first
            month = _MONTHS[m["mon2"].lower()]
            year = int(m["y2"]) if m["y2"] else _nearest_year(published, month)
            if year is None or not 1 <= int(m["dm"]) <= _last_day(year, month):
                continue
            low = high = year * 10000 + month * 100 + int(m["dm"])
        else:
            if m["mon"] == "May" and not (m["y"] or m["d"]):
                continue  # "May" alone is more often the modal verb
            month = _MONTHS[m["mon"].lower().rstrip(".")]
            year = int(m["y"]) if m["y"] else _nearest_year(published, month)
            if year is None:
                continue
            if m["d"] and 1 <= int(m["d"]) <= _last_day(year, month):
                low = high = year * 10000 + month * 100 + int(m["d"])
            else:
                low, high = year * 10000 + month * 100 + 1, year * 10000 + month * 100 + _last_day(year, month)
        out.append(Quantity("date", float(low), "date", float(low), float(high), m.group(0), m.start(), m.end()))
    return out


def _durations(text: str) -> list[Quantity]:
    out = []
    for m in _DURATION.finditer(text):
        prev = text[m.start() - 1] if m.start() else " "
        if (prev.isascii() and prev.isalnum()) or prev == ".":
            continue  # part of a longer token (H100, 4.18)
        unit = m["u"].rstrip("s")
        months = {"个月": 1, "month": 1, "个季度": 3, "quarter": 3, "年内": 12, "year": 12}[unit]
        if unit == "year" and re.fullmatch(r"(?:19|20)\d{2}", m["n"]):
            continue
        low, high = float(m["n"]) * months, float(m["n2"] or m["n"]) * months
        out.append(_qualify(Quantity("duration", (low + high) / 2, "months", low, high, m.group(0), m.start(), m.end()),
                            text))
    return out


def _betweens(text: str) -> list[Quantity]:
    """"between 70,000 and 80,000 cards", "ranging from 1.5 billion to 70 billion", "从15亿到700亿不等": one range."""
    out = []
    for m in [*_BETWEEN.finditer(text), *_RANGING.finditer(text), *_ZH_SPAN.finditer(text)]:
        kind, unit = _classify(m["prefix"], (m["unit"] or "").strip())
        a, b = _to_number(m["a"]), _to_number(m["b"])
        if _magnitude(m["a"]) == 1.0 and _magnitude(m["b"]) != 1.0 and a <= b / _magnitude(m["b"]):
            a *= _magnitude(m["b"])
        low, high = min(a, b), max(a, b)
        start = m.start("prefix") if m["prefix"] else m.start("a")
        out.append(Quantity(kind, (low + high) / 2, unit, low, high, text[start:m.end()].strip(), start,
                            start + len(text[start:m.end()].rstrip())))
    return out


# A place in a ranking: "位居第二", "排名全球第3位", "位列金牌榜第二", "位居奖牌榜首位", "ranked second",
# "the third-largest", "took first place", "was third in the medal table", "ahead of Apple in second".
_ZH_RANK = re.compile(r"(?:位居|排名|排在|位列|名列|居|排)(?:[^，。；、,;\d第]{0,12}?)"
                      r"(?:(?P<n>第(?:[一二三四五六七八九十]+|\d+))|(?P<top>榜首|首位))")
_EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
_EN_ORDINAL = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)"
_EN_RANK = re.compile(rf"\b(?:(?:ranked|ranks|ranking|placed|came|finished|was|were|is|are|ended)\s+(?P<a>{_EN_ORDINAL})\b"
                      r"(?!\s+(?:half|quarter|time|times|round|day|week|month|year|term|largest|biggest|highest|to|in line))|"
                      r"(?P<b>second|third|fourth|fifth)[- ](?:largest|biggest|highest)|"
                      rf"(?P<c>{_EN_ORDINAL})[- ]place\b|"
                      r"\bin (?P<d>first|second|third|fourth|fifth)(?:\s+place)?(?=\s*(?:[,.;]|$|with|on|behind|ahead|and))|"
                      r"(?<=, )(?P<e>first|second|third|fourth|fifth)(?= (?:in|on) the\b))",
                      re.IGNORECASE)


def _ranks(text: str) -> list[Quantity]:
    """Places in a ranking, as counts in the unit ``rank``."""
    out = []
    for m in _ZH_RANK.finditer(text):
        if m["top"]:
            out.append(Quantity("count", 1.0, "rank", 1.0, 1.0, m["top"], m.start("top"), m.end("top")))
            continue
        digits = m["n"][1:]
        n = float(digits) if digits.isdigit() else _cn_number(digits)
        if n:
            out.append(Quantity("count", n, "rank", n, n, m["n"], m.start("n"), m.end("n")))
    for m in _EN_RANK.finditer(text):
        group = next(g for g in "abcde" if m[g])
        word = m[group].lower()
        n = float(_EN_ORDINALS.get(word) or re.match(r"\d+", word).group(0))
        out.append(Quantity("count", n, "rank", n, n, m[group], m.start(group), m.end(group)))
    return out


# How long a run of wins or firsts is: "连续第11次", "连续第四届", "the 11th straight time", "a fourth consecutive Games".
_ZH_STREAK = re.compile(r"连续(?:第)?(?P<n>[一二三四五六七八九十]+|\d+)(?:次|届|年|个赛季|个季度|季度|季|个月)")
_EN_STREAK = re.compile(r"\b(?P<n>\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
                        r"\s+(?:straight|consecutive|successive)\s+(?:time|times|year|years|Games|season|seasons|term|edition|"
                        r"quarter|quarters|month|months)\b"
                        # "for five straight quarters", "five quarters in a row"
                        r"|\b(?P<k>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:(?:straight|consecutive|"
                        r"successive)\s+(?:years|quarters|months|seasons|times)|(?:years|quarters|months|seasons|times)\s+in\s+a\s+row)\b",
                        re.IGNORECASE)


def _streaks(text: str) -> list[Quantity]:
    """The length of a run, as a count in the unit ``streak``."""
    out = []
    for m in _ZH_STREAK.finditer(text):
        n = float(m["n"]) if m["n"].isdigit() else _cn_number(m["n"])
        if n:
            out.append(Quantity("count", n, "streak", n, n, m.group(0), m.start(), m.end()))
    for m in _EN_STREAK.finditer(text):
        word = (m["n"] or m["k"]).lower()
        n = _EN_ORDINALS.get(word) or _EN_NUMBER_WORDS.get(word) or float(re.match(r"\d+", word).group(0))
        out.append(Quantity("count", float(n), "streak", float(n), float(n), m.group(0), m.start(), m.end()))
    return out


def _english_words(text: str) -> list[Quantity]:
    """"six times", "twice", "half", "a quarter", "half a percentage point"."""
    out = []
    for m in _EN_WORDS.finditer(text):
        if m["point"]:  # "half a percentage point", "a quarter-point cut"
            v = {"half": 0.5, "a quarter": 0.25}.get(m["point"].lower(), 0.75)
            q = Quantity("percent", v, "pp", v, v, m.group(0), m.start(), m.end())
        elif m["n"]:
            v = float(_EN_NUMBER_WORDS[m["n"].lower()])
            q = Quantity("multiple", v, "x", v, v, m.group(0), m.start(), m.end())
        elif m["twice"] or m["thrice"]:
            v = 2.0 if m["twice"] else 3.0
            q = Quantity("multiple", v, "x", v, v, m.group(0), m.start(), m.end())
        elif m["num"]:  # "seven in ten households"
            v = _EN_NUMBER_WORDS[m["num"].lower()] / _EN_NUMBER_WORDS[m["den"].lower()]
            q = Quantity("fraction", v, "", v, v, m.group(0), m.start(), m.end())
        else:
            words = m["frac"].lower().replace("-", " ").split()
            v = _EN_FRACTIONS[words[-1].removesuffix("s")] * (_EN_NUMERATORS[words[0]] if len(words) > 1 else 1)
            q = Quantity("fraction", v, "", v, v, m.group(0), m.start(), m.end())
        out.append(_qualify(q, text))
    return out


__all__ = ["extract_quantities", "DIGITS", "digit_step", "written_step", "step_of"]
