"""Reading files, folders, globs, exports, DataFrames and strings into Documents (crisislens.sources)."""

import datetime
import random
import time

import pandas as pd
import pytest

import crisislens
from crisislens import errors
from crisislens.sources import (
    Document,
    Failure,
    decode,
    expand_inputs,
    from_dataframe,
    from_text,
    parse_date,
    read_file,
    split_front_matter,
)

# --- .txt --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("field", "expected"), [
    ("article_id", "front-matter"),
    ("title", "Envoys agree to resume border talks"),
    ("published", pd.Timestamp("2023-04-11")),
    ("source", "Harbour Wire"),
    ("url", "https://example.org/envoys-resume-talks"),
    ("markdown", False),
    ("encoding", "utf-8"),
])
def test_sources_txt_front_matter_gives_metadata(sources_dir, field, expected):
    [document] = read_file(sources_dir / "front-matter.txt")
    assert expected == getattr(document, field)


def test_sources_txt_front_matter_is_not_in_body(sources_dir):
    [document] = read_file(sources_dir / "front-matter.txt")
    assert document.body.startswith("VELMORA - Envoys")


@pytest.mark.parametrize(("content", "title", "body"), [
    ("Envoys meet again\nThe envoys met again on Monday.\n", "Envoys meet again", "The envoys met again on Monday.\n"),
    ("\n\n  Envoys   meet again  \nThe envoys met.\n", "Envoys meet again", "The envoys met.\n"),
    ("---\nsource: Harbour Wire\n---\nEnvoys meet again\nThe envoys met.\n", "Envoys meet again", "The envoys met.\n"),
    ("---\ntitle: From front matter\n---\nFirst line stays\nSecond.\n", "From front matter", "First line stays\nSecond.\n"),
    ("The envoys met again on Monday.\n", None, "The envoys met again on Monday.\n"),
    ("The envoys met again on Monday.", None, "The envoys met again on Monday."),
    ("\nThe envoys met again.\n\n\n", None, "\nThe envoys met again.\n\n\n"),
])
def test_sources_txt_title_is_first_line_unless_only_line(write, content, title, body):
    [document] = read_file(write("talks.txt", content))
    assert (title, body) == (document.title, document.body)


@pytest.mark.parametrize(("name", "title"), [
    ("plain-title.txt", "Estavia recalls ambassador after drills"),
    ("one-line.txt", None),
])
def test_sources_txt_fixture_titles(sources_dir, name, title):
    [document] = read_file(sources_dir / name)
    assert title == document.title


# --- .md ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("field", "expected"), [
    ("title", "Remarks by the Envoy on the Harbour Accord"),  # "\_" is a no-break space in YAML
    ("published", pd.Timestamp("2023-03-02")),  # date: '2023-03-02', a quoted string
    ("url", "https://example.org/briefing/remarks-harbour-accord"),  # from source_url
    ("source", None),
    ("markdown", True),
])
def test_sources_md_front_matter_gives_metadata(sources_dir, field, expected):
    [document] = read_file(sources_dir / "remarks.md")
    assert expected == getattr(document, field)


@pytest.mark.parametrize(("content", "title"), [
    ("# Ministers trade warnings\n\nThe ministers spoke.\n", "Ministers trade warnings"),
    ("\n#   Ministers   trade warnings  \nThe ministers spoke.\n", "Ministers trade warnings"),
    ("## Second-level heading\n\nThe ministers spoke.\n", None),
    ("Ministers trade warnings\n\nThe ministers spoke.\n", None),
    ("#hashtag diplomacy\n\nThe ministers spoke.\n", None),
    ("# Only a heading\n", None),
])
def test_sources_md_heading_is_title(write, content, title):
    [document] = read_file(write("note.md", content))
    assert title == document.title


def test_sources_md_heading_fixture(sources_dir):
    [document] = read_file(sources_dir / "heading.md")
    assert ("Ministers trade warnings over troop drills", False) == (document.title, "#" in document.body)


@pytest.mark.parametrize("suffix", [".md", ".markdown"])
def test_sources_markdown_suffixes_are_markdown(write, suffix):
    [document] = read_file(write(f"note{suffix}", "# Title\n\nBody text here.\n"))
    assert document.markdown


