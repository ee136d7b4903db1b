"""Write data/derived/troop_figures_whitehouse_2022q1.csv: every troop figure in the White House corpus.

Usage:
    python scripts/derive_troop_figures.py [CORPUS_DIR]

CORPUS_DIR defaults to ../shared/corpus/whitehouse-2022q1 (next to the repository). The output holds
facts only (publication date, document id, value, bounds, qualifier, whose troops, who claims them),
never the documents' sentences, so it may be committed and charted without the corpus.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crisislens.corpus import Corpus  # noqa: E402

COLUMNS = ["published", "article_id", "value", "low", "high", "qualifier", "unit", "actor", "claimed_by"]


def main() -> None:
    corpus_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "whitehouse-2022q1"
    if not corpus_dir.exists():
        sys.exit(f"{corpus_dir}: corpus not found; pass its folder as the first argument")
    corpus = Corpus.from_paths(corpus_dir, progress=False)
    troops = corpus.figures[corpus.figures.category == "troops"]
    dates = corpus.articles.set_index("article_id").published
    table = troops.assign(published=troops.article_id.map(dates))[COLUMNS]
    table = table.sort_values(["published", "article_id", "value"], kind="stable")
    out = ROOT / "data" / "derived" / "troop_figures_whitehouse_2022q1.csv"
    out.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(out, index=False, date_format="%Y-%m-%d")
    print(f"{out}: {len(table)} troop figures from {table.article_id.nunique()} of {len(corpus.articles)} documents")


if __name__ == "__main__":
    main()
