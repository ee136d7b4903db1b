"""Tables straight to disk: any number of articles, memory bounded by a chunk, in one process, in
worker processes or on a Dask cluster.

:func:`write_tables` reads the inputs (files, folders, globs, exports) a chunk of files at a time,
parses each chunk with the same per-file function as :class:`~crisislens.Corpus` (so the rows are
the same), and appends them to the output, so memory holds one chunk per worker, not the corpus:

- ``engine="local"`` (this process, or ``workers`` processes): one file per table, ``<table>.csv``
  (spreadsheet-safe, chunk after chunk) or ``<table>.parquet`` (one row group per chunk);
- ``engine="dask"`` (``pip install crisislens[dask]``): every chunk is a Dask task that writes its own
  part of each table, ``<table>.parquet/part-00000.parquet``, a partitioned Parquet dataset that
  ``pandas.read_parquet``, :func:`crisislens.read_tables` and DuckDB (``read_parquet('quotes.parquet/*.parquet')``)
  read as one table. ``scheduler`` is the address of a running cluster; without it a local cluster is
  started for the run.

The output does not depend on the number of workers: chunks are written in input order.

Example:
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as out:
    ...     summary = write_tables("data/articles", out, progress=False)
    ...     summary.counts["articles"], sorted(p.name for p in Path(out).iterdir())[:2]
    (1, ['actors.csv', 'articles.csv'])
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from crisislens import tables
from crisislens.corpus import Rows, _article_ids, _init_worker, _parse_file, progress_bar
from crisislens.errors import InputError
from crisislens.lexicon import Lexicon, default_lexicon
from crisislens.sources import MAX_CHARS, expand_inputs

CHUNK_FILES = 200
"""Files parsed and written together: the unit of memory (about 40 MB of rows for news articles)."""
ENGINES = ("local", "dask")
FORMATS = ("csv", "parquet")


@dataclass
class Summary:
    """What a run wrote: rows per table, and the inputs that failed (the ``errors`` rows)."""

    out: Path
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(tables.TABLES, 0))
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, counts: dict[str, int], errors: list[dict[str, Any]]) -> None:
        for name, n in counts.items():
            self.counts[name] += n
        self.errors.extend(errors)


def write_tables(inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], out: str | os.PathLike[str], *,
                 format: str = "csv", workers: int = 1, engine: str = "local", scheduler: str | None = None,
                 chunk_files: int = CHUNK_FILES, lexicon: Lexicon | None = None, max_chars: int = MAX_CHARS,
                 progress: bool = True) -> Summary:
    """Parse ``inputs`` and write every table into ``out``, a chunk of files at a time.

    Args:
        inputs: files, folders (recursively), glob patterns or exports, as for ``Corpus.from_paths``.
        out: the output folder (created if needed; existing tables in it are replaced).
        format: ``csv`` or ``parquet`` (the Dask engine writes Parquet only).
        workers: worker processes (local engine) or, without ``scheduler``, local Dask workers.
        engine: ``local`` or ``dask``.
        scheduler: the address of a Dask scheduler (``tcp://host:8786``), Dask engine only.
        chunk_files: files per chunk.
        lexicon: a lexicon from :func:`crisislens.load_lexicon`.
        max_chars: per-article size limit; larger articles go to ``errors``.
        progress: show a progress bar (notebook-aware).

    Raises:
        InputError: an input names nothing, or the engine or format is unknown.
    """
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    if format not in FORMATS:
        raise InputError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    if engine == "dask" and format != "parquet":
        raise InputError("the dask engine writes partitioned Parquet: use --format parquet")
    files = expand_inputs(inputs)
    ids = _article_ids(files)
    jobs = [(str(path), ids[path]) for path in files]
    chunks = [jobs[i:i + max(1, chunk_files)] for i in range(0, len(jobs), max(1, chunk_files))]
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    lexicon = lexicon or default_lexicon()
    if engine == "dask":
        return _write_with_dask(chunks, folder, workers=workers, scheduler=scheduler, lexicon=lexicon,
                                max_chars=max_chars)
    summary = Summary(folder)
    writer = _Writer(folder, format)
    try:
        with progress_bar(len(jobs), "file", progress) as bar:
            if workers <= 1 or len(chunks) < 2:
                _init_worker(lexicon, max_chars)
                for chunk in chunks:
                    rows = _parse_chunk(chunk)
                    frames = {name: tables.frame(name, rows.get(name, [])) for name in tables.TABLES}
                    writer.append(frames)
                    summary.add({name: len(df) for name, df in frames.items()}, rows.get("errors", []))
                    bar.update(len(chunk))
            else:
                with tempfile.TemporaryDirectory(dir=folder, prefix=".parts-") as parts:
                    for part in _parts_from_workers(chunks, Path(parts), format, workers=workers, lexicon=lexicon,
                                                    max_chars=max_chars):
                        writer.append_part(part.files)
                        summary.add(part.counts, part.errors)
                        bar.update(part.n_files)
    finally:
        writer.close()
    return summary


def _parse_chunk(chunk: list[tuple[str, str]]) -> Rows:
    """Every file of a chunk parsed, rows in input order (runs in a worker)."""
    merged: Rows = {name: [] for name in tables.TABLES}
    for job in chunk:
        for name, rows in _parse_file(job).items():
            merged[name].extend(rows)
    return merged


@dataclass
class _Part:
    """A chunk parsed and written by a worker: one file per table, and what they hold."""

    files: dict[str, Path]
    counts: dict[str, int]
    errors: list[dict[str, Any]]
    n_files: int


def _write_chunk(item: tuple[int, list[tuple[str, str]], str, str]) -> _Part:
    """Parse a chunk and write each table to a file of its own (runs in a worker, so that turning
    rows into tables and writing them is shared out too, and no rows travel between processes)."""
    index, chunk, folder, format = item
    rows = _parse_chunk(chunk)
    files, counts = {}, {}
    for name in tables.TABLES:
        frame = tables.frame(name, rows.get(name, []))
        path = Path(folder) / f"{name}-{index:05d}.{format}"
        if format == "csv":
            tables.protect_for_csv(frame).to_csv(path, index=False, date_format="%Y-%m-%d", lineterminator="\r\n")
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.Table.from_pandas(frame, schema=arrow_schema(name), preserve_index=False), path)
        files[name], counts[name] = path, len(frame)
    return _Part(files, counts, rows.get("errors", []), len(chunk))


def _parts_from_workers(chunks: list[list[tuple[str, str]]], folder: Path, format: str, *, workers: int,
                        lexicon: Lexicon, max_chars: int) -> Iterator[_Part]:
    """The parts of each chunk, in input order, with at most two chunks per worker in flight."""
    items = [(i, chunk, str(folder), format) for i, chunk in enumerate(chunks)]
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(lexicon, max_chars)) as pool:
        pending: deque[Future[_Part]] = deque()
        for item in items:
            pending.append(pool.submit(_write_chunk, item))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def tables_from_workers(jobs: list[tuple[str, str]], *, workers: int, lexicon: Lexicon, max_chars: int,
                        progress: bool, chunk_files: int = 64) -> dict[str, pd.DataFrame]:
    """Every table of ``jobs`` parsed by ``workers`` processes, in input order, for an in-memory corpus:
    the workers write Parquet parts, this process reads them back (no rows pickled between processes)."""
    size = max(1, min(chunk_files, -(-len(jobs) // (workers * 4))))
    chunks = [jobs[i:i + size] for i in range(0, len(jobs), size)]
    pieces: dict[str, list[pd.DataFrame]] = {name: [] for name in tables.TABLES}
    with tempfile.TemporaryDirectory(prefix="crisislens-") as folder, \
            progress_bar(len(jobs), "file", progress) as bar:
        for part in _parts_from_workers(chunks, Path(folder), "parquet", workers=workers, lexicon=lexicon,
                                        max_chars=max_chars):
            for name, path in part.files.items():
                if part.counts[name]:
                    pieces[name].append(pd.read_parquet(path))
                path.unlink()
            bar.update(part.n_files)
    return {name: tables.conform(name, pd.concat(frames, ignore_index=True)) if frames else tables.empty(name)
            for name, frames in pieces.items()}


class _Writer:
    """Appends chunks of every table to one file per table."""

    def __init__(self, folder: Path, format: str) -> None:
        self.folder, self.format = folder, format
        self.parquet: dict[str, Any] = {}
        self.started: set[str] = set()

    def append_part(self, files: dict[str, Path]) -> None:
        """Append the tables a worker wrote, then remove its files."""
        for name, path in files.items():
            if self.format == "csv":
                with path.open("rb") as part, (self.folder / f"{name}.csv").open(
                        "ab" if name in self.started else "wb") as out:
                    if name in self.started:
                        part.readline()  # the header, written once
                    shutil.copyfileobj(part, out)
                self.started.add(name)
            else:
                import pyarrow.parquet as pq

                self._append_arrow(name, pq.read_table(path))
            path.unlink()

    def append(self, frames: dict[str, pd.DataFrame]) -> None:
        for name, frame in frames.items():
            if self.format == "csv":
                self._append_csv(name, frame)
            else:
                self._append_parquet(name, frame)

    def _append_csv(self, name: str, frame: pd.DataFrame) -> None:
        path = self.folder / f"{name}.csv"
        first = name not in self.started
        self.started.add(name)
        tables.protect_for_csv(frame).to_csv(path, mode="w" if first else "a", header=first, index=False,
                                             date_format="%Y-%m-%d", lineterminator="\r\n")

    def _append_parquet(self, name: str, frame: pd.DataFrame) -> None:
        import pyarrow as pa

        self._append_arrow(name, pa.Table.from_pandas(frame, schema=arrow_schema(name), preserve_index=False))

    def _append_arrow(self, name: str, table: Any) -> None:
        import pyarrow.parquet as pq

        if name not in self.parquet:
            self.parquet[name] = pq.ParquetWriter(self.folder / f"{name}.parquet", arrow_schema(name))
        if table.num_rows or name not in self.started:
            self.parquet[name].write_table(table)
        self.started.add(name)

    def close(self) -> None:
        for writer in self.parquet.values():
            writer.close()


def arrow_schema(name: str) -> Any:
    """The Arrow schema of table ``name`` (the same for every chunk, whatever values it holds)."""
    import pyarrow as pa

    types = {tables.STRING: pa.string(), tables.INT: pa.int64(), tables.FLOAT: pa.float64(),
             tables.DATE: pa.timestamp("ns")}
    return pa.schema([(column, types[dtype]) for column, dtype in tables.SCHEMAS[name].items()])


def _write_part(item: tuple[int, list[tuple[str, str]]], out: str, lexicon: Lexicon,
                max_chars: int) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """One Dask task: parse a chunk and write its part of every table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    index, chunk = item
    _init_worker(lexicon, max_chars)
    rows = _parse_chunk(chunk)
    counts = {}
    for name in tables.TABLES:
        frame = tables.frame(name, rows.get(name, []))
        folder = Path(out) / f"{name}.parquet"
        folder.mkdir(parents=True, exist_ok=True)
        schema = arrow_schema(name)
        pq.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False),
                       folder / f"part-{index:05d}.parquet")
        counts[name] = len(frame)
    return counts, rows.get("errors", [])


def _write_with_dask(chunks: list[list[tuple[str, str]]], folder: Path, *, workers: int, scheduler: str | None,
                     lexicon: Lexicon, max_chars: int) -> Summary:
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError:
        raise InputError("the dask engine needs Dask: pip install 'crisislens[dask]'") from None
    for name in tables.TABLES:  # a previous run's parts would be read as part of this one
        old = folder / f"{name}.parquet"
        if old.is_dir():
            for part in old.glob("part-*.parquet"):
                part.unlink()
        elif old.exists():
            old.unlink()
    cluster = None if scheduler else LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                                   dashboard_address=None, processes=True)
    summary = Summary(folder)
    try:
        with Client(scheduler or cluster) as client:
            bag = db.from_sequence(list(enumerate(chunks)), npartitions=max(1, len(chunks)))
            results = bag.map(_write_part, out=str(folder), lexicon=lexicon, max_chars=max_chars)
            for counts, errors in client.compute(results, sync=True):
                summary.add(counts, errors)
    finally:
        if cluster is not None:
            cluster.close()
    return summary
