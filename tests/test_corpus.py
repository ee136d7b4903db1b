"""Corpus: many inputs into one set of tables, bad inputs in ``errors``, workers, output files."""

from pathlib import Path

import pandas as pd
import pytest

import crisislens
from crisislens import Corpus, tables
from crisislens.errors import InputError

DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(__file__).resolve().parents[2] / "shared"

GOOD_IDS = ["cp1252-quotes", "good-heading", "good-talks", "mixed-d", "mixed-e", "mixed-a", "mixed-c"]
BAD = [("bad-front-matter.md", None, "FrontMatterError"), ("binary.txt", None, "BinaryInputError"),
       ("empty.txt", None, "EmptyInputError"), ("wire.jsonl", "wire.jsonl-2", "ExportFormatError")]


# --- a folder of good and bad inputs ------------------------------------------------------------


def test_corpus_mixed_folder_parses_every_good_article(mixed_corpus):
    assert GOOD_IDS == mixed_corpus.articles.article_id.tolist()


def test_corpus_mixed_folder_records_every_bad_input(mixed_corpus, mixed_dir):
    expected = [(str(mixed_dir / name), article_id or name.rsplit(".", 1)[0], error) for name, article_id, error in BAD]
    assert expected == list(mixed_corpus.errors[["path", "article_id", "error"]].itertuples(index=False, name=None))


def test_corpus_error_messages_name_the_file(mixed_corpus):
    assert all(path in message for path, message in zip(mixed_corpus.errors.path, mixed_corpus.errors.message,
                                                        strict=True))


@pytest.mark.parametrize(("article_id", "column", "expected"), [
    ("cp1252-quotes", "encoding", "cp1252"),
    ("cp1252-quotes", "title", "Envoy visit postponed"),
    ("good-talks", "published", pd.Timestamp("2023-04-11")),
    ("good-talks", "dateline", "VELMORA"),
    ("good-heading", "title", "Ministers trade warnings over troop drills"),
    ("mixed-d", "path", str(DATA / "mixed" / "wire.csv")),
])
def test_corpus_mixed_folder_article_rows(mixed_corpus, article_id, column, expected):
    assert expected == mixed_corpus.articles.set_index("article_id").loc[article_id, column]


def test_corpus_cp1252_curly_quotes_are_read(mixed_corpus):
    text = mixed_corpus.sentences.set_index("article_id").loc["cp1252-quotes"].text.iloc[0]
    assert 'The envoy said "we will come back" after the holiday.' == text


@pytest.mark.parametrize("table", tables.TABLES)
def test_corpus_tables_have_every_column_and_dtype(mixed_corpus, table):
    frame = getattr(mixed_corpus, table)
    assert tables.SCHEMAS[table] == {c: str(d) for c, d in frame.dtypes.items()}


def test_corpus_spans_map_back_to_article_text(mixed_corpus, mixed_dir):
    texts = {a.article_id: a.text for a in (crisislens.parse(mixed_dir / n) for n in ("good-talks.txt",
                                                                                       "good-heading.md"))}
    rows = mixed_corpus.sentences[mixed_corpus.sentences.article_id.isin(list(texts))]
    assert list(rows.text) == [texts[a][s:e] for a, s, e in zip(rows.article_id, rows.start, rows.end, strict=True)]


def test_corpus_len_and_repr(mixed_corpus):
    assert (7, "<Corpus: 7 articles, ") == (len(mixed_corpus), repr(mixed_corpus)[:21])


def test_corpus_tables_method_is_in_contract_order(mixed_corpus):
    assert list(tables.TABLES) == list(mixed_corpus.tables())


# --- inputs -------------------------------------------------------------------------------------