# --- .html -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("field", "expected"), [
    ("title", "Mediators shuttle between capitals"),
    ("published", pd.Timestamp("2023-05-06")),  # 23:40 at -04:00 is still the 6th locally
    ("source", "Harbour Wire"),
    ("url", "https://example.org/mediators-shuttle"),
    ("markdown", False),
])
def test_sources_html_metadata(sources_dir, field, expected):
    [document] = read_file(sources_dir / "page.html")
    assert expected == getattr(document, field)


@pytest.mark.parametrize(("surface", "in_body"), [
    ("Mediators flew from Velmora to Ostrand", True),
    ("study the draft & reply", True),  # entity decoded
    ("Sign up for our newsletter", False),  # outside <article>
    ("Do not read this script", False),
    ("Advert script text", False),
    ("color: grey", False),
    ("Home World Markets", False),
    ("Copyright", False),
])
def test_sources_html_body_prefers_article_and_skips_scripts(sources_dir, surface, in_body):
    [document] = read_file(sources_dir / "page.html")
    assert in_body == (surface in document.body)


@pytest.mark.parametrize(("field", "expected"), [
    ("title", "Foreign ministers meet in Ostrand"),
    ("published", pd.Timestamp("2023-06-01")),
])
def test_sources_html_without_article_or_meta(sources_dir, field, expected):
    [document] = read_file(sources_dir / "page-no-article.html")
    assert expected == getattr(document, field)


@pytest.mark.parametrize(("surface", "in_body"), [
    ("hotline between the two navies", True),
    ("Site header text", False),
])
def test_sources_html_without_article_reads_body(sources_dir, surface, in_body):
    [document] = read_file(sources_dir / "page-no-article.html")
    assert in_body == (surface in document.body)


@pytest.mark.parametrize(("page", "title"), [
    ('<title>Tab</title><meta property="og:title" content="Open graph"><h1>Heading</h1><p>Text.</p>', "Open graph"),
    ("<title>Tab</title><h1>Heading</h1><p>Text.</p>", "Heading"),
    ("<title>Tab</title><p>Text.</p>", "Tab"),
    ("<p>Text.</p>", None),
    ("<title>Tab</title><svg><title>Icon</title></svg><p>Text.</p>", "Tab"),
    ("<h1>First</h1><p>Text.</p><h1>Second</h1><p>More.</p>", "First"),
    ("<header><h1>Site name</h1></header><h1>Story</h1><p>Text.</p>", "Story"),
])
def test_sources_html_title_precedence(write, page, title):
    [document] = read_file(write("page.html", f"<html><head></head><body>{page}</body></html>"))
    assert title == document.title


def test_sources_html_later_h1_stays_in_body(write):
    [document] = read_file(write("page.html", "<h1>First</h1><p>Text.</p><h1>Second part</h1><p>More.</p>"))
    assert "Second part" in document.body


@pytest.mark.parametrize(("head", "body", "published"), [
    ('<meta property="article:published_time" content="2023-05-06T23:40:00-04:00">', "", "2023-05-06"),
    ('<meta property="article:published_time" content="2023-05-07T01:10:00+09:00">', "", "2023-05-07"),
    ('<meta name="date" content="2023-05-06">', "", "2023-05-06"),
    ("", '<time datetime="2023-05-08T09:00:00Z">Monday</time>', "2023-05-08"),
    ('<meta property="article:published_time" content="2023-05-06">', '<time datetime="2023-01-01">x</time>',
     "2023-05-06"),
    ("", '<aside><time datetime="2020-01-01">old story</time></aside>', None),
    ("", "<time>no datetime attribute</time>", None),
    ("", "", None),
])
def test_sources_html_published(write, head, body, published):
    page = f"<html><head>{head}</head><body><p>Envoys talked. {body}</p></body></html>"
    [document] = read_file(write("page.html", page))
    assert (None if published is None else pd.Timestamp(published)) == document.published


