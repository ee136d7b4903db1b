"""Speed and agreement of crisislens.tone against TextBlob on the sentences of a corpus.

Prints sentences/s and words/s of ``textblob.en.sentiment`` and of
:func:`crisislens.tone.polarity_subjectivity` on the same sentences (best of several runs, taken
in turn so both see the same machine load), their ratio, and how many sentences get a polarity or
subjectivity more than 1e-9 away from TextBlob's, with the first few of them.

Sentences are those the pipeline scores: :func:`crisislens.text.split_sentences` over the
normalised body; words are counted as the pipeline counts them (``Sentence.n_words``).

Usage:
    python benchmarks/tone.py [CORPUS_DIR] [--limit N] [--repeats N]

CORPUS_DIR defaults to ../shared/corpus/whitehouse-2022q1 (relative to the repository root) and
falls back to data/articles.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from crisislens.sources import Document, expand_inputs, read_file  # noqa: E402
from crisislens.text import normalise, split_sentences  # noqa: E402
from crisislens.tone import polarity_subjectivity  # noqa: E402

WHITEHOUSE = ROOT.parent / "shared" / "corpus" / "whitehouse-2022q1"
TOLERANCE = 1e-9


def corpus_sentences(folder: Path, *, limit: int | None = None, every: int = 1) -> list[tuple[str, int]]:
    """(sentence, word count) of every sentence of the documents in ``folder``.

    Args:
        folder: a corpus folder (searched recursively) or one file.
        limit: read at most this many files.
        every: read only every ``every``-th file (in sorted order), to sample a corpus.
    """
    files = expand_inputs(folder)[::every][:limit]
    documents = [d for path in files for d in read_file(path) if isinstance(d, Document)]
    return [(s.text, s.n_words) for d in documents
            for s in split_sentences(normalise(d.body, markdown=d.markdown))]


def mismatches(sentences: list[str]) -> list[tuple[str, tuple[float, float], tuple[float, float]]]:
    """The sentences whose scores differ from TextBlob's by more than 1e-9: (text, TextBlob's, ours)."""
    from textblob.en import sentiment

    found = []
    for text in sentences:
        expected = tuple(sentiment(text))
        got = polarity_subjectivity(text)
        if abs(expected[0] - got[0]) > TOLERANCE or abs(expected[1] - got[1]) > TOLERANCE:
            found.append((text, expected, got))
    return found


def best_times(functions: dict[str, Callable[[str], object]], sentences: list[str], repeats: int) -> dict[str, float]:
    """The shortest of ``repeats`` runs of each function over all ``sentences``, runs taken in turn."""
    best = dict.fromkeys(functions, float("inf"))
    for _ in range(repeats):
        for name, function in functions.items():
            started = time.perf_counter()
            for text in sentences:
                function(text)
            best[name] = min(best[name], time.perf_counter() - started)
    return best


def main() -> int:
    """Print speed, ratio and agreement."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = WHITEHOUSE if WHITEHOUSE.exists() else ROOT / "data" / "articles"
    parser.add_argument("corpus", nargs="?", default=str(default))
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs of each scorer (default 5)")
    args = parser.parse_args()

    rows = corpus_sentences(Path(args.corpus), limit=args.limit)
    sentences = [text for text, _ in rows]
    n_words = sum(n for _, n in rows)
    # The first score imports textblob, reads its word list and compiles its rules: timed before
    # anything else imports textblob.
    started = time.perf_counter()
    polarity_subjectivity("warm up")
    setup_seconds = time.perf_counter() - started
    from textblob.en import sentiment

    sentiment("warm up")  # TextBlob loads its word list at first use too
    seconds = best_times({"textblob.en.sentiment": sentiment, "polarity_subjectivity": polarity_subjectivity},
                         sentences, args.repeats)
    print(f"corpus {Path(args.corpus).name}: {len(sentences):,} sentences, {n_words:,} words "
          f"(best of {args.repeats} runs each)")
    for name, spent in seconds.items():
        print(f"{name:>22}: {len(sentences) / spent:>9,.0f} sentences/s  {n_words / spent:>11,.0f} words/s "
              f"({spent:.3f} s)")
    print(f"{'ratio':>22}: {seconds['textblob.en.sentiment'] / seconds['polarity_subjectivity']:.2f}x faster "
          f"(first score in {setup_seconds * 1000:.0f} ms, textblob import included, once per process)")
    different = mismatches(sentences)
    print(f"{'mismatches':>22}: {len(different)} of {len(sentences):,} sentences differ from TextBlob by more "
          f"than {TOLERANCE:g}")
    for text, expected, got in different[:5]:
        print(f"  {text[:100]!r}: TextBlob {expected}, ours {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
