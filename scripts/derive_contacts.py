"""Write data/derived/contacts_whitehouse_2022q1.csv: every diplomatic contact in the White House corpus.

Usage:
    python scripts/derive_contacts.py [CORPUS_DIR]

CORPUS_DIR defaults to ../shared/corpus/whitehouse-2022q1 (next to the repository). The output holds
facts only (publication date, document id, kind, status, parties, contact date, location, duration),
never the documents' sentences, so it may be committed and charted without the corpus.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from derived import parse_corpus, write

COLUMNS = ["published", "article_id", "contact_id", "kind", "status", "actor1", "actor2", "date", "location",
           "duration_minutes"]


def main() -> None:
    corpus = parse_corpus()
    table = write(corpus.contacts, corpus, "contacts_whitehouse_2022q1.csv", COLUMNS,
                  ["published", "article_id", "contact_id"])
    print(f"{table.groupby(['article_id', 'contact_id']).ngroups} contacts (one row per pair of parties)")


if __name__ == "__main__":
    main()
