"""Article and crisislens.parse: inputs, overrides, the table contract, offsets, to_dict, the seed article."""

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import crisislens
from crisislens import tables
from crisislens.errors import EmptyInputError, InputError, InputTooLargeError, UnsupportedFormatError
from crisislens.sources import SUPPORTED_SUFFIXES, from_text
from crisislens.text import normalise

TALKS = "VELMORA - Envoys from Norland met Estavian officials on Monday. They agreed to meet again.\n\n" \
        "\"We are closer than before,\" a spokeswoman said. Troops stayed in their barracks."

ARTICLE_TABLES = ("info", *tables.EXTRACTION_TABLES)
TABLE_OF = {"info": "articles", **{name: name for name in tables.EXTRACTION_TABLES}}


def all_articles(sources_dir, seed_article):
    """Articles of every kind of input, for the contract tests."""
    return [seed_article, crisislens.parse(TALKS), crisislens.parse("One word"),
            *(crisislens.parse(sources_dir / n) for n in ("front-matter.txt", "remarks.md", "heading.md", "page.html"))]


@pytest.fixture
def articles(sources_dir, seed_article): return all_articles(sources_dir, seed_article)


# --- inputs -------------------------------------------------------------------------------------


@pytest.mark.parametrize("as_input", [
    str,
    lambda path: path,
    lambda path: path.read_text(encoding="utf-8"),
    lambda path: crisislens.sources.read_file(path)[0],
], ids=["str-path", "Path", "text", "Document"])
def test_article_parse_accepts_path_text_and_document(sources_dir, as_input):
    article = crisislens.parse(as_input(sources_dir / "plain-title.txt"))
    assert "Officials in Velmora called the drills routine." == article.sentences.text.iloc[-1]


@pytest.mark.parametrize(("as_input", "article_id"), [
    (str, "plain-title"),
    (lambda path: path, "plain-title"),
    (lambda path: crisislens.sources.read_file(path)[0], "plain-title"),
    (lambda path: path.read_text(encoding="utf-8"), from_text(
        (Path(__file__).parent / "data" / "sources" / "plain-title.txt").read_text(encoding="utf-8")).article_id),
], ids=["str-path", "Path", "Document", "text"])
def test_article_id_follows_input(sources_dir, as_input, article_id):
    assert article_id == crisislens.parse(as_input(sources_dir / "plain-title.txt")).article_id


def test_article_text_input_keeps_first_line_in_text():
    assert "Envoys met." == crisislens.parse("Envoys met.\nThey talked.").sentences.text.iloc[0]


@pytest.mark.parametrize(("published", "expected"), [
    ("2023-07-01", pd.Timestamp("2023-07-01")),
    (pd.Timestamp("2023-07-01 22:00"), pd.Timestamp("2023-07-01")),
    ("2023-07-01T23:30:00-05:00", pd.Timestamp("2023-07-01")),
    (None, pd.Timestamp("2023-04-11")),  # the file's own date
])
def test_article_published_override(sources_dir, published, expected):
    assert expected == crisislens.parse(sources_dir / "front-matter.txt", published=published).published


@pytest.mark.parametrize(("title", "expected"), [
    ("My own title", "My own title"),
    (None, "Envoys agree to resume border talks"),
])
def test_article_title_override(sources_dir, title, expected):
    assert expected == crisislens.parse(sources_dir / "front-matter.txt", title=title).title


@pytest.mark.parametrize("column", ["title", "published"])
def test_article_overrides_reach_the_articles_table(column):
    article = crisislens.parse(TALKS, published="2023-07-01", title="Envoys meet")
    assert {"title": "Envoys meet", "published": pd.Timestamp("2023-07-01")}[column] == article.info[column].iloc[0]


def test_article_text_without_date_has_no_published():
    assert crisislens.parse(TALKS).published is None


@pytest.mark.parametrize("missing", ["nothere.txt", "data/nothere.md", "nothere.html", "exports/nothere.jsonl",
                                     "NOTHERE.CSV"])
