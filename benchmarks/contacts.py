"""Contact accuracy against the project's gold: precision, recall and F1 of contacts, and kind,
status and date accuracy.

Usage:
    python benchmarks/contacts.py [--by-genre]

Scores the seed article (tests/gold/seed) and, when ../shared/corpus/whitehouse-2022q1 exists next to
the repository, the hand-annotated White House documents (tests/gold/whitehouse*). ``--by-genre`` also
scores each White House set per kind of document (readouts and joint statements, other statements,
remarks, press briefings and gaggles, fact sheets), told by the document's file name.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold_sets import GOLD_SETS, available, format_scores, print_all, score_documents, task_scores

GENRES = (
    ("readouts and joint statements", re.compile(r"^\d{4}-\d\d-\d\d-(?:readout|joint)")),
    ("statements", re.compile(r"^\d{4}-\d\d-\d\d-statement")),
    ("remarks", re.compile(r"^\d{4}-\d\d-\d\d-remarks")),
    ("press briefings and gaggles", re.compile(r"^\d{4}-\d\d-\d\d-(?:press|background|on-the-record)")),
    ("fact sheets", re.compile(r"^\d{4}-\d\d-\d\d-fact-sheet")),
)


def contact_scores(name: str) -> pd.DataFrame | None:
    """Contact scores for gold set ``name`` (None when its documents or gold are absent)."""
    return task_scores(name, "contacts")


def genre_scores(name: str) -> dict[str, pd.DataFrame]:
    """Contact scores of gold set ``name`` per genre of document (genres without gold left out)."""
    paths = available(name, "contacts")
    if paths is None or name == "seed":
        return {}
    gold_dir, corpus_dir = paths
    scores = {}
    for genre, pattern in GENRES:
        files = [p for p in sorted(gold_dir.glob("*.json")) if pattern.match(p.name)]
        if not files:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            for path in files:
                shutil.copy(path, tmp)
            scores[f"{genre} ({len(files)} documents)"] = score_documents(Path(tmp), corpus_dir, task="contacts")
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--by-genre", action="store_true", help="also score each kind of White House document")
    args = parser.parse_args()
    print_all(contact_scores, "contacts")
    if args.by_genre:
        for name in GOLD_SETS:
            for genre, result in genre_scores(name).items():
                print(f"\n{name}, {genre}:")
                print(format_scores(result))


if __name__ == "__main__":
    main()
