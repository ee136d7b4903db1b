"""Write the narrative notebooks from their cell sources and run them top to bottom.

Usage: python scripts/build_notebooks.py      (needs the notebooks extra: pip install -e ".[notebooks]")

The stored outputs are what `python -m pytest` (nbval) compares against, so run this after any
change that alters a notebook's output, and commit the result.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"


def one_article() -> list[tuple[str, str]]:
    """Cells of 01-one-article: what crisislens makes of a single report."""
    return [
        ("md", "# One article, read as data\n\n"
               "**Question:** what does crisislens find in a single news report, and how can a reader check it?\n\n"
               "**Data:** the founding sample article in `data/articles/`, a report of 13 February 2022 on the "
               "Russia-Ukraine border crisis (provenance in `data/README.md`)."),
        ("md", "## Parse the article\n\nOne call reads the file, its front matter and its text. "
               "The result knows its title and publication date."),
        ("code", "import crisislens\n\n"
                 "article = crisislens.parse(\"../data/articles/ukraine-border-crisis-blinken.txt\")\n"
                 "article"),
        ("code", "article.info[[\"article_id\", \"published\", \"dateline\", \"n_sentences\", \"n_words\"]]"),
        ("md", "## Sentences\n\nThe text is split into sentences. The dateline (`JAKARTA -`) is not part of "
               "the first sentence, and the page's `SEE ALSO:` link box is gone. Each row carries `start` and "
               "`end`, offsets into `article.text`."),
        ("code", "article.sentences[[\"sentence_id\", \"start\", \"end\", \"text\"]].head(8)"),
        ("md", "Every offset points back to the text, so any row can be checked by hand:"),
        ("code", "row = article.sentences.iloc[2]\n"
                 "article.text[row.start:row.end] == row.text, row.text"),
        ("md", "## Who is in the article\n\nEvery mention of a person, state, organisation or unnamed source is "
               "resolved to one canonical actor: \"Moscow\" and \"the Kremlin\" are Russia, and \"Foreign "
               "Minister Blinken\" (the article's slip) is still Antony Blinken, Secretary of State."),
        ("code", "article.actors.sort_values(\"n_mentions\", ascending=False)"
                 "[[\"actor\", \"kind\", \"country\", \"role\", \"n_mentions\"]].head(10)"),
        ("md", "The `mentions` table shows how each one was found (`via`): a dictionary name, an adjective, a "
               "seat of government standing for its state, a title, or a coreference."),
        ("code", "article.mentions[article.mentions.kind.isin([\"person\", \"anonymous\"])]"
                 "[[\"sentence_id\", \"text\", \"actor\", \"via\"]]"),
        ("md", "## Who said what\n\nEach attributed statement is a row: direct quotes, reported speech, "
               "mixed quotes, and statements reported inside other statements (`parent_quote_id`)."),
        ("code", "quotes = article.quotes[[\"quote_id\", \"kind\", \"speaker\", \"addressee\", \"parent_quote_id\", \"text\"]]\n"
                 "quotes.assign(text=quotes.text.str.slice(0, 60))"),
        ("md", "How many statements does each speaker get?"),
        ("code", "article.quotes.speaker.value_counts()"),
        ("md", "## Tone\n\n`tone` is TextBlob's polarity (from -1, negative, to +1, positive). Which sentences "
               "sound most negative?"),
        ("code", "article.sentences.sort_values(\"tone\")[[\"sentence_id\", \"tone\", \"text\"]].head(3)"),
        ("md", "And which sound most positive?"),
        ("code", "article.sentences.sort_values(\"tone\", ascending=False)[[\"sentence_id\", \"tone\", \"text\"]].head(3)"),
        ("md", "The most positive sentence is the order to evacuate the US embassy in Kyiv. Polarity measures "
               "wording, not politics: words like \"most\" carry positive weight in its lexicon whatever they "
               "describe. The cooperation-conflict `stance` score, built for this kind of text, is the next "
               "step of the project; its column is already in the table and empty until then."),
        ("md", "## Exercises\n\n"
               "1. Which paragraph has the most sentences? (Hint: `groupby(\"paragraph_id\")`.)\n"
               "2. Which statements are reported speech rather than direct quotes, and who made them?\n"
               "3. Parse a text of your own with `crisislens.parse(\"...\", published=\"2022-02-14\")` and "
               "compare its tone with this article's.\n"
               "4. Find a sentence whose tone you disagree with, and explain what the polarity lexicon misread."),
    ]


def build(name: str, cells: list[tuple[str, str]]) -> Path:
    """Write notebook ``name`` from ``cells`` and execute it in the notebooks folder."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell(src) if kind == "md" else nbformat.v4.new_code_cell(src)
                      for kind, src in cells]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(notebook, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    path = NOTEBOOKS / f"{name}.ipynb"
    nbformat.write(notebook, path)
    return path


if __name__ == "__main__":
    print(build("01-one-article", one_article()), file=sys.stdout)
