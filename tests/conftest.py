"""Shared fixtures: paths to the test data, a file writer, and articles parsed once per session.

Everything under tests/data is invented text written for these tests (made-up places such as
Norland, Estavia, Velmora); tests/data/README.md lists the files.
"""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import crisislens
from crisislens import Corpus

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
SEED = TESTS.parent / "data" / "articles" / "ukraine-border-crisis-blinken.txt"
SHARED = TESTS.parents[1] / "shared"


# Hypothesis profiles. Property tests without their own max_examples (the whole-pipeline ones in
# test_article.py and test_hostile_corpus.py) take it from here: 100 examples in an ordinary run,
# 100,000 in the long fuzz, which also runs the scaling probe of test_hostile_corpus.py (README,
# "Limits and failure modes"):
#   CRISISLENS_FUZZ=long python -m pytest tests/test_article.py tests/test_hostile_corpus.py \
#       -k "table_contract or any_bytes or linearly"
settings.register_profile("ci", deadline=None)
settings.register_profile("long", max_examples=100_000, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
settings.load_profile(os.environ.get("CRISISLENS_FUZZ", "ci"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "shared_corpus: reads a corpus in ../shared; runs by default and in CI (about 10 s), "
        "skipped when ../shared is absent; deselect with -m 'not shared_corpus'")


def write_file(folder: Path, name: str, data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8, or bytes as they are) to ``folder/name`` and return the path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.fixture
def write(tmp_path): return lambda name, data: write_file(tmp_path, name, data)


@pytest.fixture
def sources_dir(): return DATA / "sources"


@pytest.fixture
def mixed_dir(): return DATA / "mixed"


@pytest.fixture(scope="session")
def seed_article(): return crisislens.parse(SEED)


@pytest.fixture(scope="session")
def mixed_corpus(): return Corpus.from_paths(DATA / "mixed", progress=False)