@pytest.mark.parametrize(("page", "body"), [
    ("<p>Envoys &amp; troops</p>", "Envoys & troops"),
    ("<p>a < b and c > d</p>", "a < b and c > d"),  # a lone "<" is text
    ("<p>Envoys<!-- <p>old draft</p> --> met</p>", "Envoys met"),
    ("<p>Envoys met.</p><!-- never closed <p>hidden</p>", "Envoys met."),  # as in a browser
    ("<p>Envoys met.</p><script>if (a<b) { x = '</div>'; }</script><p>Talks.</p>", "Envoys met. Talks."),
    ("<P CLASS=lead>Envoys</P><BR/>met", "Envoys met"),
    ('<p title="a > b">Envoys met</p>', "Envoys met"),  # ">" inside a quoted attribute
    ('<img src="data:image/png;base64,' + "A" * 10_000 + '"><p>Envoys met</p>', "Envoys met"),
    ("<p>Envoys<a<b met</p>", "Envoys<a<b met"),  # not a tag: the "<" is text
    ("<p>Envoys met.</p><a href='x", "Envoys met."),  # a tag cut off by the end of the page
    ("<p>Envoys</p><![CDATA[x]]><?php echo 1; ?><!DOCTYPE html></ p><p>met</p>", "Envoys met"),
])
def test_sources_html_tokenizer(write, page, body):
    [document] = read_file(write("page.html", page))
    assert body == " ".join(document.body.split())


@pytest.mark.parametrize(("page", "title"), [
    ("<title>Envoys &amp; <b>troops</b></title><p>Text.</p>", "Envoys & <b>troops</b>"),  # title text is not markup
    ('<meta property="og:title" content="Envoys &quot;meet&quot;"><p>Text.</p>', 'Envoys "meet"'),
])
def test_sources_html_title_text(write, page, title):
    [document] = read_file(write("page.html", page))
    assert title == document.title


# --- exports -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "ids"), [
    ("export.jsonl", ["export-2", "wire-001", "export-3"]),
    ("export.csv", ["wire-101", "export-3"]),
])
def test_sources_export_ids_fall_back_to_stem_and_row(sources_dir, name, ids):
    assert ids == [item.article_id for item in read_file(sources_dir / name)]


def test_sources_jsonl_bad_line_is_a_failure_and_good_lines_are_read(sources_dir):
    items = read_file(sources_dir / "export.jsonl")
    assert ([Failure, Document, Document], "ExportFormatError") == ([type(i) for i in items], items[0].error)


def test_sources_jsonl_failure_names_file_and_line(sources_dir):
    failure = read_file(sources_dir / "export.jsonl")[0]
    assert f"{sources_dir / 'export.jsonl'}:2:" in failure.message


@pytest.mark.parametrize(("name", "field", "expected"), [
    ("export.jsonl", "title", "Troops withdraw"),
    ("export.jsonl", "published", pd.Timestamp("2023-02-01")),
    ("export.jsonl", "source", "Harbour Wire"),
    ("export.jsonl", "url", "https://example.org/wire-001"),
    ("export.csv", "title", "Delegates meet"),
    ("export.csv", "published", pd.Timestamp("2023-02-03")),
    ("export.csv", "source", "Harbour Wire"),
    ("export.csv", "url", "https://example.org/wire-101"),
])
def test_sources_export_row_metadata(sources_dir, name, field, expected):
    document = next(i for i in read_file(sources_dir / name) if isinstance(i, Document))
    assert expected == getattr(document, field)


@pytest.mark.parametrize(("name", "content"), [
    ("wire.jsonl", '{"body": "Envoys met."}\n'),
    ("wire.csv", "body,title\nEnvoys met.,Talks\n"),
])
def test_sources_export_without_text_column_raises(write, name, content):
    with pytest.raises(errors.ExportFormatError, match="'text' column"):
        read_file(write(name, content))


@pytest.mark.parametrize(("content", "expected"), [
    ('[1, 2]\n{"text": "Envoys met."}\n', [Failure, Document]),
    ('"just a string"\n', [Failure]),
    ('\n\n{"text": "Envoys met."}\n\n', [Document]),
])
def test_sources_jsonl_lines_that_are_not_objects_are_failures(write, content, expected):
    assert expected == [type(i) for i in read_file(write("wire.jsonl", content))]


def test_sources_csv_header_only_gives_no_documents(write):
    assert [] == read_file(write("wire.csv", "id,text\n"))


