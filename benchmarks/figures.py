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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crisislens.evaluate import format_scores, score_documents  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
GOLD_SETS = {
    "seed": (ROOT / "tests" / "gold" / "seed", ROOT / "data" / "articles"),
    "whitehouse": (ROOT / "tests" / "gold" / "whitehouse", SHARED / "whitehouse-2022q1"),
}


def figure_scores(name: str) -> pd.DataFrame | None:
    """Figure scores for gold set ``name`` (None when its documents or gold are absent)."""
    gold_dir, corpus_dir = GOLD_SETS[name]
    if not gold_dir.exists() or not corpus_dir.exists():
        return None
    scores = score_documents(gold_dir, corpus_dir, task="figures", skip_categories=("year", "date"))
    return pd.concat([scores, _value_and_category(scores)], ignore_index=True)


def _value_and_category(scores: pd.DataFrame) -> pd.DataFrame:
    """F1 counting a figure right only when both its value and its category are (the stricter reading)."""
    by_metric = scores.set_index("metric")
    n_gold, n_pred = int(by_metric.loc["f1", "n_gold"]), int(by_metric.loc["f1", "n_pred"])
    both = round(float(by_metric.loc["category_accuracy", "value"]) * int(by_metric.loc["category_accuracy", "n_matched"]))
    f1 = 2 * both / (n_gold + n_pred) if n_gold + n_pred else float("nan")
    return pd.DataFrame([{"task": "figures", "metric": "f1_value_and_category", "value": f1, "n_gold": n_gold,
                          "n_pred": n_pred, "n_matched": both}])


def main() -> None:
    for name in GOLD_SETS:
        result = figure_scores(name)
        print(f"\n{name}:" if result is not None else f"\n{name}: gold or documents absent, skipped")
        if result is not None:
            print(format_scores(result))


if __name__ == "__main__":
    main()
