"""Gold-set evaluation (evaluation/quality.py)."""

import pytest


def test_each_gold_set_is_read_with_nothing_learned_from_another(monkeypatch):
    # one set's learned names must not read the next one's feed: evaluate_gold forgets them first
    from claimwatch.evaluation import quality

    class Forgot(Exception):
        pass

    def forget():
        raise Forgot

    monkeypatch.setattr(quality, "forget_learned", forget)
    with pytest.raises(Forgot):
        quality.evaluate_gold(None, None, "hybrid")  # type: ignore[arg-type]
