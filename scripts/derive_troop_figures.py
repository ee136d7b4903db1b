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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from derived import parse_corpus, write

COLUMNS = ["published", "article_id", "value", "low", "high", "qualifier", "unit", "actor", "claimed_by"]


def main() -> None:
    corpus = parse_corpus()
    troops = corpus.figures[corpus.figures.category == "troops"]
    write(troops, corpus, "troop_figures_whitehouse_2022q1.csv", COLUMNS, ["published", "article_id", "value"])


if __name__ == "__main__":
    main()