def test_sources_csv_keeps_ids_as_text(write):
    [document] = read_file(write("wire.csv", "id,text\n007,Envoys met.\n"))
    assert "007" == document.article_id


@pytest.mark.parametrize(("line", "problem"), [
    ('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", "not a JSON object (nested too deeply)"),
    ('{"id": ' + "1" * 5_000 + ', "text": "Envoys met."}', "not a JSON object (a number too long to read)"),
    ('{"text": ["Envoys", "met"]}', "'text' must be a string, got list"),
    ('{"text": 7}', "'text' must be a string, got int"),
])
def test_sources_jsonl_bad_row_is_a_failure_and_the_rest_is_read(write, line, problem):
    first, second = read_file(write("wire.jsonl", line + '\n{"id": "ok", "text": "Envoys met."}\n'))
    assert ("ExportFormatError", True, "ok") == (first.error, problem in first.message, second.article_id)


@pytest.mark.parametrize(("name", "content"), [
    ("wire.jsonl", '{"id": "w1", "text": "Envoys met."}\n{"id": "w1", "text": "Troops left."}\n'),
    ("wire.csv", "id,text\nw1,Envoys met.\nw1,Troops left.\n"),
    ("wire.jsonl", '{"text": "Envoys met."}\n{"id": "wire-1", "text": "Troops left."}\n'),  # the made-up id
])
def test_sources_export_duplicate_id_is_a_failure(write, name, content):
    first, second = read_file(write(name, content))
    assert (Document, "ExportFormatError", True) == (type(first), second.error, "more than one row" in second.message)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_sources_jsonl_line_separators_inside_strings_do_not_split_rows(write, separator):
    [document] = read_file(write("wire.jsonl", f'{{"id": "w1", "text": "Envoys met.{separator}Talks went on."}}\n'))
    assert f"Envoys met.{separator}Talks went on." == document.body


def test_sources_unreadable_file_raises_input_error(write, monkeypatch):
    path = write("locked.txt", "Envoys met.")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "read_bytes", refuse)
    with pytest.raises(errors.InputError, match=r"locked\.txt: cannot be read"):
        read_file(path)


# --- DataFrames and strings --------------------------------------------------------------------


def test_sources_from_dataframe_ids():
    frame = pd.DataFrame({"id": ["a1", None, ""], "text": ["Envoys met.", "Troops left.", "Talks ended."]})
    assert ["a1", "frame-2", "frame-3"] == [d.article_id for d in from_dataframe(frame)]


def test_sources_from_dataframe_integer_ids_with_gaps_stay_integers():
    frame = pd.DataFrame({"id": [7, None], "text": ["Envoys met.", "Troops left."]})
    assert ["7", "frame-2"] == [d.article_id for d in from_dataframe(frame)]


@pytest.mark.parametrize(("field", "expected"), [
    ("title", "Talks resume"),
    ("published", pd.Timestamp("2023-02-05")),
    ("source", "Harbour Wire"),
    ("url", "https://example.org/x"),
    ("path", None),
])
def test_sources_from_dataframe_metadata(field, expected):
    frame = pd.DataFrame({"text": ["Envoys met."], "title": ["Talks resume"], "published": ["2023-02-05"],
                          "source": ["Harbour Wire"], "url": ["https://example.org/x"]})
    [document] = from_dataframe(frame)
    assert expected == getattr(document, field)


def test_sources_from_dataframe_without_text_raises():
    with pytest.raises(errors.ExportFormatError):
        from_dataframe(pd.DataFrame({"body": ["Envoys met."]}))


@pytest.mark.parametrize(("first", "second", "same"), [
    ("Envoys met in Velmora.", "Envoys met in Velmora.", True),
    ("Envoys met in Velmora.", "Envoys met in Ostrand.", False),
])
def test_sources_from_text_id_is_a_stable_hash(first, second, same):
    assert same == (from_text(first).article_id == from_text(second).article_id)


def test_sources_from_text_id_shape():
    assert from_text("Envoys met.").article_id.startswith("doc-")


