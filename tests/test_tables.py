"""The table contract: columns and dtypes of every table, CSV protection, CSV and Parquet round trips."""

import pandas as pd
import pytest

from crisislens import Corpus, tables

# One plausible value per dtype, to fill a row of any table.
SAMPLE = {
    tables.STRING: "Velmora",
    tables.INT: 3,
    tables.FLOAT: 0.25,
    tables.DATE: pd.Timestamp("2023-04-11"),
}


def sample_row(table):
    return {column: SAMPLE[dtype] for column, dtype in tables.SCHEMAS[table].items()}


def corpus_with(table, rows):
    return Corpus({table: tables.frame(table, rows)})


@pytest.mark.parametrize("table", tables.TABLES)
def test_tables_empty_has_every_column(table):
    assert list(tables.SCHEMAS[table]) == list(tables.empty(table).columns)


@pytest.mark.parametrize("table", tables.TABLES)
def test_tables_empty_has_schema_dtypes(table):
    assert tables.SCHEMAS[table] == {c: str(d) for c, d in tables.empty(table).dtypes.items()}


@pytest.mark.parametrize("table", tables.TABLES)
def test_tables_frame_without_rows_is_empty(table):
    pd.testing.assert_frame_equal(tables.empty(table), tables.frame(table, []))


@pytest.mark.parametrize("table", tables.TABLES)
def test_tables_frame_with_rows_keeps_dtypes(table):
    df = tables.frame(table, [sample_row(table), {}])
    assert tables.SCHEMAS[table] == {c: str(d) for c, d in df.dtypes.items()}


@pytest.mark.parametrize("table", tables.TABLES)
def test_tables_frame_missing_keys_are_missing_values(table):
    df = tables.frame(table, [{}])
    assert (1, True) == (len(df), df.isna().all(axis=None))


@pytest.mark.parametrize("table", tables.TABLES)
def test_tables_frame_rejects_unknown_columns(table):
    with pytest.raises(KeyError, match="has no column"):
        tables.frame(table, [{**sample_row(table), "speakr": "typo"}])


def test_tables_frame_rejects_unknown_table():
    with pytest.raises(KeyError, match="unknown table"):
        tables.frame("speeches", [])


@pytest.mark.parametrize("row", [("a", 1), "text", 5])
def test_tables_frame_rejects_rows_that_are_not_records(row):
    with pytest.raises(TypeError):
        tables.frame("errors", [row])


def test_tables_frame_accepts_dataclass_records():
    from crisislens.sources import Failure

    df = tables.frame("errors", [Failure("a.txt", "a", "EmptyInputError", "no text")])
    assert ["a.txt", "a", "EmptyInputError", "no text"] == df.iloc[0].tolist()


@pytest.mark.parametrize(("column", "value", "expected"), [
    ("n_words", "12", 12),
    ("n_words", 12.0, 12),
    ("published", "2023-04-11", pd.Timestamp("2023-04-11")),
    ("title", 2023, "2023"),
])
def test_tables_frame_casts_values_to_column_dtype(column, value, expected):
    assert expected == tables.frame("articles", [{column: value}])[column].iloc[0]


@pytest.mark.parametrize(("column", "value"), [
    ("n_words", "twelve"),
    ("published", "not a date"),
    ("tone", "positive"),
])
def test_tables_frame_unreadable_values_are_missing(column, value):
    table = "sentences" if column == "tone" else "articles"
    assert tables.frame(table, [{column: value}])[column].isna().all()


def test_tables_frame_out_of_range_date_is_missing():
    assert tables.frame("articles", [{"published": pd.Timestamp("1500-01-01")}]).published.isna().all()


@pytest.mark.parametrize("table", tables.TABLES)
def test_tables_conform_adds_missing_columns(table):
    df = tables.conform(table, pd.DataFrame({"article_id": ["a"]} if "article_id" in tables.SCHEMAS[table] else
                                            {"path": ["a.txt"]}))
    assert tables.SCHEMAS[table] == {c: str(d) for c, d in df.dtypes.items()}


def test_tables_conform_keeps_extra_columns_last():
    df = tables.conform("errors", pd.DataFrame({"note": ["x"], "path": ["a.txt"]}))
    assert ["path", "article_id", "error", "message", "note"] == list(df.columns)


def test_tables_conform_resets_index():
    df = tables.conform("errors", pd.DataFrame({"path": ["a.txt", "b.txt"]}, index=[5, 9]))
    assert [0, 1] == list(df.index)


@pytest.mark.parametrize("table", tables.TABLES)
def test_tables_concat_of_nothing_is_empty(table):
    pd.testing.assert_frame_equal(tables.empty(table), tables.concat(table, [tables.empty(table)]))


# --- CSV protection against spreadsheet formulas ------------------------------------------------

