"""Corpus: many articles parsed into one set of tables, with an ``errors`` table for what failed.

A corpus run never stops at a bad input: every file, export row or DataFrame row that cannot be
read or parsed becomes a row of ``errors`` (path, article_id, error class, message) and the run
goes on. Output order follows the sorted input paths, so the same inputs give the same tables
whatever the number of workers.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from crisislens import tables
from crisislens.article import Article
from crisislens.errors import CrisislensError, hint, printable
from crisislens.lexicon import Lexicon, default_lexicon
from crisislens.sources import (
    EXPORT_SUFFIXES,
    MAX_CHARS,
    Document,
    Failure,
    expand_inputs,
    from_dataframe,
    read_file,
)

Rows = dict[str, list[dict[str, Any]]]


class Corpus:
    """The tables of many articles, concatenated, plus ``articles`` and ``errors``.

    Build it with :meth:`from_paths` (files, folders, globs, exports) or :meth:`from_dataframe`.
    Every table is a DataFrame attribute: ``articles``, ``sentences``, ``mentions``, ``actors``,
    ``quotes``, ``figures``, ``contacts``, ``errors``.
    """

    def __init__(self, frames: dict[str, pd.DataFrame]) -> None:
        self._frames = {name: frames.get(name, tables.empty(name)) for name in tables.TABLES}

    @classmethod
    def from_paths(cls, paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *,
                   workers: int | None = None, progress: bool = True, lexicon: Lexicon | None = None,
                   max_chars: int = MAX_CHARS) -> Corpus:
        """Parse every article in files, folders (recursively) and glob patterns.

        Args:
            paths_or_glob: one or many paths or patterns.
            workers: worker processes (None or 1: this process).
            progress: show a progress bar (notebook-aware).
            lexicon: a lexicon from :func:`crisislens.load_lexicon`.
            max_chars: per-article size limit; larger articles go to ``errors``.

        Raises:
            InputError: a path names nothing that exists.

        Example:
            >>> corpus = Corpus.from_paths("data/articles", progress=False)   # doctest: +SKIP
            >>> corpus.errors.empty                                          # doctest: +SKIP
            True
        """
        files = expand_inputs(paths_or_glob)
        ids = _article_ids(files)
        jobs = [(str(path), ids[path]) for path in files]
        if workers is not None and workers > 1 and len(jobs) > 1:
            from crisislens.stream import tables_from_workers

            return cls(tables_from_workers(jobs, workers=workers, lexicon=lexicon or default_lexicon(),
                                           max_chars=max_chars, progress=progress))
        results = _run(_parse_file, jobs, workers=workers, progress=progress, lexicon=lexicon,
                       max_chars=max_chars, unit="file")
        return cls._collect(results)

    @classmethod
    def from_dataframe(cls, frame: pd.DataFrame, *, workers: int | None = None, progress: bool = True,
                       lexicon: Lexicon | None = None, max_chars: int = MAX_CHARS) -> Corpus:
        """Parse one article per row of a DataFrame with a ``text`` column (and optional id, title,
        published, source, url)."""
        documents = from_dataframe(frame)
        results = _run(_parse_document, documents, workers=workers, progress=progress, lexicon=lexicon,
                       max_chars=max_chars, unit="article")
        return cls._collect(results)

    @classmethod
    def _collect(cls, results: Iterable[Rows]) -> Corpus:
        merged: Rows = {name: [] for name in tables.TABLES}
        for rows in results:
            for name, table_rows in rows.items():
                merged[name].extend(table_rows)
        return cls({name: tables.frame(name, merged[name]) for name in tables.TABLES})

    # --- tables ---------------------------------------------------------------------------
    @property
    def articles(self) -> pd.DataFrame:
        """One row per parsed article."""
        return self._frames["articles"]

    @property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence of every article."""
        return self._frames["sentences"]

    @property
    def mentions(self) -> pd.DataFrame:
        """One row per actor mention."""
        return self._frames["mentions"]

    @property
    def actors(self) -> pd.DataFrame:
        """One row per actor per article."""
        return self._frames["actors"]

    @property
    def quotes(self) -> pd.DataFrame:
        """One row per attributed statement."""
        return self._frames["quotes"]

    @property
    def figures(self) -> pd.DataFrame:
        """One row per number with what it counts."""
        return self._frames["figures"]

    @property
    def contacts(self) -> pd.DataFrame:
        """One row per pair of parties in a diplomatic contact."""
        return self._frames["contacts"]

    @property
    def errors(self) -> pd.DataFrame:
        """One row per input that could not be read or parsed."""
        return self._frames["errors"]

    def tables(self) -> dict[str, pd.DataFrame]:
        """Return every table by name, in contract order."""
        return dict(self._frames)

    def __len__(self) -> int:
        return len(self.articles)

    def __repr__(self) -> str:
        return (f"<Corpus: {len(self.articles)} articles, {len(self.sentences)} sentences, "
                f"{len(self.errors)} errors>")

    # --- output ---------------------------------------------------------------------------
    def to_csv(self, folder: str | os.PathLike[str]) -> list[Path]:
        """Write one ``<table>.csv`` per table into ``folder`` and return the paths.

        Text cells that a spreadsheet would run as a formula (starting with ``= + - @``, tab or
        carriage return) are prefixed with an apostrophe; :func:`crisislens.read_tables` removes it.
        """
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, df in self._frames.items():
            path = out / f"{name}.csv"
            tables.write_csv(df, path)
            paths.append(path)
        return paths

    def to_parquet(self, folder: str | os.PathLike[str]) -> list[Path]:
        """Write one ``<table>.parquet`` per table into ``folder`` (exact text, typed columns)."""
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, df in self._frames.items():
            path = out / f"{name}.parquet"
            df.to_parquet(path, index=False)
            paths.append(path)
        return paths


