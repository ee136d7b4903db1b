"""Actor accuracy floors on the hand-made gold (benchmarks/actors.py prints the full scores).

The floors sit just below the scores measured when they were recorded; a change that lowers
accuracy below them fails here. Raise them when accuracy improves.
"""

import pytest
from benchmark_support import SHARED, load_benchmark, metric

benchmark = load_benchmark("actors")


def actor_metric(scores, name):
    return metric(scores[scores.task == "actors"], name)


@pytest.fixture(scope="module")
def seed_scores():
    return benchmark.actor_scores("seed")


@pytest.fixture(scope="module")
def whitehouse_scores():
    if not (SHARED / "whitehouse-2022q1").exists():
        pytest.skip("../shared/corpus/whitehouse-2022q1 is not present; the White House actor gold needs it")
    return benchmark.actor_scores("whitehouse")


@pytest.mark.parametrize(("subset", "name", "floor"), [
    ("all actors", "recall", 1.0),
    ("all actors", "precision", 1.0),
    ("all actors", "country_accuracy", 1.0),
    ("people", "precision", 1.0),
    ("people", "role_accuracy", 1.0),
])
def test_actors_gold_seed_floor(seed_scores, subset, name, floor):
    assert actor_metric(seed_scores[subset], name) >= floor


@pytest.mark.parametrize(("subset", "name", "floor"), [
    ("all actors", "recall", 0.95),
    ("all actors", "precision", 0.96),
    ("all actors", "country_accuracy", 0.95),
    ("people", "precision", 0.97),
    ("people", "recall", 0.96),
    ("people", "country_accuracy", 0.94),
    ("people", "role_accuracy", 0.94),
])
def test_actors_gold_whitehouse_floor(whitehouse_scores, subset, name, floor):
    assert actor_metric(whitehouse_scores[subset], name) >= floor
