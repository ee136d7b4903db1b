"""Actor accuracy against the project's gold: recall, precision, country and role accuracy.

Usage:
    python benchmarks/actors.py

Scores the seed article (tests/gold/seed) and, when ../shared/corpus/whitehouse-2022q1 exists
next to the repository, the hand-annotated White House documents (tests/gold/whitehouse). Prints
the scores for all actors and for people alone (the precision of people is what a reader notices
first: a capitalised phrase taken for a person).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold_sets import GOLD_SETS, ONLY, available

from crisislens.corpus import Corpus
from crisislens.evaluate import format_scores, load_gold, score


def actor_scores(name: str) -> dict[str, pd.DataFrame] | None:
    """Scores of gold set ``name`` (all actors and people only), or None when its documents are absent."""
    paths_of_set = available(name, "actors")
    if paths_of_set is None:
        return None
    gold_dir, corpus_dir = paths_of_set
    gold = [doc for doc in load_gold(gold_dir) if "actors" in doc.tasks]
    wanted = {doc.doc for doc in gold}
    paths = sorted(p for p in corpus_dir.rglob("*") if p.name in wanted)
    tables = Corpus.from_paths(paths, progress=False).tables()
    people_gold = [replace(doc, actors=tuple(a for a in doc.actors if a.kind == "person")) for doc in gold]
    people_tables = {**tables, "actors": tables["actors"][tables["actors"].kind == "person"]}
    return {"all actors": score(gold, tables), "people": score(people_gold, people_tables)}


def main() -> None:
    for name in (n for n in GOLD_SETS if "actors" in ONLY.get(n, {"actors"})):
        result = actor_scores(name)
        if result is None:
            print(f"{name}: documents or gold not found, skipped")
            continue
        for label, table in result.items():
            print(f"\n{name} - {label}")
            print(format_scores(table[table.task == "actors"]))


if __name__ == "__main__":
    main()