def _article_ids(files: list[Path]) -> dict[Path, str]:
    """Each file's id is its stem; files sharing a stem use their path relative to the common folder
    (without suffix, or with it when that is still not unique: ``briefing.txt``, ``briefing.md``).
    A byte of a file name that is not UTF-8 is written ``\\xNN`` (see :func:`printable`)."""
    return {p: printable(article_id) for p, article_id in _path_ids(files).items()}


def _path_ids(files: list[Path]) -> dict[Path, str]:
    stems = Counter(p.stem for p in files)
    if all(count == 1 for count in stems.values()):
        return {p: p.stem for p in files}
    root = Path(os.path.commonpath([str(p.parent.resolve()) for p in files]))
    relative = {p: p.resolve().relative_to(root) for p in files if stems[p.stem] > 1}
    bare = Counter(r.with_suffix("").as_posix() for r in relative.values())
    return {p: p.stem if p not in relative
            else relative[p].with_suffix("").as_posix() if bare[relative[p].with_suffix("").as_posix()] == 1
            else relative[p].as_posix()
            for p in files}


_WORKER_LEXICON: Lexicon | None = None
_WORKER_MAX_CHARS: int = MAX_CHARS


def _init_worker(lexicon: Lexicon | None, max_chars: int) -> None:
    global _WORKER_LEXICON, _WORKER_MAX_CHARS
    _WORKER_LEXICON, _WORKER_MAX_CHARS = lexicon, max_chars


def progress_bar(total: int, unit: str, enabled: bool) -> Any:
    """A progress bar (notebook-aware) when ``enabled`` and there is more than one item; otherwise a
    silent one that never touches the notebook widgets (which warn when ipywidgets is missing)."""
    if enabled and total >= 2:
        from tqdm.auto import tqdm
    else:
        from tqdm.std import tqdm
    return tqdm(total=total, unit=unit, disable=not enabled or total < 2, leave=False)


def _run(function: Any, jobs: list[Any], *, workers: int | None, progress: bool, lexicon: Lexicon | None,
         max_chars: int, unit: str) -> Iterator[Rows]:
    lexicon = lexicon or default_lexicon()
    bar = progress_bar(len(jobs), unit, progress)
    try:
        if workers is None or workers <= 1 or len(jobs) < 2:
            _init_worker(lexicon, max_chars)
            for job in jobs:
                yield function(job)
                bar.update()
        else:
            chunksize = max(1, min(64, len(jobs) // (workers * 8)))
            with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(lexicon, max_chars)) as pool:
                for rows in pool.map(function, jobs, chunksize=chunksize):
                    yield rows
                    bar.update()
    finally:
        bar.close()


def _parse_file(job: tuple[str, str]) -> Rows:
    """Read and parse one file; everything that goes wrong becomes an ``errors`` row."""
    path, article_id = job
    try:
        items = read_file(path, max_chars=_WORKER_MAX_CHARS, id_prefix=article_id)
    except Exception as exc:
        return {"errors": [_error_row(_failure(exc, path, article_id))]}
    rows: Rows = {name: [] for name in tables.TABLES}
    is_export = Path(path).suffix.lower() in EXPORT_SUFFIXES
    for item in items:
        named = replace(item, article_id=article_id) if isinstance(item, Document) and not is_export else item
        _merge(rows, _parse_document(named))
    return rows


def _parse_document(item: Document | Failure) -> Rows:
    if isinstance(item, Failure):
        return {"errors": [_error_row(item)]}
    try:
        article = Article(item, lexicon=_WORKER_LEXICON, max_chars=_WORKER_MAX_CHARS)
    except Exception as exc:
        return {"errors": [_error_row(_failure(exc, item.path, item.article_id))]}
    return article.rows


def _failure(exc: Exception, path: str | None, article_id: str | None) -> Failure:
    """The ``errors`` row of an exception: its own message for a CrisislensError, a bug report otherwise."""
    if isinstance(exc, CrisislensError):
        return Failure.from_exception(exc, path, article_id)
    problem = " ".join(str(exc).split())[:300] or "no message"
    return Failure(path, article_id, type(exc).__name__,
                   hint("unexpected", path=path or article_id, error=type(exc).__name__, problem=problem))


def _merge(into: Rows, rows: Rows) -> None:
    for name, table_rows in rows.items():
        into.setdefault(name, []).extend(table_rows)


def _error_row(failure: Failure) -> dict[str, Any]:
    return {"path": None if failure.path is None else printable(failure.path),
            "article_id": None if failure.article_id is None else printable(failure.article_id),
            "error": failure.error, "message": printable(failure.message)}
