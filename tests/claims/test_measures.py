"""What a value of no known attribute counts, from the words beside it."""

import pytest

from claimwatch.claims.measures import measure_words, same_measure
from claimwatch.claims.verdicts import relate
from claimwatch.pipeline import query_claim


def _first(text: str):
    claim = query_claim(text)
    return claim, claim.quantities[0]


@pytest.mark.parametrize(("one", "other"), [
    ("The ministry sent 2,200 tents from its reserves.", "The ministry has shipped 22,000 tents and 50,000 cotton coats."),
    ("财政部预拨了10亿元救灾资金", "财政部已紧急预拨1亿元中央自然灾害救灾资金，支持抗震救灾。"),
    ("应急管理部调拨帐篷2.2万顶、棉大衣5万件", "应急管理部调拨了2200顶帐篷"),
    # a part is a part of what follows "of the"
    ("About a third of the families evacuated from the valley came from Lone Pine.",
     "Lone Pine accounted for roughly half of the 8,200 families evacuated."),
])
def test_one_thing_counted_in_other_words_is_one_measure(one, other):
    (a, qa), (b, qb) = _first(one), _first(other)
    assert same_measure(a.text, qa, b.text, qb)


@pytest.mark.parametrize(("one", "other"), [
    ("The ministry sent 2,200 tents.", "The ministry sent 50,000 cotton coats."),  # another thing
    ("Rescuers freed 407 people trapped under rubble.", "Some 46,500 people moved to shelters."),  # people doing other things
    ("The ministry sent 2,200 tents.", "应急管理部调拨了2200顶帐篷"),  # two scripts: no words to match
    ("西藏另安排5000万元（约合690万美元）用于救助", "财政部预拨了10亿元救灾资金"),
])
def test_other_things_or_other_scripts_are_no_one_measure(one, other):
    (a, qa), (b, qb) = _first(one), _first(other)
    assert not same_measure(a.text, qa, b.text, qb)


def test_a_generic_head_alone_names_nothing():
    claim, q = _first("There were 300 people.")
    assert measure_words(claim.text, q) == ("en", frozenset())


def test_verify_refutes_a_wrong_count_of_the_same_thing_and_leaves_other_things_related():
    evidence = query_claim("The Ministry of Emergency Management has shipped 22,000 tents and 50,000 cotton coats.")
    wrong = query_claim("The emergency ministry sent 2,200 tents from its reserves.")
    assert relate(wrong, evidence, 0.84)[0] == "refutes"
    other = query_claim("The emergency ministry sent 2,200 folding beds from its reserves.")
    assert relate(other, evidence, 0.84)[0] == "related"
