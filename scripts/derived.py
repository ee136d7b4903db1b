"""What the derive_* scripts share: parse the White House corpus once and write a facts-only table
with each row's publication date to data/derived/.

Usage (from a derive_* script): ``corpus = parse_corpus()``, then ``write(rows, corpus, name, sort_by)``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from crisislens.corpus import Corpus  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "whitehouse-2022q1"


def parse_corpus() -> Corpus:
    """The corpus named on the command line (default: the White House development corpus)."""
    corpus_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    if not corpus_dir.exists():
        sys.exit(f"{corpus_dir}: corpus not found; pass its folder as the first argument")
    return Corpus.from_paths(corpus_dir, progress=False)


def write(rows: pd.DataFrame, corpus: Corpus, name: str, columns: list[str], sort_by: list[str]) -> pd.DataFrame:
    """Write ``rows`` (with their article's publication date) to data/derived/``name``; return the table."""
    dates = corpus.articles.set_index("article_id").published
    table = rows.assign(published=rows.article_id.map(dates))[columns]
    table = table.sort_values(sort_by, kind="stable")
    out = ROOT / "data" / "derived" / name
    out.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(out, index=False, date_format="%Y-%m-%d")
    print(f"{out}: {len(table):,} rows from {table.article_id.nunique()} of {len(corpus.articles)} documents")
    return table
