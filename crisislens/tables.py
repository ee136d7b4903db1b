"""The table contract: names, columns and dtypes of every table crisislens produces.

Every DataFrame is built here, from records or dicts, so an empty result is still a frame with
every column and the documented dtype. Column meanings are documented in docs/tables.md.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

STRING = "string"
INT = "Int64"
FLOAT = "Float64"
DATE = "datetime64[ns]"

SCHEMAS: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": STRING, "title": STRING, "published": DATE, "source": STRING, "url": STRING,
        "path": STRING, "n_sentences": INT, "n_words": INT, "n_chars": INT, "dateline": STRING,
        "encoding": STRING,
    },
    "sentences": {
        "article_id": STRING, "sentence_id": INT, "paragraph_id": INT, "start": INT, "end": INT,
        "text": STRING, "n_words": INT, "stance": FLOAT, "tone": FLOAT, "subjectivity": FLOAT,
        "stance_terms": STRING,
    },
    "mentions": {
        "article_id": STRING, "sentence_id": INT, "start": INT, "end": INT, "text": STRING,
        "actor_id": STRING, "actor": STRING, "kind": STRING, "country": STRING, "role": STRING, "via": STRING,
    },
    "actors": {
        "article_id": STRING, "actor_id": STRING, "actor": STRING, "kind": STRING, "country": STRING,
        "role": STRING, "n_mentions": INT, "organization": STRING,
    },
    "quotes": {
        "article_id": STRING, "quote_id": INT, "sentence_id": INT, "start": INT, "end": INT,
        "text": STRING, "kind": STRING, "cue": STRING, "speaker": STRING, "speaker_id": STRING,
        "speaker_text": STRING, "speaker_kind": STRING, "speaker_country": STRING, "addressee": STRING,
        "stance": FLOAT, "tone": FLOAT, "addressee_id": STRING, "parent_quote_id": INT, "date": DATE,
        "date_text": STRING, "stance_terms": STRING,
    },
    "figures": {
        "article_id": STRING, "figure_id": INT, "sentence_id": INT, "start": INT, "end": INT,
        "text": STRING, "value": FLOAT, "low": FLOAT, "high": FLOAT, "qualifier": STRING,
        "unit": STRING, "category": STRING, "actor": STRING, "claimed_by": STRING,
    },
    "contacts": {
        "article_id": STRING, "contact_id": INT, "sentence_id": INT, "start": INT, "end": INT,
        "text": STRING, "kind": STRING, "status": STRING, "date": DATE, "date_text": STRING,
        "location": STRING, "duration_minutes": FLOAT, "actor1": STRING, "actor2": STRING,
        "date_source": STRING,
    },
    "errors": {"path": STRING, "article_id": STRING, "error": STRING, "message": STRING},
}

TABLES: tuple[str, ...] = tuple(SCHEMAS)
"""Table names in output order."""

EXTRACTION_TABLES = ("sentences", "mentions", "actors", "quotes", "figures", "contacts")
"""Tables an Article produces (``articles`` and ``errors`` belong to a corpus run)."""


def empty(table: str) -> pd.DataFrame:
    """Return an empty frame of ``table`` with every column and dtype.

    Example:
        >>> list(empty("errors").columns)
        ['path', 'article_id', 'error', 'message']
    """
    return pd.DataFrame({col: pd.Series(dtype=dtype) for col, dtype in _schema(table).items()})


def frame(table: str, rows: Iterable[object]) -> pd.DataFrame:
    """Build the ``table`` frame from dataclass records or mappings.

    Keys that are not columns of the table are an error (a typo must not vanish silently);
    missing keys become missing values.
    """
    schema = _schema(table)
    records = [_as_dict(row) for row in rows]
    if not records:
        return empty(table)
    unknown = set().union(*(r.keys() for r in records)) - set(schema)
    if unknown:
        raise KeyError(f"table {table!r} has no column(s) {sorted(unknown)}")
    data = {col: [r.get(col) for r in records] for col in schema}
    return conform(table, pd.DataFrame(data))


def conform(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """Return ``df`` with exactly the contract columns of ``table`` (extras kept last), cast to their dtypes."""
    schema = _schema(table)
    out = df.copy()
    for col, dtype in schema.items():
        if col not in out.columns:
            out[col] = pd.Series([None] * len(out), dtype=dtype, index=out.index)
        else:
            out[col] = _cast(out[col], dtype)
    extras = [c for c in out.columns if c not in schema]
    return out[list(schema) + extras].reset_index(drop=True)


def concat(table: str, frames: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate frames of one table, keeping the contract dtypes (also when all are empty)."""
    frames = [f for f in frames if len(f)]
    if not frames:
        return empty(table)
    return conform(table, pd.concat(frames, ignore_index=True))


