"""Shared fixtures: data directory in tmp_path, the fake and the real embedder, feed paths."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SAMPLE_FEED = SHARED / "data" / "h200_digest_zh.txt"


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    """No test touches the host's data directory."""
    monkeypatch.setenv("CLAIMWATCH_DATA", str(tmp_path / "data"))
    yield


@pytest.fixture
def sample_feed() -> bytes:
    if not SAMPLE_FEED.exists():
        pytest.skip(f"the sample feed {SAMPLE_FEED} is absent (../shared is not beside this checkout)")
    return SAMPLE_FEED.read_bytes()


@pytest.fixture
def fake_embedder():
    from claimwatch.index.embedders import create_embedder

    return create_embedder("fake")


@pytest.fixture(scope="session")
def real_embedder():
    """The default bundled model, loaded once per session (tests using it are marked slow)."""
    from claimwatch.index.embedders import DEFAULT_EMBEDDER, create_embedder

    return create_embedder(DEFAULT_EMBEDDER)
