"""The crisislens command: parse, show, evaluate, help texts and exit codes."""

from pathlib import Path

import pandas as pd
import pytest

from crisislens import tables
from crisislens.cli import EXAMPLES, build_parser, main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "ukraine-border-crisis-blinken.txt"


@pytest.mark.parametrize("command", ["parse", "show", "evaluate"])
def test_cli_every_command_has_help_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert 0 == exit_info.value.code
    out = capsys.readouterr().out
    assert EXAMPLES[command] in out


def test_cli_top_level_help_lists_commands():
    help_text = build_parser().format_help()
    assert all(command in help_text for command in ("parse", "show", "evaluate"))


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_cli_parse_writes_every_table_with_every_column(fmt, tmp_path):
    assert 0 == main(["parse", str(SEED), "--out", str(tmp_path), "--format", fmt, "--quiet"])
    written = tables.read_tables(tmp_path)
    assert list(tables.TABLES) == list(written)
    for name, df in written.items():
        assert list(tables.SCHEMAS[name]) == list(df.columns)[: len(tables.SCHEMAS[name])]
    assert 20 == len(written["sentences"])
    assert pd.Timestamp("2022-02-13") == written["articles"].published.iloc[0]


def test_cli_parse_missing_input_exits_2(tmp_path, capsys):
    assert 2 == main(["parse", str(tmp_path / "nothere"), "--out", str(tmp_path / "out")])
    assert "no such file or folder" in capsys.readouterr().err


def test_cli_parse_nothing_parsable_exits_1(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert 1 == main(["parse", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out"), "--quiet"])
    err = capsys.readouterr().err
    assert "EmptyInputError" in err
    assert 1 == len(tables.read_tables(tmp_path / "out")["errors"])


@pytest.mark.parametrize(("strict", "expected"), [(False, 0), (True, 1)])
def test_cli_parse_partial_failure_exit_code(strict, expected, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "good.txt").write_text("Envoys met in Geneva. They talked for two hours.", encoding="utf-8")
    args = ["parse", str(tmp_path), "--out", str(tmp_path / "out"), "--quiet"] + (["--strict"] if strict else [])
    assert expected == main(args)


def test_cli_show_prints_title_date_and_sentences(capsys):
    assert 0 == main(["show", str(SEED)])
    out = capsys.readouterr().out
    assert "published: 2022-02-13" in out
    assert "dateline: JAKARTA" in out
    assert "Moscow denies having any such plans." in out
    quotes_header = next(line for line in out.splitlines() if line.lstrip().startswith("quote_id"))
    assert "stance" in quotes_header.split()


def test_cli_show_gives_the_words_of_a_speaker_it_could_not_resolve(tmp_path, capsys):
    article = tmp_path / "talks.txt"
    article.write_text("Talks stall\n\n\"We are pleased that the path remains open,\" he told reporters.\n",
                       encoding="utf-8")
    assert 0 == main(["show", str(article)])
    row = next(line for line in capsys.readouterr().out.splitlines() if "We are pleased" in line)
    assert " he " in row


def test_cli_show_unusable_file_exits_2(tmp_path, capsys):
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    assert 2 == main(["show", str(tmp_path / "blob.txt")])
    assert "binary" in capsys.readouterr().err
