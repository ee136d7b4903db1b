"""Figure accuracy floors on the hand-made gold (benchmarks/figures.py prints the scores)."""

import pytest
from benchmark_support import SHARED, load_benchmark, metric

benchmark = load_benchmark("figures")



@pytest.mark.parametrize("name", ["precision", "recall", "category_accuracy", "qualifier_accuracy"])
def test_figures_gold_seed_floor(name):
    assert metric(benchmark.figure_scores("seed"), name) >= 1.0


@pytest.mark.parametrize(("name", "floor"), [
    ("f1", 0.95), ("precision", 0.96), ("category_accuracy", 0.95), ("qualifier_accuracy", 0.97),
    ("f1_value_and_category", 0.91),
])
def test_figures_gold_whitehouse_floor(name, floor):
    if not (SHARED / "whitehouse-2022q1").exists():
        pytest.skip("../shared/corpus/whitehouse-2022q1 is not present; the White House figure gold needs it")
    assert metric(benchmark.figure_scores("whitehouse"), name) >= floor
