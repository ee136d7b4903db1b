"""A corpus of hostile and broken files: every good article is parsed, every bad file is an error row.

Each case is decided one way or the other, and the README ("Limits and failure modes") says why:

- refused (a row of ``errors``; ``crisislens.parse`` raises the same error): empty or blank files,
  binary files and NUL bytes (also UTF-16 without a byte-order mark), hostile or malformed YAML front
  matter (aliases, Python tags, deep nesting, no closing line, impossible dates, huge numbers),
  files above the size limit, exports without a ``text`` column and broken or empty export rows;
- parsed: Windows-1252 and Latin-1 text, UTF-8 with a few stray bytes, UTF-16 with a byte-order
  mark, unbalanced quotation marks, runs of titles, digits, commas and "said", a 100,000-digit
  number, sentences without an end, runs of spaces and newlines, markup garbage in HTML, and a file
  name that is not UTF-8.

Everything here is generated text (no article is copied). Time bounds are generous: they catch
running time that grows with the square of the input, not slowness. ``CRISISLENS_FUZZ=long`` adds
the scaling probe (10,000, 50,000 and 200,000 characters of each adversarial pattern).
"""

from __future__ import annotations

import os
import random
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import crisislens
from crisislens import Corpus, errors, tables
from crisislens.article import Article
from crisislens.cli import main
from crisislens.sources import Document, read_file

LONG_FUZZ = os.environ.get("CRISISLENS_FUZZ") == "long"

BILLION_LAUGHS = "---\n" + 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
) + "---\nEnvoys met.\nThey talked.\n"

ARTICLE = ("VELMORA - Envoys from Norland met Estavian officials on Monday. \"We are closer than before,\" "
           "a spokeswoman said. Norland has more than 2,000 troops near the border.\n")

# name -> file content; the article id is the stem (export.jsonl: one good row, wire-1, and bad ones)
GOOD: dict[str, bytes] = {
    "good-talks.txt": ("---\ntitle: Envoys meet\npublished: 2023-04-11\n---\n" + ARTICLE).encode(),
    "good-page.html": ("<html><head><title>Envoys meet</title></head><body><article><p>" + ARTICLE
                       + "</p></article></body></html>").encode(),
    "good-notes.md": b"# Envoys meet\n\n**Envoys** from [Norland](https://example.org) met officials.\n",
    "cp1252-quotes.txt": b"Envoy visit\r\nThe envoy said \x93we will come back\x94 after the holiday.\r\n",
    "latin1-undefined-byte.txt": b"Caf\xe9 talks\nThe envoys met\x81 at the caf\xe9 in Velmora.\n",
    "utf8-stray-byte.txt": "Envoy visit\nThe envoy said \u201cyes\u201d at the caf\u00e9; ".encode() + b"\x93no\x94.\n",
    "utf8-bom.txt": b"\xef\xbb\xbfEnvoy visit\nThe envoys met in Velmora.\n",
    "utf16-bom.txt": "Envoy visit\nThe envoy said \u201cwe will return\u201d to Velmora.\n".encode("utf-16"),
    "control-characters.txt": b"Envoy visit\nThe envoys\x07 met\x1b in Velmora.\n",
    "unbalanced-quotes.txt": ("Quotes\n" + "\"The envoy said it. " * 2_000 + "\u201c \u201d \u201c ' \" \"\n").encode(),
    "repeated-titles.txt": ("Titles\n" + "President " * 5_000 + "Orno met the envoy.\n").encode(),
    "digits-spaced.txt": ("Counts\n" + " ".join(str(i) for i in range(1, 1_001)) + "\n").encode(),
    "digits-commas.txt": ("Counts\n" + "1," * 20_000 + "1\n").encode(),
    "digit-100k.txt": ("A long number\n" + "7" * 100_000 + " troops.\n").encode(),
    "said-run.txt": ("Said\n" + "said " * 10_000 + "\n").encode(),
    "no-full-stop.txt": ("No full stop\n" + "the envoys talked about troops and talks and more " * 2_000 + "\n").encode(),
    "spaces-and-newlines.txt": ("Envoys met.\n" + " " * 50_000 + "\n" * 50_000 + "They agreed.\n").encode(),
    "markup-garbage.html": ("<p>Envoys met in Velmora.</p>" + "<a" * 20_000 + "</" * 20_000 + '<a b="' * 5_000
                            + "<!--x>" * 1_000).encode(),
    "formula.txt": b'Formula\n=HYPERLINK("http://example.org","click") was typed.\n\n+1 more said the envoy.\n',
    "=cmd.txt": b"---\ntitle: '@SUM(A1:A9)'\nsource: '-2+3'\nurl: \"\\thttps://example.org\"\n---\nEnvoys met.\n",
    "export.jsonl": ('{"id": "wire-1", "text": "Envoys met in Velmora."}\n'
                     '{"id": "wire-2", "text": \n'
                     '{"id": "wire-3", "text": ""}\n'
                     '{"id": "wire-4", "text": "' + "troops " * 150_000 + '"}\n'
                     '{"id": "wire-5", "text": ["Envoys", "met"]}\n'
                     '{"id": "wire-1", "text": "Envoys met again."}\n').encode(),
}
NON_UTF8_NAME = b"caf\xe9-name.txt"  # a file name that is not UTF-8: written where the file system allows it

