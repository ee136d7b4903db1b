"""The report (report.html with charts, tables, highlighted articles, provenance) and highlighted text."""

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import crisislens
from crisislens.cli import main
from crisislens.highlight import article_html
from crisislens.report import write_report

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
VOID = {"meta", "img", "br", "hr", "input", "link"}


class _Checker(HTMLParser):
    """Collects tags and checks that every element is closed in order."""

    def __init__(self):
        super().__init__()
        self.stack, self.problems, self.images, self.links = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "img":
            self.images.append(attributes.get("src", ""))
        for name in ("src", "href"):
            if (attributes.get(name) or "").startswith(("http:", "https:", "//")):
                self.links.append(attributes[name])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def checked(page):
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert [] == checker.problems
    assert [] == checker.stack
    return checker


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    corpus = crisislens.Corpus.from_paths(ARTICLES, progress=False)
    return write_report(corpus, out, inputs=["data/articles"]), corpus


def test_report_is_valid_self_contained_html_with_every_chart(seed_report):
    page, _ = seed_report
    html = page.read_text(encoding="utf-8")
    checker = checked(html)
    assert 7 == len(checker.images)
    assert all(src.startswith("data:image/png;base64,") for src in checker.images)
    assert [] == checker.links  # opens without a network
    for heading in ("Who said what", "How troop numbers evolved", "Who met or called whom",
                    "Who sounded cooperative or confrontational", "Provenance"):
        assert heading in html


def test_report_writes_every_table_and_provenance(seed_report):
    page, _ = seed_report
    assert {f"{name}.csv" for name in crisislens.TABLES} | {"report.html"} == {p.name for p in page.parent.iterdir()}
    html = page.read_text(encoding="utf-8")
    assert f"crisislens: {crisislens.__version__}" in html and "inputs: data/articles" in html
    assert "ukraine-border-crisis-blinken.txt" in html
    assert "Diplomatic Path Remains Open" in html  # the highlighted article's heading


def test_report_from_tables_read_back_and_with_failed_inputs(tmp_path):
    (tmp_path / "in").mkdir()
    shutil.copy(ARTICLES / "ukraine-border-crisis-blinken.txt", tmp_path / "in")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    corpus = crisislens.Corpus.from_paths(tmp_path / "in", progress=False)
    corpus.to_parquet(tmp_path / "tables")
    page = write_report(crisislens.read_tables(tmp_path / "tables"), tmp_path / "out")
    html = page.read_text(encoding="utf-8")
    checked(html)
    assert "1 inputs failed" in html and "empty.txt" in html


def test_report_of_an_empty_corpus_says_so(tmp_path):
    page = write_report({}, tmp_path)
    html = page.read_text(encoding="utf-8")
    assert 7 == len(checked(html).images)  # every chart, each saying "no data"
    assert "No articles." in html and "Every input was read and parsed." in html


def test_cli_report_writes_the_page(tmp_path, capsys):
    assert 0 == main(["report", str(ARTICLES), "--out", str(tmp_path), "--max-articles", "1"])
    assert (tmp_path / "report.html").exists() and (tmp_path / "quotes.csv").exists()
    assert "for 1 article;" in capsys.readouterr().out


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed (Debian package chromium)")
def test_report_screenshot_is_not_blank(seed_report, tmp_path):
    from matplotlib import image

    page, _ = seed_report
    shot = tmp_path / "report.png"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--window-size=1200,1600", f"--screenshot={shot}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    pixels = image.imread(shot)
    assert pixels.std() > 0.05  # text, charts and colours, not a blank page


def test_highlight_marks_nested_annotations_and_escapes_text():
    article = crisislens.parse('Secretary of State Antony Blinken said "more than 100,000 troops <massed>".',
                               published="2022-02-13")
    html = article_html(article.tables())
    checked(html)
    assert 'class="cl-figure cl-quote"' in html  # the figure inside the quote keeps both marks
    assert "cl-speaker" in html and "Antony Blinken (person, USA)" in html
    assert "&lt;massed&gt;" in html and "<massed>" not in html
    assert article._repr_html_() == article.highlighted()


def test_highlight_of_no_text():
    assert "(no text)" in article_html({"sentences": pd.DataFrame(columns=["article_id", "start", "end", "text"])})