def test_sources_from_text_keeps_given_fields():
    document = from_text("Envoys met.", article_id="x1", title="Talks", published="2023-01-02")
    assert ("x1", "Talks", pd.Timestamp("2023-01-02")) == (document.article_id, document.title, document.published)


# --- folders, globs, missing and unsupported paths ----------------------------------------------


TREE = ["a.txt", "sub/b.md", "sub/deeper/c.html", "d.jsonl", "e.csv", "f.pdf", "g.docx", ".hidden/h.txt",
        "sub/.cache/i.txt"]


def write_tree(folder, names):
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("Envoys met.", encoding="utf-8")
    return folder


@pytest.fixture
def tree(tmp_path): return write_tree(tmp_path, TREE)


@pytest.mark.parametrize(("name", "found"), [
    ("a.txt", True),
    ("sub/b.md", True),
    ("sub/deeper/c.html", True),
    ("d.jsonl", True),
    ("e.csv", True),
    ("f.pdf", False),
    ("g.docx", False),
    (".hidden/h.txt", False),
    ("sub/.cache/i.txt", False),
])
def test_sources_folder_is_read_recursively_skipping_hidden_and_unsupported(tree, name, found):
    assert found == ((tree / name) in expand_inputs(tree))


def test_sources_folder_listing_is_sorted(tree):
    files = expand_inputs(tree)
    assert sorted(files) == files


@pytest.mark.parametrize(("pattern", "names"), [
    ("*.txt", ["a.txt"]),
    ("**/*.md", ["sub/b.md"]),
    ("sub/*", ["sub/b.md", "sub/deeper/c.html"]),  # a matched folder is searched like a folder
    ("*.pdf", []),  # matched files of unsupported types are skipped, as in folders
])
def test_sources_glob_patterns(tree, pattern, names):
    assert [tree / n for n in names] == expand_inputs(str(tree / pattern))


def test_sources_glob_matching_nothing_raises(tmp_path):
    with pytest.raises(errors.InputError, match="no such file"):
        expand_inputs(str(tmp_path / "*.txt"))


def test_sources_inputs_are_deduplicated(tree):
    assert 1 == len(expand_inputs([tree / "a.txt", tree / "a.txt", str(tree / "a.*")]))


@pytest.mark.parametrize("reader", [expand_inputs, read_file])
def test_sources_missing_path_raises(tmp_path, reader):
    with pytest.raises(errors.InputError, match="no such file"):
        reader(tmp_path / "nothere.txt")


@pytest.mark.parametrize("name", ["notes.pdf", "notes.docx", "notes", "archive.tar.gz"])
def test_sources_explicit_unsupported_file_raises(write, name):
    with pytest.raises(errors.UnsupportedFormatError, match="unsupported file type"):
        read_file(write(name, "Envoys met."))


def test_sources_explicit_unsupported_file_is_listed(write):
    path = write("notes.pdf", "Envoys met.")
    assert [path] == expand_inputs(path)


def test_sources_read_file_on_folder_raises(tmp_path):
    folder = tmp_path / "articles.txt"
    folder.mkdir()
    with pytest.raises(errors.InputError, match="is a folder"):
        read_file(folder)


def test_sources_glob_through_a_symlink_loop_reads_each_file_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Envoys met.", encoding="utf-8")
    try:
        (tmp_path / "a" / "up").symlink_to("..", target_is_directory=True)
    except OSError:
        pytest.skip("no symbolic links here")
    assert [tmp_path / "a" / "x.txt"] == expand_inputs(str(tmp_path / "**" / "*.txt"))


def test_sources_same_file_given_twice_is_read_once(tmp_path):
    path = write_tree(tmp_path, ["a.txt", "sub/b.txt"]) / "a.txt"
    assert [path, tmp_path / "sub" / "b.txt"] == expand_inputs([path, tmp_path / "sub" / ".." / "a.txt", tmp_path])


# --- encodings ---------------------------------------------------------------------------------

CURLY = "Envoy visit\nThe envoy said \u201cwe will return\u201d to Velmora."


