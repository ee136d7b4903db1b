"""The ``crisislens`` command: parse articles into tables, write a report, show one article, score against gold.

Every subcommand is a thin layer over the library functions of the same name, so what the CLI
does can be done (and tested) from Python too.

Exit codes: 0 success; 1 nothing could be parsed (or, with ``--strict``, anything failed);
2 unusable command line or input (missing path, unsupported file).
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from crisislens import __version__
from crisislens.errors import CrisislensError
from crisislens.sources import MAX_CHARS

if TYPE_CHECKING:
    from crisislens.corpus import Corpus

EXAMPLES = {
    "parse": "crisislens parse data/articles --out output --format csv",
    "report": "crisislens report data/articles --out output",
    "show": "crisislens show data/articles/ukraine-border-crisis-blinken.txt",
    "evaluate": "crisislens evaluate tests/gold/seed output",
}


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``crisislens`` command."""
    parser = argparse.ArgumentParser(
        prog="crisislens",
        description="Read crisis news articles as data: quotes, figures, actors, contacts and stance tables.",
        epilog="Examples:\n  " + "\n  ".join(EXAMPLES.values()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"crisislens {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = commands.add_parser(
        "parse", help="parse articles into one file per table",
        description="Parse articles (files, folders, globs, .jsonl/.csv exports) into one file per table: "
                    "articles, sentences, mentions, actors, quotes, figures, contacts, errors.",
        epilog=f"Example:\n  {EXAMPLES['parse']}", formatter_class=argparse.RawDescriptionHelpFormatter)
    _run_options(parse)
    parse.add_argument("--format", choices=("csv", "parquet"), default="csv", help="output format (default csv)")
    parse.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="local: this machine, --workers processes; dask: a Dask cluster (pip install "
                            "'crisislens[dask]'), writing partitioned Parquet (default local)")
    parse.add_argument("--scheduler", default=None, metavar="ADDRESS",
                       help="Dask scheduler address (tcp://host:8786); without it a local cluster of --workers "
                            "processes is started")
    parse.add_argument("--chunk-size", type=_positive_int, default=None, metavar="N",
                       help="files parsed and written together (default 200): memory holds one chunk per worker")

    report = commands.add_parser(
        "report", help="parse articles and write the tables plus a report.html with the charts",
        description="Parse articles like 'parse' and write, into one folder, the tables (CSV) and report.html: "
                    "who said what, who sounded cooperative, how troop numbers evolved, who met or called "
                    "whom, the highlighted articles and the inputs that failed. The page opens without a "
                    "server or network.",
        epilog=f"Example:\n  {EXAMPLES['report']}", formatter_class=argparse.RawDescriptionHelpFormatter)
    _run_options(report)
    report.add_argument("--title", default="crisislens report", help="the page title")
    report.add_argument("--max-articles", type=int, default=20, metavar="N",
                        help="highlighted articles in the page (default 20, the most quoted first)")

    show = commands.add_parser(
        "show", help="print a readable summary of one article",
        description="Print an article's metadata, sentences and extracted rows in the terminal.",
        epilog=f"Example:\n  {EXAMPLES['show']}", formatter_class=argparse.RawDescriptionHelpFormatter)
    show.add_argument("file", metavar="FILE", help="a .txt, .md or .html article")
    show.add_argument("--published", default=None, help="publication date, if the file does not say")
    show.add_argument("--width", type=int, default=100, help="line width (default 100)")

    evaluate = commands.add_parser(
        "evaluate", help="score predicted tables against gold annotations",
        description="Score tables written by 'crisislens parse' against gold: JSON gold files (GOLD.md format) "
                    "or a brat attribution corpus (a folder with .ann files). Prints precision, recall, F1 "
                    "and attribute accuracies.",
        epilog=f"Example:\n  {EXAMPLES['evaluate']}", formatter_class=argparse.RawDescriptionHelpFormatter)
    evaluate.add_argument("gold", metavar="GOLD", help="a gold .json file, a folder of them, or a brat folder")
    evaluate.add_argument("pred", metavar="PRED", help="a folder of tables written by 'crisislens parse'")
    evaluate.add_argument("--out", type=Path, default=None, metavar="FILE", help="also write the scores as CSV")
    return parser


def _run_options(command: argparse.ArgumentParser) -> None:
    """The options 'parse' and 'report' share: what to read and how."""
    command.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders or glob patterns")
    command.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder for the output")
    command.add_argument("--workers", type=_positive_int, default=1, metavar="N",
                         help="worker processes (default 1)")
    command.add_argument("--max-chars", type=_positive_int, default=MAX_CHARS, metavar="N",
                         help=f"per-article size limit in characters (default {MAX_CHARS:,}); longer articles "
                              "are listed in errors")
    command.add_argument("--lexicon", nargs="*", default=[], metavar="FILE",
                         help="extra lexicon files (named after the table they extend, e.g. my_abbreviations.csv)")
    command.add_argument("--strict", action="store_true", help="exit 1 if any input failed")
    command.add_argument("--quiet", action="store_true", help="no progress bar or summary")


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``crisislens`` command with ``argv``; return the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return {"parse": _parse, "report": _report, "show": _show, "evaluate": _evaluate}[args.command](args)
    except CrisislensError as exc:
        print(f"crisislens: error: {exc}", file=sys.stderr)
        return 2