def test_article_missing_file_name_raises(missing):
    with pytest.raises(InputError, match="no such file"):
        crisislens.parse(missing)


@pytest.mark.parametrize("text", ["nothere", "Talks in nothere.txt were held.", "See nothere.txt\nfor more."])
def test_article_text_mentioning_a_file_name_is_text(text):
    assert 1 <= len(crisislens.parse(text).sentences)


def test_article_missing_path_object_raises(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        crisislens.parse(tmp_path / "nothere.txt")


def test_article_unsupported_file_raises(write):
    with pytest.raises(UnsupportedFormatError):
        crisislens.parse(write("notes.pdf", "Envoys met."))


@pytest.mark.parametrize("name", ["export.jsonl", "export.csv"])
def test_article_export_with_many_rows_raises(sources_dir, name):
    with pytest.raises(InputError, match=r"Corpus\.from_paths"):
        crisislens.parse(sources_dir / name)


@pytest.mark.parametrize("value", [123, 4.5, b"Envoys met.", ["Envoys met."]])
def test_article_parse_rejects_other_types(value):
    with pytest.raises(TypeError):
        crisislens.parse(value)


@pytest.mark.parametrize("value", [123, b"Envoys met."])
def test_article_parse_rejects_other_types_with_clear_message(value):
    with pytest.raises(TypeError, match="takes a path"):
        crisislens.parse(value)


@pytest.mark.parametrize("text", ["", " ", "\n\n\t", "\u00a0\u2003", "\u200b\ufeff"])
def test_article_blank_text_raises(text):
    with pytest.raises(EmptyInputError):
        crisislens.parse(text)


@pytest.mark.parametrize("content", ["---\ntitle: Only front matter\n---\n", "<html><script>x()</script></html>"])
def test_article_file_without_body_raises(write, content):
    suffix = ".html" if content.startswith("<") else ".txt"
    with pytest.raises(EmptyInputError):
        crisislens.parse(write(f"hollow{suffix}", content))


@pytest.mark.parametrize(("max_chars", "raises"), [(50, True), (len(TALKS), False)])
def test_article_size_limit(max_chars, raises):
    if raises:
        with pytest.raises(InputTooLargeError):
            crisislens.parse(TALKS, max_chars=max_chars)
    else:
        assert 0 < len(crisislens.parse(TALKS, max_chars=max_chars).sentences)


def test_article_boilerplate_line_in_short_article_is_removed():
    assert "Advertisement" not in crisislens.parse("Envoys met in Velmora.\nAdvertisement\nThey agreed.").text


# --- the table contract -------------------------------------------------------------------------


@pytest.mark.parametrize("table", ARTICLE_TABLES)
def test_article_tables_have_every_contract_column(articles, table):
    for article in articles:
        assert list(tables.SCHEMAS[TABLE_OF[table]]) == list(getattr(article, table).columns)


@pytest.mark.parametrize("table", ARTICLE_TABLES)
def test_article_tables_have_contract_dtypes(articles, table):
    for article in articles:
        frame = getattr(article, table)
        assert tables.SCHEMAS[TABLE_OF[table]] == {c: str(d) for c, d in frame.dtypes.items()}


@pytest.mark.parametrize("table", tables.EXTRACTION_TABLES)
def test_article_empty_tables_still_have_every_column(table):
    frame = getattr(crisislens.parse("Yes."), table)
    assert list(tables.SCHEMAS[table]) == list(frame.columns)


def test_article_tables_method_lists_every_table(seed_article):
    assert ["articles", *tables.EXTRACTION_TABLES] == list(seed_article.tables())


@pytest.mark.parametrize("table", tables.EXTRACTION_TABLES)
def test_article_rows_carry_article_id(articles, table):
    for article in articles:
        assert set(getattr(article, table).article_id) <= {article.article_id}


@pytest.mark.parametrize("table", [t for t in tables.EXTRACTION_TABLES if "start" in tables.SCHEMAS[t]])
def test_article_every_span_maps_back_to_text(articles, table):
    for article in articles:
        frame = getattr(article, table)
        assert list(frame.text) == [article.text[s:e] for s, e in zip(frame.start, frame.end, strict=True)]


def test_article_sentence_ids_are_unique_and_in_order(articles):
    for article in articles:
        assert list(range(len(article.sentences))) == article.sentences.sentence_id.tolist()


@pytest.mark.parametrize(("column", "expected"), [
    ("article_id", from_text(TALKS).article_id),
    ("n_sentences", 4),
    ("n_words", 27),
    ("n_chars", len(crisislens.parse(TALKS).text)),
    ("dateline", "VELMORA"),
])
def test_article_info_row(column, expected):
    assert expected == crisislens.parse(TALKS).info[column].iloc[0]


@pytest.mark.parametrize("column", ["title", "published", "source", "url", "path", "encoding"])
def test_article_info_row_from_text_has_no_file_metadata(column):
    assert crisislens.parse(TALKS).info[column].isna().all()


# --- to_dict and repr ---------------------------------------------------------------------------


def test_article_to_dict_keys(seed_article):
    assert ["article_id", "title", "published", "text", *tables.EXTRACTION_TABLES] == list(seed_article.to_dict())


@pytest.mark.parametrize(("key", "expected"), [
    ("article_id", "ukraine-border-crisis-blinken"),
    ("published", "2022-02-13"),
])
def test_article_to_dict_values(seed_article, key, expected):
    assert expected == seed_article.to_dict()[key]


def test_article_to_dict_sentences_match_table(seed_article):
    assert seed_article.sentences.text.tolist() == [row["text"] for row in seed_article.to_dict()["sentences"]]


def test_article_to_dict_without_date():
    assert None is crisislens.parse(TALKS).to_dict()["published"]


def test_article_to_dict_is_json_ready(seed_article):
    import json

    assert seed_article.text == json.loads(json.dumps(seed_article.to_dict()))["text"]


def test_article_repr(seed_article):
    assert "<Article 'ukraine-border-crisis-blinken', published 2022-02-13: 20 sentences, " \
        "515 words>" == repr(seed_article)


# --- the seed article ---------------------------------------------------------------------------


@pytest.mark.parametrize(("attribute", "expected"), [
    ("published", pd.Timestamp("2022-02-13")),
    ("title", "Ukraine's Border Crisis With Russia, US Secretary Of State Antony Blinken: Diplomatic Path "
              "Remains Open"),
    ("article_id", "ukraine-border-crisis-blinken"),
])
def test_article_seed_metadata(seed_article, attribute, expected):
    assert expected == getattr(seed_article, attribute)


@pytest.mark.parametrize(("column", "expected"), [
    ("dateline", "JAKARTA"),
    ("n_sentences", 20),
    ("encoding", "utf-8"),
])
def test_article_seed_info(seed_article, column, expected):
    assert expected == seed_article.info[column].iloc[0]


def test_article_seed_sentence_count(seed_article):
    assert 20 == len(seed_article.sentences)


@pytest.mark.parametrize(("surface", "in_text"), [
    ("SEE ALSO:", False),
    ("JAKARTA - ", True),
    ("title:", False),
    ("---", False),
])
def test_article_seed_text(seed_article, surface, in_text):
    assert in_text == (surface in seed_article.text)


def test_article_seed_first_sentence_skips_dateline(seed_article):
    assert seed_article.sentences.text.iloc[0].startswith("The United States says diplomacy")


# --- never crash --------------------------------------------------------------------------------


def names_a_file(text):
    """Text without a space or line break ending in a readable suffix ("a.txt", ".MD", "U.S.\t.MD") is
    taken as a path, and a missing one raises."""
    stripped = text.strip()
    return " " not in stripped and "\n" not in stripped and stripped.lower().endswith(SUPPORTED_SUFFIXES)


# Found by the long fuzz: words apart by a tab were once taken for a missing path.
@pytest.mark.parametrize("text", ["U.S.\t.MD", "Talks\tended\tin\tnotes.txt"])
def test_article_text_with_tabs_ending_in_a_suffix_is_text(text):
    assert 1 <= len(crisislens.parse(text).sentences)


# Words that set off every extractor, so that random mixtures of them reach deep into the pipeline.
NEWS_FRAGMENTS = ["Envoys met.", "Gen. Orno spoke.", "U.S.", "\n", "\n\n", " ", "\"", "...", "SEE ALSO:", "# ", "- ",
                  "VELMORA - ", "Q:", "THE ENVOY:", "\u201c", "\u201d", "?", "e.g.", "Russia", "Ukraine's", "NATO",
                  "President Biden", "Putin", "Mr. Lavrov", "a senior official", "said", "told", "according to",
                  "warned that", "he", "they", "met", "called", "spoke by phone with", "talks with", "visit to",
                  "summit", "on Monday", "February 13", "last week", "in Geneva", "more than", "about",
                  "100,000 troops", "hundreds of", "$5 billion", "30%", "1", "2022", ",", "and", "(", ")", "'",
                  "\u2014", "-", ":", ";", "\t", "\r\n", "\u2028", "\u00a0", "\ufeff", "\x00", "\ud800"]
ANY_TEXT = st.one_of(st.text(), st.text(st.characters(blacklist_categories=())))  # the second with lone surrogates
NEWS_LIKE_TEXT = st.lists(st.one_of(st.sampled_from(NEWS_FRAGMENTS), st.text(max_size=3)), max_size=40).map("".join)
SPAN_TABLES = [t for t in tables.EXTRACTION_TABLES if "start" in tables.SCHEMAS[t]]
ID_COLUMNS = {"sentences": ["sentence_id"], "quotes": ["quote_id"], "figures": ["figure_id"], "actors": ["actor_id"],
              "mentions": ["start"], "contacts": ["contact_id", "actor1", "actor2"]}


def assert_table_contract(article):
    """Every row maps back to the text, ids are unique, dtypes are those of an empty table."""
    for name in SPAN_TABLES:
        frame = getattr(article, name)
        assert list(frame.text) == [article.text[s:e] for s, e in zip(frame.start, frame.end, strict=True)], name
        assert set(frame.sentence_id) <= set(article.sentences.sentence_id), name
    for name, columns in ID_COLUMNS.items():
        assert not getattr(article, name).duplicated(columns).any(), name
    quotes = article.quotes
    assert set(quotes.parent_quote_id.dropna()) <= set(quotes.quote_id), "parent_quote_id"
    for name in ("articles", *tables.EXTRACTION_TABLES):
        frame = article.info if name == "articles" else getattr(article, name)
        assert tables.empty(name).dtypes.to_dict() == frame.dtypes.to_dict(), name


def parse_or_refuse_blank(text):
    """Parse ``text``; the only refusal allowed is EmptyInputError for text that normalises to nothing."""
    try:
        return crisislens.parse(text)
    except EmptyInputError:
        assert not normalise(text).text.strip()
        return None


# max_examples comes from the Hypothesis profile (tests/conftest.py): 100 by default, 100,000 with
# CRISISLENS_FUZZ=long.
@settings(deadline=None)
@given(ANY_TEXT)
def test_article_parse_any_text_keeps_table_contract(text):
    assume(not names_a_file(text))
    article = parse_or_refuse_blank(text)
    if article is not None:
        assert_table_contract(article)


@settings(deadline=None)
@given(NEWS_LIKE_TEXT)
def test_article_parse_news_like_fragments_keep_table_contract(text):
    assume(not names_a_file(text))
    article = parse_or_refuse_blank(text)
    if article is not None:
        assert_table_contract(article)
