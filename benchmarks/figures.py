"""Figure accuracy against the project's gold: precision, recall and F1 by value, category,
qualifier and unit accuracy.

Usage:
    python benchmarks/figures.py

Scores the seed article (tests/gold/seed) and, when ../shared/corpus/whitehouse-2022q1 exists next to
the repository, the hand-annotated White House documents (tests/gold/whitehouse). Predicted rows of
category year and date are left out: gold lists only counts and measures.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold_sets import print_all, task_scores


def figure_scores(name: str) -> pd.DataFrame | None:
    """Figure scores for gold set ``name`` (None when its documents or gold are absent)."""
    scores = task_scores(name, "figures", skip_categories=("year", "date"))
    return None if scores is None else pd.concat([scores, _value_and_category(scores)], ignore_index=True)


def _value_and_category(scores: pd.DataFrame) -> pd.DataFrame:
    """F1 counting a figure right only when both its value and its category are (the stricter reading)."""
    by_metric = scores.set_index("metric")
    n_gold, n_pred = int(by_metric.loc["f1", "n_gold"]), int(by_metric.loc["f1", "n_pred"])
    both = round(float(by_metric.loc["category_accuracy", "value"]) * int(by_metric.loc["category_accuracy", "n_matched"]))
    f1 = 2 * both / (n_gold + n_pred) if n_gold + n_pred else float("nan")
    return pd.DataFrame([{"task": "figures", "metric": "f1_value_and_category", "value": f1, "n_gold": n_gold,
                          "n_pred": n_pred, "n_matched": both}])


def main() -> None:
    print_all(figure_scores, "figures")


if __name__ == "__main__":
    main()