def _corpus(args: argparse.Namespace) -> Corpus:
    from crisislens.corpus import Corpus
    from crisislens.lexicon import load_lexicon

    lexicon = load_lexicon(*args.lexicon) if args.lexicon else None
    return Corpus.from_paths(args.inputs, workers=args.workers, progress=not args.quiet, lexicon=lexicon,
                             max_chars=args.max_chars)


def _parse(args: argparse.Namespace) -> int:
    from crisislens.lexicon import load_lexicon
    from crisislens.stream import CHUNK_FILES, write_tables

    summary = write_tables(args.inputs, args.out, format=args.format, workers=args.workers, engine=args.engine,
                           scheduler=args.scheduler, chunk_files=args.chunk_size or CHUNK_FILES,
                           lexicon=load_lexicon(*args.lexicon) if args.lexicon else None,
                           max_chars=args.max_chars, progress=not args.quiet)
    if not args.quiet:
        counts = ", ".join(f"{n:,} {name}" for name, n in summary.counts.items())
        print(f"crisislens: wrote {len(summary.counts)} tables to {args.out} ({counts})")
    return _exit_code(summary.counts["articles"], pd.DataFrame(summary.errors, columns=["error", "message"]),
                      args, args.out / f"errors.{args.format}")


def _report(args: argparse.Namespace) -> int:
    from crisislens.report import write_report

    corpus = _corpus(args)
    page = write_report(corpus, args.out, inputs=args.inputs, title=args.title, max_articles=args.max_articles)
    if not args.quiet:
        n = len(corpus.articles)
        print(f"crisislens: wrote {page} and {len(corpus.tables())} tables (CSV) for {n:,} "
              f"article{'' if n == 1 else 's'}; open the page in a browser")
    return _outcome(corpus, args, args.out / "errors.csv")


def _outcome(corpus: Corpus, args: argparse.Namespace, errors_file: Path) -> int:
    return _exit_code(len(corpus.articles), corpus.errors, args, errors_file)


def _exit_code(n_ok: int, errors: pd.DataFrame, args: argparse.Namespace, errors_file: Path) -> int:
    """Report failed inputs on stderr and choose the exit code."""
    n_bad = len(errors)
    if n_bad:
        print(f"crisislens: {n_bad} input(s) failed; see {errors_file}", file=sys.stderr)
        for row in errors.head(5).itertuples():
            print(f"  {row.error}: {row.message}", file=sys.stderr)
    if n_ok == 0:
        print("crisislens: error: no article could be parsed", file=sys.stderr)
        return 1
    return 1 if (args.strict and n_bad) else 0


def _show(args: argparse.Namespace) -> int:
    from crisislens.article import parse

    article = parse(args.file, published=args.published)
    print(summary(article, width=args.width))
    return 0


def summary(article: object, *, width: int = 100) -> str:
    """Return a readable plain-text summary of an Article: metadata, table sizes, sentences, rows."""
    from crisislens.article import Article

    assert isinstance(article, Article)
    published = "unknown" if article.published is None else article.published.date().isoformat()
    lines = [
        article.title or "(no title)",
        "=" * min(width, len(article.title or "(no title)")),
        f"id: {article.article_id}   published: {published}   dateline: {article.body.dateline or '-'}",
        "tables: " + ", ".join(f"{name} {len(df)}" for name, df in article.tables().items()),
        "",
        "Sentences (tone = TextBlob polarity)",
    ]
    for row in article.sentences.itertuples():
        head = f"{row.sentence_id:>3} [{row.tone:+.2f}] "
        lines.extend(textwrap.wrap(row.text, width=width, initial_indent=head,
                                   subsequent_indent=" " * len(head)))
    for name in ("quotes", "figures", "contacts", "actors"):
        df = article.tables()[name]
        if len(df):
            lines += ["", f"{name.capitalize()} ({len(df)})", _table_text(name, df, width)]
    return "\n".join(lines)


SUMMARY_COLUMNS = {
    "quotes": ["quote_id", "kind", "speaker", "addressee", "parent_quote_id", "stance", "text"],
    "figures": ["figure_id", "text", "value", "qualifier", "category", "actor", "claimed_by"],
    "contacts": ["contact_id", "kind", "status", "date", "actor1", "actor2"],
    "actors": ["actor", "kind", "country", "role", "n_mentions"],
}
"""The columns ``crisislens show`` prints for each table (all columns are in the files ``parse`` writes)."""


def _table_text(name: str, df: pd.DataFrame, width: int) -> str:
    shown = [c for c in SUMMARY_COLUMNS.get(name, list(df.columns)) if c in df.columns]
    if name == "quotes" and "speaker_text" in df.columns:
        df = df.assign(speaker=df["speaker"].fillna(df["speaker_text"]))  # "he", when no one known is named
    text_width = max(30, width - 60)
    with pd.option_context("display.width", width, "display.max_colwidth", text_width, "display.max_columns", 12):
        return df[shown].to_string(index=False)


def _evaluate(args: argparse.Namespace) -> int:
    from crisislens import evaluate

    scores = evaluate.run(args.gold, args.pred)
    print(evaluate.format_scores(scores))
    if args.out:
        scores.to_csv(args.out, index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
