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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crisislens.corpus import Corpus  # noqa: E402

COLUMNS = ["published", "article_id", "contact_id", "kind", "status", "actor1", "actor2", "date", "location",
           "duration_minutes"]


def main() -> None:
    corpus_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "whitehouse-2022q1"
    if not corpus_dir.exists():
        sys.exit(f"{corpus_dir}: corpus not found; pass its folder as the first argument")
    corpus = Corpus.from_paths(corpus_dir, progress=False)
    contacts = corpus.contacts
    dates = corpus.articles.set_index("article_id").published
    table = contacts.assign(published=contacts.article_id.map(dates))[COLUMNS]
    table = table.sort_values(["published", "article_id", "contact_id"], kind="stable")
    out = ROOT / "data" / "derived" / "contacts_whitehouse_2022q1.csv"
    table.to_csv(out, index=False, date_format="%Y-%m-%d")
    print(f"{out}: {len(table)} party pairs in {table.groupby(['article_id', 'contact_id']).ngroups} contacts "
          f"from {table.article_id.nunique()} of {len(corpus.articles)} documents")


if __name__ == "__main__":
    main()