@pytest.mark.parametrize(("data", "encoding"), [
    (CURLY.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + CURLY.encode("utf-8"), "utf-8"),
    (CURLY.encode("utf-16"), "utf-16"),  # with byte-order mark
    (b"\xfe\xff" + CURLY.encode("utf-16-be"), "utf-16"),  # big-endian
    (CURLY.encode("utf-32"), "utf-32"),
    (CURLY.encode("cp1252"), "cp1252"),  # curly quotes are bytes 0x93 and 0x94
])
def test_sources_encodings_decode_curly_quotes(write, data, encoding):
    [document] = read_file(write("visit.txt", data))
    assert (encoding, "Envoy visit", "The envoy said \u201cwe will return\u201d to Velmora.") == (
        document.encoding, document.title, document.body)


@pytest.mark.parametrize(("data", "encoding", "text"), [
    (b"Caf\xe9 talks\nThe envoys met at the caf\xe9.", "cp1252", "caf\u00e9"),  # latin-1 text, cp1252 superset
    (b"Talks\nThe envoys met\x81 at the caf\xe9.", "latin-1", "caf\u00e9"),  # 0x81 is undefined in cp1252
    (b"Talks\nThe \xc3\xa9lite met at the caf\xe9 \xc3.", "cp1252", "\u00c3\u00a9lite"),  # more stray than UTF-8
])
def test_sources_encoding_fallbacks(write, data, encoding, text):
    [document] = read_file(write("cafe.txt", data))
    assert (encoding, True) == (document.encoding, text in document.body)


@pytest.mark.parametrize(("data", "body"), [
    (b"Talks\nThe envoys met \xc3 at the caf\xc3\xa9.", "The envoys met \u00c3 at the caf\u00e9."),  # a cut character
    ("Talks\nThe envoy said \u201cyes\u201d at the caf\u00e9 \u2013 ".encode() + b"\x93no\x94.",
     "The envoy said \u201cyes\u201d at the caf\u00e9 \u2013 \u201cno\u201d."),  # Windows-1252 quotes pasted in
    (b"Talks\n\xe2\x80\x9cYes\xe2\x80\x9d at the caf\xc3\xa9 \x81 noon.", "\u201cYes\u201d at the caf\u00e9 \x81 noon."),
])
def test_sources_mostly_utf8_keeps_utf8_and_reads_stray_bytes_as_cp1252(write, data, body):
    with pytest.warns(UserWarning, match="not UTF-8 were read as Windows-1252"):
        [document] = read_file(write("cafe.txt", data))
    assert ("utf-8", body) == (document.encoding, document.body)


@pytest.mark.parametrize(("data", "error"), [
    (b"", errors.EmptyInputError),
    (b"   \n\t\r\n", errors.EmptyInputError),
    (b"Envoys\x00met", errors.BinaryInputError),
    (b"\x00\x00\x00\x00", errors.BinaryInputError),
    (random.Random(7).randbytes(4096), errors.BinaryInputError),
    (random.Random(8).randbytes(4096).replace(b"\x00", b"\x01"), errors.BinaryInputError),  # no NUL byte
    (b"\xff\xfe" + b"\x00\xd8" * 8, errors.BinaryInputError),  # a UTF-16 BOM before broken surrogates
    (b"\xff\xfe" + "Envoys\x00met".encode("utf-16-le"), errors.BinaryInputError),
    (b"PK\x03\x04\x14\x00\x06\x00\x08\x00", errors.BinaryInputError),  # a zip (e.g. .docx renamed)
])
def test_sources_empty_and_binary_files_raise(write, data, error):
    with pytest.raises(error):
        read_file(write("article.txt", data))


@pytest.mark.parametrize(("data", "error"), [
    (b"", errors.EmptyInputError),
    (b"Troops\x00moved", errors.BinaryInputError),
])
def test_sources_decode_errors(data, error):
    with pytest.raises(error):
        decode(data)


def test_sources_decode_a_few_control_characters_are_text():
    assert ("Envoys\x07 met.", "utf-8") == decode(b"Envoys\x07 met.")


@pytest.mark.parametrize(("size", "max_chars", "error"), [
    (1_000, 100, errors.InputTooLargeError),
    (1_000, 1_000, None),
])
def test_sources_file_above_size_limit_raises(write, size, max_chars, error):
    path = write("long.txt", "x" * size)
    if error is None:
        assert 1 == len(read_file(path, max_chars=max_chars))
    else:
        with pytest.raises(error, match="above the per-article limit"):
            read_file(path, max_chars=max_chars)


