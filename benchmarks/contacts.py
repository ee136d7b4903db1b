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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold_sets import print_all, task_scores


def contact_scores(name: str) -> pd.DataFrame | None:
    """Contact scores for gold set ``name`` (None when its documents or gold are absent)."""
    return task_scores(name, "contacts")


def main() -> None:
    print_all(contact_scores, "contacts")


if __name__ == "__main__":
    main()
