"""Words per second of the whole crisislens pipeline, against a tagger baseline in the same process.

Usage:
    python benchmarks/speed.py [CORPUS_DIR] [--limit N] [--workers N]

CORPUS_DIR defaults to ../shared/corpus/whitehouse-2022q1 (relative to the repository root) and
falls back to data/articles. The baseline is TextBlob's PatternTagger tagging the same sentences:
any tagger-based pipeline pays at least that, so the ratio says how much cheaper crisislens is.
Reading files is timed separately from parsing. Peak memory is the process's maximum resident size.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crisislens.article import Article  # noqa: E402
from crisislens.corpus import Corpus  # noqa: E402
from crisislens.lexicon import default_lexicon  # noqa: E402
from crisislens.sources import Document, expand_inputs, read_file  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = ROOT.parent / "shared" / "corpus" / "whitehouse-2022q1"
    parser.add_argument("corpus", nargs="?", default=str(default if default.exists() else ROOT / "data" / "articles"))
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    parser.add_argument("--workers", type=int, default=2, help="workers for the parallel run (default 2)")
    args = parser.parse_args()

    files = expand_inputs(args.corpus)[: args.limit]
    default_lexicon()
    started = time.perf_counter()
    documents = [d for f in files for d in read_file(f) if isinstance(d, Document)]
    read_seconds = time.perf_counter() - started

    started = time.perf_counter()
    articles = [Article(d) for d in documents]
    parse_seconds = time.perf_counter() - started
    words = sum(a.rows["articles"][0]["n_words"] for a in articles)
    sentences = [s.text for a in articles for s in a.sentence_spans]

    from textblob.en.taggers import PatternTagger

    tagger = PatternTagger()
    started = time.perf_counter()
    for sentence in sentences:
        tagger.tag(sentence)
    tagger_seconds = time.perf_counter() - started

    started = time.perf_counter()
    corpus = Corpus.from_paths(files, workers=args.workers, progress=False)
    parallel_seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"corpus: {args.corpus} ({len(files)} files, {len(documents)} articles, {words:,} words, "
          f"{len(sentences):,} sentences)")
    print(f"reading files:          {read_seconds:8.2f} s   {words / read_seconds:12,.0f} words/s")
    print(f"pipeline, 1 process:    {parse_seconds:8.2f} s   {words / parse_seconds:12,.0f} words/s")
    print(f"baseline PatternTagger: {tagger_seconds:8.2f} s   {words / tagger_seconds:12,.0f} words/s")
    print(f"ratio pipeline / tagger: {tagger_seconds / parse_seconds:.2f}x")
    print(f"read+parse, {args.workers} workers:  {parallel_seconds:8.2f} s   {words / parallel_seconds:12,.0f} words/s "
          f"({len(corpus.articles)} articles, {len(corpus.errors)} errors)")
    print(f"peak memory (this process): {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
