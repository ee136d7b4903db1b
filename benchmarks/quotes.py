"""Quote accuracy: precision, recall and F1 of quote spans, and speaker accuracy, against gold.

Usage:
    python benchmarks/quotes.py

Scores, each when its data is present:
- the seed article against tests/gold/seed;
- the hand-annotated White House documents (tests/gold/whitehouse; needs ../shared/corpus/whitehouse-2022q1);
- PolNeAR development articles (../shared/corpus/polnear-dev, human attribution gold in brat format):
  all attributions, and the subset whose cue is one of crisislens's reporting verbs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))

from gold_sets import SHARED, print_all, task_scores  # noqa: E402

from crisislens.corpus import Corpus  # noqa: E402
from crisislens.evaluate import format_scores, load_brat, score_brat  # noqa: E402
from crisislens.lexicon import default_lexicon  # noqa: E402


def gold_set_scores(name: str) -> pd.DataFrame | None:
    """Quote scores for gold set ``name`` (None when its documents or gold are absent)."""
    return task_scores(name, "quotes")


def polnear_scores():
    """(all attributions, speech-verb subset) scores on PolNeAR dev, or None when absent."""
    folder = SHARED / "polnear-dev"
    if not folder.exists():
        return None
    brat = load_brat(folder)
    quotes = Corpus.from_paths(folder / "text", progress=False).quotes
    verbs = {r["word"] for r in default_lexicon().table("reporting_cues") if r["kind"] == "verb"}
    return score_brat(brat, quotes), score_brat(brat, quotes, cues=verbs)


def main() -> None:
    print_all(gold_set_scores, "quotes")
    result = polnear_scores()
    if result is None:
        print("\npolnear-dev: absent, skipped")
        return
    print("\npolnear-dev, all attributions:")
    print(format_scores(result[0]))
    print("\npolnear-dev, attributions whose cue is a reporting verb of crisislens:")
    print(format_scores(result[1]))


if __name__ == "__main__":
    main()