def read_tables(folder: str | Path) -> dict[str, pd.DataFrame]:
    """Read the tables written by ``crisislens parse`` (CSV or Parquet) back with their dtypes.

    Example:
        >>> tables = read_tables("output")            # doctest: +SKIP
        >>> tables["quotes"].speaker.value_counts()    # doctest: +SKIP
    """
    folder = Path(folder)
    tables = {}
    for name in TABLES:
        parquet, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
        if parquet.exists():
            tables[name] = conform(name, pd.read_parquet(parquet))
        elif csv.exists():
            raw = pd.read_csv(csv, dtype=str, keep_default_na=False, na_values=[""])
            tables[name] = conform(name, _unprotect(raw))
    if not tables:
        raise FileNotFoundError(f"{folder}: no crisislens tables (articles.csv, quotes.parquet, ...) found")
    return tables


CSV_UNSAFE_START = ("=", "+", "-", "@", "\t", "\r")
"""Text cells starting with these are prefixed with an apostrophe in CSV output, so that a
spreadsheet shows them as text instead of evaluating them as a formula."""


_UNSAFE = r"^'*[=+\-@\t\r]"
"""A cell needing protection: an unsafe first character, possibly behind apostrophes that are part
of the text ("'=x" is protected as "''=x", so reading back removes exactly one apostrophe)."""


def protect_for_csv(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy whose text cells cannot be run as spreadsheet formulas (see CSV_UNSAFE_START)."""
    out = df.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, pd.StringDtype):
            unsafe = out[col].str.contains(_UNSAFE, regex=True).fillna(False).astype(bool)
            if unsafe.any():
                out.loc[unsafe, col] = "'" + out.loc[unsafe, col]
    return out


def write_csv(df: pd.DataFrame, path: str | Path) -> None:
    """Write ``df`` as a spreadsheet-safe CSV (RFC 4180 line ends, so a carriage return in a cell is quoted)."""
    protect_for_csv(df).to_csv(path, index=False, date_format="%Y-%m-%d", lineterminator="\r\n")


def _unprotect(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        values = out[col].astype("string")
        protected = values.str.contains(r"^'+[=+\-@\t\r]", regex=True).fillna(False).astype(bool)
        if protected.any():
            out.loc[protected, col] = values[protected].str.slice(1)
    return out


def _schema(table: str) -> dict[str, str]:
    try:
        return SCHEMAS[table]
    except KeyError:
        raise KeyError(f"unknown table {table!r}; tables are {', '.join(TABLES)}") from None


def _timestamp(value: object) -> pd.Timestamp:
    """One value as a nanosecond timestamp; anything unreadable or out of range becomes NaT."""
    try:
        stamp = pd.Timestamp(value)  # type: ignore[arg-type]
        return pd.NaT if stamp is pd.NaT else stamp.as_unit("ns")
    except (ValueError, TypeError, OverflowError, pd.errors.OutOfBoundsDatetime):
        return pd.NaT


def _as_dict(row: object) -> Mapping[str, object]:
    if dataclasses.is_dataclass(row) and not isinstance(row, type):
        return {f.name: getattr(row, f.name) for f in dataclasses.fields(row)}
    if isinstance(row, Mapping):
        return row
    raise TypeError(f"cannot build a table row from {type(row).__name__}")


def _cast(series: pd.Series, dtype: str) -> pd.Series:
    if dtype == DATE:
        return pd.Series([_timestamp(v) for v in series], index=series.index, dtype=DATE)
    if dtype in (INT, FLOAT):
        return pd.to_numeric(series, errors="coerce").astype(dtype)
    if dtype == STRING:
        return series.astype("object").where(series.notna(), None).astype(STRING)
    return series.astype(dtype)
