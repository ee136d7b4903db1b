"""Streaming output: the same tables as an in-memory corpus, chunk after chunk, with workers and on Dask."""

import shutil
from pathlib import Path

import pandas as pd
import pytest

import crisislens
from crisislens.errors import InputError
from crisislens.stream import write_tables

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
SEED = ARTICLES / "ukraine-border-crisis-blinken.txt"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """Seven articles (copies of the seed under other names, one edited), an empty file and a binary one."""
    root = tmp_path_factory.mktemp("inputs")
    text = SEED.read_text(encoding="utf-8")
    for i in range(6):
        (root / f"copy-{i}.txt").write_text(text.replace("Blinken", f"Blinken{'' if i % 2 else ' Jr.'}"),
                                            encoding="utf-8")
    shutil.copy(SEED, root / "seed.txt")
    (root / "empty.txt").write_text("", encoding="utf-8")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 4)
    return root


def test_streamed_csv_is_byte_identical_to_the_corpus_tables(folder, tmp_path):
    corpus = crisislens.Corpus.from_paths(folder, progress=False)
    corpus.to_csv(tmp_path / "memory")
    summary = write_tables(folder, tmp_path / "stream", chunk_files=2, progress=False)
    for name in crisislens.TABLES:
        assert (tmp_path / "memory" / f"{name}.csv").read_bytes() == (tmp_path / "stream" / f"{name}.csv").read_bytes()
    assert len(corpus.quotes) == summary.counts["quotes"]
    assert 2 == len(summary.errors) == summary.counts["errors"]


def test_streamed_parquet_with_workers_equals_one_process(folder, tmp_path):
    write_tables(folder, tmp_path / "one", format="parquet", chunk_files=3, progress=False)
    write_tables(folder, tmp_path / "two", format="parquet", chunk_files=3, workers=2, progress=False)
    one, two = crisislens.read_tables(tmp_path / "one"), crisislens.read_tables(tmp_path / "two")
    for name in crisislens.TABLES:
        pd.testing.assert_frame_equal(one[name], two[name])
    memory = crisislens.Corpus.from_paths(folder, progress=False)
    pd.testing.assert_frame_equal(memory.mentions, one["mentions"])


def test_stream_rejects_unknown_engines_and_csv_on_dask(folder, tmp_path):
    with pytest.raises(InputError, match="unknown engine"):
        write_tables(folder, tmp_path, engine="spark")
    with pytest.raises(InputError, match="Parquet"):
        write_tables(folder, tmp_path, engine="dask", format="csv")


def test_dask_engine_on_a_local_cluster_gives_the_same_rows(folder, tmp_path):
    pytest.importorskip("distributed")
    summary = write_tables(folder, tmp_path / "dask", format="parquet", engine="dask", workers=2, chunk_files=3,
                           progress=False)
    parts = sorted(p.name for p in (tmp_path / "dask" / "quotes.parquet").iterdir())
    assert ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"] == parts
    read = crisislens.read_tables(tmp_path / "dask")
    memory = crisislens.Corpus.from_paths(folder, progress=False)
    for name in crisislens.TABLES:
        assert len(memory.tables()[name]) == len(read[name]) == summary.counts[name]
    pd.testing.assert_frame_equal(memory.quotes, read["quotes"])


def test_cli_parse_workers_and_dask_write_the_same_rows(folder, tmp_path):
    from crisislens.cli import main

    assert 0 == main(["parse", str(folder), "--out", str(tmp_path / "one"), "--quiet"])
    assert 0 == main(["parse", str(folder), "--out", str(tmp_path / "two"), "--workers", "2", "--chunk-size", "2",
                      "--quiet"])
    for name in crisislens.TABLES:
        assert (tmp_path / "one" / f"{name}.csv").read_bytes() == (tmp_path / "two" / f"{name}.csv").read_bytes()
    pytest.importorskip("distributed")
    assert 0 == main(["parse", str(folder), "--out", str(tmp_path / "dask"), "--format", "parquet", "--engine",
                      "dask", "--workers", "2", "--quiet"])
    read = crisislens.read_tables(tmp_path / "dask")
    assert len(pd.read_csv(tmp_path / "one" / "quotes.csv")) == len(read["quotes"])
    assert 2 == main(["parse", str(folder), "--out", str(tmp_path / "bad"), "--engine", "dask", "--quiet"])