def test_corpus_missing_path_raises(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        Corpus.from_paths([tmp_path / "nothere.txt"], progress=False)


def test_corpus_glob_matching_nothing_raises(tmp_path):
    with pytest.raises(InputError):
        Corpus.from_paths(str(tmp_path / "*.txt"), progress=False)


def test_corpus_explicit_unsupported_file_is_an_error_row(write):
    corpus = Corpus.from_paths([write("notes.pdf", "Envoys met."), write("a.txt", "Envoys met.")], progress=False)
    assert (["a"], ["UnsupportedFormatError"]) == (corpus.articles.article_id.tolist(), corpus.errors.error.tolist())


def test_corpus_empty_folder_gives_empty_tables(tmp_path):
    corpus = Corpus.from_paths(tmp_path, progress=False)
    assert (0, list(tables.SCHEMAS["articles"])) == (len(corpus), list(corpus.articles.columns))


@pytest.mark.parametrize("inputs", [
    str,
    lambda d: d,
    lambda d: [d / "good-talks.txt", d / "wire.csv"],
    lambda d: str(d / "*.*"),
    lambda d: crisislens.read(d, progress=False),
], ids=["str", "Path", "list", "glob", "read-alias"])
def test_corpus_accepts_folder_list_glob(mixed_dir, inputs):
    given = inputs(mixed_dir)
    corpus = given if isinstance(given, Corpus) else Corpus.from_paths(given, progress=False)
    assert {"good-talks", "mixed-d"} <= set(corpus.articles.article_id)


def test_corpus_duplicate_stems_in_two_folders_get_distinct_ids(write):
    write("north/briefing.txt", "Envoys met in the north.")
    write("south/briefing.txt", "Envoys met in the south.")
    corpus = Corpus.from_paths(write("west/other.txt", "Envoys met.").parents[1], progress=False)
    assert ["north/briefing", "south/briefing", "other"] == corpus.articles.article_id.tolist()


def test_corpus_same_stem_different_suffix_get_distinct_ids(write):
    write("briefing.txt", "Envoys met in the north.")
    corpus = Corpus.from_paths(write("briefing.md", "Envoys met in the south.").parent, progress=False)
    assert corpus.articles.article_id.is_unique


def test_corpus_single_row_export_keeps_its_id(write):
    path = write("wire.jsonl", '{"id": "wire-7", "text": "Envoys met."}\n')
    assert ["wire-7"] == Corpus.from_paths(path, progress=False).articles.article_id.tolist()


def test_corpus_rows_without_text_are_errors(write):
    path = write("wire.csv", "id,text\nw1,Envoys met.\nw2,\n")
    corpus = Corpus.from_paths(path, progress=False)
    assert (["w1"], ["w2"], ["EmptyInputError"]) == (
        corpus.articles.article_id.tolist(), corpus.errors.article_id.tolist(), corpus.errors.error.tolist())


def test_corpus_size_limit_gives_error_row(write):
    corpus = Corpus.from_paths(write("long.txt", "Envoys met again. " * 20), progress=False, max_chars=100)
    assert ["InputTooLargeError"] == corpus.errors.error.tolist()


def test_corpus_unexpected_exception_is_an_error_row_asking_for_a_report(write, monkeypatch):
    def fail(document, **options):
        raise ValueError("something broke\ninside")

    monkeypatch.setattr(crisislens.corpus, "Article", fail)
    corpus = Corpus.from_paths(write("talks.txt", "Envoys met."), progress=False)
    [row] = corpus.errors.itertuples()
    assert ("ValueError", True, True) == (row.error, "with ValueError: something broke inside." in row.message,
                                          "bug in crisislens" in row.message)


def test_corpus_uses_given_lexicon(write):
    lexicon = crisislens.load_lexicon(write("my_abbreviations.csv", "abbreviation,kind\nDipl.,title\n"))
    path = write("envoy.txt", "Envoy Dipl. Ravel Orno met the delegation. Talks went on.")
    assert 2 == len(Corpus.from_paths(path, progress=False, lexicon=lexicon).sentences)


# --- workers ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def one_worker(): return Corpus.from_paths(DATA, workers=1, progress=False)


@pytest.fixture(scope="module")
def two_workers(): return Corpus.from_paths(DATA, workers=2, progress=False)


def test_corpus_worker_comparison_is_not_trivial(one_worker):
    assert (True, 5) == (10 < len(one_worker.sentences), len(one_worker.errors))


@pytest.mark.parametrize("table", tables.TABLES)
def test_corpus_two_workers_give_same_tables_as_one(one_worker, two_workers, table):
    pd.testing.assert_frame_equal(getattr(one_worker, table), getattr(two_workers, table))


def test_corpus_article_ids_are_unique(one_worker):
    assert one_worker.articles.article_id.is_unique


# --- output -------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_corpus_writes_one_file_per_table(mixed_corpus, tmp_path, fmt):
    paths = getattr(mixed_corpus, f"to_{fmt}")(tmp_path / "out")
    assert [tmp_path / "out" / f"{name}.{fmt}" for name in tables.TABLES] == paths


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_corpus_written_tables_have_every_column(mixed_corpus, tmp_path, fmt):
    getattr(mixed_corpus, f"to_{fmt}")(tmp_path)
    read = pd.read_csv if fmt == "csv" else pd.read_parquet
    assert {n: list(tables.SCHEMAS[n]) for n in tables.TABLES} == {
        n: list(read(tmp_path / f"{n}.{fmt}").columns) for n in tables.TABLES}


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_corpus_empty_corpus_writes_every_column(tmp_path, fmt):
    corpus = Corpus.from_paths(tmp_path, progress=False)
    getattr(corpus, f"to_{fmt}")(tmp_path / "out")
    pd.testing.assert_frame_equal(corpus.quotes, tables.read_tables(tmp_path / "out")["quotes"])


# --- DataFrames ---------------------------------------------------------------------------------


@pytest.fixture
def frame(): return pd.DataFrame({"id": ["f1", None, "f3"], "text": ["Envoys met. They talked.", "Troops left.", "  "],
                                  "published": ["2023-01-02", "2023-01-03", None]})


def test_corpus_from_dataframe_articles(frame):
    assert ["f1", "frame-2"] == Corpus.from_dataframe(frame, progress=False).articles.article_id.tolist()


def test_corpus_from_dataframe_blank_row_is_an_error(frame):
    errors = Corpus.from_dataframe(frame, progress=False).errors
    assert (["f3"], ["EmptyInputError"]) == (errors.article_id.tolist(), errors.error.tolist())


def test_corpus_from_dataframe_published(frame):
    published = Corpus.from_dataframe(frame, progress=False).articles.published.tolist()
    assert [pd.Timestamp("2023-01-02"), pd.Timestamp("2023-01-03")] == published


def test_corpus_from_dataframe_with_workers_matches(frame):
    one = Corpus.from_dataframe(frame, progress=False)
    two = Corpus.from_dataframe(frame, workers=2, progress=False)
    pd.testing.assert_frame_equal(one.sentences, two.sentences)


# --- a real corpus in ../shared -----------------------------------------------------------------

WHITEHOUSE = SHARED / "corpus" / "whitehouse-2022q1"


@pytest.fixture(scope="module")
def whitehouse(): return Corpus.from_paths(WHITEHOUSE, progress=False)


@pytest.mark.shared_corpus
@pytest.mark.skipif(not WHITEHOUSE.is_dir(), reason=f"{WHITEHOUSE} is absent (the ../shared corpora are not "
                    "part of this repository)")
def test_corpus_whitehouse_2022q1_reads_every_file(whitehouse):
    articles = whitehouse.articles
    assert (585, 0, 0) == (len(articles), len(whitehouse.errors), int(articles.published.isna().sum()))