UNSAFE = ["=SUM(A1:A3)", "+44 troops", "-5 degrees", "@envoy", "\tindented"]
SAFE = ["plain words", "a=b", "talks - again", " -leading space", "'quoted'", "", "5-4 vote"]


@pytest.mark.parametrize("value", UNSAFE)
def test_tables_csv_prefixes_formula_cells_with_apostrophe(tmp_path, value):
    corpus_with("errors", [{"path": "a.txt", "message": value}]).to_csv(tmp_path)
    assert "'" + value == pd.read_csv(tmp_path / "errors.csv", dtype=str).message.iloc[0]


@pytest.mark.parametrize("value", [v for v in SAFE if v])
def test_tables_csv_leaves_safe_cells_alone(tmp_path, value):
    corpus_with("errors", [{"path": "a.txt", "message": value}]).to_csv(tmp_path)
    assert value == pd.read_csv(tmp_path / "errors.csv", dtype=str, keep_default_na=False).message.iloc[0]


@pytest.mark.parametrize("value", [v for v in UNSAFE + SAFE if v])
def test_tables_read_tables_restores_protected_cells(tmp_path, value):
    corpus_with("errors", [{"path": "a.txt", "message": value}]).to_csv(tmp_path)
    assert value == tables.read_tables(tmp_path)["errors"].message.iloc[0]


def test_tables_csv_round_trip_of_carriage_return_cell(tmp_path):
    corpus_with("errors", [{"path": "a.txt", "message": "\rreturn"}]).to_csv(tmp_path)
    assert ["\rreturn"] == tables.read_tables(tmp_path)["errors"].message.tolist()


def test_tables_csv_round_trip_of_apostrophe_formula_cell(tmp_path):
    corpus_with("errors", [{"path": "a.txt", "message": "'=already quoted"}]).to_csv(tmp_path)
    assert "'=already quoted" == tables.read_tables(tmp_path)["errors"].message.iloc[0]


def test_tables_csv_protection_leaves_frame_unchanged():
    df = tables.frame("errors", [{"message": "=1+1"}])
    tables.protect_for_csv(df)
    assert "=1+1" == df.message.iloc[0]


@pytest.mark.parametrize("column", ["n_words", "published"])
def test_tables_csv_protection_ignores_non_text_columns(column):
    df = tables.frame("articles", [{"n_words": -3, "published": "2023-01-01"}])
    pd.testing.assert_series_equal(df[column], tables.protect_for_csv(df)[column])


# --- round trips --------------------------------------------------------------------------------


# Text cells that could go wrong in a file: formulas, quotes, commas, line breaks, non-ASCII.
TRICKY = {"article_id": "-a1", "title": '=Talks, "again"', "text": "Line one.\nLine two, with \u00e9.",
          "message": "@ 100,000 troops", "path": "folder/a b.txt", "kind": "+direct"}


def tricky_row(table):
    return {**sample_row(table), **{k: v for k, v in TRICKY.items() if k in tables.SCHEMAS[table]}}


@pytest.fixture(scope="module")
def filled_corpus(): return Corpus({t: tables.frame(t, [sample_row(t), {}, tricky_row(t)]) for t in tables.TABLES})


@pytest.mark.parametrize("table", tables.TABLES)
def test_tables_parquet_round_trip_is_identical(filled_corpus, tmp_path_factory, table):
    folder = tmp_path_factory.mktemp("parquet")
    filled_corpus.to_parquet(folder)
    pd.testing.assert_frame_equal(filled_corpus.tables()[table], tables.read_tables(folder)[table])


@pytest.mark.parametrize("table", tables.TABLES)
def test_tables_csv_round_trip_keeps_values_and_dtypes(filled_corpus, tmp_path_factory, table):
    folder = tmp_path_factory.mktemp("csv")
    filled_corpus.to_csv(folder)
    pd.testing.assert_frame_equal(filled_corpus.tables()[table], tables.read_tables(folder)[table])


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_round_trip_of_parsed_corpus(mixed_corpus, tmp_path, fmt):
    getattr(mixed_corpus, f"to_{fmt}")(tmp_path)
    back = tables.read_tables(tmp_path)
    for name, df in mixed_corpus.tables().items():
        pd.testing.assert_frame_equal(df, back[name], obj=name)


def test_tables_read_tables_of_empty_folder_raises(tmp_path):
    with pytest.raises(FileNotFoundError, match="no crisislens tables"):
        tables.read_tables(tmp_path)


def test_tables_read_tables_prefers_parquet(mixed_corpus, tmp_path):
    mixed_corpus.to_parquet(tmp_path)
    (tmp_path / "articles.csv").write_text("article_id\nfrom-csv\n")
    assert "from-csv" not in tables.read_tables(tmp_path)["articles"].article_id.tolist()
