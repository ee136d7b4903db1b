"""The report: one static ``report.html`` that answers, with charts, who said what, how troop numbers
evolved, who met or called whom, and who sounded cooperative, for any corpus.

:func:`write_report` takes the tables of a corpus run (a :class:`~crisislens.Corpus`, or tables read back
with :func:`crisislens.read_tables`) and writes, into one folder, the tables (CSV, spreadsheet-safe)
and ``report.html``: counts, every chart of :mod:`crisislens.plots` embedded as PNG (``data:`` URLs, so
the file opens without a server or network), the main tables, the highlighted articles
(:mod:`crisislens.highlight`), the errors, and provenance (which inputs, which crisislens version,
when, on which Python and pandas).

Example:
    >>> import tempfile, crisislens
    >>> corpus = crisislens.Corpus.from_paths("data/articles", progress=False)
    >>> with tempfile.TemporaryDirectory() as out:
    ...     path = write_report(corpus, out, inputs=["data/articles"])
    ...     "<img" in path.read_text(encoding="utf-8")
    True
"""

from __future__ import annotations

import base64
import datetime
import html
import io
import os
import platform
from collections.abc import Mapping, Sequence
from pathlib import Path

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

from crisislens import plots, tables
from crisislens.highlight import STYLE, article_html, legend_html

MAX_ARTICLES = 20
"""Highlighted articles shown by default (the most quoted first); the tables hold every article."""
MAX_ROWS = 200
"""Rows of each table shown in the page; the CSV files hold them all."""

_PAGE_STYLE = """
body { font-family: sans-serif; margin: 2em auto; max-width: 70em; color: #222; }
h1 { margin-bottom: 0.2em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
table.cl-table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0 1em 0; }
table.cl-table th, table.cl-table td { border: 1px solid #ddd; padding: 0.2em 0.5em; text-align: left;
  vertical-align: top; max-width: 40em; }
table.cl-table th { background: #f2f2f2; }
.cl-chart { margin: 1em 0; } .cl-chart img { max-width: 100%; border: 1px solid #eee; }
.cl-note { color: #555; font-size: 0.9em; }
nav a { margin-right: 1em; }
details { margin: 0.6em 0; } summary { cursor: pointer; font-weight: bold; }
"""


def write_report(corpus: object, out: str | os.PathLike[str], *, inputs: Sequence[str] = (),
                 title: str = "crisislens report", max_articles: int = MAX_ARTICLES) -> Path:
    """Write the tables and ``report.html`` into ``out`` and return the report's path.

    Args:
        corpus: a :class:`~crisislens.Corpus` (or anything with a ``tables()`` method), or a mapping
            of table name to DataFrame.
        out: the folder to write (created if needed).
        inputs: the inputs as the user gave them, for the provenance section.
        title: the page title.
        max_articles: how many highlighted articles to include.
    """
    frames = _tables_of(corpus)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        tables.write_csv(frame, folder / f"{name}.csv")
    page = folder / "report.html"
    page.write_text(report_html(frames, inputs=inputs, title=title, max_articles=max_articles), encoding="utf-8")
    return page


def report_html(frames: Mapping[str, pd.DataFrame], *, inputs: Sequence[str] = (), title: str = "crisislens report",
                max_articles: int = MAX_ARTICLES) -> str:
    """The report as one HTML document (see :func:`write_report`)."""
    articles, quotes, figures, contacts = (frames[n] for n in ("articles", "quotes", "figures", "contacts"))
    sections = [
        ("summary", "What is in this corpus", _summary(frames)),
        ("quotes", "Who said what", _charts([plots.quotes_by_speaker(quotes)])
         + _table(quotes, ["article_id", "speaker", "speaker_country", "kind", "cue", "stance", "text"],
                  "The statements (first rows; quotes.csv has them all)")),
        ("stance", "Who sounded cooperative or confrontational", _stance_note()
         + _charts([plots.stance_by_speaker(quotes, min_quotes=1), plots.stance_by_country(quotes, min_quotes=1),
                    plots.stance_over_time(quotes, articles)])),
        ("troops", "How troop numbers evolved", _charts([plots.troop_figures(figures, articles)])
         + _table(figures[figures["category"] == "troops"] if "category" in figures else figures,
                  ["article_id", "text", "value", "low", "high", "qualifier", "actor", "claimed_by"], "Troop figures")),
        ("contacts", "Who met or called whom", _charts([plots.contact_network(contacts),
                                                         plots.contact_timeline(contacts, articles)])
         + _table(contacts, ["article_id", "contact_id", "kind", "status", "date", "actor1", "actor2", "location"],
                  "Contacts, one row per pair of parties")),
        ("articles", "The articles, highlighted", _articles(frames, max_articles)),
        ("errors", "Inputs that failed", _errors(frames["errors"])),
        ("provenance", "Provenance", _provenance(frames, inputs)),
    ]
    nav = "".join(f'<a href="#{key}">{html.escape(heading)}</a>' for key, heading, _ in sections)
    body = "".join(f'<section id="{key}"><h2>{html.escape(heading)}</h2>{content}</section>'
                   for key, heading, content in sections)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{_PAGE_STYLE}{STYLE}</style></head><body><h1>{html.escape(title)}</h1><nav>{nav}</nav>"
            f"{body}</body></html>\n")


