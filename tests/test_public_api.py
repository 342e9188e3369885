"""The public names of each package are pinned: changing them is a deliberate act."""

import importlib

import pytest


@pytest.mark.parametrize("package, names", [
    ("claimwatch.claims", {"Article", "Claim", "Quantity", "build_clusters", "check_articles", "check_claim",
                           "detect_format", "extract_quantities", "find_attribution", "find_hedge", "find_negation", "find_subjects",
                           "find_syndication", "judge", "parse_feed", "segment_claims"}),
    ("claimwatch.index", {"DEFAULT_EMBEDDER", "Embedder", "FaissIndex", "NumpyIndex", "Store", "choose_index_kind",
                          "create_embedder", "hybrid_score", "lexical_vectors", "open_store"}),
    ("claimwatch.evaluation", {"bench", "calibrate", "gold", "load", "metrics", "quality", "scale", "synth", "understanding"}),
])
def test_package_exports_are_pinned(package, names):
    module = importlib.import_module(package)
    assert set(module.__all__) == names
    for name in module.__all__:
        if package != "claimwatch.evaluation":
            assert hasattr(module, name), name
        else:
            importlib.import_module(f"{package}.{name}")


def test_claims_package_does_not_import_the_web_stack_or_faiss():
    import subprocess
    import sys

    code = "import sys, claimwatch.claims; print('fastapi' in sys.modules, 'faiss' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]
