"""The claim-understanding evaluation: gold file integrity and the scoring of extractors."""

from claimwatch.evaluation.understanding import (
    baseline_quantities, claimwatch_quantities, load_sentences, score_quantities,
)


def test_gold_sentences_are_well_formed():
    sentences = load_sentences()
    assert len(sentences) >= 280
    assert sum(len(s["quantities"]) for s in sentences) >= 450
    for s in sentences:
        for q in s["quantities"]:
            assert q["text"] in s["text"], (s["id"], q["text"])
            if q["low"] is not None and q["high"] is not None:
                assert q["low"] <= q["value"] <= q["high"], s["id"]


def test_scoring_counts_kind_unit_and_value():
    sentences = [{"text": "带宽为4.8TB/s，份额约25%", "published": "2025-12-09", "quantities": [
        {"kind": "measure", "unit": "TB/s", "value": 4.8, "low": 4.8, "high": 4.8},
        {"kind": "percent", "unit": "%", "value": 25, "low": 23.75, "high": 26.25}]}]
    ours = score_quantities(sentences, claimwatch_quantities)
    assert (ours["precision"], ours["recall"], ours["interval_exact"]) == (1.0, 1.0, 1.0)
    naive = score_quantities(sentences, lambda text, *_: baseline_quantities(text))
    assert naive["recall"] == 0.5 and naive["interval_exact"] == 0.0


def test_claimwatch_beats_the_regex_baseline_on_the_gold_set():
    sentences = load_sentences()
    ours = score_quantities(sentences, claimwatch_quantities)
    naive = score_quantities(sentences, lambda text, *_: baseline_quantities(text))
    assert ours["f1"] > naive["f1"] + 0.5


def test_subject_accuracy_counts_matched_values_whose_subject_agrees():
    sentences = [{"text": "英伟达H200的带宽为4.8TB/s，AMD MI308的份额约25%", "published": "2025-12-09", "quantities": [
        {"kind": "measure", "unit": "TB/s", "value": 4.8, "low": 4.8, "high": 4.8, "subject": "product:H200"},
        {"kind": "percent", "unit": "%", "value": 25, "low": 23.75, "high": 26.25, "subject": "product:H200"}]}]
    ours = score_quantities(sentences, claimwatch_quantities)
    assert ours["subject_accuracy"] == 0.5  # the 25 % is MI308's, so the second label is wrong on purpose