# name -> (file content, error class, words the message must contain)
BAD: dict[str, tuple[bytes, type[errors.InputError], str]] = {
    "empty.txt": (b"", errors.EmptyInputError, "has no text"),
    "blank.md": (b" \n\t\r\n  \n", errors.EmptyInputError, "has no text"),
    "binary.txt": (random.Random(3).randbytes(4_096), errors.BinaryInputError, "binary file"),
    "nul-bytes.txt": (b"Envoys met\x00 in Velmora.\n", errors.BinaryInputError, "NUL bytes"),
    "utf16-without-bom.txt": ("Envoys met in Velmora.\n".encode("utf-16-le"), errors.BinaryInputError,
                              "byte-order mark"),
    "yaml-billion-laughs.md": (BILLION_LAUGHS.encode(), errors.FrontMatterError, "aliases are not allowed"),
    "yaml-python-object.txt": (b"---\ntitle: !!python/object/apply:os.system ['echo owned']\n---\nEnvoys met.\n",
                               errors.FrontMatterError, "python/object"),
    "yaml-deep-flow.txt": (("---\ntitle: " + "[" * 10_000 + "]" * 10_000 + "\n---\nEnvoys met.\n").encode(),
                           errors.FrontMatterError, "nested deeper than 20 levels"),
    "yaml-deep-block.md": (("---\n" + "".join(" " * i + "a:\n" for i in range(100)) + "---\nEnvoys met.\n").encode(),
                           errors.FrontMatterError, "nested deeper than 20 levels"),
    "yaml-unterminated.txt": (b"---\ntitle: Envoys meet\nEnvoys met in Velmora.\n", errors.FrontMatterError,
                              "no closing '---' line"),
    "yaml-not-a-mapping.md": (b"---\n- talks\n- troops\n---\nEnvoys met.\n", errors.FrontMatterError, "got a list"),
    "yaml-impossible-date.txt": (b"---\ntitle: Talks\npublished: 2022-02-30\n---\nEnvoys met.\n",
                                 errors.FrontMatterError, "day is out of range for month"),
    "yaml-huge-number.txt": (("---\nid: " + "9" * 5_000 + "\n---\nEnvoys met.\n").encode(), errors.FrontMatterError,
                             "a number longer than 100 characters"),
    "front-matter-only.txt": (b"---\ntitle: Only front matter\n---\n", errors.EmptyInputError, "has no text"),
    "script-only.html": (b"<html><script>alert(1)</script></html>", errors.EmptyInputError, "has no text"),
    "huge-single-line.txt": (b"troops " * 1_500_000, errors.InputTooLargeError, "above the per-article limit"),
    "export-without-text.csv": (b"body,title\nEnvoys met.,Talks\n", errors.ExportFormatError, "'text' column"),
}
# Export rows that fail while the rest of their file is read: article id -> (error class, words).
BAD_ROWS = {
    "export-2": (errors.ExportFormatError, "not a JSON object"),
    "wire-3": (errors.EmptyInputError, "has no text"),
    "wire-4": (errors.InputTooLargeError, "above the per-article limit"),
    "export-5": (errors.ExportFormatError, "'text' must be a string, got list"),
    "wire-1": (errors.ExportFormatError, "more than one row has the id 'wire-1'"),
}
GOOD_IDS = sorted({name.rsplit(".", 1)[0] for name in GOOD if name != "export.jsonl"} | {"wire-1"})


