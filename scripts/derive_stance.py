"""Write data/derived/quote_stance_whitehouse_2022q1.csv: the stance and tone of every quote in the White House corpus.

Usage:
    python scripts/derive_stance.py [CORPUS_DIR]

CORPUS_DIR defaults to ../shared/corpus/whitehouse-2022q1 (next to the repository). One row per
attributed statement: publication date, document id, quote id, kind, cue, speaker, the speaker's kind
and country, the statement's own date when the text gives one, stance, tone and the stance terms
that fired (single lexicon words and short phrases). Never the statements' text, so the table may be
committed and charted without the corpus. Transcript turns (press-briefing answers) are left out: they
are turns of a conversation, not reported statements.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crisislens.corpus import Corpus  # noqa: E402

COLUMNS = ["published", "article_id", "quote_id", "kind", "cue", "speaker", "speaker_kind", "speaker_country",
           "date", "stance", "tone", "stance_terms"]


def main() -> None:
    corpus_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "whitehouse-2022q1"
    if not corpus_dir.exists():
        sys.exit(f"{corpus_dir}: corpus not found; pass its folder as the first argument")
    corpus = Corpus.from_paths(corpus_dir, progress=False)
    quotes = corpus.quotes[corpus.quotes.kind != "transcript"]
    dates = corpus.articles.set_index("article_id").published
    table = quotes.assign(published=quotes.article_id.map(dates))[COLUMNS]
    table = table.sort_values(["published", "article_id", "quote_id"], kind="stable")
    out = ROOT / "data" / "derived" / "quote_stance_whitehouse_2022q1.csv"
    table.to_csv(out, index=False, date_format="%Y-%m-%d")
    print(f"{out}: {len(table)} quotes from {table.article_id.nunique()} of {len(corpus.articles)} documents, "
          f"{table.speaker.nunique()} speakers")


if __name__ == "__main__":
    main()