# --- front matter ------------------------------------------------------------------------------

BILLION_LAUGHS = "---\n" + 'a: &a ["talks", "talks", "talks", "talks", "talks", "talks", "talks", "talks"]\n' + "".join(
    f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)) + "---\nEnvoys met.\n"


@pytest.mark.parametrize(("content", "problem"), [
    ("---\ntitle: Envoys meet\nEnvoys met in Velmora.\n", "no closing"),
    ("---\n- talks\n- troops\n---\nEnvoys met.\n", "got a list"),
    ("---\njust a sentence\n---\nEnvoys met.\n", "got a str"),
    ("---\ntitle: [unclosed\n---\nEnvoys met.\n", "expected ','"),
    ("---\ntitle: a: b: c\n---\nEnvoys met.\n", "mapping values are not allowed"),
    ("---\ntitle: Talks\n\ttab: x\n---\nEnvoys met.\n", "tab"),
    (BILLION_LAUGHS, "aliases are not allowed"),
    ("---\nbase: &b {title: Talks}\nother: *b\n---\nEnvoys met.\n", "aliases are not allowed"),
    ("---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\nEnvoys met.\n", "nested deeper"),
    ("---\ntitle: !!python/object:collections.OrderedDict {}\n---\nEnvoys met.\n", "python/object"),
    ("---\ntitle: !custom Talks\n---\nEnvoys met.\n", "!custom"),
    ("---\npublished: 2022-02-30\n---\nEnvoys met.\n", "day is out of range for month"),
    ("---\npublished: 0000-01-01\n---\nEnvoys met.\n", "year 0 is out of range"),
    ("---\npublished: !!timestamp 'soon'\n---\nEnvoys met.\n", "groupdict"),
    ("---\nid: !!int 'seven'\n---\nEnvoys met.\n", "invalid literal for int()"),
    ("---\nid: " + "9" * 5000 + "\n---\nEnvoys met.\n", "a number longer than 100 characters"),
    ("---\nid: 0x" + "f" * 5000 + "\n---\nEnvoys met.\n", "a number longer than 100 characters"),
    ('---\ntitle: "\\U00110000"\n---\nEnvoys met.\n', "chr() arg not in range"),
    ("---\n? [a, b]\n: c\n---\nEnvoys met.\n", "unhashable"),
])
def test_sources_bad_front_matter_raises(write, content, problem):
    with pytest.raises(errors.FrontMatterError, match="malformed YAML front matter") as info:
        read_file(write("talks.md", content))
    assert problem in str(info.value)


def test_sources_front_matter_alias_bomb_is_refused_quickly(write):
    path = write("bomb.txt", BILLION_LAUGHS)
    started = time.perf_counter()
    with pytest.raises(errors.FrontMatterError):
        read_file(path)
    assert 1.0 > time.perf_counter() - started


def test_sources_front_matter_python_tags_are_never_executed(write, tmp_path):
    marker = tmp_path / "executed"
    content = f"---\ntitle: !!python/object/apply:pathlib.Path.touch [!!python/object/apply:pathlib.Path ['{marker}']]\n---\nBody.\n"
    with pytest.raises(errors.FrontMatterError):
        read_file(write("evil.txt", content))
    assert not marker.exists()


@pytest.mark.parametrize(("text", "meta", "body"), [
    ("---\ntitle: Talks\n---\nBody", {"title": "Talks"}, "Body"),
    ("---\r\ntitle: Talks\r\n---\r\nBody", {"title": "Talks"}, "Body"),
    ("---\ntitle: Talks\n...\nBody", {"title": "Talks"}, "Body"),
    ("---\n---\nBody", {}, "Body"),
    ("\ufeff---\ntitle: Talks\n---\nBody", {"title": "Talks"}, "Body"),
    ("Body\n---\ntitle: Talks\n---\n", {}, "Body\n---\ntitle: Talks\n---\n"),
    (" ---\ntitle: Talks\n---\nBody", {}, " ---\ntitle: Talks\n---\nBody"),
])
def test_sources_split_front_matter(text, meta, body):
    assert (meta, body) == split_front_matter(text)