def build_hostile_corpus(folder: Path) -> Path:
    """Write every good and bad case into ``folder``; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in GOOD.items():
        (folder / name).write_bytes(data)
    for name, (data, _, _) in BAD.items():
        (folder / name).write_bytes(data)
    try:
        with open(os.path.join(os.fsencode(folder), NON_UTF8_NAME), "wb") as file:
            file.write(b"Envoy visit\nThe envoys met in Velmora.\n")
    except (OSError, ValueError):  # a file system that only takes UTF-8 names (macOS, Windows)
        pass
    return folder


def run_corpus(folder: Path, **options) -> tuple[Corpus, float, list[warnings.WarningMessage]]:
    started = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = Corpus.from_paths(folder, progress=False, **options)
    return corpus, time.perf_counter() - started, caught


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory): return build_hostile_corpus(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def hostile_run(hostile_dir): return run_corpus(hostile_dir)


@pytest.fixture(scope="module")
def hostile(hostile_run): return hostile_run[0]


def error_of(corpus: Corpus, article_id: str) -> pd.Series:
    rows = corpus.errors[corpus.errors.article_id == article_id]
    assert 1 == len(rows), f"{article_id}: {len(rows)} error rows"
    return rows.iloc[0]


# --- the corpus run ------------------------------------------------------------------------------


def test_hostile_corpus_parses_every_good_article(hostile):
    ids = set(hostile.articles.article_id)
    assert set(GOOD_IDS) <= ids
    assert ids - set(GOOD_IDS) <= {"caf\\xe9-name"}


@pytest.mark.parametrize("name", list(BAD))
def test_hostile_corpus_lists_every_bad_file_with_a_clear_message(hostile, hostile_dir, name):
    _, error, words = BAD[name]
    row = error_of(hostile, name.rsplit(".", 1)[0])
    assert (error.__name__, str(hostile_dir / name), True, True) == (
        row.error, row.path, words in row.message, str(hostile_dir / name) in row.message)


@pytest.mark.parametrize("article_id", list(BAD_ROWS))
def test_hostile_corpus_lists_every_bad_export_row(hostile, article_id):
    error, words = BAD_ROWS[article_id]
    row = error_of(hostile, article_id)
    assert (error.__name__, True) == (row.error, words in row.message)


def test_hostile_corpus_has_no_other_errors(hostile):
    assert sorted([n.rsplit(".", 1)[0] for n in BAD] + list(BAD_ROWS)) == sorted(hostile.errors.article_id)


def test_hostile_corpus_run_is_well_under_a_minute(hostile_run):
    assert 30 > hostile_run[1]


def test_hostile_corpus_tables_keep_the_contract(hostile):
    for name in tables.TABLES:
        frame = getattr(hostile, name)
        assert tables.SCHEMAS[name] == {c: str(d) for c, d in frame.dtypes.items()}, name


def test_hostile_corpus_warns_about_stray_bytes(hostile_run):
    assert any("utf8-stray-byte.txt: 2 byte(s) that are not UTF-8" in str(w.message) for w in hostile_run[2])


@pytest.mark.parametrize(("article_id", "encoding"), [
    ("cp1252-quotes", "cp1252"),
    ("latin1-undefined-byte", "latin-1"),
    ("utf8-stray-byte", "utf-8"),
    ("utf8-bom", "utf-8"),
    ("utf16-bom", "utf-16"),
])
def test_hostile_corpus_encodings(hostile, article_id, encoding):
    assert encoding == hostile.articles.set_index("article_id").loc[article_id, "encoding"]


@pytest.mark.parametrize(("article_id", "sentence"), [
    ("cp1252-quotes", 'The envoy said "we will come back" after the holiday.'),
    ("utf8-stray-byte", 'The envoy said "yes" at the caf\u00e9; "no".'),
    ("latin1-undefined-byte", "The envoys met at the caf\u00e9 in Velmora."),  # the control byte 0x81 is dropped
    ("control-characters", "The envoys met in Velmora."),
])
def test_hostile_corpus_decoded_text(hostile, article_id, sentence):
    assert sentence == hostile.sentences[hostile.sentences.article_id == article_id].text.iloc[0]


def test_hostile_corpus_non_utf8_file_name_is_escaped(hostile):
    if "caf\\xe9-name" not in set(hostile.articles.article_id):
        pytest.skip("this file system does not take file names that are not UTF-8")
    assert hostile.articles.set_index("article_id").loc["caf\\xe9-name", "path"].endswith("caf\\xe9-name.txt")


# --- one file at a time --------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(BAD))
def test_hostile_corpus_parse_raises_the_documented_error(hostile, hostile_dir, name):
    _, error, _ = BAD[name]
    with pytest.raises(error) as info:
        crisislens.parse(hostile_dir / name)
    assert (True, error_of(hostile, name.rsplit(".", 1)[0]).message) == (
        isinstance(info.value, errors.CrisislensError), str(info.value))


def test_hostile_corpus_parse_max_chars_reaches_the_file_size_check(write):
    path = write("big-script.html", "<p>Envoys met in Velmora.</p><script>" + "x" * 4_100_000 + "</script>")
    assert "Envoys met in Velmora." == crisislens.parse(path, max_chars=2_000_000).text


def test_hostile_corpus_from_paths_max_chars_reaches_the_file_size_check(write):
    path = write("big-script.html", "<p>Envoys met in Velmora.</p><script>" + "x" * 4_100_000 + "</script>")
    assert ["big-script"] == Corpus.from_paths(path, max_chars=2_000_000, progress=False).articles.article_id.tolist()


# --- command line --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli_out(hostile_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("cli")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        code = main(["parse", str(hostile_dir), "--out", str(out), "--quiet"])
    return code, out


def test_hostile_corpus_cli_exits_0_and_writes_errors_csv(hostile, cli_out):
    code, out = cli_out
    written = tables.read_tables(out)["errors"]
    assert (0, sorted(hostile.errors.article_id)) == (code, sorted(written.article_id))


def test_hostile_corpus_cli_csv_neutralises_formulas(cli_out):
    sentences = pd.read_csv(cli_out[1] / "sentences.csv", dtype=str, keep_default_na=False)
    cells = sentences[sentences.article_id == "formula"].text.tolist()
    assert ["'=HYPERLINK(\"http://example.org\",\"click\") was typed.", "'+1 more said the envoy."] == cells


def test_hostile_corpus_cli_csv_neutralises_formulas_in_metadata(cli_out):
    articles = pd.read_csv(cli_out[1] / "articles.csv", dtype=str, keep_default_na=False).set_index("title")
    row = articles.loc["'@SUM(A1:A9)"]
    assert ("'=cmd", "'-2+3", "https://example.org") == (row.article_id, row.source, row.url)  # url: tab dropped


def test_hostile_corpus_cli_strict_exits_1(hostile_dir, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert 1 == main(["parse", str(hostile_dir / "good-talks.txt"), str(hostile_dir / "empty.txt"),
                          "--out", str(tmp_path), "--quiet", "--strict"])


@pytest.mark.parametrize(("limit", "error"), [("100", "InputTooLargeError"), ("2000", None)])
def test_hostile_corpus_cli_max_chars(hostile_dir, tmp_path, limit, error):
    assert 0 == main(["parse", str(hostile_dir / "good-talks.txt"), str(hostile_dir / "good-notes.md"),
                      "--out", str(tmp_path), "--quiet", "--max-chars", limit])
    assert ([error] if error else []) == tables.read_tables(tmp_path)["errors"].error.tolist()


@pytest.mark.parametrize("option", [["--max-chars", "0"], ["--max-chars", "-5"], ["--max-chars", "many"],
                                    ["--workers", "0"]])
def test_hostile_corpus_cli_rejects_unusable_numbers(hostile_dir, tmp_path, option, capsys):
    with pytest.raises(SystemExit) as info:
        main(["parse", str(hostile_dir / "good-talks.txt"), "--out", str(tmp_path), *option])
    assert 2 == info.value.code
    assert "expected a positive whole number" in capsys.readouterr().err


# --- deterministic output ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_two_workers(hostile_dir): return run_corpus(hostile_dir, workers=2)[0]


@pytest.mark.parametrize("table", tables.TABLES)
def test_hostile_corpus_two_workers_give_the_same_tables(hostile, hostile_two_workers, table):
    pd.testing.assert_frame_equal(getattr(hostile, table), getattr(hostile_two_workers, table))


def test_hostile_corpus_csv_bytes_are_identical_across_runs_and_workers(hostile, hostile_two_workers, tmp_path):
    hostile.to_csv(tmp_path / "one")
    hostile_two_workers.to_csv(tmp_path / "two")
    for name in tables.TABLES:
        assert (tmp_path / "one" / f"{name}.csv").read_bytes() == (tmp_path / "two" / f"{name}.csv").read_bytes(), name


def test_hostile_corpus_parquet_bytes_are_identical_across_runs(hostile, hostile_two_workers, tmp_path):
    hostile.to_parquet(tmp_path / "one")
    hostile_two_workers.to_parquet(tmp_path / "two")
    for name in tables.TABLES:
        assert (tmp_path / "one" / f"{name}.parquet").read_bytes() == (
            tmp_path / "two" / f"{name}.parquet").read_bytes(), name


# --- adversarial text: time grows linearly ---------------------------------------------------------

ADVERSARIAL = {
    "capitalised words": "President Minister General Secretary Orno ",
    "one title": "President ",
    "double quotes": '"',
    "quotes and said": '" said "',
    "single quotes": "'",
    "curly quotes": "\u201c \u201d ' \" ",
    "commas": ",",
    "said": "said ",
    "he said that": "he said that ",
    "told": "told ",
    "according to": "according to ",
    "digits with spaces": "1 ",
    "digits with commas": "1,",
    "digits with dots": "1.",
    "digits": "1234567890",
    "and": "and ",
    "names and": "Norland and ",
    "spaces": " ",
    "newlines": "x\n",
    "no punctuation": "the troops moved closer to the border ",
    "dots": ". ",
    "initialisms": "U.S. ",
    "brackets": "([",
    "capital labels": "MR. ",
    "colons": "A:",
    "figures": "more than 100,000 troops ",
    "hundreds of": "hundreds of ",
    "dates": "on Monday February 13 ",
    "met": "Biden met Putin ",
    "call": "call ",
    "percent": "1% ",
    "transcript turns": "MS. ORNO: Yes.\n\nQ And Norland?\n\n",
    "quoted sentences": '"We will talk," he said. ',
    "attributed sentences": "Orno said Norland would leave. ",
    "figure sentences": "Russia has 100,000 troops. ",  # a state of the lexicon: its mentions make the cost
    "quote paragraphs": '"We will talk."\n\n',
}
# Quadratic in the number of quotes or figures of an article (not within one sentence, which
# MAX_SENTENCE_CHARS bounds): the extractor looks at every earlier quote, span or mention for each one.
SUPERLINEAR = {
    "quoted sentences": "quotes.py: subject() and inside_quote() go through every quoted span for each cue",
    "attributed sentences": "quotes.py: statement_date() goes through every sentence for each quote, and run() "
                            "through every earlier quote to find a parent",
    "figure sentences": "figures.py: _owned() goes through every mention of the article for each figure",
    "quote paragraphs": "quotes.py: unattributed_direct() goes through every quote for each quoted span",
    "transcript turns": "quotes.py: run() goes through every earlier quote to find each quote's parent",
}


def repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def parse_seconds(text: str) -> float:
    started = time.perf_counter()
    try:
        crisislens.parse("Adversarial\n" + text)
    except errors.EmptyInputError:
        pass
    return time.perf_counter() - started


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_hostile_text_parses_within_time_bound(name):
    assert 3.0 > parse_seconds(repeat(ADVERSARIAL[name], 10_000))


@pytest.mark.skipif(not LONG_FUZZ, reason="the scaling probe runs with CRISISLENS_FUZZ=long (a few minutes)")
@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=SUPERLINEAR[n]))
                                  if n in SUPERLINEAR else n for n in ADVERSARIAL])
def test_hostile_text_time_grows_linearly(name):
    seconds = {size: min(parse_seconds(repeat(ADVERSARIAL[name], size)) for _ in range(2))
               for size in (10_000, 50_000, 200_000)}
    report = ", ".join(f"{size:,}: {t:.2f} s" for size, t in seconds.items())
    # From 50,000 to 200,000 characters, linear time grows 4 times and quadratic time up to 16 times
    # (at 10,000 characters fixed costs still hide the difference). Under a second is fast whatever.
    assert seconds[200_000] < 1.0 or seconds[200_000] / seconds[50_000] < 7, report


HOSTILE_HTML = ["<a", "</", "<!", "<?", "<!--x>", "<![if x>", '<a b="', "<a b='\"", '<a b=">"x', "<a\n", "<a/",
                "<a =", "<br/>", "<div><p>", "&", "&#", "<script>", "<title>", "a < b "]


@pytest.mark.parametrize("ending", ["", ">"])  # with a ">" at the end, every broken tag could still close
@pytest.mark.parametrize("unit", HOSTILE_HTML)
def test_hostile_html_is_read_in_linear_time(write, unit, ending):
    path = write("page.html", repeat(unit, 400_000) + ending)
    started = time.perf_counter()
    try:
        read_file(path)
    except errors.EmptyInputError:
        pass
    assert 2.0 > time.perf_counter() - started


# --- any bytes ------------------------------------------------------------------------------------

SOME_TEXT = st.text(st.sampled_from(list("Envoys met in Velmora. \"\u201c\u201d\u2019\u00e9\n-:#<>/&!{}[],")), max_size=300)
ANY_BYTES = st.one_of(
    st.binary(max_size=2_000),
    st.builds(lambda text, encoding: text.encode(encoding, "replace"), SOME_TEXT,
              st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1"])),
    st.builds(lambda head, body: b"---\n" + head + b"\n---\n" + body, st.binary(max_size=200), st.binary(max_size=200)),
    st.builds(lambda a, b: a + b, st.binary(max_size=50), SOME_TEXT.map(str.encode)),
)


# max_examples from the Hypothesis profile (tests/conftest.py)
@settings(deadline=None)
@given(data=ANY_BYTES, suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl", ".csv"]))
def test_hostile_corpus_any_bytes_parse_or_raise_a_documented_error(data, suffix):
    with tempfile.TemporaryDirectory() as folder, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        path = Path(folder) / f"any{suffix}"
        path.write_bytes(data)
        try:
            items = read_file(path)
        except errors.InputError:
            return
        for item in items:
            if not isinstance(item, Document):
                assert isinstance(item.error, str) and item.message
                continue
            try:
                article = Article(item)
            except errors.InputError:
                continue
            for name in ("sentences", "mentions", "quotes", "figures", "contacts"):
                frame = getattr(article, name)
                if name == "contacts":  # a contact named by the title only has no offsets; its words are the title's
                    from_title = frame[frame.start.isna()]
                    assert all(t in (item.title or "") for t in from_title.text)
                    frame = frame[frame.start.notna()]
                assert list(frame.text) == [article.text[a:b] for a, b in zip(frame.start, frame.end, strict=True)]