def _tables_of(corpus: object) -> dict[str, pd.DataFrame]:
    if isinstance(corpus, Mapping):
        given = dict(corpus)
    elif hasattr(corpus, "tables"):
        given = corpus.tables()  # type: ignore[attr-defined]
    else:
        raise TypeError(f"expected a Corpus or a mapping of tables, not {type(corpus).__name__}")
    return {name: tables.conform(name, given[name]) if name in given else tables.empty(name)
            for name in tables.TABLES}


def _summary(frames: Mapping[str, pd.DataFrame]) -> str:
    articles = frames["articles"]
    published = pd.to_datetime(articles["published"]).dropna()
    span = (f"published {published.min():%d %B %Y} to {published.max():%d %B %Y}" if len(published)
            else "no publication dates")
    counts = {
        "articles": len(articles), "words": int(articles["n_words"].fillna(0).sum()) if len(articles) else 0,
        "statements": len(frames["quotes"]), "speakers": frames["quotes"]["speaker"].nunique(),
        "figures": len(frames["figures"]), "contacts": frames["contacts"].groupby(
            ["article_id", "contact_id"]).ngroups if len(frames["contacts"]) else 0,
        "failed inputs": len(frames["errors"]),
    }
    items = "".join(f"<li><b>{value:,}</b> {html.escape(name)}</li>" for name, value in counts.items())
    return f"<p>{html.escape(span)}.</p><ul>{items}</ul>"


def _stance_note() -> str:
    return ('<p class="cl-note"><code>stance</code> runs from -1 (confrontational) to +1 (cooperative): the '
            "terms of the stance lexicon that a statement contains, with negations and hedges taken into "
            "account; <code>tone</code> is TextBlob's polarity of the wording. Each bar says how many "
            "statements stand behind it.</p>")


def _charts(figures: Sequence[Figure]) -> str:
    return "".join(f'<div class="cl-chart"><img alt="{html.escape(_title_of(fig), quote=True)}" '
                   f'src="data:image/png;base64,{_png(fig)}"></div>' for fig in figures)


def _png(fig: Figure) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, metadata={"Software": None})
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _title_of(fig: Figure) -> str:
    titles = [ax.get_title(loc) for ax in fig.axes for loc in ("center", "left") if ax.get_title(loc)]
    return titles[0].splitlines()[0] if titles else "chart"


def _table(frame: pd.DataFrame, columns: Sequence[str], caption: str) -> str:
    shown = frame[[c for c in columns if c in frame.columns]].head(MAX_ROWS)
    if shown.empty:
        return f'<p class="cl-note">{html.escape(caption)}: none.</p>'
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row) + "</tr>"
                   for row in shown.itertuples(index=False))
    head = "".join(f"<th>{html.escape(c)}</th>" for c in shown.columns)
    more = f" ({len(frame):,} rows; the first {len(shown):,} shown)" if len(frame) > len(shown) else ""
    return (f"<details><summary>{html.escape(caption)}{more}</summary><table class=\"cl-table\"><tr>{head}</tr>"
            f"{rows}</table></details>")


def _cell(value: object) -> str:
    if value is None or value is pd.NaT or (not isinstance(value, str) and pd.isna(value)):  # type: ignore[arg-type]
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return str(value)


def _articles(frames: Mapping[str, pd.DataFrame], limit: int) -> str:
    articles = frames["articles"]
    if articles.empty:
        return '<p class="cl-note">No articles.</p>'
    quoted = frames["quotes"]["article_id"].value_counts()
    order = articles.assign(n_quotes=articles["article_id"].map(quoted).fillna(0)).sort_values(
        ["n_quotes", "article_id"], ascending=[False, True], kind="stable")
    shown = order.head(limit)
    note = (f'<p class="cl-note">{len(shown)} of {len(articles):,} articles, the most quoted first. Hover a mark to '
            "see what it was resolved to.</p>")
    parts = []
    for row in shown.itertuples(index=False):
        heading = html.escape(str(row.title) if isinstance(row.title, str) and row.title else str(row.article_id))
        parts.append(f"<details><summary>{heading} <span class=\"cl-note\">({html.escape(str(row.article_id))})"
                     f"</span></summary>{article_html(frames, str(row.article_id), style=False, legend=False)}"
                     "</details>")
    return note + legend_html() + "".join(parts)


def _errors(errors: pd.DataFrame) -> str:
    if errors.empty:
        return '<p class="cl-note">Every input was read and parsed.</p>'
    return _table(errors, ["path", "article_id", "error", "message"], f"{len(errors):,} inputs failed")


def _provenance(frames: Mapping[str, pd.DataFrame], inputs: Sequence[str]) -> str:
    from crisislens import __version__

    paths = frames["articles"]["path"].dropna().astype(str).unique().tolist()
    listed = "".join(f"<li>{html.escape(p)}</li>" for p in paths[:MAX_ROWS])
    more = f"<li>... and {len(paths) - MAX_ROWS:,} more (articles.csv)</li>" if len(paths) > MAX_ROWS else ""
    facts = {
        "inputs": ", ".join(inputs) or "(not given)",
        "generated": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "crisislens": __version__, "python": platform.python_version(), "pandas": pd.__version__,
        "matplotlib": matplotlib.__version__,
    }
    items = "".join(f"<li>{html.escape(k)}: {html.escape(v)}</li>" for k, v in facts.items())
    return (f"<ul>{items}</ul><details><summary>Files read ({len(paths):,})</summary><ul>{listed}{more}</ul>"
            "</details><p class=\"cl-note\">The tables next to this page (CSV) hold every row; text cells a "
            "spreadsheet would run as formulas start with an apostrophe.</p>")
