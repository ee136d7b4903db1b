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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from derived import parse_corpus, write

COLUMNS = ["published", "article_id", "quote_id", "kind", "cue", "speaker", "speaker_kind", "speaker_country",
           "date", "stance", "tone", "stance_terms"]


def main() -> None:
    corpus = parse_corpus()
    quotes = corpus.quotes[corpus.quotes.kind != "transcript"]
    table = write(quotes, corpus, "quote_stance_whitehouse_2022q1.csv", COLUMNS, ["published", "article_id", "quote_id"])
    print(f"{table.speaker.nunique()} speakers")


if __name__ == "__main__":
    main()
