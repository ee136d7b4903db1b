"""Contact accuracy against the project's gold: precision, recall and F1 of contacts, and kind,
status and date accuracy.

Usage:
    python benchmarks/contacts.py

Scores the seed article (tests/gold/seed) and, when ../shared/corpus/whitehouse-2022q1 exists next to
the repository, the hand-annotated White House readouts and statements (tests/gold/whitehouse).
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


def contact_scores(name: str) -> pd.DataFrame | None:
    """Contact scores for gold set ``name`` (None when its documents or gold are absent)."""
    gold_dir, corpus_dir = GOLD_SETS[name]
    if not gold_dir.exists() or not corpus_dir.exists():
        return None
    return score_documents(gold_dir, corpus_dir, task="contacts")


def main() -> None:
    for name in GOLD_SETS:
        result = contact_scores(name)
        print(f"\n{name}:" if result is not None else f"\n{name}: gold or documents absent, skipped")
        if result is not None:
            print(format_scores(result))


if __name__ == "__main__":
    main()
