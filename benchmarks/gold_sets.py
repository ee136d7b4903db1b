"""The project's gold sets and where their documents live, shared by the accuracy benchmarks.

- ``seed``: tests/gold/seed, documents in data/articles (always present);
- ``whitehouse``: tests/gold/whitehouse, documents in ../shared/corpus/whitehouse-2022q1 (development
  corpus next to the repository; absent on a user's machine, and the sets are then skipped);
- ``whitehouse_heldout``: tests/gold/whitehouse_heldout, contacts only; held out until November 2026, when
  its failures were read (development data since);
- ``whitehouse_dev2``: tests/gold/whitehouse_dev2, contacts only, press briefings and remarks for development;
- ``whitehouse_dev3``: tests/gold/whitehouse_dev3, contacts only, five more press briefings for development;
- ``whitehouse_heldout2``: tests/gold/whitehouse_heldout2, contacts only; held out until 27 November 2026, when
  its failures were read (development data since);
- ``whitehouse_heldout3``: tests/gold/whitehouse_heldout3, contacts only, held out: report its scores,
  never tune the rules on its failures.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from crisislens.evaluate import format_scores, score_documents  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
GOLD_SETS = {
    "seed": (ROOT / "tests" / "gold" / "seed", ROOT / "data" / "articles"),
    "whitehouse": (ROOT / "tests" / "gold" / "whitehouse", SHARED / "whitehouse-2022q1"),
    "whitehouse_heldout": (ROOT / "tests" / "gold" / "whitehouse_heldout", SHARED / "whitehouse-2022q1"),
    "whitehouse_dev2": (ROOT / "tests" / "gold" / "whitehouse_dev2", SHARED / "whitehouse-2022q1"),
    "whitehouse_dev3": (ROOT / "tests" / "gold" / "whitehouse_dev3", SHARED / "whitehouse-2022q1"),
    "whitehouse_heldout2": (ROOT / "tests" / "gold" / "whitehouse_heldout2", SHARED / "whitehouse-2022q1"),
    "whitehouse_heldout3": (ROOT / "tests" / "gold" / "whitehouse_heldout3", SHARED / "whitehouse-2022q1"),
}


ONLY = {"whitehouse_heldout": {"contacts"}, "whitehouse_dev2": {"contacts"},
        "whitehouse_dev3": {"contacts"}, "whitehouse_heldout2": {"contacts"}, "whitehouse_heldout3": {"contacts"}}
"""Gold sets that annotate some tasks only."""


def available(name: str, task: str | None = None) -> tuple[Path, Path] | None:
    """The (gold folder, document folder) of set ``name``, or None when either is absent (or the set
    does not annotate ``task``)."""
    gold_dir, corpus_dir = GOLD_SETS[name]
    if task is not None and task not in ONLY.get(name, {task}):
        return None
    return (gold_dir, corpus_dir) if gold_dir.exists() and corpus_dir.exists() else None


def task_scores(name: str, task: str, **options: object) -> pd.DataFrame | None:
    """Scores of ``task`` on gold set ``name`` (None when its documents or gold are absent)."""
    paths = available(name, task)
    if paths is None:
        return None
    return score_documents(*paths, task=task, **options)  # type: ignore[arg-type]


def print_all(scorer: Callable[[str], pd.DataFrame | None], task: str) -> None:
    """Print ``scorer(name)`` for every gold set that annotates ``task``, saying which ones were skipped."""
    for name in (n for n in GOLD_SETS if task in ONLY.get(n, {task})):
        result = scorer(name)
        print(f"\n{name}:" if result is not None else f"\n{name}: gold or documents absent, skipped")
        if result is not None:
            print(format_scores(result))