@pytest.mark.parametrize(("front_matter", "title"), [
    ('title: "Envoys\\0 meet\\x07 again"', "Envoys meet again"),  # control characters dropped
    ('title: "\\ufeffEnvoys\\u200b meet"', "Envoys meet"),  # invisible characters dropped
    ('title: "Envoys \\ud800 meet"', "Envoys \ufffd meet"),  # a lone surrogate cannot be written out
    ("title: 12345678901234567890", "12345678901234567890"),
])
def test_sources_front_matter_text_is_cleaned(write, front_matter, title):
    [document] = read_file(write("talks.txt", f"---\n{front_matter}\n---\nEnvoys met.\n"))
    assert title == document.title


def test_sources_front_matter_non_text_values_are_ignored(write):
    [document] = read_file(write("talks.txt", "---\ntitle: [a, list]\nsource: {a: 1}\n---\nFirst line\nSecond.\n"))
    assert ("First line", None) == (document.title, document.source)


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("2022-01-20", "2022-01-20"),
    ("2022-01-20T23:30:00-05:00", "2022-01-20"),  # local date, not the UTC one (21st)
    ("2022-01-20 01:30:00+09:00", "2022-01-20"),  # local date, not the UTC one (19th)
    ("2022-01-20T23:30:00Z", "2022-01-20"),
    ("20 January 2022", "2022-01-20"),
    ("Jan 20, 2022", "2022-01-20"),
    ("20220120", "2022-01-20"),
    (datetime.date(2022, 1, 20), "2022-01-20"),
    (datetime.datetime(2022, 1, 20, 23, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=-5))), "2022-01-20"),
    (pd.Timestamp("2022-01-20 18:00"), "2022-01-20"),
    (None, None),
    ("", None),
    ("   ", None),
    (float("nan"), None),
])
def test_sources_parse_date(value, expected):
    assert (None if expected is None else pd.Timestamp(expected)) == parse_date(value)


@pytest.mark.parametrize("value", [
    "not a date", "2022-13-45", "next Tuesday", True, 1.5, "2022-01-20 " + "x" * 200,
    "2022", 2022, "Feb 2022", "2022-02",  # no day: a day would be made up
    "now", "today", "Yesterday",  # relative: the date of the run, not of the article
    "9999-12-31", "1500-01-01", datetime.date(1500, 1, 1),  # outside the years a datetime64[ns] column holds
])
def test_sources_unreadable_date_is_none_with_warning(value):
    with pytest.warns(UserWarning, match="cannot read the date"):
        assert None is parse_date(value, where="talks.txt")


def test_sources_unreadable_front_matter_date_warns_with_path(write):
    path = write("talks.txt", "---\ntitle: Talks\npublished: sometime soon\n---\nEnvoys met.\n")
    with pytest.warns(UserWarning, match=r"talks\.txt: cannot read the date 'sometime soon'"):
        [document] = read_file(path)
    assert document.published is None


@pytest.mark.parametrize(("front_matter", "published"), [
    ("published: 2022-01-20", "2022-01-20"),  # a YAML date
    ("published: 2022-01-20 23:30:00-05:00", "2022-01-20"),  # a YAML timestamp with a zone
    ("date: '2022-01-20'", "2022-01-20"),
    ("published_time: 2022-01-20T10:00:00", "2022-01-20"),
    ("published: 2022-01-20\ndate: 2021-05-05", "2022-01-20"),  # published wins
    ("modified_time: 2022-01-20", None),
])
def test_sources_front_matter_date_keys(write, front_matter, published):
    [document] = read_file(write("talks.txt", f"---\ntitle: T\n{front_matter}\n---\nEnvoys met.\n"))
    assert (None if published is None else pd.Timestamp(published)) == document.published


def test_sources_out_of_range_date_does_not_break_a_corpus(write):
    path = write("talks.txt", "---\ntitle: Talks\npublished: 9999-12-31\n---\nEnvoys met in Velmora.\n")
    with pytest.warns(UserWarning, match="cannot read the date"):
        corpus = crisislens.Corpus.from_paths(path, progress=False)
    assert (1, True) == (len(corpus), corpus.articles.published.isna().all())
