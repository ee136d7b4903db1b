"""Figure accuracy floors on the hand-made gold (benchmarks/figures.py prints the scores)."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
_spec = importlib.util.spec_from_file_location("figures_benchmark", ROOT / "benchmarks" / "figures.py")
benchmark = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(benchmark)


def metric(scores, name):
    return float(scores.set_index("metric").loc[name, "value"])


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
