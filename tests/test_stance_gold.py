"""Stance accuracy floors on the hand-labelled statements (benchmarks/stance.py prints the scores).

The target is macro-F1 >= 0.75 and at least 0.25 above TextBlob polarity; the floors record where
the scorer stands so that it only moves up.
"""

import importlib.util
import sys

import pytest
from benchmark_support import ROOT, SHARED


def _benchmark():
    spec = importlib.util.spec_from_file_location("stance_benchmark", ROOT / "benchmarks" / "stance.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


benchmark = _benchmark()


def test_stance_gold_seed_floor():
    row = benchmark.evaluate(benchmark.scored(benchmark.load_items("seed")), benchmark.THRESHOLD)
    assert row["stance_macro_f1"] >= 0.85
    assert row["stance_macro_f1"] - row["textblob_best_macro_f1"] >= 0.25


def test_stance_gold_all_sets_floor():
    if not (SHARED / "whitehouse-2022q1").exists() or not (SHARED / "polnear-dev").exists():
        pytest.skip("../shared/corpus is not present; the White House and PolNeAR stance gold needs it")
    scores = benchmark.results().set_index("set")
    development, held_out = scores.loc["development"], scores.loc["held-out"]
    assert development["n"] >= 740 and held_out["n"] >= 560
    assert development["stance_macro_f1"] >= 0.745  # 0.750 on 27 November 2026
    assert development["stance_macro_f1"] - development["textblob_best_macro_f1"] >= 0.25
    assert held_out["stance_macro_f1"] >= 0.62  # labelled blind after the rules were written, never used to tune them
    assert held_out["stance_macro_f1"] - held_out["textblob_best_macro_f1"] >= 0.25
