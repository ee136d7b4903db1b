"""Words per second of the whole crisislens pipeline, against a tagger baseline in the same process.

Usage:
    python benchmarks/speed.py [CORPUS_DIR] [--limit N] [--workers N] [--scale 1,4,16]

CORPUS_DIR defaults to ../shared/corpus/whitehouse-2022q1 (relative to the repository root) and
falls back to data/articles. The baseline is TextBlob's PatternTagger tagging the same sentences:
any tagger-based pipeline pays at least that, so the ratio says how much cheaper crisislens is.
Reading files is timed separately from parsing. Peak memory is the process's maximum resident size.

With ``--scale``, the corpus is also replicated (1x, 4x, 16x ... the files, linked under other names)
and ``crisislens parse`` (streaming output) is run on each copy in a child process with ``--workers``:
time should grow linearly and the peak memory of any one process stay flat.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
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
    parser.add_argument("--scale", default=None, metavar="1,4,16",
                        help="also run 'crisislens parse' on the corpus replicated this many times")
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
    print(f"workers speed-up: {parse_seconds / parallel_seconds:.2f}x with {args.workers} workers "
          "(reading included in the parallel run)")
    if args.scale:
        scaling(files, words, [int(n) for n in args.scale.split(",")], workers=args.workers)


def scaling(files: list[Path], words: int, factors: list[int], *, workers: int) -> None:
    """Time and peak memory of ``crisislens parse`` (streaming) on the corpus replicated ``factors`` times."""
    print("\nscaling: crisislens parse on replicated copies (streaming Parquet output, one child process each)")
    print(f"{'copies':>6} {'workers':>7} {'files':>8} {'words':>12} {'seconds':>9} {'words/s':>10} {'peak MB, largest process':>25} "
          f"{'peak MB, all processes':>23}")
    runs = [(factors[0], 1)] + [(factor, workers) for factor in factors]
    for factor, n_workers in runs:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            for copy in range(factor):
                for i, path in enumerate(files):
                    # a hard link is a file of its own for the reader (a symbolic link would be
                    # recognised as the same file and read once)
                    os.link(path.resolve(), folder / f"{copy:03d}-{i:05d}{path.suffix}")
            command = [sys.executable, "-c", _CHILD, str(folder), str(Path(tmp) / "out"), str(n_workers)]
            started = time.perf_counter()
            result = subprocess.run(command, capture_output=True, text=True, check=True)
            seconds = time.perf_counter() - started
            largest, together = (float(v) for v in result.stdout.strip().splitlines()[-1].split())
        total = words * factor
        print(f"{factor:>6} {n_workers:>7} {len(files) * factor:>8,} {total:>12,} {seconds:>9.1f} {total / seconds:>10,.0f} "
              f"{largest:>25,.0f} {together:>23,.0f}")


# The child samples the resident memory of itself and its worker processes from /proc every 0.1 s
# (ru_maxrss would carry the parent's high-water mark across exec).
_CHILD = """
import glob, os, sys, threading, time
from crisislens.cli import main

def rss(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024
    except (OSError, StopIteration):
        return 0.0

def family(pid):
    kids = []
    for path in glob.glob(f"/proc/{pid}/task/*/children"):
        with open(path) as f:
            kids += [int(k) for k in f.read().split()]
    return [pid] + [p for k in kids for p in family(k)]

peaks = [0.0, 0.0]
done = threading.Event()
def sample():
    while not done.is_set():
        sizes = [rss(p) for p in family(os.getpid())]
        peaks[0], peaks[1] = max(peaks[0], max(sizes)), max(peaks[1], sum(sizes))
        time.sleep(0.1)
thread = threading.Thread(target=sample, daemon=True)
thread.start()
code = main(["parse", sys.argv[1], "--out", sys.argv[2], "--workers", sys.argv[3], "--quiet", "--format", "parquet"])
done.set()
thread.join()
print(peaks[0], peaks[1])
sys.exit(code)
"""


if __name__ == "__main__":
    main()
