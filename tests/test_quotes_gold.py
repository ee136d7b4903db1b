"""Quote accuracy floors on the hand-made gold and PolNeAR (benchmarks/quotes.py prints the scores).

Floors sit just below the scores measured when they were recorded; raise them when accuracy improves.
"""

import pytest
from benchmark_support import SHARED, load_benchmark, metric

benchmark = load_benchmark("quotes")



@pytest.mark.parametrize(("name", "floor"), [("precision", 1.0), ("recall", 0.92), ("speaker_accuracy", 1.0)])
def test_quotes_gold_seed_floor(name, floor):
    assert metric(benchmark.gold_set_scores("seed"), name) >= floor


@pytest.fixture(scope="module")
def whitehouse():
    if not (SHARED / "whitehouse-2022q1").exists():
        pytest.skip("../shared/corpus/whitehouse-2022q1 is not present; the White House quote gold needs it")
    return benchmark.gold_set_scores("whitehouse")


@pytest.mark.parametrize(("name", "floor"), [("f1", 0.86), ("precision", 0.88), ("speaker_accuracy", 0.90)])
def test_quotes_gold_whitehouse_floor(whitehouse, name, floor):
    assert metric(whitehouse, name) >= floor


@pytest.fixture(scope="module")
def polnear():
    if not (SHARED / "polnear-dev").exists():
        pytest.skip("../shared/corpus/polnear-dev is not present; the PolNeAR benchmark needs it")
    return benchmark.polnear_scores()


@pytest.mark.parametrize(("subset", "name", "floor"), [
    (1, "f1", 0.79), (1, "speaker_accuracy", 0.94), (0, "precision", 0.85),
])
def test_quotes_gold_polnear_floor(polnear, subset, name, floor):
    assert metric(polnear[subset], name) >= floor
